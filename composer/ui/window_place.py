"""Where the window sits on the screen: fitted to the screen on the first start, then where the
person left it (size, position, maximised, the columns' widths), kept on a screen that exists."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from composer.core.settings import Settings

PREFERRED = QSize(1280, 800)  # roomy on a desktop screen; a laptop gets what it has
COLUMN_SHARES = (0.18, 0.44, 0.38)  # drafts, writing, where-to-publish with the previews


def first_size(available: QRect) -> QRect:
    """The window's frame on a first start: the preferred size, never more than the screen
    has room for (a laptop's 1366 × 768 less its task bar), centred."""
    width = min(PREFERRED.width(), available.width())
    height = min(PREFERRED.height(), available.height())
    frame = QRect(0, 0, width, height)
    frame.moveCenter(available.center())
    return frame


def place(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Restore where the window was; on a first start, or when that cannot be read, fit it to
    the screen. Qt's restoreGeometry moves a window from a screen that is gone onto one that
    is there."""
    restored = settings.window_geometry and window.restoreGeometry(
        QByteArray.fromBase64(settings.window_geometry.encode("ascii"))
    )
    if not restored:
        screen = window.screen() or QGuiApplication.primaryScreen()
        frame = first_size(screen.availableGeometry())
        window.setGeometry(frame)
    if not settings.window_columns or not splitter.restoreState(
        QByteArray.fromBase64(settings.window_columns.encode("ascii"))
    ):
        total = window.width()
        splitter.setSizes([round(total * share) for share in COLUMN_SHARES])


def keep_on_screen(window: QMainWindow) -> None:
    """Once shown, the frame is known: a window manager's title bar must not push the bottom
    (and its Publish button) off the screen."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    available, frame = screen.availableGeometry(), window.frameGeometry()
    if available.contains(frame):
        return
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    width = min(window.width(), available.width() - extra_w)
    height = min(window.height(), available.height() - extra_h)
    window.resize(width, height)
    frame = window.frameGeometry()
    left = min(max(frame.left(), available.left()), available.right() - frame.width() + 1)
    top = min(max(frame.top(), available.top()), available.bottom() - frame.height() + 1)
    window.move(left, top)


def remembered(window: QMainWindow, splitter: QSplitter, settings: Settings) -> Settings:
    """`settings` with where the window is now, to save when it closes."""
    return replace(
        settings,
        window_geometry=bytes(window.saveGeometry().toBase64().data()).decode("ascii"),
        window_columns=bytes(splitter.saveState().toBase64().data()).decode("ascii"),
    )
