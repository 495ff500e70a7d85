"""Build the frozen Omroeper from packaging/omroeper.spec and say how big it is and why.

python packaging/build.py [--dist DIR] [--work DIR]   build (default: dist/ and build/)
python packaging/build.py --sizes FROZEN              only the size breakdown of a build
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "omroeper.spec"
MB = 1024 * 1024

# What takes the space, grouped the way a person would ask about it (first match wins).
GROUPS = tuple(
    (label, re.compile(pattern))
    for label, pattern in (
        ("Qt: libraries", r"PySide6/Qt/lib/|\.framework/|(^|/)Qt6\w+\.dll$"),
        ("Qt: plugins and translations", r"PySide6/(Qt/)?(plugins|translations)/"),
        ("Qt: Python bindings (PySide6, shiboken6)", r"PySide6/|shiboken6/"),
        ("photos: Pillow, pillow-heif (HEIC, AVIF, x265)", r"PIL/|pillow"),
        ("Bluesky: atproto, pydantic", r"atproto|pydantic|libipld"),
        ("cryptography, OpenSSL", r"cryptography|libcrypto|libssl|_ssl\.|_hashlib\."),
        (
            "Python itself",
            r"libpython|python3\d*\.dll|base_library\.zip|lib-dynload/|python3\.\d+/|/Python$",
        ),
        ("Omroeper itself", r"composer/|(^|/)(Omroeper|omroeper-cli)(\.exe)?$"),
        ("system libraries (the Linux build carries its own)", r"_internal/lib[^/]*\.so"),
    )
)
OTHER = "other Python modules: the standard library, requests, keyring, Mastodon.py, regex, …"


def build(dist: Path, work: Path) -> tuple[Path, float]:
    """Run PyInstaller on the spec; return the frozen folder (or .app) and the seconds taken."""
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(command, cwd=ROOT, check=True)
    seconds = time.monotonic() - started
    app = dist / "Omroeper.app"
    return (app if app.is_dir() else dist / "Omroeper"), seconds


def sizes(frozen: Path) -> tuple[int, Counter, list[tuple[int, str]]]:
    """Total bytes, bytes per group, and the largest single files."""
    groups: Counter = Counter()
    files = []
    for path in frozen.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue  # macOS bundles link the same library from two places
        name = path.relative_to(frozen).as_posix()
        size = path.stat().st_size
        files.append((size, name))
        group = next((label for label, pattern in GROUPS if pattern.search(name)), OTHER)
        groups[group] += size
    files.sort(reverse=True)
    return sum(size for size, _name in files), groups, files[:12]


def size_report(frozen: Path) -> str:
    total, groups, largest = sizes(frozen)
    lines = [f"{frozen.name}: {total / MB:.0f} MB on disk"]
    for label, size in groups.most_common():
        lines.append(f"  {size / MB:6.1f} MB  {label}")
    lines.append("largest files:")
    lines += [f"  {size / MB:6.1f} MB  {name}" for size, name in largest]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--sizes", type=Path, metavar="FROZEN", help="only report the sizes")
    args = parser.parse_args(argv)
    if args.sizes:
        print(size_report(args.sizes))
        return 0
    frozen, seconds = build(args.dist, args.work)
    print(f"built {frozen} in {seconds:.0f} s")
    print(size_report(frozen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
