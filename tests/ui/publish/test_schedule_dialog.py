"""Scheduling from the publish dialog: "Now" or "At a time…", who holds each copy, and the
job made for its time, against real servers on loopback (the reference website receiver, the
Mastodon fake holding scheduled statuses on its own clock), through the real Publisher and
the real OS task code (its scheduler tool answered by tests/support/fake_scheduler.py). The
clock stands still: nothing sleeps."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication

from composer.core.accounts.account import AccountKind
from composer.core.destinations.discord.publish import DiscordDestination
from composer.core.destinations.mastodon.publish import MastodonDestination
from composer.core.destinations.website.publish import WebsiteDestination
from composer.core.drafts.draft import Draft
from composer.core.scheduling.clock import FixedClock
from composer.core.scheduling.os_task.ensure import ensure_task
from composer.core.scheduling.os_task.runner import Ran
from composer.i18n.publish_errors import describe_publish_error
from composer.ui.publish.dialog import PublishDialog
from tests.support.fake_scheduler import FakeScheduler
from tests.support.publish_servers import WAIT, add_discord, add_mastodon, add_website
from tests.ui.publish.test_publish_accessibility import POLITE, heard  # noqa: F401 (a fixture)

pytest_plugins = ["tests.support.publish_fixtures"]

NOW = datetime(2026, 12, 20, 11, 0, tzinfo=UTC)  # Sunday 12:00 in Amsterdam
ZONE = "Europe/Amsterdam"
DRAFT = Draft(
    title="Kerstconcert in de bibliotheek",
    text="Kerstavond: het koor zingt in de bibliotheek!",
    language="nl",
)


@pytest.fixture
def clock(toot):
    """The dialog's clock, and the Mastodon fake's: both stand at NOW."""
    fixed = FixedClock(NOW)
    toot.clock = lambda: fixed.now().timestamp()
    return fixed


@pytest.fixture
def scheduler():
    return FakeScheduler()


@pytest.fixture
def make(qtbot, english, store, accounts, *, clock, scheduler, tmp_path):
    """The dialog as the window makes it, with this test's clock, zone and OS task."""
    destinations = {
        AccountKind.WEBSITE: WebsiteDestination(accounts.secret),
        AccountKind.MASTODON: MastodonDestination(accounts.secret, clock=clock.now),
        AccountKind.DISCORD: DiscordDestination(accounts.secret),
    }
    task = functools.partial(
        ensure_task,
        command=("/usr/bin/omroeper", "publish", "--due"),
        platform="linux",
        run=scheduler,
        environ={},
        home=tmp_path / "home",
    )

    def show(chosen, draft: Draft = DRAFT) -> PublishDialog:
        dialog = PublishDialog(
            store,
            accounts,
            draft,
            chosen,
            destinations=destinations,
            clock=clock,
            zone=ZONE,
            task=task,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return show


def _at(dialog: PublishDialog, *moment: int):
    """Year, month, day, hour[, minute] on the wall, as the person sets it."""
    year, month, day, hour, *minute = moment
    dialog.confirm.when.edit.setDateTime(
        QDateTime(QDate(year, month, day), QTime(hour, minute[0] if minute else 0))
    )


def _schedule(qtbot, dialog: PublishDialog) -> None:
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        dialog.confirm.publish_button.click()


def test_now_is_the_first_choice_and_the_button_says_what_it_does(make, accounts, site):
    dialog = make([add_website(accounts, site)])
    when = dialog.confirm.when
    assert when.now_button.isChecked() and not when.edit.isVisible()
    assert dialog.confirm.publish_button.text() == "&Publish now"
    assert dialog.confirm.who.isHidden()
    when.later_button.setChecked(True)
    assert dialog.confirm.publish_button.text() == "&Schedule"
    assert when.edit.isVisible() and when.edit.calendarPopup()
    # tomorrow at 09:00 on the wall in Amsterdam, in the person's own format
    assert when.wall() == datetime(2026, 12, 21, 9, 0)
    assert when.edit.text() == "Mon, Dec 21, 2026 9:00\u202fAM"
    assert when.zone_label.text() == "Central European Standard Time (Amsterdam)"
    assert when.edit.accessibleName() == "Date and time to publish"
    when.now_button.setChecked(True)
    assert dialog.confirm.publish_button.text() == "&Publish now"


def test_website_and_mastodon_both_wait_on_this_computer_which_sets_up_its_task(
    qtbot, make, accounts, store, *, site, toot, scheduler
):
    """Mastodon could hold its copy, but not without the website's link: it is not known
    before the website publishes the page, so this computer holds both."""
    web, masto = add_website(accounts, site), add_mastodon(accounts, toot)
    dialog = make([masto, web])
    dialog.confirm.when.later_button.setChecked(True)
    assert dialog.confirm.who.text() == (
        "Your website and Mastodon are sent by this computer: leave it on, or open Omroeper"
        " afterwards."
    )
    _schedule(qtbot, dialog)
    job = store.job(dialog.job_id)
    assert job.state == "scheduled" and job.zone == ZONE
    assert job.scheduled_at == datetime(2026, 12, 21, 8, 0, tzinfo=UTC)
    assert {row.held_by for row in job.destinations} == {"computer"}
    assert site.published() == 0 and toot.statuses == [] and toot.scheduled == []
    assert dialog.heading.text() == "<h3>Scheduled for Monday, December 21 9:00\u202fAM</h3>"
    assert "leave it on, or open Omroeper afterwards" in dialog.overall.text()
    for row in (web, masto):
        assert "This computer sends it at its time." in dialog.rows[row.id].status.text()
    # the OS task was set up, off the window's thread, through the platform's tool
    assert dialog.task_outcome is not None and dialog.task_outcome.code == "installed"
    assert any("enable" in command for command in scheduler.commands)
    assert not dialog.retry_button.isVisible()


def test_mastodon_alone_is_held_by_its_server_and_no_task_is_needed(
    qtbot, make, accounts, store, *, toot, scheduler
):
    masto = add_mastodon(accounts, toot)
    dialog = make([masto])
    dialog.confirm.when.later_button.setChecked(True)
    _at(dialog, 2026, 12, 24, 9)
    assert dialog.confirm.who.text() == (
        "Mastodon holds the message until its time: this computer may be switched off then."
    )
    _schedule(qtbot, dialog)
    (held,) = toot.scheduled
    assert held["scheduled_at"].startswith("2026-12-24T08:00") and toot.statuses == []
    row = store.job(dialog.job_id).destination(masto.id)
    assert (row.state, row.held_by) == ("scheduled", "server")
    assert dialog.heading.text() == "<h3>Scheduled for Thursday, December 24 9:00\u202fAM</h3>"
    assert dialog.rows[masto.id].status.text() == "Held by Mastodon until its time."
    assert dialog.overall.text() == (
        "The servers hold the message: this computer may be switched off."
    )
    assert scheduler.commands == [] and dialog.task_outcome is None


def test_a_time_too_soon_for_the_server_falls_back_to_this_computer_and_says_why(
    qtbot, make, accounts, store, *, toot, clock
):
    """Mastodon holds a post only more than 5 minutes ahead: 3 minutes ahead is refused
    clearly, so this computer sends it, and the row says so and why."""
    masto = add_mastodon(accounts, toot)
    dialog = make([masto])
    dialog.confirm.when.later_button.setChecked(True)
    _at(dialog, 2026, 12, 20, 12, 3)
    _schedule(qtbot, dialog)
    row = store.job(dialog.job_id).destination(masto.id)
    assert (row.state, row.held_by, row.error_code) == ("scheduled", "computer", "too_soon")
    shown = dialog.rows[masto.id].status.text()
    assert shown.startswith("This computer sends it at its time.") and len(shown) > 40
    assert toot.scheduled == [] and toot.statuses == []


def test_a_past_or_too_near_time_is_refused_on_the_page_and_nothing_is_made(
    qtbot, make, accounts, store, *, site, clock
):
    dialog = make([add_website(accounts, site)])
    when = dialog.confirm.when
    when.later_button.setChecked(True)
    _at(dialog, 2026, 12, 20, 11, 30)  # half an hour ago in Amsterdam
    assert when.problem.isVisible()
    assert when.problem.text() == "This time has passed already: choose a time in the future."
    dialog.confirm.publish_button.click()
    assert store.list_jobs() == [] and dialog.pages.currentIndex() == 0
    assert dialog.focusWidget() is when.edit
    assert when.edit.accessibleDescription() == when.problem.text()

    clock.advance(timedelta(seconds=30))
    _at(dialog, 2026, 12, 20, 12, 1)  # thirty seconds ahead
    assert when.problem.text().startswith("This time is less than a minute away")
    dialog.confirm.publish_button.click()
    assert store.list_jobs() == []

    _at(dialog, 2026, 12, 20, 13, 0)
    assert not when.problem.isVisible() and when.problem.text() == ""


def test_a_time_the_clocks_skip_is_refused_on_the_page(make, accounts, site, clock):
    """2027-03-28 02:30 does not exist in Amsterdam: the clocks jump from 02:00 to 03:00."""
    dialog = make([add_website(accounts, site)])
    when = dialog.confirm.when
    when.later_button.setChecked(True)
    _at(dialog, 2027, 3, 28, 2, 30)
    assert "does not exist in Europe/Amsterdam" in when.problem.text()
    _at(dialog, 2027, 3, 28, 3, 30)
    assert when.problem.text() == ""
    assert when.scheduled().at == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)  # summer time
    assert when.zone_label.text() == "Central European Summer Time (Amsterdam)"


def test_by_keyboard_alone(qtbot, make, accounts, store, *, site, hook):
    web, disc = add_website(accounts, site), add_discord(accounts, hook)
    dialog = make([web, disc])
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    when = dialog.confirm.when

    def key(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    key(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # "At a &time…"
    qtbot.waitUntil(when.later_button.isChecked)  # a mnemonic clicks after a moment
    assert when.later_button.hasFocus()
    assert dialog.confirm.publish_button.text() == "&Schedule"
    key(Qt.Key.Key_Tab)
    assert when.edit.hasFocus()
    key(Qt.Key.Key_Up)  # its first part, the weekday: a day later
    assert when.wall() == datetime(2026, 12, 22, 9, 0)
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        key(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # "&Schedule"
    job = store.job(dialog.job_id)
    assert job.state == "scheduled"
    assert job.scheduled_at == datetime(2026, 12, 22, 8, 0, tzinfo=UTC)
    assert hook.messages == [] and site.published() == 0
    assert dialog.close_button.hasFocus()


def test_when_the_os_task_cannot_be_set_up_it_says_to_keep_omroeper_open(
    qtbot, make, accounts, store, *, site, scheduler
):
    scheduler.answer(("systemctl",), Ran(1, "Failed to connect to bus: No medium found"))
    dialog = make([add_website(accounts, site)])
    dialog.confirm.when.later_button.setChecked(True)
    _schedule(qtbot, dialog)
    assert store.job(dialog.job_id).state == "scheduled"  # the job waits all the same
    assert not dialog.task_outcome.ok
    words = dialog.overall.text()
    assert "cannot send the message by itself: keep Omroeper open at that time" in words


def test_the_sentence_and_the_time_in_dutch(qtbot, dutch, store, accounts, *, site, toot, hook):
    clock = FixedClock(NOW)
    web, masto, disc = (
        add_website(accounts, site),
        add_mastodon(accounts, toot),
        add_discord(accounts, hook),
    )
    dialog = PublishDialog(store, accounts, DRAFT, [disc, web, masto], clock=clock, zone=ZONE)
    qtbot.addWidget(dialog)
    dialog.confirm.when.later_button.setChecked(True)
    assert dialog.confirm.publish_button.text() == "&Inplannen"
    assert dialog.confirm.when.edit.text() == "ma 21 dec 2026 09:00"
    assert dialog.confirm.when.zone_label.text() == "Midden-Europese standaardtijd (Amsterdam)"
    assert dialog.confirm.who.text() == (
        "Je website, Discord en Mastodon worden verstuurd door deze computer: laat hem aan"
        " staan of open Omroeper daarna."
    )


def test_mastodon_held_by_its_server_and_discord_by_this_computer_in_one_sentence(
    qtbot, make, accounts, toot, hook
):
    masto, disc = add_mastodon(accounts, toot), add_discord(accounts, hook)
    dialog = make([masto, disc])
    dialog.confirm.when.later_button.setChecked(True)
    assert dialog.confirm.who.text() == (
        "Mastodon holds the message until its time; Discord is sent by this computer: leave"
        " it on, or open Omroeper afterwards."
    )
    assert dialog.confirm.who.text() in dialog.confirm.accessibleDescription()


def test_the_scheduling_step_fits_a_laptop_screen_at_125_percent(qtbot, dutch, tmp_path):
    """1366 × 768 at 125 % leaves 1093 × 614 points, less a title bar and a task bar."""
    from tests.support.publish_scenes import schedule_confirm_dialog

    dialog = schedule_confirm_dialog(tmp_path / "profile")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.confirm.who.text().startswith("Je website en Mastodon houden het bericht")
    for size in (dialog.size(), dialog.minimumSizeHint()):
        assert size.width() <= 1093 and size.height() <= 614 - 80
    edit = dialog.confirm.when.edit
    assert edit.width() >= edit.sizeHint().width()  # "za 19 dec 2026 10:00" is not cut off
    assert edit.text() == "za 19 dec 2026 10:00"


def test_a_wordpress_site_and_mastodon_both_hold_the_message_on_their_servers(
    qtbot, english, store, accounts, *, toot, wordpress, scheduler, tmp_path
):
    """The real WordPress holds a `future` post, whose address it gives now: Mastodon gets
    it as its link back and holds its status too. This computer may be off; no OS task.
    Today's real time, as WordPress keeps its own clock."""
    from composer.core.destinations.wordpress import connect as wp
    from composer.core.destinations.wordpress.publish import WordPressDestination

    editor = wordpress.user("editor")
    site = accounts.add(
        AccountKind.WORDPRESS, wp.connect(wordpress.url, editor.user, editor.app_password)
    )
    masto = add_mastodon(accounts, toot)
    clock = FixedClock(datetime.now(UTC))
    destinations = {
        AccountKind.WORDPRESS: WordPressDestination(accounts.secret),
        AccountKind.MASTODON: MastodonDestination(accounts.secret),
    }
    dialog = PublishDialog(
        store,
        accounts,
        DRAFT,
        [masto, site],
        destinations=destinations,
        clock=clock,
        zone=ZONE,
        task=functools.partial(ensure_task, platform="linux", run=scheduler, home=tmp_path),
    )
    qtbot.addWidget(dialog)
    dialog.confirm.when.later_button.setChecked(True)  # tomorrow 09:00
    assert dialog.confirm.who.text() == (
        "Your website and Mastodon hold the message until its time: this computer may be"
        " switched off then."
    )
    _schedule(qtbot, dialog)
    job = store.job(dialog.job_id)
    rows = {row.account_id: row for row in job.destinations}
    assert {(row.state, row.held_by) for row in rows.values()} == {("scheduled", "server")}
    post = wordpress.rest(f"/wp/v2/posts/{rows[site.id].remote_id}", context="edit")
    assert post["status"] == "future"
    assert post["date_gmt"] + "+00:00" == job.scheduled_at.isoformat()
    (held,) = toot.scheduled
    assert rows[site.id].url and rows[site.id].url in held["params"]["text"]
    assert dialog.rows[site.id].status.text() == "Held by your website until its time."
    assert scheduler.commands == [] and dialog.task_outcome is None


def test_a_screen_reader_hears_when_it_goes_out_and_each_row_says_who_holds_it(
    qtbot,
    make,
    heard,  # noqa: F811
    accounts,
    *,
    toot,
):
    masto = add_mastodon(accounts, toot)
    dialog = make([masto])
    heard.watch(dialog)
    dialog.confirm.when.later_button.setChecked(True)
    _at(dialog, 2026, 12, 24, 9)
    _schedule(qtbot, dialog)
    said = "Scheduled for Thursday, December 24 9:00\u202fAM"
    assert heard.announcements(dialog) == [(said, POLITE)]
    row = dialog.rows[masto.id]
    assert row.accessibleDescription() == "Held by Mastodon until its time."


def test_this_computers_zone_is_read_from_the_system(tmp_path):
    """Qt's name for the zone, as the core knows zones (the real program, a TZ per run)."""
    import subprocess
    import sys

    code = "from composer.ui.publish.when import system_zone_id; print(system_zone_id())"
    for zone in ("Europe/Amsterdam", "America/New_York", "Europe/Brussels"):
        ran = subprocess.run(
            [sys.executable, "-c", code],
            env={"TZ": zone, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            check=True,
        )
        assert ran.stdout.strip() == zone


def test_a_job_that_cannot_be_made_says_it_was_not_scheduled(qtbot, make, accounts, store, *, site):
    """The account was removed meanwhile (in another window): nothing is made, in words."""
    web = add_website(accounts, site)
    dialog = make([web])
    dialog.confirm.when.later_button.setChecked(True)
    accounts.remove(web.id)
    dialog.confirm.publish_button.click()
    qtbot.waitUntil(lambda: dialog.heading.text() == "<h3>Not scheduled</h3>", timeout=WAIT)
    assert dialog.overall.text() == describe_publish_error("account_missing")
    assert dialog.rows[web.id].status.text() == "Not scheduled."
    assert store.list_jobs() == [] and site.published() == 0
