"""A clearly visible keyboard focus (WCAG 2.4.7): a ring around whatever has the focus, in a
colour with at least 3:1 contrast against the window in light and dark mode alike. The styles'
own focus frames are a faint line, easy to lose on a laptop screen."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMenu, QWidget

WIDTH = 2  # px of ring
GAP = 1  # px between the widget and its ring
LEAST_CONTRAST = 3.0  # WCAG 1.4.11 for a focus indicator against what is around it


def luminance(colour: QColor) -> float:
    """Relative luminance, as WCAG defines it."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ring_colour(palette: QPalette) -> QColor:
    """The palette's highlight where it stands out enough from the window, else the text
    colour (black on light, white on dark), which always does."""
    background = palette.color(QPalette.ColorRole.Window)
    for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.WindowText):
        colour = palette.color(role)
        if contrast(colour, background) >= LEAST_CONTRAST:
            return colour
    return QColor("white") if luminance(background) < 0.5 else QColor("black")


class _Ring(QWidget):
    def __init__(self) -> None:
        super().__init__(None)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("")  # decoration: screen readers already say what has focus

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(ring_colour(self.palette()), WIDTH)
        painter.setPen(pen)
        inset = WIDTH / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(inset, inset, -inset, -inset), 3, 3)


class FocusRing(QObject):
    """Follows the focus through every window of the application. The ring lies on the
    window, above everything, cut to what shows of the scroll areas around the control."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring = _Ring()
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []  # the control and its parents: a move of any moves it
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._watched = []
        self.target = new if _wants_ring(new) else None
        if self.target is None:
            if shiboken6.isValid(self.ring):
                self.ring.hide()
            return
        part: QWidget | None = self.target
        while part is not None and not part.isWindow():
            part.installEventFilter(self)
            self._watched.append(part)
            part = part.parentWidget()
        self._follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # a dialog being deleted hides its parts after some of them are gone already
        if (
            event.type() in _MOVES
            and watched in self._watched
            and all(shiboken6.isValid(widget) for widget in self._watched)
        ):
            self._follow()
        return False

    def _follow(self) -> None:
        if not shiboken6.isValid(self.ring):  # deleted with the dialog it was drawn in
            self.ring = _Ring()
        target = self.target
        if target is None or not target.isVisible():
            self.ring.hide()
            return
        window = target.window()
        if self.ring.parentWidget() is not window:
            self.ring.setParent(window)
        margin = WIDTH + GAP
        place = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        area = place.adjusted(-margin, -margin, margin, margin)
        shown = area
        for widget in self._watched[1:]:  # not past the scroll area the control is in
            parent = widget.parentWidget()
            if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
                shown = shown.intersected(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))
        if shown.isEmpty():
            self.ring.hide()
            return
        self.ring.setGeometry(area)
        self.ring.setMask(QRegion(shown.translated(-area.topLeft())))
        self.ring.raise_()
        self.ring.show()
        self.ring.update()


_MOVES = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


def _wants_ring(widget: QWidget | None) -> bool:
    """Controls inside a window; not a window itself, a menu, or a popup's list."""
    if widget is None or widget.isWindow() or widget.parentWidget() is None:
        return False
    if isinstance(widget, QMenu) or widget.window().windowType() == Qt.WindowType.Popup:
        return False
    return not isinstance(widget.parentWidget(), QAbstractScrollArea)  # a viewport's child


_installed: FocusRing | None = None


def install() -> FocusRing:
    """Once per application; later calls return the same ring."""
    global _installed  # noqa: PLW0603 (one ring follows the one focus)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the focus ring needs the QApplication")
    if _installed is None or _installed.parent() is not app:
        _installed = FocusRing(app)
    return _installed
