"""The one entry point: the OS task is there while something waits to be sent by this computer,
and gone when nothing does. Idempotent: installing twice leaves one task, removing when there
is none is fine, and a task whose program moved (the app was updated or moved) is rewritten.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from composer.core.scheduling.os_task import linux, macos, windows
from composer.core.scheduling.os_task.outcome import OsTaskError, TaskOutcome
from composer.core.scheduling.os_task.program import due_command, usable
from composer.core.scheduling.os_task.runner import Runner, run_tool

log = logging.getLogger(__name__)


def ensure_task(
    wanted: bool,
    *,
    profile: Path | None = None,
    command: Sequence[str] | None = None,
    platform: str = sys.platform,
    run: Runner = run_tool,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
    uid: int | None = None,
) -> TaskOutcome:
    """Installs (wanted) or removes the task for the current user; never raises for what the
    computer lacks or refuses: the outcome's code says it.

    `profile`: the profile folder, when the person chose one (else the task uses the default);
    `command`: the command line, else `program.due_command(profile)`. The rest is for tests:
    which platform's task, the runner of its tool, the environment and home folder, the uid.
    """
    environ = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    try:
        if wanted:
            line = tuple(command) if command is not None else due_command(profile)
            usable(line)
            outcome = _install(
                line, platform=platform, run=run, environ=environ, home=home, uid=uid
            )
        else:
            outcome = _remove(platform=platform, run=run, environ=environ, home=home, uid=uid)
    except OsTaskError as failure:
        outcome = TaskOutcome(failure.code, failure.details)
    log.info("os task %s: %s %s", "install" if wanted else "remove", outcome.code, outcome.details)
    return outcome


def _install(
    command: tuple[str, ...],
    *,
    platform: str,
    run: Runner,
    environ: Mapping[str, str],
    home: Path,
    uid: int | None,
) -> TaskOutcome:
    if platform.startswith("linux"):
        return linux.install(command, linux.unit_folder(environ, home), run)
    if platform == "darwin":
        return macos.install(command, macos.agent_path(home), _uid(uid), run)
    if platform == "win32":
        name = windows.task_name(environ)
        return windows.install(command, windows.xml_path(environ, home), name, run)
    raise OsTaskError("unsupported_platform", {"platform": platform})


def _remove(
    *, platform: str, run: Runner, environ: Mapping[str, str], home: Path, uid: int | None
) -> TaskOutcome:
    if platform.startswith("linux"):
        return linux.remove(linux.unit_folder(environ, home), run)
    if platform == "darwin":
        return macos.remove(macos.agent_path(home), _uid(uid), run)
    if platform == "win32":
        return windows.remove(windows.xml_path(environ, home), windows.task_name(environ), run)
    raise OsTaskError("unsupported_platform", {"platform": platform})


def _uid(given: int | None) -> int:
    return given if given is not None else os.getuid()  # type: ignore[attr-defined,unused-ignore]
