"""Installing the systemd user timer: the unit files in `$XDG_CONFIG_HOME/systemd/user/` (else
`~/.config/systemd/user/`), then `systemctl --user`, which reaches the person's own systemd
user manager, never the system's: no administrator rights."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from composer.core.scheduling.os_task import files, systemd
from composer.core.scheduling.os_task.outcome import OsTaskError, TaskOutcome
from composer.core.scheduling.os_task.runner import Runner, succeeded

SYSTEMCTL = ("systemctl", "--user")
WANTS = "timers.target.wants"  # where `enable` links the timer ([Install] WantedBy=)
UNREACHABLE = frozenset({"no_scheduler", "no_user_manager"})
_MANAGER = "org.freedesktop.systemd1"  # the user manager's name on the session bus


def unit_folder(environ: Mapping[str, str], home: Path) -> Path:
    # XDG Base Directory: a relative XDG_CONFIG_HOME is invalid and is ignored
    configured = environ.get("XDG_CONFIG_HOME", "")
    base = Path(configured) if configured and Path(configured).is_absolute() else home / ".config"
    return base / "systemd" / "user"


def install(command: Sequence[str], folder: Path, run: Runner) -> TaskOutcome:
    service = systemd.service_text(command).encode()
    changed = files.write_if_changed(folder / systemd.SERVICE, service)
    changed |= files.write_if_changed(folder / systemd.TIMER, systemd.timer_text().encode())
    if changed:
        _systemctl(run, "daemon-reload")
    # also when unchanged: a timer someone stopped, or never started (no manager then), starts
    _systemctl(run, "enable", "--now", systemd.TIMER)
    return TaskOutcome("installed" if changed else "up_to_date", {"folder": str(folder)})


def remove(folder: Path, run: Runner) -> TaskOutcome:
    present = (folder / systemd.TIMER).exists() or (folder / systemd.SERVICE).exists()
    if not present:
        return TaskOutcome("absent")
    try:
        _systemctl(run, "disable", "--now", systemd.TIMER)
    except OsTaskError as failure:
        if failure.code not in UNREACHABLE:
            raise
        # no manager to ask (now): its link to the timer goes with the files, so that a
        # manager starting later finds nothing of it
        files.remove(folder / WANTS / systemd.TIMER)
        _remove_units(folder)
        return TaskOutcome("removed", {"folder": str(folder), "scheduler": failure.code})
    _remove_units(folder)
    _systemctl(run, "daemon-reload")
    return TaskOutcome("removed", {"folder": str(folder)})


def _remove_units(folder: Path) -> None:
    files.remove(folder / systemd.TIMER)
    files.remove(folder / systemd.SERVICE)


def _systemctl(run: Runner, *arguments: str) -> None:
    try:
        succeeded(run([*SYSTEMCTL, *arguments]), "systemctl")
    except OsTaskError as failure:
        # "Failed to connect to bus": a container, a session without systemd (WSL, some
        # minimal desktops), or a login over ssh without lingering; a session bus without
        # the manager on it names it: "Process org.freedesktop.systemd1 exited with status
        # 1" (the bus tried to start it), "The name org.freedesktop.systemd1 was not
        # provided by any .service files"
        said = str(failure.details.get("output", "")).lower()
        if failure.code == "scheduler_failed" and ("bus" in said or _MANAGER in said):
            raise OsTaskError("no_user_manager", failure.details) from None
        raise
