"""A copy's reception as the core keeps it: a server's counts are numbers only when they are
plausible whole numbers, the moment is UTC, and the address is a safe link or none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.core.publishing.reception import MAX_COUNT, Reception, counted

ANYTHING = st.one_of(
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
)


@given(ANYTHING)
def test_a_count_is_a_whole_number_in_range_or_unknown(value):
    result = counted(value)
    plausible = type(value) is int and 0 <= value <= MAX_COUNT
    assert result == (value if plausible else None)


@given(ANYTHING, ANYTHING, ANYTHING)
def test_reception_keeps_only_plausible_counts(replies, reposts, likes):
    seen = Reception.now(replies, reposts, likes, "https://social.example/@bieb/1")
    assert (seen.replies, seen.reposts, seen.likes) == tuple(
        map(counted, (replies, reposts, likes))
    )
    assert seen.read_at.tzinfo is UTC


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(1)", "http://social.example/@b/1", "https://x.example/\u202e", 42, None],
)
def test_an_unsafe_address_is_no_address(address):
    assert Reception.now(1, 2, 3, address).replies_url == ""


def test_the_moment_is_kept_in_utc_and_must_be_aware():
    amsterdam = timezone(timedelta(hours=1))
    seen = Reception(1, 2, 3, datetime(2026, 3, 1, 12, 0, tzinfo=amsterdam))
    assert seen.read_at == datetime(2026, 3, 1, 11, 0, tzinfo=UTC) and seen.read_at.tzinfo is UTC
    with pytest.raises(ValueError):
        Reception(1, 2, 3, datetime(2026, 3, 1, 12, 0))
