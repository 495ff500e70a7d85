"""Start the frozen Omroeper and check that it works as the source does.

python packaging/smoke_test.py FROZEN [--keyring]

FROZEN is dist/Omroeper (a folder with Omroeper and omroeper-cli), dist/Omroeper.app, or where
an installer put the folder. Run with the Python that built it: its own `python -m composer` is
the reference the frozen program must match. The checks:

  version   `omroeper-cli --version` says composer.__version__
  check     `check --out` on packaging/smoke/draft.json (with a HEIC and an AVIF photo made
            here) gives the same exit status, JSON and fitted photos as the source
  languages `--help` in Dutch and in English, as the source prints them (translations bundled)
  window    the window opens offscreen, shows the app icon, closes by itself and the program
            ends with status 0; every keyring backend and library the app loads by name imports
  contents  the bundle holds the translations and icon, and none of the Qt it should leave out
  --keyring also store, read and delete a throwaway secret in the system keyring, frozen
  --only    just the named check (repeatable)
  --platform  Qt's platform for the window check: offscreen (default), or e.g. windows to open
            it on the real screen (the Wine build does, on Xvfb)

Every check raises AssertionError with what differed; tests/packaging calls them one by one.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import plistlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRAFT = HERE / "smoke" / "draft.json"
PHOTOS = {"photo.heic": (1600, 1200), "photo.avif": (1200, 900)}
TIMEOUT = 180  # seconds; a first start on a fresh runner can be slow (virus scan, Gatekeeper)
KEYRING_BACKENDS = {"Windows", "macOS", "SecretService", "libsecret", "KWallet", "chainer"}
LEFT_OUT = re.compile(
    r"Qt6?(WebEngine|Qml|Quick|Pdf|Multimedia|3D|VirtualKeyboard|Designer|Sql|Network)"
    r"|(^|[/\\])(lib)?qpdf\.|tkinter|_tkinter|keyrings[/\\]alt"
)


def _sibling(name: str):
    spec = importlib.util.spec_from_file_location(f"omroeper_packaging_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_info = _sibling("build_info")


def programs(frozen: Path) -> tuple[Path, Path]:
    """(windowed, console) program of a frozen folder or .app bundle."""
    folder = frozen / "Contents" / "MacOS" if frozen.suffix == ".app" else frozen
    suffix = ".exe" if sys.platform == "win32" else ""
    return folder / f"{build_info.GUI_EXE}{suffix}", folder / f"{build_info.CLI_EXE}{suffix}"


def environment(work: Path, **extra: str) -> dict[str, str]:
    """A clean environment: offscreen Qt, a throwaway profile, English unless told otherwise."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("OMROEPER_")}
    env.pop("PYTHONPATH", None)  # the frozen program must need nothing from outside
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "OMROEPER_PROFILE": str(work / "profile"),
        "OMROEPER_LANGUAGE": "en",
        "COLUMNS": "100",  # argparse wraps --help to the terminal's width
        "PYTHONUTF8": "1",  # for the reference run; the frozen one sets UTF-8 mode itself
    }
    return env | extra


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        env=env,
        cwd=cwd,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
        encoding="utf-8",
        errors="replace",
    )


def reference(*args: str) -> list[str]:
    """The same command from source: this Python's installed composer."""
    return [sys.executable, "-m", "composer", *args]


def check_version(frozen: Path, work: Path) -> None:
    _gui, cli = programs(frozen)
    result = run([str(cli), "--version"], environment(work), work)
    expected = f"omroeper {build_info.version()}"
    assert (result.returncode, result.stdout.strip()) == (0, expected), (
        f"--version: status {result.returncode}, {result.stdout!r}, {result.stderr!r}; "
        f"expected {expected!r}"
    )


def sample_draft(folder: Path) -> Path:
    """packaging/smoke/draft.json with its photos, made here: iPhone HEIC and an AVIF."""
    from PIL import Image
    from pillow_heif import register_heif_opener

    register_heif_opener()
    folder.mkdir(parents=True, exist_ok=True)
    for (name, size), colour in zip(PHOTOS.items(), [(200, 80, 40), (40, 80, 200)], strict=True):
        Image.new("RGB", size, colour).save(folder / name)
    return Path(shutil.copy(DRAFT, folder / DRAFT.name))


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def check_check(frozen: Path, work: Path) -> dict:
    _gui, cli = programs(frozen)
    draft = sample_draft(work / "draft")
    env = environment(work)
    frozen_run = run([str(cli), "check", str(draft), "--out", str(work / "out-frozen")], env, work)
    source_run = run(reference("check", str(draft), "--out", str(work / "out-source")), env, work)
    assert source_run.returncode == 0, f"the source's check failed: {source_run.stderr}"
    assert (frozen_run.returncode, frozen_run.stderr) == (0, ""), (
        f"frozen check: status {frozen_run.returncode}, stderr {frozen_run.stderr!r}"
    )
    report = json.loads(frozen_run.stdout)
    assert report == json.loads(source_run.stdout), "frozen check's JSON differs from the source's"
    targets = json.loads(DRAFT.read_text(encoding="utf-8"))["targets"]
    assert sorted(report["targets"]) == sorted(targets)
    for name, result in report["targets"].items():
        assert result["fits"], f"{name}: {result['problems']}"
        sizes = [(image["width"], image["height"]) for image in result["images"]]
        assert sizes == list(PHOTOS.values()), f"{name}: photos read as {sizes}"
    written, expected = _digests(work / "out-frozen"), _digests(work / "out-source")
    assert len(written) == len(targets) * len(PHOTOS), sorted(written)
    assert written == expected, "the frozen program fitted the photos differently"
    return report


def check_languages(frozen: Path, work: Path) -> dict[str, str]:
    _gui, cli = programs(frozen)
    seen = {}
    for language in ("en", "nl"):
        env = environment(work, OMROEPER_LANGUAGE=language)
        frozen_run = run([str(cli), "--help"], env, work)
        source_run = run(reference("--help"), env, work)
        assert frozen_run.returncode == 0, frozen_run.stderr
        assert frozen_run.stdout == source_run.stdout, f"--help in {language} differs from source"
        seen[language] = frozen_run.stdout
    assert seen["en"] != seen["nl"], "--help is the same in Dutch and English: no translations"
    return seen


def check_window(
    frozen: Path, work: Path, keyring: bool = False, platform: str = "offscreen"
) -> dict:
    gui, _cli = programs(frozen)
    report_file = work / "window-report.json"
    extra = {"OMROEPER_SMOKE_REPORT": str(report_file), "QT_QPA_PLATFORM": platform}
    if keyring:
        extra["OMROEPER_SMOKE_KEYRING"] = "1"
    result = run([str(gui)], environment(work, **extra), work)
    assert report_file.exists(), f"no report: status {result.returncode}, {result.stderr}"
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert result.returncode == 0 and report.get("exit") == 0, (
        f"window: status {result.returncode}, stderr {result.stderr}, report {report}"
    )
    assert report["frozen"] and report["utf8_mode"] == 1, report
    assert report.get("qt_platform") == platform.partition(":")[0], report.get("qt_platform")
    windows = report.get("windows", [])
    assert [window["class"] for window in windows] == ["ComposerWindow"], windows
    assert windows[0]["title"].startswith("Omroeper"), windows
    assert report["icon"] == {"null": False, "pixels_16": True, "pixels_256": True}, report["icon"]
    assert "svg" in report["qt_image_formats"], report["qt_image_formats"]
    failed = {name: state for name, state in report["modules"].items() if state != "ok"}
    assert not failed, f"not in the bundle: {failed}"
    points = {point.split("=")[0] for point in report["keyring_entry_points"]}
    assert points == KEYRING_BACKENDS, f"keyring backends found: {sorted(points)}"
    assert (work / "profile" / "logs" / "omroeper.log").exists(), "no log in the profile"
    if keyring:
        assert report["keyring_roundtrip"]["result"] == "ok", report["keyring_roundtrip"]
    return report


def check_contents(frozen: Path, work: Path) -> None:
    files = [path.relative_to(frozen).as_posix() for path in frozen.rglob("*") if path.is_file()]
    unwanted = sorted(name for name in files if LEFT_OUT.search(name))
    assert not unwanted, f"left in although unused: {unwanted[:20]}"
    for needed in (
        "composer/resources/translations/omroeper_nl.qm",
        "composer/resources/translations/omroeper_en.qm",
        "composer/resources/translations/qt_nl.qm",  # Qt's buttons and menus in Dutch
        "translations/qtbase_nl.qm",  # Qt's own, for the rest (PySide6[/Qt]/translations)
        "composer/resources/icons/omroeper.svg",
    ):
        assert any(name.endswith(needed) for name in files), f"missing: {needed}"
    assert not any(name.endswith(".ts") for name in files), "translation sources bundled"
    if frozen.suffix == ".app":
        info = plistlib.loads((frozen / "Contents" / "Info.plist").read_bytes())
        expected = build_info.info_plist(build_info.version())
        for key in ("CFBundleIdentifier", "CFBundleShortVersionString", "NSHighResolutionCapable"):
            assert info[key] == expected[key], f"Info.plist {key}: {info[key]!r}"
        assert info["NSRequiresAquaSystemAppearance"] is False, "no dark mode"
        assert info["CFBundleExecutable"] == build_info.GUI_EXE, info["CFBundleExecutable"]


CHECKS: dict[str, Callable[[Path, Path], object]] = {
    "version": check_version,
    "check": check_check,
    "languages": check_languages,
    "window": check_window,
    "contents": check_contents,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("frozen", type=Path, help="dist/Omroeper, dist/Omroeper.app, …")
    parser.add_argument("--keyring", action="store_true", help="round-trip a secret too")
    parser.add_argument("--only", action="append", choices=sorted(CHECKS), help="just this check")
    parser.add_argument(
        "--platform", default="offscreen", help="Qt platform for the window (windows: on screen)"
    )
    args = parser.parse_args(argv)
    failures = 0
    chosen = {name: check for name, check in CHECKS.items() if name in (args.only or CHECKS)}
    for name, check in chosen.items():
        with tempfile.TemporaryDirectory(prefix=f"omroeper-smoke-{name}-") as folder:
            said = ""
            try:
                if name == "window":
                    report = check_window(
                        args.frozen.resolve(), Path(folder), args.keyring, args.platform
                    )
                    if args.keyring:  # which store served: Wine's, Windows', macOS', …
                        said = f" (keyring: {report['keyring_roundtrip']['backend']})"
                else:
                    check(args.frozen.resolve(), Path(folder))
            except (AssertionError, subprocess.TimeoutExpired) as failure:
                failures += 1
                print(f"FAILED {name}: {failure}", flush=True)
            else:
                print(f"ok     {name}{said}", flush=True)
    print(f"smoke test of {args.frozen}: {len(chosen) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
