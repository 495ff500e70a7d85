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
    """The window's frame on a first start: all the screen has room for on a laptop (its
    1366 × 768 less the task bar), the preferred size centred on a bigger screen."""
    if available.height() <= PREFERRED.height() or available.width() <= PREFERRED.width():
        return QRect(available)
    frame = QRect(0, 0, PREFERRED.width(), PREFERRED.height())
    frame.moveCenter(available.center())
    return frame


def place(window: QMainWindow, settings: Settings) -> None:
    """Where the window was, brought onto a screen that still exists and no bigger than it;
    on a first start, or when that cannot be read, fitted to the screen."""
    saved = saved_place(settings.window_geometry)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if saved is None:
        window.setGeometry(first_size(screen.availableGeometry()))
        return
    frame, maximised = saved
    screens = [each.availableGeometry() for each in QGuiApplication.screens()]
    home = next((area for area in screens if area.intersects(frame)), None)
    window.setGeometry(inside(frame, home or screen.availableGeometry()))
    if maximised:
        from PySide6.QtCore import Qt  # only then: Qt's namespace costs time before the paint

        window.setWindowState(Qt.WindowState.WindowMaximized)


def inside(frame: QRect, area: QRect) -> QRect:
    """`frame` moved (and if need be shrunk) so that it lies within `area`."""
    width, height = min(frame.width(), area.width()), min(frame.height(), area.height())
    left = min(max(frame.left(), area.left()), area.right() - width + 1)
    top = min(max(frame.top(), area.top()), area.bottom() - height + 1)
    return QRect(left, top, width, height)


def saved_place(text: str) -> tuple[QRect, bool] | None:
    """The place as `remembered` writes it ("x,y,width,height,maximised"), else None."""
    try:
        x, y, width, height, maximised = (int(part) for part in text.split(","))
    except ValueError:
        return None
    if width < 200 or height < 150:  # nothing a person could have left it at
        return None
    return QRect(x, y, width, height), bool(maximised)


def place_columns(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """The columns' widths as they were; called once the window is laid out at its real
    size (on showing), so nothing rescales them by a pixel."""
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
    window.resize(
        min(window.width(), available.width() - extra_w),
        min(window.height(), available.height() - extra_h),
    )
    window.move(inside(window.frameGeometry(), available).topLeft())


def remembered(window: QMainWindow, splitter: QSplitter, settings: Settings) -> Settings:
    """`settings` with where the window is now, to save when it closes: its size and place
    when not maximised (so un-maximising after the next start goes back there), and whether
    it is maximised."""
    normal = window.normalGeometry() if window.isMaximized() else window.geometry()
    place = (normal.x(), normal.y(), normal.width(), normal.height(), int(window.isMaximized()))
    return replace(
        settings,
        window_geometry=",".join(map(str, place)),
        window_columns=bytes(splitter.saveState().toBase64().data()).decode("ascii"),
    )
