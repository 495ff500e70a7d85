"""Running the platform's scheduler tool (systemctl, launchctl, schtasks): one small protocol, so
that tests on Linux can check the exact commands for macOS and Windows without running them."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from composer.core.scheduling.os_task.outcome import OsTaskError

TIMEOUT_S = 60  # a tool that has not answered by then will not: the caller gets a code
OUTPUT_KEPT = 500  # characters of the tool's message kept for the log (its end says why)


@dataclass(frozen=True)
class Ran:
    """How a tool ended: `status` is None when it could not be started (not installed)."""

    status: int | None
    output: str = ""
    timed_out: bool = False


class Runner(Protocol):
    def __call__(self, argv: Sequence[str]) -> Ran: ...


def run_tool(argv: Sequence[str], timeout: float = TIMEOUT_S) -> Ran:
    """Runs it, no input, bounded in time; its stderr (or stdout) tail as text."""
    try:
        done = subprocess.run(
            list(argv),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Ran(None, timed_out=True)
    except OSError:  # not installed, or not a program we may run
        return Ran(None)
    message = done.stderr.strip() or done.stdout.strip()
    # schtasks answers in the console's code page: never fail on reading a message
    return Ran(done.returncode, message[-OUTPUT_KEPT:].decode("utf-8", "replace"))


def reached(ran: Ran, tool: str) -> Ran:
    """The tool started and ended; else the code for why not."""
    if ran.timed_out:
        raise OsTaskError("scheduler_timed_out", {"tool": tool})
    if ran.status is None:
        raise OsTaskError("no_scheduler", {"tool": tool})
    return ran


def succeeded(ran: Ran, tool: str) -> None:
    """The tool did what it was asked; else the code, with its exit status and message."""
    if reached(ran, tool).status != 0:
        details = {"tool": tool, "status": ran.status, "output": ran.output}
        raise OsTaskError("scheduler_failed", details)
