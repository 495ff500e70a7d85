"""While the window is open it sends what is due: after the first paint and then each
minute (the timer's tick is fired here, the clock is moved: nothing sleeps). Against the
reference website receiver; and at the same moment as a real `omroeper publish --due`
process on the same profile, still once."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import publisher_for
from composer.core.scheduling.clock import FixedClock
from composer.core.scheduling.plan import schedule_job
from composer.core.scheduling.times import ScheduledTime
from composer.core.settings import Settings
from composer.ui.window.composer_window import ComposerWindow
from tests.support.publish_servers import WAIT, Site, add_website

pytest_plugins = ["tests.support.publish_fixtures"]

ZONE = "Europe/Amsterdam"
AT = datetime(2026, 12, 24, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam
DRAFT = Draft(title="Kerstconcert", text="Kerstavond: het koor zingt!", body="Welkom.")


@pytest.fixture(autouse=True)
def in_amsterdam(monkeypatch):
    """The computer's zone is the message's: its time is shown without the zone's name."""
    monkeypatch.setenv("TZ", ZONE)


def _window(qtbot, store, accounts) -> ComposerWindow:
    window = ComposerWindow(store, lambda: accounts, settings=Settings.defaults("nl"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _schedule(store, accounts, account_id: str):
    publisher = publisher_for(store, accounts)
    return schedule_job(publisher, DRAFT, [account_id], ScheduledTime(AT, ZONE))


def _tick(qtbot, window) -> None:
    """The minute's tick, then wait for its run to end."""
    window.due_runs.timer.timeout.emit()
    qtbot.waitUntil(lambda: not window.due_runs.running, timeout=WAIT)


def test_nothing_before_its_time_then_sent_once_and_the_person_is_told(
    qtbot, english, store, accounts, site
):
    account = add_website(accounts, site)
    job = _schedule(store, accounts, account.id)
    window = _window(qtbot, store, accounts)
    notice = window.parts.scheduled
    assert (
        notice.plan.text()
        == "◷ 1 message scheduled. Next: “Kerstconcert”, Thu 24 Dec 10:00\u202fAM."
    )
    clock = FixedClock(AT - timedelta(minutes=1))
    window.send_due_while_open(clock)
    _tick(qtbot, window)
    assert site.published() == 0 and store.job(job.id).state == "scheduled"

    clock.advance(timedelta(minutes=1, seconds=30))
    _tick(qtbot, window)
    assert site.published() == 1 and store.job(job.id).state == "finished"
    assert (
        notice.outcome.text() == "“Kerstconcert” was sent at its time (Thu 24 Dec 10:00\u202fAM)."
    )
    assert "was sent at its time" in window.statusBar().currentMessage()
    assert not notice.plan.isVisibleTo(window)  # nothing waits any more
    clock.advance(timedelta(minutes=1))
    _tick(qtbot, window)
    assert site.published() == 1


def test_within_the_grace_period_it_is_sent_and_said_to_be_late(
    qtbot, english, store, accounts, site
):
    account = add_website(accounts, site)
    _schedule(store, accounts, account.id)
    window = _window(qtbot, store, accounts)
    window.send_due_while_open(FixedClock(AT + timedelta(minutes=40)))
    qtbot.waitUntil(lambda: site.published() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: window.parts.scheduled.outcome.isVisibleTo(window), timeout=WAIT)
    assert window.parts.scheduled.outcome.text() == (
        "“Kerstconcert” was sent late: at 10:40\u202fAM instead of 10:00\u202fAM."
    )


def test_too_late_waits_with_its_two_choices_and_send_now_sends_once(
    qtbot, english, store, accounts, site
):
    account = add_website(accounts, site)
    job = _schedule(store, accounts, account.id)
    window = _window(qtbot, store, accounts)
    window.send_due_while_open(FixedClock(AT + timedelta(hours=3)))
    notice = window.parts.scheduled
    qtbot.waitUntil(lambda: notice.late.isVisibleTo(window), timeout=WAIT)
    assert site.published() == 0 and store.job(job.id).state == "late"
    assert notice.late.text() == (
        "⚠ “Kerstconcert” was not sent at its time (Thu 24 Dec 10:00\u202fAM)."
        " Too late: send now or cancel?"
    )
    assert notice.send_now_button.isVisibleTo(window) and notice.cancel_button.isVisibleTo(window)
    notice.send_now_button.click()
    notice.send_now_button.click()  # pressed twice while it goes
    qtbot.waitUntil(lambda: store.job(job.id).state == "finished", timeout=WAIT)
    qtbot.waitUntil(lambda: not notice.changes.busy, timeout=WAIT)
    assert site.published() == 1
    assert notice.outcome.text() == "“Kerstconcert” has been sent."
    assert not notice.late.isVisibleTo(window)
    _tick(qtbot, window)
    assert site.published() == 1


@pytest.fixture
def keyring_profile(secret_service, monkeypatch, tmp_path):
    """A profile whose secrets are in the real Secret Service, so that a `publish --due`
    process reads the same accounts as the window."""
    import keyring.backends.SecretService

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    return tmp_path / "shared", Credentials(keyring.backends.SecretService.Keyring())


def test_the_window_and_a_due_process_at_the_same_moment_send_it_once(
    qtbot, english, keyring_profile, tmp_path
):
    from composer.core.store.store import Store

    profile, credentials = keyring_profile
    site = Site(tmp_path / "content").start()
    store = Store.open(profile)
    try:
        accounts = Accounts(store, credentials)
        account = add_website(accounts, site)
        job = _schedule(store, accounts, account.id)
        window = _window(qtbot, store, accounts)
        moment = AT + timedelta(seconds=30)
        environment = {**os.environ, "OMROEPER_LANGUAGE": "en"}
        command = [sys.executable, "-m", "composer", "--profile", str(profile)]
        command += ["publish", "--due", "--now", moment.isoformat()]
        other = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, text=True)
        window.send_due_while_open(FixedClock(moment))
        qtbot.waitUntil(lambda: not window.due_runs.running, timeout=WAIT)
        assert other.wait(timeout=60) == 0
        other.stdout.close()
        qtbot.waitUntil(lambda: store.job(job.id).state == "finished", timeout=WAIT)
        assert site.published() == 1
        assert replace(store.job(job.id).destination(account.id)).state == "done"
        window.close()  # before its store closes
    finally:
        store.close()
        site.stop()


def test_a_copy_that_fails_waits_for_the_person_and_the_window_says_so(
    qtbot, english, store, accounts, site
):
    from composer.core.destinations.website import connect as website
    from examples import webhook_receiver

    account = add_website(accounts, site)
    job = _schedule(store, accounts, account.id)
    # the site's secret was changed since: it refuses the message (not worth trying again)
    site.receiver.webhook = webhook_receiver.Webhook(website.new_secret())
    window = _window(qtbot, store, accounts)
    notice = window.parts.scheduled
    window.send_due_while_open(FixedClock(AT + timedelta(seconds=30)))
    qtbot.waitUntil(lambda: notice.outcome.isVisibleTo(window), timeout=WAIT)
    assert notice.outcome.text() == (
        "“Kerstconcert” could not be sent everywhere: see Published messages."
    )
    (row,) = store.job(job.id).destinations
    assert row.state == "failed" and not row.retryable and site.pages() == []
    _tick(qtbot, window)  # not sent again by itself
    assert store.job(job.id).destination(account.id).attempts == row.attempts


def test_the_drafts_list_marks_a_draft_with_a_scheduled_message(
    qtbot, english, store, accounts, site
):
    account = add_website(accounts, site)
    window = _window(qtbot, store, accounts)
    draft_id = window.draft_id
    publisher = publisher_for(store, accounts)
    when = ScheduledTime(AT, ZONE)
    job = schedule_job(publisher, DRAFT, [account.id], when, draft_id=draft_id)
    window.draft_actions.show_list()
    assert window.drafts.list.item(0).text().endswith("\n◷ Thu 24 Dec 10:00\u202fAM")
    window.send_due_while_open(FixedClock(AT + timedelta(seconds=30)))
    qtbot.waitUntil(lambda: store.job(job.id).state == "finished", timeout=WAIT)
    qtbot.waitUntil(lambda: "Published" in window.drafts.list.item(0).text(), timeout=WAIT)
