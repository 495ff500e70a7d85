"""Scheduled messages in Published messages, against real servers on loopback (the reference
website receiver and the Mastodon fake, which holds scheduled statuses): listed with their
time and who holds each copy; cancelled (the server's copy too, and the OS task removed once
nothing waits), moved to another time, and a late one sent now, once."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMessageBox

from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import publisher_for
from composer.core.scheduling.clock import FixedClock
from composer.core.scheduling.due import send_due
from composer.core.scheduling.os_task.ensure import ensure_task
from composer.core.scheduling.plan import schedule_job
from composer.core.scheduling.times import ScheduledTime
from composer.ui.history.dialog import HistoryDialog
from composer.ui.scheduled.actions import ScheduleActions
from composer.ui.scheduled.editors import TextDialog, TimeDialog
from tests.support.fake_scheduler import FakeScheduler
from tests.support.publish_servers import WAIT, add_mastodon, add_website

pytest_plugins = ["tests.support.publish_fixtures"]

ZONE = "Europe/Amsterdam"
# its own page: Mastodon gets its link back before the website has it, so its server holds it
DRAFT = Draft(
    title="Open dag",
    text="Zaterdag open dag in de bibliotheek!",
    body="Welkom bij de open dag.",
    link="https://bieb.example/open-dag",
    language="nl",
)


def _at(days: int = 2) -> datetime:
    """A whole minute some days ahead (the Mastodon fake's clock is the real one)."""
    return (datetime.now(UTC) + timedelta(days=days)).replace(second=0, microsecond=0)


class OsTask:
    """The real ensure_task on a home folder of the test's own, with the scheduler's tool
    written down instead of run: the Linux units are real files that come and go."""

    def __init__(self, home) -> None:
        self.home, self.run = home, FakeScheduler()
        self.environ = {"XDG_CONFIG_HOME": str(home / "config")}
        self.folder = home / "config" / "systemd" / "user"

    def __call__(self, wanted: bool):
        command = ("/usr/bin/omroeper", "publish", "--due")
        return ensure_task(
            wanted, command=command, run=self.run, environ=self.environ, home=self.home, uid=1000
        )

    def installed(self) -> bool:
        return any(self.folder.glob("*.timer"))


@pytest.fixture
def scheduled(store, accounts, site, toot):
    site_account, masto = add_website(accounts, site), add_mastodon(accounts, toot)
    publisher = publisher_for(store, accounts)

    def make(at: datetime | None = None, ids=None, draft: Draft = DRAFT):
        chosen = ids or [site_account.id, masto.id]
        return schedule_job(publisher, draft, chosen, ScheduledTime(at or _at(), ZONE))

    make.site_id, make.masto_id = site_account.id, masto.id
    return make


@pytest.fixture
def history(qtbot, english, store, accounts, tmp_path):
    os_task = OsTask(tmp_path / "home")

    def show(clock=None) -> HistoryDialog:
        actions = ScheduleActions(store, lambda: accounts, clock=clock, os_task=os_task)
        dialog = HistoryDialog(store, accounts, actions=actions)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    show.os_task = os_task
    return show


def _rows(dialog):
    return {
        widget.account_id: widget
        for widget in (dialog.rows_box.itemAt(n).widget() for n in range(dialog.rows_box.count()))
    }


def _box(dialog) -> QMessageBox:
    return next(box for box in dialog.findChildren(QMessageBox) if box.isVisible())


def _press(box: QMessageBox, words: str) -> None:
    next(button for button in box.buttons() if button.text() == words).click()


def test_a_scheduled_message_is_listed_with_its_time_and_who_holds_each_copy(
    history, scheduled, toot, site
):
    job = scheduled()
    assert len(toot.scheduled) == 1 and toot.statuses == [] and site.published() == 0
    dialog = history()
    first = dialog.list.item(0).text()
    assert first.startswith("Open dag\n◷ ") and first.endswith(" · Scheduled")
    assert dialog.when.text().startswith("Scheduled for ")
    rows = _rows(dialog)
    held = rows[scheduled.masto_id].status.text()
    assert "Its server holds it" in held
    assert "This computer sends it" in rows[scheduled.site_id].status.text()
    for button in (dialog.time_button, dialog.text_button, dialog.cancel_button):
        assert button.isVisibleTo(dialog)
    assert not dialog.send_now_button.isVisibleTo(dialog)  # only for a late one
    assert not dialog.delete_button.isVisibleTo(dialog)
    assert job.state == "scheduled"


def test_cancel_asks_first_then_cancels_the_servers_copy_and_removes_the_os_task(
    qtbot, history, scheduled, store, *, toot, site
):
    job = scheduled()
    history.os_task(True)
    assert history.os_task.installed() and len(toot.scheduled) == 1
    dialog = history()
    dialog.cancel_button.click()
    box = _box(dialog)
    assert "The copies the servers hold are cancelled there too." in box.text()
    _press(box, "Keep it")  # the safe answer changes nothing
    assert store.job(job.id).state == "scheduled" and len(toot.scheduled) == 1

    dialog.cancel_button.click()
    _press(_box(dialog), "Cancel the message")
    qtbot.waitUntil(lambda: store.job(job.id).state == "cancelled", timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.changes.busy, timeout=WAIT)
    assert toot.scheduled == [] and toot.statuses == [] and site.published() == 0
    assert not history.os_task.installed()  # nothing waits: no task runs --due for nothing
    assert dialog.outcome.text() == "Cancelled: it will not be sent."
    assert dialog.list.item(0).text().endswith("Cancelled")
    assert not dialog.cancel_button.isVisibleTo(dialog)


def test_change_the_time_moves_the_servers_copy_too(qtbot, history, scheduled, store, toot):
    job = scheduled()
    dialog = history()
    dialog.time_button.click()
    editor = next(d for d in dialog.findChildren(TimeDialog) if d.isVisible())
    later = _at(days=3)
    editor.set_wall_time(later.astimezone(ZoneInfo(ZONE)).replace(tzinfo=None))
    editor.accept()
    qtbot.waitUntil(lambda: store.job(job.id).scheduled_at == later, timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.changes.busy, timeout=WAIT)
    (held,) = toot.scheduled
    assert held["scheduled_at"].startswith(later.strftime("%Y-%m-%dT%H:%M"))
    assert store.job(job.id).state == "scheduled"
    assert dialog.outcome.text().startswith("Changed: it will be sent at ")


def test_a_late_message_is_sent_now_once(qtbot, history, scheduled, store, *, accounts, site):
    at = _at()
    # held by this computer; without a page of its own, the website makes one
    job = scheduled(at, ids=[scheduled.site_id], draft=replace(DRAFT, link=""))
    clock = FixedClock(at + timedelta(hours=3))  # beyond the 2 hours' grace
    (found,) = send_due(publisher_for(store, accounts), clock)
    assert found.state == "late" and site.published() == 0
    dialog = history(clock)
    assert "Too late: send now or cancel?" in dialog.when.text()
    assert dialog.send_now_button.isVisibleTo(dialog)
    dialog.send_now_button.click()
    dialog.send_now_button.click()  # a second press while it goes: nothing more
    qtbot.waitUntil(lambda: store.job(job.id).state == "finished", timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.changes.busy, timeout=WAIT)
    assert site.published() == 1
    assert not dialog.send_now_button.isVisibleTo(dialog)


def test_change_the_text_schedules_the_new_text_on_the_server(
    qtbot, history, scheduled, store, toot
):
    job = scheduled()
    dialog = history()
    dialog.text_button.click()
    editor = next(d for d in dialog.findChildren(TextDialog) if d.isVisible())
    assert editor.message.toPlainText() == DRAFT.text
    assert editor.counts.text() == f"✓ Mastodon @omroep@social.example: {len(DRAFT.text)} / 500"
    editor.message.setPlainText("Zaterdag open dag, met een quiz over ijsvogels!")
    editor.accept()
    qtbot.waitUntil(lambda: store.job(job.id).draft.text.endswith("ijsvogels!"), timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.changes.busy, timeout=WAIT)
    (held,) = toot.scheduled
    assert "ijsvogels" in held["params"]["text"] and toot.statuses == []
    assert store.job(job.id).state == "scheduled"


def test_the_windows_notice_opens_the_scheduled_message(qtbot, english, store, accounts, scheduled):
    from composer.ui.window.composer_window import ComposerWindow

    job = scheduled()
    window = ComposerWindow(store, lambda: accounts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    notice = window.parts.scheduled
    assert notice.plan.isVisibleTo(window) and "“Open dag”" in notice.plan.text()
    notice.show_button.click()
    shown = next(d for d in window.findChildren(HistoryDialog) if d.isVisible())
    assert shown.job is not None and shown.job.id == job.id
    assert shown.cancel_button.isVisibleTo(shown)
    shown.close()


def test_a_time_in_the_past_is_refused_in_plain_words_and_nothing_changes(
    qtbot, history, scheduled, store, toot
):
    job = scheduled()
    dialog = history()
    dialog.time_button.click()
    editor = next(d for d in dialog.findChildren(TimeDialog) if d.isVisible())
    editor.set_wall_time(datetime(2020, 1, 1, 9, 0))
    editor.accept()
    qtbot.waitUntil(lambda: not dialog.changes.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: "passed" in dialog.outcome.text(), timeout=WAIT)
    assert dialog.outcome.text() == "This time has passed already: choose a time in the future."
    assert store.job(job.id).scheduled_at == job.scheduled_at and len(toot.scheduled) == 1
