"""Installing the LaunchAgent, on Linux: the plist is written into a temporary home for real,
and the exact launchctl commands are checked without running them."""

from __future__ import annotations

import plistlib

from composer.core.scheduling.os_task.ensure import ensure_task
from composer.core.scheduling.os_task.runner import Ran
from tests.support.fake_scheduler import FakeScheduler

UID = 501
SERVICE = "gui/501/nl.omroeper.due"
PRINT = ["launchctl", "print", SERVICE]
BOOTOUT = ["launchctl", "bootout", SERVICE]
COMMAND = ("/Applications/Omroeper.app/Contents/MacOS/omroeper-cli", "publish", "--due")
MOVED = ("/Users/José van 't Hof/Applications/Omroeper.app/Contents/MacOS/omroeper-cli",)
NOT_LOADED = Ran(113, "Could not find service")


def ensure(wanted, tmp_path, run, command=COMMAND):
    return ensure_task(
        wanted, command=command, platform="darwin", run=run, environ={}, home=tmp_path, uid=UID
    )


def agent(tmp_path):
    return tmp_path / "Library" / "LaunchAgents" / "nl.omroeper.due.plist"


def test_installing_writes_the_agent_and_bootstraps_it_in_the_gui_domain(tmp_path):
    tools = FakeScheduler({("launchctl", "print"): NOT_LOADED})
    outcome = ensure(True, tmp_path, tools)
    assert outcome.code == "installed"
    path = agent(tmp_path)
    assert plistlib.loads(path.read_bytes())["ProgramArguments"] == list(COMMAND)
    assert tools.taken() == [PRINT, ["launchctl", "bootstrap", "gui/501", str(path)]]


def test_installing_twice_leaves_the_loaded_agent_alone(tmp_path):
    tools = FakeScheduler({("launchctl", "print"): NOT_LOADED})
    ensure(True, tmp_path, tools)
    tools.taken()
    tools.answer(("launchctl", "print"), Ran(0))  # launchd has it now
    assert ensure(True, tmp_path, tools).code == "up_to_date"
    assert tools.taken() == [PRINT]
    assert [path.name for path in agent(tmp_path).parent.iterdir()] == ["nl.omroeper.due.plist"]


def test_an_agent_launchd_lost_is_loaded_again(tmp_path):
    tools = FakeScheduler({("launchctl", "print"): NOT_LOADED})
    ensure(True, tmp_path, tools)
    tools.taken()
    assert ensure(True, tmp_path, tools).code == "up_to_date"
    assert tools.taken() == [PRINT, ["launchctl", "bootstrap", "gui/501", str(agent(tmp_path))]]


def test_a_program_that_moved_is_rewritten_and_loaded_anew(tmp_path):
    tools = FakeScheduler()  # loaded
    ensure(True, tmp_path, tools)
    tools.taken()
    assert ensure(True, tmp_path, tools, command=MOVED).code == "installed"
    assert plistlib.loads(agent(tmp_path).read_bytes())["ProgramArguments"] == list(MOVED)
    bootstrap = ["launchctl", "bootstrap", "gui/501", str(agent(tmp_path))]
    assert tools.taken() == [PRINT, BOOTOUT, bootstrap]


def test_removing_boots_it_out_and_deletes_the_file_and_twice_is_fine(tmp_path):
    tools = FakeScheduler()
    ensure(True, tmp_path, tools)
    tools.taken()
    assert ensure(False, tmp_path, tools).code == "removed"
    assert not agent(tmp_path).exists()
    assert tools.taken() == [PRINT, BOOTOUT]
    tools.answer(("launchctl", "print"), NOT_LOADED)
    assert ensure(False, tmp_path, tools).code == "absent"
    assert tools.taken() == [PRINT]


def test_a_refused_bootstrap_is_a_code_with_launchctls_words(tmp_path):
    tools = FakeScheduler(
        {
            ("launchctl", "print"): NOT_LOADED,
            ("launchctl", "bootstrap"): Ran(5, "Bootstrap failed: 5: Input/output error"),
        }
    )
    outcome = ensure(True, tmp_path, tools)
    assert (outcome.code, outcome.details["status"]) == ("scheduler_failed", 5)
    assert outcome.details["output"] == "Bootstrap failed: 5: Input/output error"


def test_no_launchctl_is_a_code(tmp_path):
    outcome = ensure(True, tmp_path, FakeScheduler({("launchctl",): Ran(None)}))
    assert (outcome.code, outcome.details) == ("no_scheduler", {"tool": "launchctl"})
