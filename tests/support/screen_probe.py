"""The real app, started as a person starts it, with a probe that answers the tests on stdout.

python -m tests.support.screen_probe PROFILE

The parent (tests/support/screens.py) sets DISPLAY, QT_QPA_PLATFORM=xcb, QT_SCALE_FACTOR and
OMROEPER_LANGUAGE. The probe only makes the QApplication before `omroeper` does (which then uses
that one, as it would its own) and watches: once the composer window is on screen, built and its
layout has settled, it prints `@probe {"ready": …report…}`. Then it reads one JSON command a line
on stdin and answers each with one `@probe {…}` line:

  {"do": "report"}                                  what is on screen, see report()
  {"do": "geometry", "x": 10, "y": 20, "width": 900, "height": 600}
  {"do": "maximize"}
  {"do": "drag_splitter", "handle": 1, "by": -80}   drag a handle of the columns' splitter
  {"do": "activate"}                                 give the window the keyboard focus
  {"do": "screenshot", "path": "/tmp/x.png"}        the window as drawn (QWidget.grab)
  {"do": "screenshot", "path": "…", "screen": true}  the whole screen, as a person sees it
  {"do": "close"}                                    close the window as a person does
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter, QWidget

PREFIX = "@probe "
# the attributes of ComposerWindow that a person must see without scrolling (issue 13)
NAMED = (
    "editor",
    "counters",
    "destinations",
    "publish_bar.button",
    "save_label",
    "drafts.new_button",
)
SETTLED_TICKS = 4  # the window's geometry unchanged this many ticks in a row: laid out
TICK_MS = 100


def say(answer: dict[str, Any]) -> None:
    sys.stdout.write(PREFIX + json.dumps(answer) + "\n")
    sys.stdout.flush()


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def named(window: QWidget, name: str) -> list[QWidget] | None:
    """The widget(s) the window holds under that name (`counters` is one per network)."""
    found: Any = window
    for part in name.split("."):
        found = getattr(found, part, None)
    if isinstance(found, QWidget):
        return [found]
    if isinstance(found, dict) and found and all(isinstance(w, QWidget) for w in found.values()):
        return list(found.values())
    return None


def shown_part(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` (in window coordinates) that its ancestors leave on view: a widget
    scrolled away in a scroll area, or cut off by a too-small parent, loses that part."""
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return shown.intersected(window.rect())


def widgets_report(widgets: list[QWidget] | None, window: QWidget) -> dict[str, Any]:
    """One widget's report; for several, the rectangles around them all, shown if all are."""
    if not widgets:
        return {"exists": False}
    each = [widget_report(widget, window) for widget in widgets]
    if len(each) == 1:
        return each[0]

    def around(key: str) -> list[int]:
        whole = QRect()
        for one in each:
            whole = whole.united(QRect(*one[key]))
        return rect(whole)

    return {
        "exists": True,
        "global": around("global"),
        "showing": all(one["showing"] for one in each),
        "in_window": around("in_window"),
        "shown_in_window": around("shown_in_window"),
        "fully_shown": all(one["fully_shown"] for one in each),
        "each": each,
    }


def widget_report(widget: QWidget, window: QWidget) -> dict[str, Any]:
    full = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    shown = shown_part(widget, window)
    top_left = widget.mapToGlobal(QPoint(0, 0))
    showing = widget.isVisible() and not widget.visibleRegion().isEmpty()
    return {
        "exists": True,
        "global": [top_left.x(), top_left.y(), widget.width(), widget.height()],
        "showing": showing,  # shown and not wholly covered
        "in_window": rect(full),
        "shown_in_window": rect(shown),
        "fully_shown": showing and shown == full and not full.isEmpty(),
    }


def scroll_report(area: QScrollArea, window: QWidget) -> dict[str, Any]:
    sideways, down = area.horizontalScrollBar(), area.verticalScrollBar()
    return {
        "name": area.accessibleName() or area.objectName(),
        "holds_editor": area.isAncestorOf(getattr(window, "editor", window)),
        "showing": area.isVisible(),
        "sideways_bar": sideways.isVisible() and sideways.maximum() > 0,
        "sideways_range": sideways.maximum(),
        "down_bar": down.isVisible() and down.maximum() > 0,
        "down_range": down.maximum(),
    }


def report(window: QWidget) -> dict[str, Any]:
    screen = window.screen()
    focused = QApplication.focusWidget()
    return {
        "screen": {
            "geometry": rect(screen.geometry()),
            "available": rect(screen.availableGeometry()),
            "device_pixel_ratio": screen.devicePixelRatio(),
        },
        "window": {
            "frame": rect(window.frameGeometry()),
            "geometry": rect(window.geometry()),
            "maximized": window.isMaximized(),
            "title": window.windowTitle(),
            "id": int(window.winId()),
        },
        "widgets": {name: widgets_report(named(window, name), window) for name in NAMED},
        "scroll_areas": [
            scroll_report(area, window)
            for area in window.findChildren(QScrollArea)
            if area.window() is window
        ],
        "splitter_sizes": splitter.sizes() if (splitter := columns(window)) else None,
        "focus": type(focused).__name__ if focused is not None else None,
        "settings": read_settings(),
    }


def columns(window: QWidget) -> QSplitter | None:
    """The outermost splitter around the message field: the window's columns."""
    editor = getattr(window, "editor", None)
    around = [
        splitter
        for splitter in window.findChildren(QSplitter)
        if editor is not None and splitter.isAncestorOf(editor)
    ]
    return next(
        (s for s in around if not any(o is not s and o.isAncestorOf(s) for o in around)), None
    )


def drag(splitter: QSplitter, index: int, by: int) -> None:
    """Drag handle `index` sideways by `by` pixels with the mouse, as a person does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    handle = splitter.handle(index)
    middle = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    for step in range(1, 5):
        QTest.mouseMove(handle, middle + QPoint(by * step // 4, 0))
    QTest.mouseRelease(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle + QPoint(by, 0)
    )


def read_settings() -> dict[str, Any] | None:
    """settings.json as the app left it (to say what the window saved)."""
    path = Path(os.environ["OMROEPER_PROFILE"]) / "settings.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class Probe(QObject):
    command = Signal(str)  # a line from stdin, read on another thread, handled on Qt's

    def __init__(self) -> None:
        super().__init__()
        self.window: QWidget | None = None
        self._last: list[int] | None = None
        self._steady = 0
        self._then: Any = None
        self.command.connect(self._handle)
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self._watch)
        self.timer.start()

    # -- waiting until the window is there, built and laid out ----------------------------------

    def _composer_window(self) -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            if type(widget).__name__ == "ComposerWindow" and widget.isVisible():
                return widget
        return None

    def _watch(self) -> None:
        window = self._composer_window()
        handle = window.windowHandle() if window is not None else None
        if window is None or handle is None or not handle.isExposed():
            return
        if not getattr(window, "built", True):
            return
        if getattr(window, "fitter", None) is not None and window.fitter.busy:
            return  # the photos' thumbnails still come in and may change the layout
        shape = [*rect(window.frameGeometry()), int(window.isMaximized())]
        self._steady = self._steady + 1 if shape == self._last else 0
        self._last = shape
        if self._steady < SETTLED_TICKS:
            return
        self._steady = 0
        self.window = window
        if self._then is None:  # the first time: the window is ready
            self.timer.stop()
            say({"ready": report(window)})
            start_reading(self)
        else:
            then, self._then = self._then, None
            self.timer.stop()
            then()

    def _after_settling(self, then: Any) -> None:
        self._then, self._last, self._steady = then, None, 0
        self.timer.start()

    # -- commands ------------------------------------------------------------------------------

    def _handle(self, line: str) -> None:
        try:
            order = json.loads(line)
            self._do(order["do"], order)
        except Exception as error:  # the test reads it and fails with it
            say({"error": f"{type(error).__name__}: {error}"})

    def _do(self, what: str, order: dict[str, Any]) -> None:
        window = self.window
        assert window is not None
        if what == "report":
            say(report(window))
        elif what == "geometry":
            window.showNormal()
            window.setGeometry(order["x"], order["y"], order["width"], order["height"])
            self._after_settling(lambda: say(report(window)))
        elif what == "maximize":
            window.showMaximized()
            self._after_settling(lambda: say(report(window)))
        elif what == "drag_splitter":
            splitter = columns(window)
            assert splitter is not None, "no splitter holds the message field"
            drag(splitter, order["handle"], order["by"])
            self._after_settling(lambda: say(report(window)))
        elif what == "activate":
            window.activateWindow()
            window.raise_()
            self._after_settling(lambda: say(report(window)))
        elif what == "screenshot":
            picture = window.screen().grabWindow(0) if order.get("screen") else window.grab()
            saved = picture.save(order["path"])
            say({"saved": bool(saved), "path": order["path"]})
        elif what == "close":
            closed = window.close()  # as the window's close button: the app quits after it
            say({"closed": bool(closed)})
        else:
            say({"error": f"unknown command {what!r}"})


def start_reading(probe: Probe) -> None:
    def read() -> None:
        for line in sys.stdin:
            if line.strip():
                probe.command.emit(line)

    threading.Thread(target=read, name="probe-stdin", daemon=True).start()


def main() -> int:
    profile = sys.argv[1]
    os.environ["OMROEPER_PROFILE"] = profile
    # the same application `omroeper` would make; create_application() takes this one
    app = QApplication(["omroeper"])
    probe = Probe()
    from composer.__main__ import main as omroeper

    status = omroeper(["--profile", profile])
    del probe, app
    return status


if __name__ == "__main__":
    sys.exit(main())
