"""The dialog an unexpected error shows: plain words, the report to copy, the log's place.

Loaded at the first error only: its widgets cost start-up time that the window needs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class ErrorDialog(QDialog):
    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Omroeper: something went wrong"))
        self.log_file = log_file
        self.words, self.repeats, self.copied = QLabel(self), QLabel(self), QLabel(self)
        self.words.setWordWrap(True)
        self.repeats.hide()
        self.copied.hide()  # its line appears once there is something to say
        intro = QLabel(
            self.tr(
                "To get help, copy this report and send it to your IT support. "
                "Passwords and keys are left out of it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setTabChangesFocus(True)
        self.report.setAccessibleName(self.tr("Error report"))
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        intro.setBuddy(self.report)
        self.location = QLabel(self)
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if log_file is not None:
            self.location.setText(self.tr("The log file is at: {path}").format(path=log_file))
        layout = QVBoxLayout(self)
        layout.addLayout(self._top())
        layout.addWidget(intro)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.copied)
        layout.addWidget(self.location)
        layout.addWidget(self._buttons())
        self.resize(640, 460)
        self.close_button.setFocus()

    def _top(self) -> QHBoxLayout:
        icon = QLabel(self)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(48))
        heading = QLabel(self.tr("Something went wrong in Omroeper."), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        texts = QVBoxLayout()
        for label in (heading, self.words, self.repeats):
            texts.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(texts, 1)
        return top

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(
            self.tr("&Copy report"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button = buttons.addButton(
            self.tr("Open the &log folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button.setVisible(self.log_file is not None)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))  # Qt's own word would stay English
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button.clicked.connect(self.open_log_folder)
        return buttons

    def _words(self, saved: bool | None) -> str:
        if saved is False:
            return self.tr(
                "Your latest changes are not saved yet; Omroeper keeps trying. To be safe, "
                "copy your message somewhere else too. If this happens again, restart Omroeper."
            )
        if saved:
            return self.tr(
                "Your draft is saved. You can carry on working; if this happens again, "
                "restart Omroeper."
            )
        return self.tr("You can carry on working; if this happens again, restart Omroeper.")

    def closing(self) -> None:
        self.words.setText(
            self.tr(
                "Omroeper could not open its window and has to close. The drafts you saved "
                "earlier are not affected. Try starting Omroeper again."
            )
        )

    def show_report(self, report: str, happened: int, saved: bool | None) -> None:
        self.words.setText(self._words(saved))
        self.report.setPlainText(report)
        if happened > 1:
            self.repeats.setText(self.tr("This has now happened %Ln time(s).", None, happened))
            self.repeats.show()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copied.setText(self.tr("The report is copied: paste it into an e-mail."))
        self.copied.show()

    def open_log_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))
