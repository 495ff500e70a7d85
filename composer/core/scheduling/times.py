"""The time a person schedules for: read, checked, and kept as UTC with their zone.

A time with an offset (`2026-12-24T09:00:00+01:00`) is that instant. A time without one is
a wall-clock time in the person's zone: daylight saving decides its instant. A wall time
the clocks skip (02:30 on 2027-03-28 in Europe/Amsterdam) does not exist: refused with
`time_does_not_exist`. A wall time that happens twice (02:30 on 2027-10-31 there) is taken
as its first occurrence, still on summer time (fold=0): the earlier of the two, so a post is
never later than the person could have meant.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from composer.core.errors import CodedError

MIN_AHEAD = timedelta(minutes=1)  # less than this ahead is refused: it could not be held
_LONGEST = 64  # characters: an ISO time with an offset is about 32


@dataclass(frozen=True, slots=True)
class ScheduledTime:
    at: datetime  # UTC
    zone: str  # IANA name, "" when unknown


def zone_info(name: str) -> ZoneInfo:
    """The zone called `name`; CodedError zone_unknown when there is none."""
    if not name or len(name) > _LONGEST or not name.isprintable():
        raise CodedError("zone_unknown", {"zone": name[:_LONGEST]})
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise CodedError("zone_unknown", {"zone": name}) from None


def read_time(text: str, zone: str, now: datetime) -> ScheduledTime:
    """`text` as an ISO 8601 time, checked against `now`; CodedError with one of
    time_unreadable, time_needs_zone, zone_unknown, time_does_not_exist, time_in_past,
    time_too_soon."""
    text = text.strip()
    if not text or len(text) > _LONGEST:
        raise CodedError("time_unreadable")
    try:
        given = datetime.fromisoformat(text)
    except ValueError:
        raise CodedError("time_unreadable") from None
    place = zone_info(zone) if zone else None
    if given.tzinfo is None:
        if place is None:
            raise CodedError("time_needs_zone")
        at = wall_time(given, place)
    else:
        at = given.astimezone(UTC)
    return checked(ScheduledTime(at, zone), now)


def wall_time(wall: datetime, place: ZoneInfo) -> datetime:
    """The UTC instant of wall-clock time `wall` in `place` (see the module's docstring)."""
    first = wall.replace(tzinfo=place, fold=0)
    at = first.astimezone(UTC)
    if at.astimezone(place).replace(tzinfo=None) != wall:  # the clocks skip it
        raise CodedError("time_does_not_exist", {"time": wall.isoformat(), "zone": place.key})
    return at


def checked(when: ScheduledTime, now: datetime) -> ScheduledTime:
    if when.at <= now:
        raise CodedError("time_in_past", {"time": when.at.isoformat()})
    if when.at < now + MIN_AHEAD:
        raise CodedError("time_too_soon", {"seconds": int(MIN_AHEAD.total_seconds())})
    return when


def system_zone() -> str:
    """This computer's IANA zone name, or "" when it does not say (TZ, then /etc/localtime)."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if name:
        return name if _exists(name) else ""
    try:
        target = Path("/etc/localtime").resolve(strict=True)
    except OSError:
        return ""
    parts = target.parts
    if "zoneinfo" in parts:
        name = "/".join(parts[parts.index("zoneinfo") + 1 :])
        return name if _exists(name) else ""
    return ""


def _exists(name: str) -> bool:
    try:
        zone_info(name)
    except CodedError:
        return False
    return True
