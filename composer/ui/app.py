"""The application: one QApplication, translations, the drafts store, one window."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from composer.core.profile import profile_dir
from composer.core.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error
from composer.i18n.translation import install


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
    try:
        store = Store.open(profile_dir(getattr(arguments, "profile", None)))
    except StoreError as failure:
        QMessageBox.critical(None, "Omroeper", describe_store_error(failure))
        return 1
    from composer.ui.composer_window import ComposerWindow

    window = ComposerWindow(store)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(run_window(lambda: None))
