"""The OS task as the command line keeps it: `publish --at` installs it when this computer
holds a copy, `--cancel`, `--change`, `--send-now` and `--due` remove it when no copy waits
for this computer any more. The task is really installed, in the test's own configuration
folder (tests/cli/conftest.py): its systemd units appear and disappear; whether a systemd
user manager takes them is this computer's real answer (`systemctl --user`), asked here
too, so the test expects what this machine can do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer.core.scheduling.os_task import systemd
from composer.core.scheduling.os_task.runner import run_tool
from tests.cli.test_schedule_cli import AFTER, BEFORE, DRAFT, _json, _schedule
from tests.support import cli_accounts as connect
from tests.support.command_lines import systemd_words
from tests.support.fake_mastodon import FakeMastodon

CANNOT = (
    "This computer cannot send the message by itself: keep Omroeper open at that time, or"
    " open it afterwards."
)
DUTCH = (
    "Deze computer kan het bericht niet zelf versturen: houd Omroeper op dat tijdstip open, of"
    " open het daarna."
)


def _installed_here() -> str:
    """What installing comes to on this machine, with the test's environment: a user
    manager that answers takes the timer; else it is missing (the units wait for one)."""
    ran = run_tool(["systemctl", "--user", "show-environment"])
    if ran.status is None:
        return "no_scheduler"
    return "installed" if ran.status == 0 else "no_user_manager"


def _units(cli) -> list[str]:
    folder = Path(cli.config) / "systemd" / "user"
    return sorted(p.name for p in folder.glob("omroeper-due.*")) if folder.exists() else []


def _said(result, expected: str) -> None:
    """A failure to install is one plain line; anything else says nothing."""
    if expected == "installed":
        assert result.stderr == ""
    else:
        # why (this machine's own reason), then what it means for the person; one line
        assert result.stderr.startswith("omroeper: ") and result.stderr.count("\n") == 1
        assert result.stderr.endswith(f" {CANNOT}\n")


@pytest.fixture
def mastodon():
    fake = FakeMastodon().start()
    yield fake
    fake.stop()


@pytest.fixture
def old_mastodon():
    """A Mastodon from before scheduled statuses: this computer holds its copies."""
    fake = FakeMastodon(version="2.6.5").start()
    yield fake
    fake.stop()


def test_a_copy_this_computer_holds_installs_the_task_and_cancelling_removes_it(
    cli, draft_file, old_mastodon
):
    expected = _installed_here()
    account = connect.mastodon(cli, old_mastodon)
    scheduled = _schedule(cli, draft_file(DRAFT), [account])
    report = _json(scheduled)
    assert report["destinations"][account]["held_by"] == "computer"
    assert report["task"] == expected
    _said(scheduled, expected)
    assert scheduled.returncode == 0  # the job is scheduled: the task's trouble is told apart
    assert _units(cli) == [systemd.SERVICE, systemd.TIMER]
    service = (Path(cli.config) / "systemd" / "user" / systemd.SERVICE).read_text("utf-8")
    (start,) = [line for line in service.splitlines() if line.startswith("ExecStart=")]
    words = systemd_words(start.removeprefix("ExecStart="))
    assert words[-4:] == ["--profile", str(cli.profile), "publish", "--due"]

    second = _json(_schedule(cli, draft_file(DRAFT), [account]))
    assert second["task"] == ("up_to_date" if expected == "installed" else expected)
    assert _units(cli) == [systemd.SERVICE, systemd.TIMER]

    cancelled = cli("publish", "--cancel", str(report["job"]), "--now", BEFORE)
    assert _json(cancelled)["task"] == ("up_to_date" if expected == "installed" else expected)
    assert _units(cli) == [systemd.SERVICE, systemd.TIMER]  # the second job still waits
    last = cli("publish", "--cancel", str(second["job"]), "--now", BEFORE)
    assert (last.returncode, _json(last)["task"], last.stderr) == (0, "removed", "")
    assert _units(cli) == []


def test_a_copy_its_server_holds_needs_no_task(cli, draft_file, mastodon):
    account = connect.mastodon(cli, mastodon)
    scheduled = _schedule(cli, draft_file({"text": "Kerstavond!"}), [account])
    report = _json(scheduled)
    assert report["destinations"][account]["held_by"] == "server"
    assert (report["task"], scheduled.stderr) == ("absent", "")
    assert _units(cli) == []
    cancelled = _json(cli("publish", "--cancel", str(report["job"]), "--now", BEFORE))
    assert cancelled["task"] == "absent" and mastodon.scheduled == []


def test_a_due_run_removes_the_task_before_sending_once_nothing_waits(
    cli, draft_file, old_mastodon
):
    """The run that sends the last message leaves the task (it started with something to
    send); the next run finds nothing and removes it before it does anything else."""
    account = connect.mastodon(cli, old_mastodon)
    _schedule(cli, draft_file(DRAFT), [account])
    early = _json(cli("publish", "--due", "--now", BEFORE))
    assert early == {"jobs": []}  # something waits: the task stays, nothing said of it
    sent = _json(cli("publish", "--due", "--now", AFTER))
    assert "task" not in sent and len(old_mastodon.statuses) == 1
    assert _units(cli) == [systemd.SERVICE, systemd.TIMER]
    after = cli("publish", "--due", "--now", AFTER)
    assert (_json(after), after.stderr) == ({"jobs": [], "task": "removed"}, "")
    assert _units(cli) == []
    again = _json(cli("publish", "--due", "--now", AFTER))
    assert again == {"jobs": [], "task": "absent"}


def test_a_late_message_needs_no_task_and_sending_it_now_removes_it(cli, draft_file, old_mastodon):
    """A late message waits for the person, never for a `--due` run; the run that finds it
    late started with it to send, so the task goes with the next change: here sending it."""
    account = connect.mastodon(cli, old_mastodon)
    job = _json(_schedule(cli, draft_file(DRAFT), [account]))["job"]
    late = _json(cli("publish", "--due", "--now", "2026-12-24T10:01:00+00:00"))
    assert late["jobs"][0]["state"] == "late" and "task" not in late
    assert _units(cli) == [systemd.SERVICE, systemd.TIMER]
    sent = cli("publish", "--send-now", str(job))
    assert (_json(sent)["task"], sent.stderr) == ("removed", "")
    assert len(old_mastodon.statuses) == 1 and _units(cli) == []


def test_a_change_keeps_the_task_while_the_message_waits(cli, draft_file, old_mastodon):
    expected = _installed_here()
    account = connect.mastodon(cli, old_mastodon)
    job = _json(_schedule(cli, draft_file(DRAFT), [account]))["job"]
    new = draft_file({**DRAFT, "text": "Een uur later!"}, "nieuw.json")
    changed = cli("publish", "--change", str(job), str(new), "--now", BEFORE)
    assert _json(changed)["task"] == ("up_to_date" if expected == "installed" else expected)
    _said(changed, expected)
    assert _units(cli) == [systemd.SERVICE, systemd.TIMER]


def test_the_task_words_are_dutch_in_dutch(omroeper, cli, draft_file, old_mastodon):
    expected = _installed_here()
    account = connect.mastodon(cli, old_mastodon)
    path = draft_file(DRAFT)
    result = omroeper(
        "--profile",
        str(cli.profile),
        "publish",
        str(path),
        "--to",
        account,
        "--at",
        "2026-12-24T09:00:00+01:00",
        "--now",
        "2026-12-20T12:00:00+00:00",
        language="nl",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["task"] == expected
    if expected == "installed":  # nothing to tell
        assert result.stderr == ""
    else:
        assert result.stderr.startswith("omroeper: ") and result.stderr.count("\n") == 1
        assert result.stderr.endswith(f" {DUTCH}\n")
