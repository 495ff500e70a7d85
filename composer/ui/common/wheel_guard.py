"""Choice lists that scroll with the page: the mouse wheel changes a list or a spin box only
once it has the keyboard focus, so scrolling past one never changes a setting unseen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        parent = watched.parentWidget()
        if parent is not None:  # the page under it scrolls instead
            QCoreApplication.sendEvent(parent, event)
        return True


_guard: _WheelGuard | None = None


def guard(*widgets: QWidget) -> None:
    global _guard  # noqa: PLW0603 (one filter object serves every guarded widget)
    if _guard is None:
        _guard = _WheelGuard(QCoreApplication.instance())
    for widget in widgets:
        # the default (WheelFocus) would hand it the focus on the first turn of the wheel; set
        # by name: Qt's namespace costs 18 ms before the first paint
        widget.setProperty("focusPolicy", "StrongFocus")
        widget.installEventFilter(_guard)
