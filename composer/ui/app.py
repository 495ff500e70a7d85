"""The application: one QApplication, translations, the drafts store, one window."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from composer.core.logs import setup_logging
from composer.core.profile import profile_dir
from composer.core.settings import Settings
from composer.core.store.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error
from composer.i18n.translation import install
from composer.ui import restart
from composer.ui.errors.hooks import install_error_dialog
from composer.ui.style.appearance import follow_system_scheme

if TYPE_CHECKING:
    from composer.ui.tasks import Handle
    from composer.ui.window.composer_window import ComposerWindow

log = logging.getLogger(__name__)

# Set: once the window has painted, print the loaded modules and the language as JSON, and quit
# (the start-up tests and benchmark).
STARTUP_PROBE = "OMROEPER_STARTUP_PROBE"


class App(QObject):
    """lupdate (PySide6 6.11) reads a plural only from self.tr() inside a class named like
    its context."""

    def rescued(self, drafts: int, copy: Path) -> str:
        return self.tr(
            "%Ln draft(s) rescued. The damaged file stays at {copy} for your IT support.",
            "",
            drafts,
        ).format(copy=copy)


def create_application(language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["omroeper"])
    app.setApplicationName("Omroeper")
    app.setOrganizationName("Omroeper")
    # no display name: X11 and Windows would add it to every title ("Omroeper — x — Omroeper")
    follow_system_scheme(app)
    install(language)
    return app


def run_window(parse_arguments: Callable[[], object]) -> int:
    app = create_application()
    arguments = parse_arguments()  # after translations, so --help speaks the person's language
    profile = profile_dir(getattr(arguments, "profile", None))
    log_file = setup_logging(profile)
    settings = load_settings(profile)
    if settings.interface_language:  # else the system's, installed above
        install(settings.interface_language)
    window = None
    errors = install_error_dialog(lambda: window, lambda: save_draft(window), log_file)
    try:
        opened = open_window(profile, settings)
    except Exception:
        errors.show_fatal(sys.exc_info())  # type: ignore[arg-type]
        opened = None
    if opened is None:
        errors.uninstall()
        return 1
    store, window = opened
    # the window's heavier parts, the keyring and the network libraries load after the first
    # paint: the window comes first
    after_first_paint(window, lambda: started(app, store, window))
    try:
        return app.exec()
    finally:
        tasks = sys.modules.get("composer.ui.tasks")  # not loaded: nothing ran off the window
        if tasks is not None:
            tasks.shutdown()
        store.close()
        errors.uninstall()
        if restart.requested():
            restart.relaunch()


def open_window(profile: Path, settings: Settings) -> tuple[Store, ComposerWindow] | None:
    store = open_store(profile)
    if store is None:
        return None
    from composer.ui.window.composer_window import ComposerWindow

    try:
        window = ComposerWindow(store, settings=settings, deferred=True)
    except BaseException:
        store.close()
        raise
    window.show()
    return store, window


def load_settings(profile: Path) -> Settings:
    """The person's settings; a new post's language defaults to the system's."""
    system = QLocale.system()
    return Settings.load(profile, (system.uiLanguages() or [system.name()])[0])


def save_draft(window: QWidget | None) -> bool | None:
    """Before an error report: the draft on disk now (None: no window yet to save)."""
    autosaver = getattr(window, "autosaver", None)
    return None if autosaver is None else autosaver.flush()


def started(app: QApplication, store: Store, window: ComposerWindow | None = None) -> None:
    """The window is on screen: now the slower things (each destination also does this)."""
    from composer.ui.style.icon import app_icon

    # the SVG icon engine loads here, not before the paint; Windows shows the .exe's icon first
    app.setWindowIcon(app_icon())
    if os.environ.get(STARTUP_PROBE):
        found = {
            "modules": sorted(sys.modules),
            "language": QLocale().name(),
            # PySide6 builds Qt's namespace (93 enums, ~18 ms) on its first import
            "qt_namespace": "Qt" in vars(sys.modules["PySide6.QtCore"]),
            "cpu_seconds": time.process_time(),  # the start-up benchmark's steadier measure
        }
        print(json.dumps(found), flush=True)
        app.quit()
        return
    finish = getattr(window, "finish_building", None)
    if finish is not None:
        finish()
    from composer.core.net import use_system_trust

    use_system_trust()  # loads requests: ~90 ms
    refresh_limits_later(store)
    if window is not None:
        window.resume_unfinished()  # a message left half-sent goes on where it stopped
        window.send_due_while_open()  # scheduled ones whose time comes: now, then each minute


class _FirstPaint(QObject):
    FALLBACK_MS = 3000  # a window started minimised is not painted: go on all the same

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the rest of this paint, the children's
        return False

    def _run(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Run `then` once, when the window has painted for the first time."""
    _FirstPaint(window, then)


def refresh_limits_later(store: Store) -> Handle:
    """Re-read the servers' limits off the window's thread, so previews stay right offline."""
    from composer.ui.tasks import tasks

    def work() -> None:
        from composer.core.accounts.accounts import Accounts
        from composer.core.accounts.credentials import Credentials

        try:
            Accounts(store, Credentials()).refresh_limits()
        except Exception:  # a background nicety: never take the window down
            if store.closed:  # the person quit before the servers answered: nothing lost
                log.info("limits not refreshed: Omroeper was closed first")
                return
            log.exception("refreshing the servers' limits failed")

    return tasks().run(work, name="refresh-limits")


def open_store(profile: Path) -> Store | None:
    """The drafts; a damaged database is rescued into a fresh one when the person agrees."""
    try:
        return Store.open(profile)
    except StoreError as failure:
        from PySide6.QtWidgets import QMessageBox  # only when something is wrong

        if failure.code != "damaged":
            QMessageBox.critical(None, "Omroeper", describe_store_error(failure))
            return None
        if not ask_to_rescue(describe_store_error(failure)):
            return None
    from PySide6.QtWidgets import QMessageBox

    from composer.core.store.recovery import recover

    try:
        rescue = recover(profile)
    except StoreError as failure:
        QMessageBox.critical(None, "Omroeper", describe_store_error(failure))
        return None
    QMessageBox.information(None, "Omroeper", App().rescued(rescue.drafts, rescue.copy))
    return rescue.store


def ask_to_rescue(words: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        None,
        "Omroeper",
        words
        + "\n\n"
        + QCoreApplication.translate(
            "App", "Rescue every draft that can still be read, and carry on with those?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


if __name__ == "__main__":
    sys.exit(run_window(lambda: None))
