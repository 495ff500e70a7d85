"""The frozen program's entry point: the same `omroeper` command as the console script.

OMROEPER_SMOKE_REPORT=FILE is for packaging/smoke_test.py only: the window closes itself once
it is shown, and FILE gets what the window showed and what the frozen bundle can import. (A
windowed Windows program has no stdout, hence a file.) Without it, nothing here runs.
"""

from __future__ import annotations

import importlib
import json
import os
import sys

REPORT = "OMROEPER_SMOKE_REPORT"
KEYRING_ROUNDTRIP = "OMROEPER_SMOKE_KEYRING"
# The app sets its window icon after the first paint (composer/ui/app.py, started): on a slow
# machine (Wine, a busy runner) that can take seconds. The check waits for it, this long at most.
ICON_WAIT_MS = 60_000
POLL_MS = 50
# Imported by name, so PyInstaller's analysis of this file cannot be what bundles them.
BUNDLED = (
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.chainer",
    "truststore",
    "pillow_heif",
    "atproto",
    "mastodon",
    "standardwebhooks",
    "composer.ui.window.composer_window",
    "composer.ui.accounts.dialog",
)


def _smoke(report: dict[str, object]) -> None:
    """Once a window is shown and has the app icon (bounded wait), note what was seen and close."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["omroeper"])  # the app's code reuses it
    waited = QElapsedTimer()
    waited.start()

    def close_windows() -> None:
        shown = [widget for widget in app.topLevelWidgets() if widget.isVisible()]
        icon = app.windowIcon()
        if not (shown and not icon.isNull()) and waited.elapsed() < ICON_WAIT_MS:
            QTimer.singleShot(POLL_MS, close_windows)
            return
        report["waited_ms"] = waited.elapsed()
        report["qt_platform"] = app.platformName()
        report["windows"] = [
            {"class": type(widget).__name__, "title": widget.windowTitle()} for widget in shown
        ]
        report["icon"] = {
            "null": icon.isNull(),
            "pixels_16": not icon.pixmap(16, 16).isNull(),
            "pixels_256": not icon.pixmap(256, 256).isNull(),
        }
        report["qt_image_formats"] = sorted(
            bytes(name).decode() for name in QImageReader.supportedImageFormats()
        )
        for widget in shown:
            widget.close()  # as a person would: the app must then quit by itself

    QTimer.singleShot(0, close_windows)


def _bundle(report: dict[str, object]) -> None:
    modules = {}
    for name in BUNDLED:
        try:
            importlib.import_module(name)
            modules[name] = "ok"
        except Exception as error:  # the report says what is missing, the smoke test fails on it
            modules[name] = f"{type(error).__name__}: {error}"
    report["modules"] = modules
    from importlib.metadata import entry_points

    report["keyring_entry_points"] = sorted(
        f"{point.name}={point.value}" for point in entry_points(group="keyring.backends")
    )
    from keyring.backend import get_all_keyring

    report["keyring_viable"] = sorted(
        f"{type(ring).__module__}.{type(ring).__name__}" for ring in get_all_keyring()
    )
    if os.environ.get(KEYRING_ROUNDTRIP):
        report["keyring_roundtrip"] = _keyring_roundtrip()


def _keyring_roundtrip() -> dict[str, str]:
    """Store, read and delete one throwaway secret through the app's own credentials code."""
    import secrets

    from composer.core.accounts.credentials import CredentialError, Credentials

    credentials, account, value = Credentials(), "smoke-test", secrets.token_hex(16)
    try:
        credentials.store(account, {"token": value})
        read = credentials.load(account)
        credentials.delete(account)
    except CredentialError as error:
        return {"result": str(error), "backend": credentials.describe_backend()}
    result = "ok" if read == {"token": value} else "read back something else"
    return {"result": result, "backend": credentials.describe_backend()}


def main() -> int:
    from composer.__main__ import main as omroeper

    path = os.environ.get(REPORT)
    if not path:
        return omroeper()
    report: dict[str, object] = {
        "frozen": bool(getattr(sys, "frozen", False)),
        "utf8_mode": sys.flags.utf8_mode,
    }
    if not sys.argv[1:]:
        _smoke(report)
    try:
        report["exit"] = omroeper()
        _bundle(report)
    finally:
        with open(path, "w", encoding="utf-8") as file:
            json.dump(report, file, indent=2)
    return int(report["exit"])


if __name__ == "__main__":
    sys.exit(main())
