"""Installing the LaunchAgent: the plist in `~/Library/LaunchAgents/`, then `launchctl` in the
person's own GUI domain (`gui/<uid>`): no administrator rights."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from composer.core.scheduling.os_task import files, launchd
from composer.core.scheduling.os_task.outcome import TaskOutcome
from composer.core.scheduling.os_task.runner import Runner, reached, succeeded

LAUNCHCTL = "launchctl"


def agent_path(home: Path) -> Path:
    return home / "Library" / "LaunchAgents" / launchd.FILE


def install(command: Sequence[str], path: Path, uid: int, run: Runner) -> TaskOutcome:
    changed = files.write_if_changed(path, launchd.agent_plist(command))
    loaded = _loaded(run, uid)
    if changed and loaded:
        # launchd keeps the agent it loaded: a moved program needs it loaded anew
        _launchctl(run, "bootout", _service(uid))
    if changed or not loaded:
        _launchctl(run, "bootstrap", f"gui/{uid}", str(path))
    return TaskOutcome("installed" if changed else "up_to_date", {"path": str(path)})


def remove(path: Path, uid: int, run: Runner) -> TaskOutcome:
    loaded = _loaded(run, uid)
    if loaded:
        _launchctl(run, "bootout", _service(uid))
    if not files.remove(path) and not loaded:
        return TaskOutcome("absent")
    return TaskOutcome("removed", {"path": str(path)})


def _service(uid: int) -> str:
    return f"gui/{uid}/{launchd.LABEL}"


def _loaded(run: Runner, uid: int) -> bool:
    """`launchctl print` succeeds only for a service launchd has loaded."""
    ran = reached(run([LAUNCHCTL, "print", _service(uid)]), LAUNCHCTL)
    return ran.status == 0


def _launchctl(run: Runner, *arguments: str) -> None:
    succeeded(run([LAUNCHCTL, *arguments]), LAUNCHCTL)
