"""`omroeper publish --at/--due/--cancel/--send-now` and `omroeper jobs list`: real
processes, the real keyring, the reference website receiver, the Mastodon fake and the
real PDS. Time is the hidden `--now` test hook: nothing sleeps until a time comes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.cli.test_publish_cli import site  # noqa: F401 (the receiver, a fixture)
from tests.support import cli_accounts as connect
from tests.support.fake_mastodon import FakeMastodon

ROOT = Path(__file__).resolve().parents[2]
AT = "2026-12-24T09:00:00+01:00"
BEFORE = "2026-12-24T07:59:00+00:00"
AFTER = "2026-12-24T08:00:30+00:00"
DRAFT = {
    "title": "Kerstconcert in de bibliotheek",
    "body": "Op kerstavond zingt het koor in de leeszaal.",
    "text": "Kerstavond: het koor zingt in de bibliotheek! #Kerst",
    "language": "nl",
}


@pytest.fixture
def everywhere(cli, site, bluesky_pds):  # noqa: F811
    """The website, Mastodon and Bluesky connected; their ids, and what each holds."""
    mastodon = FakeMastodon().start()
    ids = [connect.website(cli, site), connect.mastodon(cli, mastodon)]
    bluesky, alice = connect.bluesky(cli, bluesky_pds, "schedalice")
    ids.append(bluesky)

    def posts() -> tuple[int, int, int]:
        pages = list(site.content.glob("*/index.md")) if site.content.exists() else []
        records = bluesky_pds.xrpc(
            "com.atproto.repo.listRecords", repo=alice.did, collection="app.bsky.feed.post"
        )["records"]
        return len(pages), len(mastodon.statuses), len(records)

    yield ids, posts, mastodon
    mastodon.stop()


def _json(result) -> dict:
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return json.loads(result.stdout)


def _schedule(cli, path, ids, at=AT, now="2026-12-20T12:00:00+00:00"):
    return cli(
        "publish",
        str(path),
        "--to",
        ",".join(ids),
        "--at",
        at,
        "--zone",
        "Europe/Amsterdam",
        "--now",
        now,
    )


def test_scheduled_nothing_before_its_time_then_once_even_with_two_due_runs_at_once(
    cli, draft_file, everywhere
):
    ids, posts, mastodon = everywhere
    path = draft_file(DRAFT)
    jobs = []
    for _ in range(3):
        scheduled = _schedule(cli, path, ids)
        assert scheduled.returncode == 0, scheduled.stdout + scheduled.stderr
        report = json.loads(scheduled.stdout)
        assert report["scheduled_at"] == "2026-12-24T08:00:00+00:00"
        assert report["state"] == "scheduled"
        # the webhook website cannot hold it, and Mastodon's copy needs the page's address
        # (which only exists once the site is sent): this computer holds every copy
        held = {key: (v["state"], v["held_by"]) for key, v in report["destinations"].items()}
        assert held == dict.fromkeys(ids, ("scheduled", "computer"))
        jobs.append(report["job"])
    assert posts() == (0, 0, 0)

    early = cli("publish", "--due", "--now", BEFORE)
    assert early.returncode == 0 and json.loads(early.stdout) == {"jobs": []}
    assert posts() == (0, 0, 0)

    # two runs of --due at the same moment, as two timers firing together would
    command = [sys.executable, "-m", "composer", "--profile", str(cli.profile)]
    env = {**os.environ, "OMROEPER_LANGUAGE": "en"}
    runs = [
        subprocess.Popen(
            [*command, "publish", "--due", "--now", AFTER],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, out + err
    handled = [entry for out, _err in outputs for entry in json.loads(out)["jobs"]]
    assert sorted(entry["job"] for entry in handled) == jobs  # each job by one run only
    for entry in handled:
        assert {value["state"] for value in entry["destinations"].values()} == {"done"}
        assert entry["sent_late"] is False
    assert posts() == (3, 3, 3)  # one page and one post per job
    texts = {status["id"]: status["text"] for status in mastodon.statuses}
    for entry in handled:  # each copy links back to its own job's page
        copies = entry["destinations"]
        assert copies[ids[0]]["url"] in texts[copies[ids[1]]["remote_id"]]

    again = cli("publish", "--due", "--now", "2026-12-24T09:00:00+00:00")
    # nothing waits for this computer any more: the task goes
    assert json.loads(again.stdout) == {"jobs": [], "task": "removed"}
    assert posts() == (3, 3, 3)

    listed = _json(cli("jobs", "list", "--json"))["jobs"]
    assert [(job["job"], job["state"], job["scheduled_at"]) for job in listed] == [
        (job, "finished", "2026-12-24T08:00:00+00:00") for job in reversed(jobs)
    ]
    assert listed[0]["title"] == DRAFT["title"]


def test_cancel_then_the_time_comes_and_nothing_is_sent(cli, draft_file, everywhere):
    ids, posts, _mastodon = everywhere
    job = _json(_schedule(cli, draft_file(DRAFT), ids))["job"]
    cancelled = cli("publish", "--cancel", str(job), "--now", "2026-12-21T12:00:00+00:00")
    assert cancelled.returncode == 0, cancelled.stderr
    report = json.loads(cancelled.stdout)
    assert report["state"] == "cancelled"
    assert {value["state"] for value in report["destinations"].values()} == {"cancelled"}
    due = json.loads(cli("publish", "--due", "--now", AFTER).stdout)
    assert due == {"jobs": [], "task": "absent"}
    assert posts() == (0, 0, 0)
    again = cli("publish", "--cancel", str(job))
    assert again.returncode == 2 and again.stderr.count("\n") == 1
    assert "not waiting to be sent" in again.stderr
    shown = cli("jobs", "list")
    assert shown.returncode == 0
    assert f"{job}  cancelled  2026-12-24 09:00 (Europe/Amsterdam)" in shown.stdout
    assert "Kerstconcert in de bibliotheek" in shown.stdout


def test_late_beyond_the_grace_period_waits_then_is_sent_now(cli, draft_file, everywhere):
    ids, posts, _mastodon = everywhere
    job = _json(_schedule(cli, draft_file(DRAFT), ids))["job"]
    late = cli("publish", "--due", "--now", "2026-12-24T10:01:00+00:00")  # 2 h 1 min late
    assert late.returncode == 0, late.stderr  # not an error of the run: it waits for the person
    (entry,) = json.loads(late.stdout)["jobs"]
    assert entry["state"] == "late"
    assert {value["state"] for value in entry["destinations"].values()} == {"scheduled"}
    assert posts() == (0, 0, 0)
    assert "too late: send now or cancel" in cli("jobs", "list").stdout
    sent = cli("publish", "--send-now", str(job))
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert {value["state"] for value in json.loads(sent.stdout)["destinations"].values()} == {
        "done"
    }
    assert posts() == (1, 1, 1)


def test_a_longer_grace_period_in_the_settings_sends_it_and_says_it_was_late(
    cli, draft_file, everywhere
):
    ids, posts, _mastodon = everywhere
    cli.profile.mkdir(parents=True, exist_ok=True)
    (cli.profile / "settings.json").write_text('{"schedule_grace_minutes": 300}', "utf-8")
    _schedule(cli, draft_file(DRAFT), ids)
    due = cli("publish", "--due", "--now", "2026-12-24T11:00:00+00:00")  # 3 h late
    assert due.returncode == 0, due.stdout + due.stderr
    (entry,) = json.loads(due.stdout)["jobs"]
    assert (entry["state"], entry["sent_late"]) == ("finished", True)
    assert posts() == (1, 1, 1)
    assert "finished (sent after its time)" in cli("jobs", "list").stdout


@pytest.mark.parametrize(
    ("at", "extra", "words"),
    [
        ("2026-12-20T11:00:00+00:00", (), "has passed already"),
        ("2026-12-20T12:00:30+00:00", (), "less than a minute away"),
        ("volgende week", (), "cannot be read"),
        ("2027-03-28T02:30", ("--zone", "Europe/Amsterdam"), "does not exist in Europe/Amsterdam"),
        ("2027-03-28T10:00", ("--zone", "Mars/Olympus"), "no time zone called “Mars/Olympus”"),
    ],
)
def test_an_unusable_time_exits_2_with_one_line_and_schedules_nothing(
    cli, draft_file, at, extra, words
):
    path = draft_file(DRAFT)
    result = cli(
        "publish",
        str(path),
        "--to",
        "nobody-1",
        "--at",
        at,
        *extra,
        "--now",
        "2026-12-20T12:00:00+00:00",
    )
    assert result.returncode == 2, result
    assert result.stderr.startswith("omroeper: ") and result.stderr.count("\n") == 1
    assert words in result.stderr
    assert result.stdout == ""


def test_the_time_words_are_dutch_in_dutch(omroeper, tmp_path, draft_file):
    path = draft_file(DRAFT)
    result = omroeper(
        "--profile",
        str(tmp_path / "p"),
        "publish",
        str(path),
        "--to",
        "x-1",
        "--at",
        "2027-03-28T02:30",
        "--zone",
        "Europe/Amsterdam",
        language="nl",
    )
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr


def test_the_test_hook_stays_out_of_the_help(omroeper):
    shown = omroeper("publish", "--help")
    assert "--at" in shown.stdout and "--due" in shown.stdout and "--cancel" in shown.stdout
    assert "--now" not in shown.stdout


def test_a_due_run_killed_while_sending_is_taken_over_at_once_and_posts_nothing_twice(
    cli, draft_file, tmp_path
):
    """Killed after the server created the status, before its answer came: its process is
    gone, so the next run takes its claim over at once (not after CLAIM_FOR), resumes the job
    and reads the status back instead of sending it again."""
    from tests.support.fault_proxy import FaultProxy

    mastodon = FakeMastodon(version="2.6.5").start()  # before scheduled statuses: held here
    proxy = FaultProxy(mastodon.server.server_address[1])
    try:
        scopes = "read:accounts read:statuses write"
        account = connect.mastodon(cli, mastodon, server=proxy.url, scopes=scopes)
        job = _json(_schedule(cli, draft_file({"text": "Kerstavond: koor!"}), [account]))["job"]
        proxy.hold("POST", "/api/v1/statuses")
        command = [sys.executable, "-m", "composer", "--profile", str(cli.profile)]
        child = subprocess.Popen(
            [*command, "publish", "--due", "--now", AFTER],
            cwd=ROOT,
            env={**os.environ, "OMROEPER_LANGUAGE": "en"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert proxy.wait_for("hold", timeout=60), "the status was never sent"
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=10)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        proxy.release()
        assert len(mastodon.statuses) == 1

        # the killed run's claim still stands in the database, but its process has ended
        resumed = cli("publish", "--due", "--now", "2026-12-24T08:30:00+00:00")
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        (entry,) = json.loads(resumed.stdout)["jobs"]
        assert entry["job"] == job and entry["destinations"][account]["state"] == "done"
        (status,) = mastodon.statuses
        assert entry["destinations"][account]["remote_id"] == status["id"]
        posts = [r for r in mastodon.requests if (r.method, r.path) == ("POST", "/api/v1/statuses")]
        assert len(posts) == 1
    finally:
        proxy.close()
        mastodon.stop()


def test_mastodon_holds_its_copy_and_the_due_run_finds_it_published(cli, draft_file):
    """Without a website to wait for, a Mastodon server that holds posts gets the post at
    once, for its time; the laptop may be closed then. The next --due finds it published."""
    mastodon = FakeMastodon().start()
    try:
        account = connect.mastodon(cli, mastodon)
        path = draft_file({"text": "Kerstavond: het koor zingt!", "language": "nl"})
        report = _json(_schedule(cli, path, [account]))
        copy = report["destinations"][account]
        assert (copy["state"], copy["held_by"]) == ("scheduled", "server")
        assert len(mastodon.scheduled) == 1 and mastodon.statuses == []
        assert mastodon.scheduled[0]["scheduled_at"].startswith("2026-12-24T08:00")

        early = _json(cli("publish", "--due", "--now", BEFORE))
        assert early == {"jobs": [], "task": "absent"} and mastodon.statuses == []
        # the server's clock passes the time: it publishes the post by itself
        mastodon.advance(datetime.fromisoformat(AT).timestamp() - mastodon.clock() + 1)
        (status,) = mastodon.statuses
        (entry,) = _json(cli("publish", "--due", "--now", AFTER))["jobs"]
        settled = entry["destinations"][account]
        assert (settled["state"], settled["remote_id"]) == ("done", status["id"])
        assert settled["url"] == status["url"] and len(mastodon.statuses) == 1
    finally:
        mastodon.stop()


def test_change_the_text_and_the_time_then_only_the_new_time_sends_the_new_text(
    cli, draft_file, everywhere
):
    ids, posts, mastodon = everywhere
    job = _json(_schedule(cli, draft_file(DRAFT), ids))["job"]
    new = draft_file({**DRAFT, "text": "Het koor zingt een uur later! #Kerst"}, "nieuw.json")
    changed = cli(
        "publish",
        "--change",
        str(job),
        str(new),
        "--at",
        "2026-12-24T10:00",
        "--zone",
        "Europe/Amsterdam",
        "--now",
        "2026-12-21T12:00:00+00:00",
    )
    assert changed.returncode == 0, changed.stdout + changed.stderr
    assert json.loads(changed.stdout)["scheduled_at"] == "2026-12-24T09:00:00+00:00"
    assert json.loads(cli("publish", "--due", "--now", AFTER).stdout) == {"jobs": []}
    assert posts() == (0, 0, 0)
    (entry,) = json.loads(cli("publish", "--due", "--now", "2026-12-24T09:00:00Z").stdout)["jobs"]
    assert entry["state"] == "finished"
    assert posts() == (1, 1, 1)
    (status,) = mastodon.statuses
    assert "een uur later" in status["text"]
    nothing = cli("publish", "--change", str(job), "--now", "2026-12-21T12:00:00+00:00")
    assert nothing.returncode == 2 and nothing.stderr.count("\n") == 1
    done = cli("publish", "--change", str(job), "--at", "2027-01-01T10:00:00+01:00")
    assert done.returncode == 2 and "not waiting to be sent" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--due", "--cancel", "1"),
        ("--due", "--to", "x-1"),
        ("--cancel", "1", "--at", "2027-01-01T10:00:00+01:00"),
        ("--change", "1"),
        ("--resume", "1", "--zone", "Europe/Amsterdam"),
    ],
)
def test_mixed_up_scheduling_options_exit_2_with_one_line(cli, args):
    result = cli("publish", *args)
    assert result.returncode == 2, result
    assert result.stderr.startswith("omroeper: ") and result.stderr.count("\n") == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    "change",
    [
        ("--at", "2026-12-24T10:00", "--zone", "Europe/Amsterdam"),  # another time
        ("NEW_TEXT",),  # another text
    ],
)
def test_a_changed_message_is_held_by_mastodon_again_under_a_new_key(cli, draft_file, change):
    """Within the hour Mastodon answers a repeated Idempotency-Key by the statuses it made:
    handed over again with the withdrawn post's key, the copy would get "Record not found".
    A changed copy gets a new key: Mastodon holds it once, with the change."""
    mastodon = FakeMastodon().start()
    try:
        account = connect.mastodon(cli, mastodon)
        path = draft_file({"text": "Kerstavond: het koor zingt!", "language": "nl"})
        job = _json(_schedule(cli, path, [account]))["job"]
        (first,) = mastodon.scheduled
        new = str(draft_file({"text": "Het koor zingt een uur later!"}, "nieuw.json"))
        asked = [new if word == "NEW_TEXT" else word for word in change]
        changed = cli("publish", "--change", str(job), *asked, "--now", "2026-12-21T12:00:00Z")
        assert changed.returncode == 0, changed.stdout + changed.stderr
        copy = json.loads(changed.stdout)["destinations"][account]
        assert (copy["state"], copy["held_by"], copy["error"]) == ("scheduled", "server", None)
        (held,) = mastodon.scheduled  # the first withdrawn, one held: the changed one
        assert held["id"] != first["id"] and copy["remote_id"] == held["id"]
        if "NEW_TEXT" in change:
            assert held["params"]["text"] == "Het koor zingt een uur later!"
        else:
            assert held["scheduled_at"].startswith("2026-12-24T09:00")
        keys = [
            r.headers.get("Idempotency-Key")
            for r in mastodon.requests
            if (r.method, r.path) == ("POST", "/api/v1/statuses")
        ]
        assert len(keys) == 2 and keys[0] != keys[1]
    finally:
        mastodon.stop()
