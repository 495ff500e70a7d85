"""The now scheduling asks: injectable, so tests move time instead of sleeping."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware datetime (UTC)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait this long on this clock (the backoff between attempts)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class FixedClock:
    """A clock that stands still until moved (tests; the command line's hidden --now)."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("a fixed clock needs an aware time")
        self.moment = moment.astimezone(UTC)

    def now(self) -> datetime:
        return self.moment

    def advance(self, by: timedelta) -> None:
        self.moment += by

    def sleep(self, seconds: float) -> None:
        """Waiting on a clock that stands still moves it on: nothing really sleeps."""
        self.advance(timedelta(seconds=seconds))
