"""The codes scheduling refuses or stops with (CodedError.code); words are in
composer/i18n/schedule_errors.py."""

from __future__ import annotations

from typing import Literal, get_args

ScheduleCode = Literal[
    "time_unreadable",  # not an ISO 8601 time
    "time_needs_zone",  # a wall time without an offset, and no zone to place it in
    "zone_unknown",  # {zone}: no such IANA zone
    "time_does_not_exist",  # {time, zone}: the clocks skip it (the start of summer time)
    "time_in_past",  # {time}
    "time_too_soon",  # {seconds}: less than that ahead
    "job_busy",  # {job}: another run (publish --due, a change) holds it right now
    "not_scheduled",  # {job, state}: sent, finished or cancelled already
    "held_by_server",  # {job}: a copy its server holds cannot be sent now instead
]
CODES: tuple[str, ...] = get_args(ScheduleCode)
