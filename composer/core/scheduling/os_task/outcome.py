"""What installing or removing the OS task came to, as a code and numbers (the words are the
UI's): done, or why not, never an exception for what a person's computer may lack."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from composer.core.errors import CodedError

Done = Literal[
    "installed",  # written (or rewritten: the program moved) and handed to the scheduler
    "up_to_date",  # the same task was there already; the scheduler was told to keep it on
    "removed",
    "absent",  # nothing to remove
]
Failure = Literal[
    "unsupported_platform",
    "no_scheduler",  # the platform's tool (systemctl, launchctl, schtasks) is not there
    "no_user_manager",  # Linux: systemctl is there, but no systemd user manager answers
    "scheduler_failed",  # the tool ran and refused: details hold its exit status and output
    "scheduler_timed_out",
    "unusable_path",  # the program's or profile's path cannot be written in that format
    "io_error",  # the task's file could not be written or removed
]
DONE: frozenset[str] = frozenset(get_args(Done))
FAILURES: frozenset[str] = frozenset(get_args(Failure))


class OsTaskError(CodedError):
    """A Failure on the way; ensure_task turns it into a TaskOutcome."""


@dataclass(frozen=True)
class TaskOutcome:
    code: str  # a Done or a Failure
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.code in DONE
