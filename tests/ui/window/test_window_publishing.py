"""Publishing from the window: a message left half-sent goes on at the next start, and quitting
mid-send asks first. Real servers on loopback (the reference receiver, the Mastodon fake)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from composer.core.drafts.draft import Draft
from tests.support.publish_servers import WAIT

pytest_plugins = ["tests.support.publish_fixtures"]


def test_a_message_left_half_sent_goes_on_at_the_next_start(
    qtbot, window, *, store, accounts, site, toot
):
    from tests.support.publish_servers import add_mastodon, add_website

    web, masto = add_website(accounts, site), add_mastodon(accounts, toot)
    draft = Draft(text="Open dag in de bibliotheek!", language="nl")
    job = store.create_job(draft, [web.id, masto.id])  # as if the last window closed here
    assert window.resume_unfinished() == job
    dialog = window.publish_dialog
    qtbot.waitUntil(lambda: store.job(job).state == "finished", timeout=WAIT)
    qtbot.waitUntil(lambda: "Published" in dialog.heading.text(), timeout=WAIT)
    assert site.published() == 1 and len(toot.statuses) == 1
    assert window.resume_unfinished() is None  # nothing left: nothing again
    assert site.published() == 1 and len(toot.statuses) == 1


def test_quitting_while_publishing_asks_first(qtbot, window, store, monkeypatch):
    from composer.ui.publish import run

    asked = []

    def answer(*_args, **_kwargs):
        asked.append(True)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(run, "running_jobs", lambda _store: [7])
    window.close()
    assert asked and window.isVisible()  # "No": the window stays
    monkeypatch.setattr(run, "running_jobs", lambda _store: [])
    window.close()
    assert not window.isVisible()


def test_a_published_draft_says_so_and_asks_before_publishing_again(
    qtbot, window, monkeypatch, *, store, accounts, site
):
    from tests.support.publish_servers import add_website

    web = add_website(accounts, site)
    window.finish_building()
    window.accounts_list = store.list_accounts()
    window.destinations.show_accounts(window.accounts_list, (web.id,))
    window.editor.setPlainText("Open dag in de bibliotheek!")
    window.change(replace(window.writing.apply(window.draft), targets=(web.id,)))
    outbox = window.parts.outbox
    assert outbox.published.isHidden()

    def refused(_parent, _title, words, *_args):
        raise AssertionError(words)

    monkeypatch.setattr(QMessageBox, "information", refused)
    window.publish()  # never published: no question, the confirmation opens
    dialog = window.publish_dialog
    dialog.publish()
    qtbot.waitUntil(lambda: site.published() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: not store.unfinished_jobs(), timeout=WAIT)
    dialog.close()
    # the drafts list and the window both say it was published, and where the page is
    qtbot.waitUntil(lambda: not outbox.published.isHidden(), timeout=WAIT)
    page = store.publications(window.draft_id)[0].canonical_url
    assert "Published on" in outbox.published.text() and page in outbox.published.text()
    assert "✓ Published" in window.drafts.list.currentItem().text()
    assert window.publish_bar.button.text() == "&Publish again…"
    assert window.publish_bar.status.text().startswith("Already published")
    # publishing again asks first, and "no" (the default) sends nothing
    asked = []

    def answer(parent, title, words, buttons, default):
        asked.append((title, default))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.publish_dialog = None
    window.publish()
    assert asked == [("Publish again?", QMessageBox.StandardButton.No)]
    assert window.publish_dialog is None
    assert site.published() == 1


def test_a_waiting_message_shows_in_the_window_and_says_when_it_goes_out(
    qtbot, window, *, store, accounts, site
):
    from tests.support.publish_servers import add_website

    web = add_website(accounts, site)
    window.finish_building()
    outbox = window.parts.outbox
    assert outbox.waiting_label.isHidden()
    job = store.create_job(Draft(title="Voorleesmiddag", text="Kom luisteren"), [web.id])
    outbox.watch()  # as its timer does every few seconds
    assert not outbox.waiting_label.isHidden()
    assert outbox.waiting_label.text() == "1 message waiting to be sent."
    from composer.ui.publish import run

    run.start(store, accounts, job)  # the connection is back: it goes out
    qtbot.mouseClick(outbox.waiting_button, Qt.MouseButton.LeftButton)  # and can be watched
    assert window.publish_dialog.job_id == job
    qtbot.waitUntil(lambda: store.job(job).state == "finished", timeout=WAIT)
    window.publish_dialog.close()
    qtbot.waitUntil(outbox.waiting_label.isHidden, timeout=WAIT)
    said = window.statusBar().currentMessage()
    assert said == "“Voorleesmiddag” has gone out: published on 1 destination."


def test_the_publish_action_follows_the_publish_rule_not_the_button(
    qtbot, window, *, store, accounts, toot
):
    """Ctrl+Enter and the menu check the same rule the Publish button shows (the draft's
    readiness), not whether the button happens to be enabled."""
    from tests.support.publish_servers import add_mastodon

    masto = add_mastodon(accounts, toot)
    window.finish_building()
    window.accounts_list = store.list_accounts()
    window.destinations.show_accounts(window.accounts_list, (masto.id,))
    window.change(replace(window.draft, text="Open dag " * 80, targets=(masto.id,)))
    assert not window.publish_bar.button.isEnabled()  # too long for Mastodon
    window.publish_bar.button.setEnabled(True)  # a button out of step with the draft
    window.publish()
    assert window.publish_dialog is None and not store.unfinished_jobs()
    (box,) = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert box.text().startswith("Before publishing:")  # the reasons the bar shows
    box.close()
    window.change(replace(window.draft, text="Open dag"))  # fits now: the rule allows it
    assert window.publish_bar.button.isEnabled()
    window.publish()
    assert window.publish_dialog is not None
    window.publish_dialog.close()
    assert not toot.statuses  # the confirmation only opened


def test_a_scheduled_draft_stays_and_scheduling_it_again_asks_first(
    qtbot, window, monkeypatch, tmp_path, *, store, accounts, site, hook
):
    """Scheduled from the window (its own clock and zone, and this computer without a
    scheduler: the OS task cannot be set up, and the dialog says to keep Omroeper open)."""
    from tests.support.publish_servers import add_discord, add_website

    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))  # no systemctl, launchctl, schtasks
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    web, disc = add_website(accounts, site), add_discord(accounts, hook)
    window.finish_building()
    window.accounts_list = store.list_accounts()
    window.destinations.show_accounts(window.accounts_list, (web.id, disc.id))
    window.editor.setPlainText("Kerstconcert in de bibliotheek!")
    window.change(replace(window.writing.apply(window.draft), targets=(web.id, disc.id)))
    window.publish()
    dialog = window.publish_dialog
    dialog.confirm.when.later_button.setChecked(True)
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        dialog.confirm.publish_button.click()
    assert dialog.heading.text().startswith("<h3>Scheduled for ")
    assert "keep Omroeper open at that time" in dialog.overall.text()
    assert dialog.task_outcome.code == "no_scheduler"
    draft_id = window.draft_id
    dialog.close()
    (job,) = store.publications(draft_id)  # the draft is marked, not lost
    assert job.state == "scheduled" and window.draft_id == draft_id
    assert window.editor.toPlainText() == "Kerstconcert in de bibliotheek!"
    assert site.published() == 0 and hook.messages == []

    asked = []

    def answer(parent, title, words, buttons, default):
        asked.append((title, default))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.publish_dialog = None
    window.publish()
    assert asked == [("Scheduled already", QMessageBox.StandardButton.No)]
    assert window.publish_dialog is None and len(store.publications(draft_id)) == 1


def test_a_message_another_program_is_sending_is_left_to_it(
    qtbot, window, *, store, accounts, site
):
    import socket
    import subprocess
    import sys
    from datetime import UTC, datetime

    from composer.core.publishing.claim import CLAIM_FOR
    from tests.support.publish_servers import add_website

    web = add_website(accounts, site)
    job = store.create_job(Draft(text="Open dag!", language="nl"), [web.id])
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:  # `omroeper publish` in another process is sending it right now
        now = datetime.now(UTC)
        owner = f"{socket.gethostname()}:{running.pid}:77aa77aa"
        assert store.claim_job(job, owner, now, now + CLAIM_FOR)
        assert window.resume_unfinished() == job
        dialog = window.publish_dialog
        qtbot.waitUntil(lambda: "being sent right now" in dialog.overall.text(), timeout=WAIT)
        assert site.published() == 0 and dialog.retry_button.isVisible()
        running.kill()  # it ended without finishing: "Continue sending" takes it over
        running.wait()
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Published" in dialog.heading.text(), timeout=WAIT)  # run ended
        assert store.job(job).state == "finished" and site.published() == 1
    finally:
        running.kill()
        running.wait()
