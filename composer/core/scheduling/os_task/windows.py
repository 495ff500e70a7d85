"""Installing the Task Scheduler task with `schtasks`, as the person themself: no
administrator rights. The XML it reads stays in the person's local app data folder, as the
record of what is installed.

The task's name holds the person's user name: task names are the computer's, not the user's,
and on a shared computer each person schedules their own messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from composer.core.scheduling.os_task import files, task_scheduler
from composer.core.scheduling.os_task.outcome import TaskOutcome
from composer.core.scheduling.os_task.runner import Runner, reached, succeeded

SCHTASKS = "schtasks"
FOLDER = "Omroeper"
FILE = "omroeper-due.xml"
# what a task's name may not hold (it is a file in the system's Tasks folder)
_NOT_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def task_name(environ: Mapping[str, str]) -> str:
    """`Omroeper\\Publish (José van 't Hof)`, as `/TN` wants it."""
    user = _NOT_IN_NAME.sub("_", environ.get("USERNAME", "")).strip()
    return f"{FOLDER}\\Publish ({user})" if user else f"{FOLDER}\\Publish"


def xml_path(environ: Mapping[str, str], home: Path) -> Path:
    local = environ.get("LOCALAPPDATA", "")
    base = Path(local) if local else home / "AppData" / "Local"
    return base / "Omroeper" / FILE


def install(command: Sequence[str], path: Path, name: str, run: Runner) -> TaskOutcome:
    changed = files.write_if_changed(path, task_scheduler.task_xml(command, "\\" + name))
    if changed or not _exists(run, name):
        # /F: replaces the task of that name, so installing twice leaves one
        _schtasks(run, "/Create", "/XML", str(path), "/TN", name, "/F")
    return TaskOutcome("installed" if changed else "up_to_date", {"task": name})


def remove(path: Path, name: str, run: Runner) -> TaskOutcome:
    existed = _exists(run, name)
    if existed:
        _schtasks(run, "/Delete", "/TN", name, "/F")
    if not files.remove(path) and not existed:
        return TaskOutcome("absent")
    return TaskOutcome("removed", {"task": name})


def _exists(run: Runner, name: str) -> bool:
    ran = reached(run([SCHTASKS, "/Query", "/TN", name]), SCHTASKS)
    return ran.status == 0


def _schtasks(run: Runner, *arguments: str) -> None:
    succeeded(run([SCHTASKS, *arguments]), SCHTASKS)
