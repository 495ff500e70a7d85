"""Dates and times in the person's own format (QLocale), from Python's datetime values."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

if TYPE_CHECKING:
    from datetime import date, time


def local_text(value: datetime | date | time, form: QLocale.FormatType) -> str:
    # PySide6 converts datetime, date and time to QDateTime, QDate and QTime itself; its type
    # stubs only list the Qt types
    return QLocale().toString(value, form)  # type: ignore[call-overload]


def moment_text(moment: datetime) -> str:
    """A moment (as stored, in UTC) in the person's own time zone and short format."""
    return local_text(moment.astimezone(), QLocale.FormatType.ShortFormat)


def wall(at: datetime, zone: str) -> datetime:
    """`at` (UTC) as the clock on the wall shows it in `zone` (the computer's when unknown),
    without its zone: Qt would otherwise move it to the computer's."""
    from composer.core.errors import CodedError
    from composer.core.scheduling.times import zone_info

    try:
        local = at.astimezone(zone_info(zone)) if zone else at.astimezone()
    except CodedError:
        local = at.astimezone()
    return local.replace(tzinfo=None)


def time_text(at: datetime, zone: str) -> str:
    """Like "za 24 dec 09:00": the day short, in the person's language; the zone's name when it is
    not this computer's (a trip abroad must not move the time unseen)."""
    from composer.core.scheduling.times import system_zone

    shown = wall(at, zone)
    day = QLocale().toString(shown.date(), "ddd d MMM")  # type: ignore[call-overload]
    words = f"{day} {local_text(shown.time(), QLocale.FormatType.ShortFormat)}"
    if zone and zone != system_zone():
        words += f" ({zone})"
    return words
