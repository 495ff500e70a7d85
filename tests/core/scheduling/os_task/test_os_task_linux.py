"""Installing the systemd user timer into a temporary XDG_CONFIG_HOME for real, with the
systemctl commands written down (and, for the runner itself, real stand-in programs):
idempotent, rewritten when the program moved, removed cleanly, and a computer without a
systemd user manager gets a code, not a crash."""

from __future__ import annotations

from pathlib import Path

from composer.core.scheduling.os_task import linux, systemd
from composer.core.scheduling.os_task.ensure import ensure_task
from composer.core.scheduling.os_task.runner import Ran, run_tool
from tests.support.fake_scheduler import FakeScheduler

COMMAND = ("/opt/Omroeper/omroeper-cli", "publish", "--due")
MOVED = ("/home/José van 't Hof/Omroeper/omroeper-cli", "publish", "--due")
RELOAD = ["systemctl", "--user", "daemon-reload"]
ENABLE = ["systemctl", "--user", "enable", "--now", "omroeper-due.timer"]
DISABLE = ["systemctl", "--user", "disable", "--now", "omroeper-due.timer"]


def ensure(wanted, tmp_path, run, command=COMMAND):
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    return ensure_task(
        wanted, command=command, platform="linux", run=run, environ=environ, home=tmp_path
    )


def units(tmp_path: Path) -> list[str]:
    folder = tmp_path / "config" / "systemd" / "user"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_installing_writes_both_units_and_starts_the_timer(tmp_path):
    tools = FakeScheduler()
    outcome = ensure(True, tmp_path, tools)
    assert (outcome.code, outcome.ok) == ("installed", True)
    assert units(tmp_path) == [systemd.SERVICE, systemd.TIMER]
    folder = tmp_path / "config" / "systemd" / "user"
    service = (folder / systemd.SERVICE).read_text(encoding="utf-8")
    assert 'ExecStart="/opt/Omroeper/omroeper-cli" "publish" "--due"' in service
    assert tools.taken() == [RELOAD, ENABLE]


def test_installing_twice_leaves_one_task_and_changes_nothing(tmp_path):
    tools = FakeScheduler()
    ensure(True, tmp_path, tools)
    folder = tmp_path / "config" / "systemd" / "user"
    written = (folder / systemd.SERVICE).stat().st_mtime_ns
    tools.taken()
    outcome = ensure(True, tmp_path, tools)
    assert outcome.code == "up_to_date"
    assert units(tmp_path) == [systemd.SERVICE, systemd.TIMER]
    assert (folder / systemd.SERVICE).stat().st_mtime_ns == written
    assert tools.taken() == [ENABLE]  # a timer someone stopped runs again; no reload needed


def test_a_program_that_moved_is_rewritten_and_reloaded(tmp_path):
    tools = FakeScheduler()
    ensure(True, tmp_path, tools)
    tools.taken()
    outcome = ensure(True, tmp_path, tools, command=MOVED)
    assert outcome.code == "installed"
    service = (tmp_path / "config" / "systemd" / "user" / systemd.SERVICE).read_text("utf-8")
    assert "/home/José van 't Hof/Omroeper/omroeper-cli" in service
    assert "/opt/Omroeper" not in service
    assert tools.taken() == [RELOAD, ENABLE]


def test_removing_stops_the_timer_and_deletes_the_units_and_twice_is_fine(tmp_path):
    tools = FakeScheduler()
    ensure(True, tmp_path, tools)
    tools.taken()
    assert ensure(False, tmp_path, tools).code == "removed"
    assert units(tmp_path) == []
    assert tools.taken() == [DISABLE, RELOAD]
    assert ensure(False, tmp_path, tools).code == "absent"
    assert tools.taken() == []


def test_without_xdg_config_home_the_units_go_to_dot_config(tmp_path):
    tools = FakeScheduler()
    for environ in ({}, {"XDG_CONFIG_HOME": "relative/config"}):  # a relative one is ignored
        ensure_task(
            True, command=COMMAND, platform="linux", run=tools, environ=environ, home=tmp_path
        )
        assert (tmp_path / ".config" / "systemd" / "user" / systemd.TIMER).is_file()


def test_no_user_manager_is_a_code_and_the_units_wait_for_one(tmp_path):
    said = "Failed to connect to bus: No medium found"
    tools = FakeScheduler({("systemctl",): Ran(1, said)})
    outcome = ensure(True, tmp_path, tools)
    assert (outcome.code, outcome.ok) == ("no_user_manager", False)
    assert outcome.details == {"tool": "systemctl", "status": 1, "output": said}
    assert units(tmp_path) == [systemd.SERVICE, systemd.TIMER]
    # removing still removes the files, and the link an earlier manager made
    wants = tmp_path / "config" / "systemd" / "user" / linux.WANTS
    wants.mkdir()
    (wants / systemd.TIMER).symlink_to(f"../{systemd.TIMER}")
    outcome = ensure(False, tmp_path, tools)
    assert (outcome.code, outcome.details["scheduler"]) == ("removed", "no_user_manager")
    assert units(tmp_path) == [linux.WANTS]
    assert list(wants.iterdir()) == []


def test_a_refusal_is_a_code_with_what_systemctl_said(tmp_path):
    tools = FakeScheduler({("systemctl", "--user", "enable"): Ran(1, "Access denied")})
    outcome = ensure(True, tmp_path, tools)
    assert outcome.code == "scheduler_failed"
    assert outcome.details["output"] == "Access denied"


def stand_in(folder: Path, name: str, script: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / name
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)


def in_folder(folder: Path, timeout: float = 60):
    """The real runner, finding the tools in `folder` only."""

    def run(argv):
        return run_tool([str(folder / argv[0]), *argv[1:]], timeout=timeout)

    return run


def test_the_real_runner_reads_a_missing_user_manager(tmp_path):
    tools = tmp_path / "bin"
    stand_in(tools, "systemctl", 'echo "Failed to connect to bus: No medium found" >&2; exit 1')
    outcome = ensure(True, tmp_path, in_folder(tools))
    assert outcome.code == "no_user_manager"
    assert outcome.details["output"] == "Failed to connect to bus: No medium found"


def test_the_real_runner_reads_a_missing_systemctl(tmp_path):
    outcome = ensure(True, tmp_path, in_folder(tmp_path / "nothing here"))
    assert (outcome.code, outcome.details) == ("no_scheduler", {"tool": "systemctl"})


def test_the_real_runner_passes_the_commands_and_bounds_the_time(tmp_path):
    tools = tmp_path / "bin"
    said = tmp_path / "said.txt"
    stand_in(tools, "systemctl", f'echo "$@" >> "{said}"')
    assert ensure(True, tmp_path, in_folder(tools)).code == "installed"
    assert said.read_text().splitlines() == [
        "--user daemon-reload",
        "--user enable --now omroeper-due.timer",
    ]
    stand_in(tools, "systemctl", "exec sleep 30")
    outcome = ensure(True, tmp_path, in_folder(tools, timeout=0.5))
    assert outcome.code == "scheduler_timed_out"


def test_the_real_runner_keeps_only_the_end_of_a_long_message(tmp_path):
    tools = tmp_path / "bin"
    stand_in(tools, "systemctl", "head -c 100000 /dev/zero | tr '\\0' x >&2; echo END >&2; exit 3")
    ran = run_tool([str(tools / "systemctl")])
    assert ran.status == 3
    assert len(ran.output) == 500
    assert ran.output.endswith("xEND")


def test_a_session_bus_without_the_user_manager_on_it_is_no_user_manager(tmp_path):
    """What systemctl --user says when DBUS_SESSION_BUS_ADDRESS is a bus without systemd
    (a test's own bus, a desktop session started without systemd): the bus could not start
    the manager, or does not know it."""
    for said in (
        "Reload daemon failed: Process org.freedesktop.systemd1 exited with status 1",
        "Failed to reload daemon: The name org.freedesktop.systemd1 was not provided by any"
        " .service files",
    ):
        tools = FakeScheduler({("systemctl",): Ran(1, said)})
        assert ensure(True, tmp_path, tools).code == "no_user_manager"
    refused = FakeScheduler(
        {("systemctl",): Ran(1, "Unit file omroeper-due.timer does not exist.")}
    )
    assert ensure(True, tmp_path, refused).code == "scheduler_failed"
