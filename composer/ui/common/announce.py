"""Telling a screen reader what changed, without moving the focus.

`announce` is the one place that speaks: a QAccessibleAnnouncementEvent (Qt 6.8+), which Qt
hands to the platform (UI Automation notifications for NVDA and JAWS, an announcement request
for VoiceOver, AT-SPI for Orca). Polite waits until the reader has finished what it is saying;
urgent (assertive) interrupts, so it is kept for failures. When no screen reader is running,
Qt drops the event at once.

Changed names and descriptions need nothing here: QWidget.setAccessibleName and
setAccessibleDescription send NameChanged and DescriptionChanged themselves, and only when the
words differ. `Announcer` keeps a window that reads its state on a timer from repeating itself.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(source: QWidget, message: str, *, urgent: bool = False) -> None:
    """Say `message` on behalf of `source`. A window being built says it once it is shown; one
    that was closed says nothing (the person is working elsewhere)."""
    if not message:
        return
    if not source.isVisible():
        if not source.window().testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):

            def once_shown() -> None:
                if source.isVisible():
                    announce(source, message, urgent=urgent)

            QTimer.singleShot(0, source, once_shown)
        return
    event = QAccessibleAnnouncementEvent(source, message)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


class Announcer:
    """Says each change once. `say(topic, state, message)` speaks only when `topic` (a row, the
    whole job) reaches a state other than the last one it was given: a timer that finds
    nothing new says nothing. A state without a message is noted silently, so that the next
    change is heard. While `quiet`, states are noted without a word (a window opened on work
    already under way)."""

    def __init__(self, source: QWidget) -> None:
        self._source = weakref.ref(source)  # no cycle with the window that keeps it
        self.quiet = False
        self._states: dict[str, str] = {}

    def say(self, topic: str, state: str, message: str = "", *, urgent: bool = False) -> None:
        if self._states.get(topic) == state:
            return
        self._states[topic] = state
        source = self._source()
        if not self.quiet and source is not None:
            announce(source, message, urgent=urgent)

    def state(self, topic: str) -> str:
        return self._states.get(topic, "")

    def forget(self, *topics: str) -> None:
        """These will change again (sent anew): their next state is news even if it is the
        same as before."""
        for topic in topics:
            self._states.pop(topic, None)
