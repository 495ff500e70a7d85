"""Refresh the translation sources from the code, then compile them.

    python scripts/translations.py          # lupdate + lrelease
    python scripts/translations.py --check  # fail if a source is stale or unfinished

Translators edit composer/resources/translations/omroeper_nl.ts (Qt Linguist, or by hand);
omroeper_en.ts holds only the English plural forms. qt_nl.ts holds Qt's own words (standard
buttons, text fields' context menu): lupdate cannot find those in our code, so that file is
kept by hand and only compiled here.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "composer" / "resources" / "translations"
SOURCES = {"nl": [], "en": ["-pluralonly"]}
BY_HAND = ["qt_nl"]  # Qt's strings: no lupdate, or -no-obsolete would empty them


def catalogues() -> list[str]:
    """Every .ts (without suffix) that lrelease compiles."""
    return [f"omroeper_{language}" for language in SOURCES] + BY_HAND


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def python_files() -> list[str]:
    return sorted(str(path) for path in (ROOT / "composer").rglob("*.py"))


def update(folder: Path) -> None:
    """lupdate into `folder` (the real one, or a copy when checking)."""
    for language, options in SOURCES.items():
        ts = folder / f"omroeper_{language}.ts"
        subprocess.run(
            [
                tool("lupdate"),
                *python_files(),
                "-locations",
                "none",
                "-no-obsolete",
                "-target-language",
                language,
                *options,
                "-ts",
                str(ts),
            ],
            check=True,
            capture_output=True,
        )


def release(folder: Path, out: Path) -> None:
    for name in catalogues():
        subprocess.run(
            [
                tool("lrelease"),
                "-removeidentical",
                str(folder / f"{name}.ts"),
                "-qm",
                str(out / f"{name}.qm"),
            ],
            check=True,
            capture_output=True,
        )


def problems() -> list[str]:
    """What is stale, unfinished or uncompiled: empty when all is well."""
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for language in SOURCES:
            shutil.copy(FOLDER / f"omroeper_{language}.ts", copy)
        update(copy)
        for language in SOURCES:
            name = f"omroeper_{language}.ts"
            fresh = (copy / name).read_text(encoding="utf-8")
            if fresh != (FOLDER / name).read_text(encoding="utf-8"):
                found.append(f"{name} is not up to date with the code: run scripts/translations.py")
            if 'type="unfinished"' in fresh:
                found.append(f"{name} has unfinished translations")
        for name in BY_HAND:
            if 'type="unfinished"' in (FOLDER / f"{name}.ts").read_text(encoding="utf-8"):
                found.append(f"{name}.ts has unfinished translations")
        release(FOLDER, copy)
        for name in catalogues():
            if (copy / f"{name}.qm").read_bytes() != (FOLDER / f"{name}.qm").read_bytes():
                found.append(f"{name}.qm is not compiled from its .ts: run scripts/translations.py")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    if parser.parse_args().check:
        found = problems()
        print("\n".join(found) or "translations complete and current")
        return 1 if found else 0
    update(FOLDER)
    release(FOLDER, FOLDER)
    return 0


if __name__ == "__main__":
    sys.exit(main())
