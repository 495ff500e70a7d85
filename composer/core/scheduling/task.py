"""The OS task kept in step with the store: there while a scheduled copy waits for this
computer to send it, gone when none does (a copy its server holds needs no task: the server
publishes it). Each call runs the platform's tool (up to a minute): off the window's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from composer.core.profile import named_profile
from composer.core.scheduling.os_task.ensure import ensure_task
from composer.core.scheduling.os_task.outcome import TaskOutcome
from composer.core.store.store import Store


class Kept(NamedTuple):
    wanted: bool  # the task was to be there (a failure then means: keep Omroeper open)
    outcome: TaskOutcome


def keep_task(store: Store, profile: Path | None) -> Kept:
    """After a job was scheduled, changed, cancelled or sent: installs or removes the task
    as the store now needs it. `profile`: the chosen profile (os_task.program.chosen_profile)."""
    wanted = store.computer_waits()
    return Kept(wanted, ensure_task(wanted, profile=profile))


def drop_task_if_idle(store: Store, profile: Path | None) -> TaskOutcome | None:
    """For a `publish --due` run, before it sends anything (removing the task may end the
    run on macOS and Windows): the task goes when nothing waits for this computer any more;
    None when something does (the task stays; a later run removes it once it is sent)."""
    if store.computer_waits():
        return None
    return ensure_task(False, profile=profile)


def task_for(store: Store) -> Callable[[bool], TaskOutcome]:
    """`ensure_task(wanted)` for this store's profile, named in the task only when it is not
    the system's own folder: the window's way, so the task reads the same from everywhere."""

    def ensure(wanted: bool) -> TaskOutcome:
        return ensure_task(wanted, profile=named_profile(store.profile))

    return ensure
