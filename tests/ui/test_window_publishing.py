"""Publishing from the window: a message left half-sent goes on at the next start, and quitting
mid-send asks first. Real servers on loopback (the reference receiver, the Mastodon fake)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from composer.core.draft import Draft
from composer.ui import window_dialogs
from composer.ui.composer_window import ComposerWindow
from tests.support.publish_servers import WAIT

pytest_plugins = ["tests.support.publish_fixtures"]


@pytest.fixture
def window(qtbot, english, store, accounts):
    made = ComposerWindow(store, lambda: accounts)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_a_message_left_half_sent_goes_on_at_the_next_start(
    qtbot, window, *, store, accounts, site, toot
):
    from tests.support.publish_servers import add_mastodon, add_website

    web, masto = add_website(accounts, site), add_mastodon(accounts, toot)
    draft = Draft(text="Open dag in de bibliotheek!", language="nl")
    job = store.create_job(draft, [web.id, masto.id])  # as if the last window closed here
    assert window_dialogs.resume_unfinished(window) == job
    dialog = window.publish_dialog
    qtbot.waitUntil(lambda: store.job(job).state == "finished", timeout=WAIT)
    qtbot.waitUntil(lambda: "Published" in dialog.heading.text(), timeout=WAIT)
    assert site.published() == 1 and len(toot.statuses) == 1
    assert window_dialogs.resume_unfinished(window) is None  # nothing left: nothing again
    assert site.published() == 1 and len(toot.statuses) == 1


def test_quitting_while_publishing_asks_first(qtbot, window, store, monkeypatch):
    from composer.ui import publish_run

    asked = []

    def answer(*_args, **_kwargs):
        asked.append(True)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(publish_run, "running_jobs", lambda _store: [7])
    window.close()
    assert asked and window.isVisible()  # "No": the window stays
    monkeypatch.setattr(publish_run, "running_jobs", lambda _store: [])
    window.close()
    assert not window.isVisible()
