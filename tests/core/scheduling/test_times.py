"""Reading the time a person schedules for: UTC with their zone, daylight saving right
(Europe/Amsterdam's changes of 2027: 28 March and 31 October), and refusals as codes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.core.errors import CodedError
from composer.core.scheduling.clock import FixedClock
from composer.core.scheduling.times import MIN_AHEAD, read_time, system_zone

AMSTERDAM = "Europe/Amsterdam"
NOW = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)


def _code(text: str, zone: str = AMSTERDAM, now: datetime = NOW) -> str:
    with pytest.raises(CodedError) as failure:
        read_time(text, zone, now)
    return failure.value.code


def test_a_time_with_its_offset_is_that_instant_in_utc_and_keeps_the_zone():
    when = read_time("2027-12-24T09:00:00+01:00", AMSTERDAM, NOW)
    assert when.at == datetime(2027, 12, 24, 8, 0, tzinfo=UTC)
    assert when.zone == AMSTERDAM
    assert read_time("2027-12-24T08:00:00Z", "", NOW).at == when.at


def test_the_day_summer_time_starts_in_amsterdam():
    # 28 March 2027: 02:00 CET becomes 03:00 CEST
    assert read_time("2027-03-28T01:30", AMSTERDAM, NOW).at == datetime(
        2027, 3, 28, 0, 30, tzinfo=UTC
    )
    assert read_time("2027-03-28T03:30", AMSTERDAM, NOW).at == datetime(
        2027, 3, 28, 1, 30, tzinfo=UTC
    )
    # 02:30 never happens that night
    assert _code("2027-03-28T02:30") == "time_does_not_exist"
    assert _code("2027-03-28T02:00") == "time_does_not_exist"
    # with an offset it is a plain instant, whatever the wall clock did
    assert read_time("2027-03-28T02:30+01:00", AMSTERDAM, NOW).at == datetime(
        2027, 3, 28, 1, 30, tzinfo=UTC
    )


def test_the_day_summer_time_ends_in_amsterdam():
    # 31 October 2027: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice; the first
    # (summer time, 00:30 UTC) is taken, never the later one
    assert read_time("2027-10-31T02:30", AMSTERDAM, NOW).at == datetime(
        2027, 10, 31, 0, 30, tzinfo=UTC
    )
    assert read_time("2027-10-31T01:30", AMSTERDAM, NOW).at == datetime(
        2027, 10, 30, 23, 30, tzinfo=UTC
    )
    assert read_time("2027-10-31T03:30", AMSTERDAM, NOW).at == datetime(
        2027, 10, 31, 2, 30, tzinfo=UTC
    )
    # the second 02:30 can be named with its offset
    assert read_time("2027-10-31T02:30+01:00", AMSTERDAM, NOW).at == datetime(
        2027, 10, 31, 1, 30, tzinfo=UTC
    )


def test_past_too_soon_unreadable_and_zoneless_times_are_refused_as_codes():
    assert _code("2026-12-31T12:00:00+00:00") == "time_in_past"
    assert _code(NOW.isoformat()) == "time_in_past"
    assert _code((NOW + timedelta(seconds=59)).isoformat()) == "time_too_soon"
    assert read_time((NOW + MIN_AHEAD).isoformat(), "", NOW).at == NOW + MIN_AHEAD
    for text in ["", "morgen om tien", "2027-02-30T10:00", "9" * 500, "2027-01-01T25:00"]:
        assert _code(text) == "time_unreadable", text
    assert _code("2027-06-01T10:00", zone="") == "time_needs_zone"
    assert _code("2027-06-01T10:00", zone="Mars/Olympus") == "zone_unknown"
    assert _code("2027-06-01T10:00", zone="../../etc/passwd") == "zone_unknown"


@given(st.text(max_size=80))
def test_any_text_is_a_time_or_one_code(text):
    try:
        when = read_time(text, AMSTERDAM, NOW)
    except CodedError as failure:
        assert failure.code in {
            "time_unreadable",
            "time_in_past",
            "time_too_soon",
            "time_does_not_exist",
        }
    else:
        assert when.at.tzinfo is UTC and when.at >= NOW + MIN_AHEAD


@given(st.datetimes(min_value=datetime(2027, 1, 2), max_value=datetime(2030, 12, 31)))
def test_a_wall_time_read_back_in_its_zone_is_the_same_wall_time(wall):
    try:
        when = read_time(wall.isoformat(), AMSTERDAM, NOW)
    except CodedError as failure:
        assert failure.code == "time_does_not_exist"
        return
    from zoneinfo import ZoneInfo

    assert when.at.astimezone(ZoneInfo(AMSTERDAM)).replace(tzinfo=None) == wall


def test_the_fixed_clock_moves_only_when_told():
    clock = FixedClock(NOW)
    assert clock.now() == clock.now() == NOW
    clock.advance(timedelta(hours=2))
    assert clock.now() == NOW + timedelta(hours=2)
    with pytest.raises(ValueError):
        FixedClock(datetime(2027, 1, 1))


def test_the_system_zone_comes_from_tz_when_set(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    assert system_zone() == "Europe/Amsterdam"
    monkeypatch.setenv("TZ", "Nowhere/Special")
    assert system_zone() == ""
