"""Dates and times in the person's own format (QLocale), from Python's datetime values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

if TYPE_CHECKING:
    from datetime import date, datetime, time


def local_text(value: datetime | date | time, form: QLocale.FormatType) -> str:
    # PySide6 converts datetime, date and time to QDateTime, QDate and QTime itself; its type
    # stubs only list the Qt types
    return QLocale().toString(value, form)  # type: ignore[call-overload]


def moment_text(moment: datetime) -> str:
    """A moment (as stored, in UTC) in the person's own time zone and short format."""
    return local_text(moment.astimezone(), QLocale.FormatType.ShortFormat)
