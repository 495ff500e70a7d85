"""The application: one QApplication, translations, one window."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

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
    parse_arguments()  # after translations, so --help speaks the person's language
    from composer.ui.composer_window import ComposerWindow

    window = ComposerWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run_window(lambda: None))
