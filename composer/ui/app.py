"""The application: one QApplication, translations, the drafts store, one window."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from composer.core.logs import setup_logging
from composer.core.net import use_system_trust
from composer.core.profile import profile_dir
from composer.core.store import Store, StoreError
from composer.core.store_recovery import recover
from composer.i18n.store_errors import describe_store_error
from composer.i18n.translation import install

log = logging.getLogger(__name__)


def create_application(language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(["omroeper"])
    app.setApplicationName("Omroeper")
    app.setOrganizationName("Omroeper")
    app.setApplicationDisplayName("Omroeper")
    app.setWindowIcon(QIcon.fromTheme("mail-send"))
    install(language)
    return app


def run_window(parse_arguments: Callable[[], object]) -> int:
    app = create_application()
    arguments = parse_arguments()  # after translations, so --help speaks the person's language
    profile = profile_dir(getattr(arguments, "profile", None))
    setup_logging(profile)
    use_system_trust()
    store = open_store(profile)
    if store is None:
        return 1
    from composer.ui.composer_window import ComposerWindow

    window = ComposerWindow(store)
    window.show()
    refresh_limits_later(store)
    try:
        return app.exec()
    finally:
        store.close()


def refresh_limits_later(store: Store) -> threading.Thread:
    """Re-read the servers' limits off the window's thread, so previews stay right offline."""

    def work() -> None:
        from composer.core.accounts import Accounts
        from composer.core.credentials import Credentials

        try:
            Accounts(store, Credentials()).refresh_limits()
        except Exception:  # a background nicety: never take the window down
            log.exception("refreshing the servers' limits failed")

    thread = threading.Thread(target=work, name="refresh-limits", daemon=True)
    thread.start()
    return thread


def open_store(profile: Path) -> Store | None:
    """The drafts; a damaged database is rescued into a fresh one when the person agrees."""
    try:
        return Store.open(profile)
    except StoreError as failure:
        if failure.code != "damaged":
            QMessageBox.critical(None, "Omroeper", describe_store_error(failure))
            return None
        if not ask_to_rescue(describe_store_error(failure)):
            return None
    try:
        rescue = recover(profile)
    except StoreError as failure:
        QMessageBox.critical(None, "Omroeper", describe_store_error(failure))
        return None
    QMessageBox.information(
        None,
        "Omroeper",
        QCoreApplication.translate(
            "App",
            "%n draft(s) rescued. The damaged file stays at {copy} for your IT support.",
            None,
            rescue.drafts,
        ).format(copy=rescue.copy),
    )
    return rescue.store


def ask_to_rescue(words: str) -> bool:
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
