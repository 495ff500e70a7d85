"""Showing what came from outside (a title or name from a draft file or a server, a server's
address) without letting it act: a link opens only once it passed the core's one check
(outside_url.safe_link), and message boxes show their words as plain text, so a title such as
`<a href="file:///etc/shadow">` is read, never clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from composer.core.outside_url import safe_link


def open_link(url: str) -> bool:
    """Open `url` in the browser when it is a safe link; anything else opens nothing."""
    link = safe_link(url)
    return bool(link) and QDesktopServices.openUrl(QUrl(link, QUrl.ParsingMode.StrictMode))


def plain_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    *,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box whose words are plain text (QMessageBox guesses rich text by default,
    and opens the links of rich text in the browser)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    return box
