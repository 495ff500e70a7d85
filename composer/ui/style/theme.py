"""Colours that carry meaning (too long, fits, link), readable in light and in dark mode.

Everything else comes from the palette, which follows the system's light or dark setting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() is Qt.ColorScheme.Dark:
        return True
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def error_color() -> str:
    """Red with enough contrast (WCAG AA) on the window background."""
    return "#ff8a8a" if is_dark() else "#c0152f"


def warning_color() -> str:
    return "#f5c26b" if is_dark() else "#8a5a00"


def ok_color() -> str:
    return "#7fd69a" if is_dark() else "#1b6e3a"


def link_color() -> str:
    return QGuiApplication.palette().color(QPalette.ColorRole.Link).name()


def card_background() -> str:
    """A post card: a shade off the window, as the networks draw a post on their page."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).name()
