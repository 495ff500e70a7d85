"""The publish dialog against real servers on loopback: the reference website receiver, the
Mastodon and Discord fakes (and the real Bluesky PDS), through the real Publisher."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from composer.core.accounts.account import AccountKind
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.website import connect as website
from composer.core.destinations.wordpress import connect as wp
from composer.core.drafts.draft import Draft
from composer.core.publishing import publisher as publishing
from composer.ui.publish import run as publish_run
from composer.ui.publish.dialog import PublishDialog
from composer.ui.publish.outcome import no_connection
from tests.support.fake_mastodon import Answer
from tests.support.fake_mastodon_api import status_create
from tests.support.fault_proxy import FaultProxy
from tests.support.publish_servers import (
    WAIT,
    Site,
    add_discord,
    add_mastodon,
    add_website,
    free_port,
)

pytest_plugins = ["tests.support.publish_fixtures"]

DRAFT = Draft(
    title="Open dag in de bibliotheek",
    text="Zaterdag open dag in de bibliotheek!\nVoorlezen, knutselen en koffie.",
    language="nl",
)
PAGE = "https://example.org/nieuws/open-dag-in-de-bibliotheek/"


@pytest.fixture
def opened(qtbot, english):
    def show(dialog: PublishDialog) -> PublishDialog:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return show


@pytest.fixture
def browser(monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    return opened


@pytest.fixture
def quick(monkeypatch):
    """Retries and offline polls in a blink instead of seconds."""
    monkeypatch.setattr(publishing, "BACKOFF_FIRST", 0.05)
    monkeypatch.setattr(publishing, "OFFLINE_POLL", 0.2)


def _publish(qtbot, dialog: PublishDialog) -> None:
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        dialog.confirm.publish_button.click()


def _link(dialog: PublishDialog, account_id: str) -> str:
    return dialog.job.destination(account_id).url


def test_confirm_then_each_link_is_shown_and_opens(
    qtbot, opened, accounts, chosen, *, store, site, toot, hook, browser
):
    web, masto, disc = chosen
    dialog = opened(PublishDialog(store, accounts, DRAFT, [masto, disc, web]))
    lines = [label.text() for label in dialog.confirm.lines]
    assert lines == [
        "Where it goes, in this order:",
        "1. Your website (127.0.0.1)",
        "2. Then, each with a link to it:",
        "   • Mastodon @omroep@social.example",
        "   • Discord (Omroeper-test)",
        "Message: “Zaterdag open dag in de bibliotheek!”",
    ]
    assert dialog.confirm.publish_button.isDefault()
    assert store.list_jobs() == []  # nothing happens before the person confirms
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT) as ended:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default button, by keyboard
    assert ended.args == [dialog.job_id]
    assert dialog.heading.text() == "<h3>Published</h3>"
    assert dialog.overall.text() == "Published everywhere. Each copy links back to your website."
    assert _link(dialog, web.id) == PAGE
    for account in chosen:
        row = dialog.rows[account.id]
        url = _link(dialog, account.id)
        assert url and f'href="{url}"' in row.status.text()
        assert row.status.text().count("✓") == 1
        assert row.status.accessibleName() == f"{row.name}: Published: {url}"
        assert not row.busy.isVisible() and not row.again.isVisible()
    assert not dialog.retry_button.isVisible()
    (status,) = toot.statuses
    (message,) = hook.messages
    assert PAGE in status["text"] and PAGE in message["content"]
    assert site.pages() == ["open-dag-in-de-bibliotheek"] and site.published() == 1
    dialog.publish()  # asked again (a second Enter): nothing new is made or sent
    assert len(store.list_jobs()) == 1 and dialog.run is None

    # by keyboard: Tab goes from one copy's Open button to the next, Space opens it
    opens = []
    dialog.close_button.setFocus()
    for _ in range(len(chosen)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        opens.append(QApplication.focusWidget())
        qtbot.keyClick(opens[-1], Qt.Key.Key_Space)
    assert opens == [dialog.rows[account.id].open for account in chosen]
    assert browser == [_link(dialog, account.id) for account in chosen]
    assert opens[1].accessibleName() == (
        "Open the copy on Mastodon @omroep@social.example in your browser"
    )
    dialog.rows[disc.id].status.linkActivated.emit(_link(dialog, disc.id))  # the mouse's way
    assert browser[-1] == _link(dialog, disc.id)


def test_the_window_keeps_running_while_a_server_holds_its_answer(
    qtbot, opened, accounts, store, *, site, toot, hook
):
    proxy = FaultProxy(toot.server.server_address[1])
    try:
        masto = add_mastodon(accounts, toot, proxy.url)
        web, disc = add_website(accounts, site), add_discord(accounts, hook)
        proxy.hold("POST", "/api/v1/statuses", seconds=15)  # a bounded hang, should it block
        dialog = opened(PublishDialog(store, accounts, DRAFT, [web, masto, disc]))
        ticks = []
        clock = QTimer(dialog, interval=20)
        clock.timeout.connect(lambda: ticks.append(1))
        clock.start()
        dialog.confirm.publish_button.click()
        assert proxy.wait_for("hold", timeout=WAIT / 1000)
        qtbot.waitUntil(lambda: dialog.rows[disc.id].state == "done", timeout=WAIT)
        held = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= held + 10, timeout=WAIT)  # the event loop runs
        row = dialog.rows[masto.id]
        assert row.state == "sending" and row.busy.isVisible()
        assert "Sending…" in row.status.text()
        assert dialog.heading.text() == "<h3>Publishing…</h3>"
        with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
            proxy.release()
        assert {r.state for r in dialog.job.destinations} == {"done"}
        assert len(toot.statuses) == 1
    finally:
        proxy.close()


def test_the_result_shows_once_the_copies_are_out_and_the_site_hears_of_them_after(
    qtbot, opened, accounts, store, caplog, *, site, toot
):
    """Step 3 (telling the site where the copies are) does not keep the person waiting: the
    dialog has its result while the site's answer to it is still held back."""
    proxy = FaultProxy(site.port)
    try:
        web = accounts.add(
            AccountKind.WEBSITE, website.connect(f"{proxy.url}/omroeper", site.secret)
        )
        masto = add_mastodon(accounts, toot)
        proxy.hold("POST", "/omroeper", seconds=None, skip=1)  # the second: "also on …"
        dialog = opened(PublishDialog(store, accounts, DRAFT, [web, masto]))
        _publish(qtbot, dialog)
        assert {row.state for row in dialog.job.destinations} == {"done"}
        assert dialog.heading.text() == "<h3>Published</h3>"
        # the site hears after the dialog had its result: its answer is still held back, and
        # telling it has not given up (as it did when the result waited for it)
        assert proxy.wait_for("hold", timeout=WAIT / 1000)
        assert site.receiver.events == ["post.published", "post.syndicated"]
        assert not [record for record in caplog.records if "telling" in record.getMessage()]
        proxy.release()
    finally:
        proxy.close()


def test_a_refusal_shows_the_reason_and_retry_sends_only_that_one(
    qtbot, opened, accounts, chosen, *, store, site, toot, hook, quick
):
    web, masto, disc = chosen
    toot.fail("POST", "/api/v1/statuses", 422, {"error": "Validation failed: Text is too long"})
    dialog = opened(PublishDialog(store, accounts, DRAFT, chosen))
    _publish(qtbot, dialog)
    assert dialog.heading.text() == "<h3>Not everything was published</h3>"
    words = dialog.rows[masto.id].status.text()
    assert "✗" in words
    assert "Not published. The server refused the message (422): Validation failed" in words
    assert dialog.rows[masto.id].state == "failed"
    assert [dialog.rows[a.id].state for a in (web, disc)] == ["done", "done"]
    assert dialog.retry_button.isVisible()
    assert dialog.retry_button.text() == "&Retry the failed ones"
    assert toot.statuses == [] and len(hook.messages) == 1

    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        dialog.retry_button.click()
    assert {dialog.rows[a.id].state for a in chosen} == {"done"}
    assert not dialog.retry_button.isVisible()
    # each server holds exactly one post: only the refused one went again
    assert len(toot.statuses) == 1 and len(hook.messages) == 1
    assert [r for r in hook.requests if r[0] == "POST"] == hook.requests[-1:]
    assert site.published() == 1 and site.pages() == ["open-dag-in-de-bibliotheek"]
    posts = [r for r in toot.requests if (r.method, r.path) == ("POST", "/api/v1/statuses")]
    assert len(posts) == 2 and len({r.headers["Idempotency-Key"] for r in posts}) == 1


def test_an_unclear_copy_is_sent_again_only_when_the_person_says_so(
    qtbot, opened, accounts, store, hook
):
    disc = add_discord(accounts, hook)
    hook.drop_after_next = True  # the message lands, the answer never comes
    draft = Draft(text="Zaterdag open dag!", link="https://example.org/open-dag")
    dialog = opened(PublishDialog(store, accounts, draft, [disc]))
    _publish(qtbot, dialog)
    row = dialog.rows[disc.id]
    assert row.state == "unknown" and "?" in row.status.text()
    assert "cannot tell whether this copy arrived" in row.status.text()
    assert row.again.isVisible() and not dialog.retry_button.isVisible()
    assert len(hook.messages) == 1

    row.again.click()
    box = dialog.findChild(QMessageBox)
    assert "Discord (Omroeper-test)" in box.text() and "appear twice" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(hook.messages) == 1 and row.state == "unknown"

    row.again.click()
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        next(b for b in box.buttons() if b.text() == "Send again").click()
    assert row.state == "done" and len(hook.messages) == 2  # as the person chose


def test_offline_it_waits_says_so_and_sends_when_the_connection_is_back(
    qtbot, opened, accounts, store, *, hook, tmp_path, quick, no_network
):
    site = Site(tmp_path / "content", port=free_port())  # nothing listens there yet
    web, disc = add_website(accounts, site), add_discord(accounts, hook)
    dialog = opened(PublishDialog(store, accounts, DRAFT, [web, disc]))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.confirm.publish_button.click()
    qtbot.waitUntil(lambda: dialog.overall.text() == no_connection(), timeout=WAIT)
    assert dialog.heading.text() == "<h3>Waiting for the connection</h3>"
    assert "Waits for your website" in dialog.rows[disc.id].status.text()
    job_id = dialog.job_id
    run = publish_run.running(store, job_id)
    assert run is not None and run.offline

    # closing only hides it: the job goes on, and is watched (not started again) when reopened
    ended = []
    dialog.finished_job.connect(ended.append)
    dialog.close()
    assert not dialog.isVisible() and publish_run.running_jobs(store) == [job_id]
    again = opened(PublishDialog.for_job(store, accounts, job_id, retry=True))
    assert again.run is run and again.overall.text() == no_connection()

    try:
        with qtbot.waitSignal(again.finished_job, timeout=WAIT):
            site.start()  # the connection is back
        qtbot.waitUntil(lambda: ended == [job_id], timeout=WAIT)
        assert again.heading.text() == "<h3>Published</h3>"
        assert site.published() == 1 and len(hook.messages) == 1
        assert publish_run.running_jobs(store) == []
    finally:
        site.stop()


def test_only_the_website_down_says_so_not_no_internet(
    qtbot, opened, accounts, store, *, hook, tmp_path, quick
):
    """The internet works (the probe finds a route), only the site is away: the row says the
    website does not answer and whom to ask; nothing says "no internet connection"."""
    site = Site(tmp_path / "content", port=free_port())  # nothing listens there yet
    web, disc = add_website(accounts, site), add_discord(accounts, hook)
    dialog = opened(PublishDialog(store, accounts, DRAFT, [web, disc]))
    dialog.confirm.publish_button.click()
    row = dialog.rows[web.id]
    qtbot.waitUntil(lambda: row.accessibleDescription().startswith("Trying"), timeout=WAIT)
    assert "Your website does not answer" in row.accessibleDescription()
    assert "web developer" in row.accessibleDescription()
    assert dialog.overall.text() != no_connection()
    assert dialog.heading.text() != "<h3>Waiting for the connection</h3>"
    try:
        with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
            site.start()
    finally:
        site.stop()


def test_an_existing_job_shows_its_links_without_sending(
    qtbot, opened, accounts, chosen, *, store, site
):
    from composer.core.destinations.registry import destinations_for
    from composer.core.publishing.publisher import Publisher

    job_id = store.create_job(DRAFT, [account.id for account in chosen])
    Publisher(store, destinations_for(accounts), accounts).publish(job_id)
    dialog = opened(PublishDialog.for_job(store, accounts, job_id))
    assert dialog.pages.currentIndex() == 1 and dialog.run is None
    assert dialog.heading.text() == "<h3>Published</h3>"
    assert all(f'href="{_link(dialog, a.id)}"' in dialog.rows[a.id].status.text() for a in chosen)
    assert site.published() == 1


def test_bluesky_on_the_real_pds_gets_its_link_too(
    qtbot, opened, accounts, store, *, site, bluesky_pds
):
    person = bluesky_pds.create_account("dialog")
    connected = bluesky.connect(
        person.handle, bluesky_pds.create_app_password(person), bluesky_pds.url
    )
    sky = accounts.add(AccountKind.BLUESKY, connected)
    web = add_website(accounts, site)
    dialog = opened(PublishDialog(store, accounts, DRAFT, [sky, web]))
    assert dialog.confirm.lines[3].text() == f"   • Bluesky @{person.handle}"
    _publish(qtbot, dialog)
    url = _link(dialog, sky.id)
    assert url.startswith(f"https://bsky.app/profile/{person.handle}/post/")
    assert f'href="{url}"' in dialog.rows[sky.id].status.text()
    records = bluesky_pds.xrpc(
        "com.atproto.repo.listRecords", repo=person.did, collection="app.bsky.feed.post"
    )["records"]
    assert len(records) == 1 and PAGE in str(records[0]["value"])


LONG = " ".join(
    f"Zin {n}: zaterdag is er voorlezen, knutselen en koffie in de bibliotheek aan het plein."
    for n in range(1, 16)
)  # about 1,300 characters: a thread of three parts on Mastodon (500 each)


def _refuse_the_third_part(toot) -> None:
    @toot.route("POST", "/api/v1/statuses")
    def refuse(fake, request, match):
        if len(fake.statuses) >= 2:
            return Answer(422, {"error": "Validation failed: Text is invalid"})
        return status_create(fake, request, match)


def test_a_thread_sent_partway_says_how_many_parts_are_online(qtbot, opened, accounts, store, toot):
    masto = add_mastodon(accounts, toot)
    _refuse_the_third_part(toot)
    dialog = opened(PublishDialog(store, accounts, Draft(text=LONG, thread=True), [masto]))
    _publish(qtbot, dialog)
    row = dialog.rows[masto.id]
    assert row.state == "failed" and len(toot.statuses) == 2
    words = row.status.text()
    assert "Not completely published: 2 of 3 parts are online." in words
    assert "The server refused the message (422)" in words
    assert "2 of 3 parts are online." in row.accessibleDescription()


def test_a_wordpress_post_held_for_review_says_so_and_the_networks_wait(
    qtbot, opened, accounts, store, toot, *, wordpress
):
    contributor = wordpress.user("contributor")
    site = accounts.add(
        AccountKind.WORDPRESS,
        wp.connect(wordpress.url, contributor.user, contributor.app_password),
    )
    masto = add_mastodon(accounts, toot)
    dialog = opened(PublishDialog(store, accounts, DRAFT, [site, masto]))
    _publish(qtbot, dialog)
    assert dialog.heading.text() == "<h3>Not everything was published</h3>"
    words = dialog.rows[site.id].status.text()
    assert "Your message is waiting for approval in WordPress" in words
    assert "✗" not in words and "Not published" not in words and "failed" not in words
    assert "did not work" not in dialog.overall.text()
    assert "waiting for approval in WordPress" in dialog.overall.text()
    assert dialog.retry_button.text() == "&Check again"
    assert toot.statuses == []
    post_id = dialog.job.destination(site.id).remote_id
    assert wordpress.rest(f"/wp/v2/posts/{post_id}", context="edit")["status"] == "pending"

    editor = wordpress.user("editor")
    wordpress.post_as(editor, f"/wp/v2/posts/{post_id}", {"status": "publish"})
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        dialog.retry_button.click()
    assert {dialog.rows[a.id].state for a in (site, masto)} == {"done"}
    assert len(toot.statuses) == 1 and _link(dialog, site.id) in toot.statuses[0]["content"]
