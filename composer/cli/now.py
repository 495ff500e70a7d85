"""The hidden `--now TIME` test hook of the commands that schedule or send: the moment the
command takes as now (an ISO time with its offset), on a clock that stands still until
moved. Tests move time instead of sleeping: a wait of the command (the backoff between
attempts) moves that clock on, and returns at once. Left out of `--help`."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from composer.core.errors import CodedError
from composer.core.scheduling.clock import Clock, FixedClock, SystemClock


def add_now(parser: Any) -> None:
    parser.add_argument("--now", metavar="TIME", help=argparse.SUPPRESS)


def clock_from(now: str | None) -> Clock:
    """The system's clock, or with `--now` a fixed one; CodedError `time_unreadable`."""
    if now is None:
        return SystemClock()
    try:
        return FixedClock(datetime.fromisoformat(now))
    except ValueError:
        raise CodedError("time_unreadable") from None
