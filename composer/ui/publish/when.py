"""Now or at a time: the choice on the confirm page, with the date and time in the person's
own format and this computer's time zone. The time is read and checked by the core's rules
(core/scheduling/times.py): a wall time in the zone, not in the past, at least a minute
ahead, and one that exists (not skipped by the start of summer time)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QByteArray, QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.errors import CodedError
from composer.core.scheduling.clock import Clock, SystemClock
from composer.core.scheduling.times import ScheduledTime, checked, system_zone, wall_time, zone_info
from composer.i18n.schedule_errors import describe_schedule_error
from composer.ui.style import theme

DEFAULT_HOUR = 9  # the first choice offered: tomorrow at 09:00


def system_zone_id() -> str:
    """This computer's IANA zone as Qt reads it (Windows names its zones its own way: turned
    into the IANA name), else as the core reads it; "" when neither knows."""
    raw = bytes(QTimeZone.systemTimeZoneId().data()).decode("utf-8", "replace")
    if sys.platform == "win32" or not _known(raw):
        iana = QTimeZone.windowsIdToDefaultIanaId(QByteArray(raw.encode("utf-8")))
        raw = bytes(iana.data()).decode("utf-8", "replace") or raw
    return raw if _known(raw) else system_zone()


def _known(name: str) -> bool:
    try:
        zone_info(name)
    except CodedError:
        return False
    return True


def edit_format(locale: QLocale) -> str:
    """The locale's long date with short names ("do 24 dec 2026", "Thu, Dec 24, 2026") and
    its short time: the weekday helps, and it fits the field."""
    date = locale.dateFormat(QLocale.FormatType.LongFormat)
    date = date.replace("dddd", "ddd").replace("MMMM", "MMM")
    return f"{date} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


class WhenChoice(QWidget):
    """ "Now" or "At a time…"; `changed` whenever the choice or the time changes."""

    changed = Signal()

    def __init__(self, parent: QWidget, *, clock: Clock | None = None, zone: str | None = None):
        super().__init__(parent)
        self.clock = clock or SystemClock()
        self.zone = system_zone_id() if zone is None else zone
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.now_button = QRadioButton(self.tr("&Now"), self)
        self.later_button = QRadioButton(self.tr("At a &time…"), self)
        self.now_button.setChecked(True)
        self.group = QButtonGroup(self)
        for button in (self.now_button, self.later_button):
            self.group.addButton(button)
            button.toggled.connect(self._toggled)
        choice = QHBoxLayout()
        choice.addWidget(QLabel(self.tr("When:"), self))
        choice.addWidget(self.now_button)
        choice.addWidget(self.later_button)
        choice.addStretch(1)
        layout.addLayout(choice)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setLocale(QLocale())
        self.edit.setDisplayFormat(edit_format(QLocale()))
        self.edit.setAccessibleName(self.tr("Date and time to publish"))
        self.edit.dateTimeChanged.connect(self._edited)
        self.zone_label = QLabel(self)
        self.zone_label.setTextFormat(Qt.TextFormat.PlainText)
        self.zone_label.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {theme.error_color()}")
        at = QHBoxLayout()
        at.setContentsMargins(24, 0, 0, 0)
        at.addWidget(self.edit)
        at.addWidget(self.zone_label, 1)
        layout.addLayout(at)
        layout.addWidget(self.problem)
        self._set_default()
        self._toggled()

    @property
    def later(self) -> bool:
        return self.later_button.isChecked()

    def _place(self):
        """The zone the times are in: the chosen one, else this computer's (from Python)."""
        return zone_info(self.zone) if self.zone else None

    def _set_default(self) -> None:
        now = self.clock.now()
        place = self._place()
        local = now.astimezone(place) if place is not None else now.astimezone()
        tomorrow = local.date() + timedelta(days=1)
        self.edit.setMinimumDate(QDate(local.year, local.month, local.day))
        self.edit.setDateTime(
            QDateTime(QDate(tomorrow.year, tomorrow.month, tomorrow.day), QTime(DEFAULT_HOUR, 0))
        )

    def wall(self) -> datetime:
        """The date and time shown, as a clock on the wall reads it (no zone)."""
        date, time = self.edit.date(), self.edit.time()
        return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())

    def scheduled(self) -> ScheduledTime:
        """The chosen time, checked against now; CodedError (schedule_errors' codes)."""
        place = self._place()
        wall = self.wall()
        at = wall_time(wall, place) if place is not None else wall.astimezone().astimezone(UTC)
        return checked(ScheduledTime(at, self.zone), self.clock.now())

    def check(self) -> ScheduledTime | None:
        """The chosen time, or None with the reason shown under it (and heard)."""
        try:
            when = self.scheduled()
        except CodedError as failure:
            self._problem(describe_schedule_error(failure))
            return None
        self._problem("")
        return when

    def _problem(self, words: str) -> None:
        self.problem.setText(words)
        self.problem.setVisible(bool(words) and self.later)
        self.edit.setAccessibleDescription(words)

    def _toggled(self, *_args) -> None:
        later = self.later
        self.edit.setEnabled(later)
        self.edit.setVisible(later)
        self.zone_label.setVisible(later)
        if later:
            self.check()
        else:
            self._problem("")
        self.changed.emit()

    def _edited(self, *_args) -> None:
        self._zone_words()
        if self.later:
            self.check()
        self.changed.emit()

    def _zone_words(self) -> None:
        if not self.zone:
            self.zone_label.setText(self.tr("This computer’s time"))
            return
        zone = QTimeZone(QByteArray(self.zone.encode("utf-8")))
        name = zone.displayName(self.edit.dateTime(), QTimeZone.NameType.LongName, QLocale())
        city = self.zone.rsplit("/", 1)[-1].replace("_", " ")
        self.zone_label.setText(
            self.tr("{zone} ({city})").format(zone=name or self.zone, city=city)
        )
