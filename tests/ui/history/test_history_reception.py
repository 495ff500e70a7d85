"""How each copy was received, in the history, against real servers on loopback (the Mastodon
fake, the real PDS): read when a message is shown and on "Refresh figures", off the window's
thread; offline the last figures with their date and one plain line; "View replies" opens
the copy on its network."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from composer.core.accounts.account import AccountKind
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.registry import destinations_for
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import Publisher
from composer.ui.history.dialog import HistoryDialog
from tests.support.fake_mastodon_api import react
from tests.support.publish_servers import WAIT, add_mastodon, add_website

pytest_plugins = ["tests.support.publish_fixtures"]

DRAFT = Draft(title="Boekenmarkt", text="Zondag boekenmarkt op het plein.", language="nl")


@pytest.fixture
def history(qtbot, store, accounts):
    def show() -> HistoryDialog:
        dialog = HistoryDialog(store, accounts)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return show


@pytest.fixture
def opened():
    """What would open in the browser: Qt's own hook for a scheme, the real openUrl path."""
    seen: list[str] = []

    class Catcher(QObject):
        @Slot(QUrl)
        def take(self, url: QUrl) -> None:
            seen.append(url.toString())

    catcher = Catcher()
    for scheme in ("https", "http"):
        QDesktopServices.setUrlHandler(scheme, catcher, "take")
    yield seen
    for scheme in ("https", "http"):
        QDesktopServices.unsetUrlHandler(scheme)


def _publish(store, accounts, chosen):
    job_id = store.create_job(DRAFT, [account.id for account in chosen])
    return Publisher(store, destinations_for(accounts), accounts, sleep=lambda _s: None).publish(
        job_id
    )


def _read(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.reading, timeout=WAIT)


def _reads(toot, status_id: str) -> int:
    return sum(r.path == f"/api/v1/statuses/{status_id}" for r in toot.requests)


def test_counts_are_read_when_shown_and_on_refresh_and_replies_open(
    qtbot, english, history, store, accounts, *, chosen, toot, opened
):
    job = _publish(store, accounts, chosen)
    website, masto, discord = chosen
    status_id = job.destination(masto.id).remote_id
    for person in ("anna", "bram"):
        react(toot, status_id, "favourites", by=person)
    react(toot, status_id, "replies", by="anna")
    assert _reads(toot, status_id) == 0  # nothing is read before the history is opened

    dialog = history()
    _read(qtbot, dialog)
    line = dialog.lines[masto.id]
    assert line.isVisible() and line.counts.text() == "1 reply, 0 boosts, 2 favourites"
    assert not dialog.lines[website.id].isVisible() and not dialog.lines[discord.id].isVisible()
    assert dialog.reception_note.text() == "" and dialog.refresh_button.isVisible()
    assert not dialog.findChildren(QMessageBox)

    react(toot, status_id, "reblogs", by="cees")
    react(toot, status_id, "favourites", by="cees")
    dialog.refresh_button.click()
    _read(qtbot, dialog)
    assert line.counts.text() == "1 reply, 1 boost, 3 favourites"
    assert _reads(toot, status_id) == 2

    line.replies.click()  # "View replies": the copy's page on the network
    assert opened == [job.destination(masto.id).url]


def test_offline_the_last_figures_show_with_their_date_and_one_plain_line(
    qtbot, dutch, history, store, accounts, *, site, toot
):
    masto = add_mastodon(accounts, toot)
    job = _publish(store, accounts, [add_website(accounts, site), masto])
    react(toot, job.destination(masto.id).remote_id, "favourites")
    first = history()
    _read(qtbot, first)
    assert first.lines[masto.id].counts.text() == "0 reacties, 0 boosts, 1 favoriet"

    toot.stop()
    try:
        first.refresh_button.click()  # gone meanwhile: the figures just shown get their date
        _read(qtbot, first)
        assert (
            first.lines[masto.id].counts.text().startswith("0 reacties, 0 boosts, 1 favoriet (op ")
        )
        first.close()
        dialog = history()
        _read(qtbot, dialog)
        line = dialog.lines[masto.id]
        assert line.isVisible()
        assert line.counts.text().startswith("0 reacties, 0 boosts, 1 favoriet (op ")
        name = f"Mastodon {masto.identity.handle}"
        assert dialog.reception_note.text() == (
            f"Even geen verbinding met {name}: je ziet de laatste cijfers."
        )
        assert not dialog.findChildren(QMessageBox)
    finally:
        toot.start(toot.server.server_address[1])


def test_never_read_and_offline_shows_no_figures_only_the_line(
    qtbot, english, history, store, accounts, *, site, toot
):
    masto = add_mastodon(accounts, toot)
    _publish(store, accounts, [add_website(accounts, site), masto])
    toot.stop()
    try:
        dialog = history()
        _read(qtbot, dialog)
        assert not dialog.lines[masto.id].isVisible()
        assert dialog.reception_note.text() == (
            f"No connection to Mastodon {masto.identity.handle} just now: try again later."
        )
    finally:
        toot.start(toot.server.server_address[1])


def test_bluesky_likes_from_a_second_account_on_the_real_pds(
    qtbot, english, history, store, accounts, *, site, bluesky_pds
):
    from atproto import Client

    person = bluesky_pds.create_account("ontvangst")
    connected = bluesky.connect(
        person.handle, bluesky_pds.create_app_password(person), bluesky_pds.url
    )
    sky = accounts.add(AccountKind.BLUESKY, connected)
    job = _publish(store, accounts, [add_website(accounts, site), sky])
    uri = job.destination(sky.id).remote_id
    reader = bluesky_pds.create_account("lezer")
    client = Client(base_url=bluesky_pds.url)
    try:
        client.login(reader.handle, reader.password)
        post = client.app.bsky.feed.post.get(person.did, uri.rsplit("/", 1)[1])
        client.like(uri, post.cid)
        client.repost(uri, post.cid)
    finally:
        client.request.close()

    dialog = history()
    _read(qtbot, dialog)
    assert dialog.lines[sky.id].counts.text() == "0 replies, 1 repost, 1 like"
