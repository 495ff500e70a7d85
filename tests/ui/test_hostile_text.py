"""Text from outside stays text: a draft title from a colleague's file, a Discord channel's or
a Mastodon account's name, a field name in a broken draft file, a server's post address. Shown
through the real dialogs against real servers on loopback, each reads literally, with nothing
to click, and a link opens only when it is a safe one."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from composer.core.accounts.account import AccountKind
from composer.core.destinations.registry import destinations_for
from composer.core.drafts.draft import Draft
from composer.core.net import is_loopback
from composer.core.outside_url import safe_link
from composer.core.publishing.deleting import delete_everywhere
from composer.core.publishing.publisher import Publisher
from composer.ui.accounts.dialog import AccountsDialog
from composer.ui.drafts.transfer import DraftTransfer
from composer.ui.history.dialog import HistoryDialog
from composer.ui.preview.parts import PostText
from composer.ui.publish.dialog import PublishDialog
from composer.ui.publish.rows import DestinationRow
from tests.support.fake_discord import FakeDiscord
from tests.support.hostile_server import HostileServer, rewritten
from tests.support.publish_servers import WAIT, add_discord, add_mastodon

pytest_plugins = ["tests.support.publish_fixtures"]

HOSTILE = [
    '<a href="file:///etc/shadow">Klik</a>',
    '<img src="file:///etc/passwd">',
    "<b>Vet</b> &amp; <i>schuin</i>",
]
ANCHOR = '<a href="file:///etc/shadow">Klik</a>'


def _seen(label: QLabel) -> tuple[str, list[str]]:
    """What a label shows as words, and the links in it that a click would follow."""
    text, form = label.text(), label.textFormat()
    rich = form == Qt.TextFormat.RichText or (
        form == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if not rich:
        return text, []
    document = QTextDocument()
    document.setHtml(text)
    links, block = [], document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                links.append(fragment.charFormat().anchorHref())
            it += 1
        block = block.next()
    return document.toPlainText(), links


def _reads_literally(widget: QWidget, hostile: str) -> None:
    labels = widget.findChildren(QLabel)
    _literal(
        [_seen(label) for label in labels if label.isVisibleTo(widget) or label.text()], hostile
    )


def _literal(seen: list[tuple[str, list[str]]], hostile: str) -> None:
    """Some label shows `hostile` as written; its only links are our own safe ones (a
    published copy's address), none made from it."""
    assert any(hostile in words for words, _links in seen), [w for w, _ in seen]
    links = [link for _words, found in seen for link in found]
    assert all(safe_link(link) == link and "file:" not in link for link in links), links


class Seen(list):
    """What a message box showed: (words, links) per label."""


def _answer(qtbot, button: QMessageBox.StandardButton) -> Seen:
    """Notes what the next message box shows and presses `button`, also when the box runs
    its own loop (a blocking QMessageBox.question): a timer looks from inside it."""
    seen = Seen()

    def look() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        box = next((b for b in boxes if b.isVisible()), None)
        if box is not None and not seen:
            seen.extend(_seen(label) for label in box.findChildren(QLabel))
            seen.timer.stop()
            box.button(button).click()

    seen.timer = QTimer(interval=10)  # kept by the test through `seen`, as its slot
    seen.timer.timeout.connect(look)
    seen.timer.start()
    seen.look = look
    return seen


def _box(parent: QWidget) -> QMessageBox:
    return next(box for box in parent.findChildren(QMessageBox) if box.isVisible())


@pytest.fixture
def channel():
    fake = FakeDiscord(name=ANCHOR).start()
    yield fake
    fake.stop()


def _publish(store, accounts, chosen, title: str):
    draft = Draft(title=title, text="Zaterdag open dag!", language="nl")
    job_id = store.create_job(draft, [account.id for account in chosen])
    publisher = Publisher(store, destinations_for(accounts), accounts, sleep=lambda _s: None)
    return publisher.publish(job_id)


@pytest.mark.parametrize("title", HOSTILE)
def test_delete_everywhere_names_the_title_and_channel_as_text(
    qtbot, english, store, accounts, *, channel, title
):
    _publish(store, accounts, [add_discord(accounts, channel)], title)
    dialog = HistoryDialog(store, accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    _reads_literally(dialog, title)
    dialog.delete_button.click()
    box = _box(dialog)
    _reads_literally(box, title)
    _reads_literally(box, ANCHOR)  # the Discord channel's name
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_send_again_names_the_channel_as_text(qtbot, english, store, accounts, channel):
    channel.drop_after_next = True  # taken, no answer: the copy's arrival is unclear
    job = _publish(store, accounts, [add_discord(accounts, channel)], "Open dag")
    (row,) = job.destinations
    assert row.state == "unknown"
    dialog = PublishDialog.for_job(store, accounts, job.id)
    qtbot.addWidget(dialog)
    dialog.show()
    _reads_literally(dialog, ANCHOR)
    dialog.ask_send_again(row.account_id)
    box = _box(dialog)
    _reads_literally(box, ANCHOR)
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_connected_as_and_removing_name_the_account_as_text(qtbot, english, accounts, channel):
    dialog = AccountsDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_button.click()
    dialog.kind_buttons[AccountKind.DISCORD].click()
    qtbot.keyClicks(dialog.form.webhook, channel.url)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.DONE, timeout=WAIT)
    _reads_literally(dialog.connected_label.parent(), ANCHOR)  # "Connected as …"
    dialog.show_list()
    dialog.list.setCurrentRow(0)
    seen = _answer(qtbot, QMessageBox.StandardButton.Yes)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: accounts.list() == [])
    _literal(seen, ANCHOR)
    _reads_literally(dialog.list_message.parent(), ANCHOR)  # "Removed …."


def test_a_mastodon_display_name_is_text_in_every_row(qtbot, english, store, accounts, *, toot):
    toot.display_name = ANCHOR
    toot.username = "omroep"
    account = add_mastodon(accounts, toot)
    job = _publish(store, accounts, [account], "<b>Open dag</b>")
    dialog = PublishDialog.for_job(store, accounts, job.id)
    qtbot.addWidget(dialog)
    dialog.show()
    _reads_literally(dialog, "@omroep@social.example")
    assert not any(
        _seen(label)[1] != [] and "file:" in str(_seen(label)[1])
        for label in dialog.findChildren(QLabel)
    )


def test_a_broken_draft_file_is_explained_as_text(qtbot, english, store, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    hostile = tmp_path / "concept.json"
    hostile.write_text(json.dumps({"text": "Hallo", ANCHOR: 1}), encoding="utf-8")
    seen = _answer(qtbot, QMessageBox.StandardButton.Ok)
    assert DraftTransfer(store, window).import_from(hostile) is None
    qtbot.waitUntil(lambda: bool(seen))
    _literal(seen, ANCHOR)


# -- links from servers -----------------------------------------------------------------


@pytest.fixture
def opened():
    """What would open in the browser: Qt's own hook for a scheme, the real openUrl path."""
    seen: list[str] = []

    class Catcher(QObject):
        @Slot(QUrl)
        def take(self, url: QUrl) -> None:
            seen.append(url.toString())

    catcher = Catcher()
    for scheme in ("https", "http", "file", "javascript"):
        QDesktopServices.setUrlHandler(scheme, catcher, "take")
    yield seen
    for scheme in ("https", "http", "file", "javascript"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.mark.parametrize(
    "stored",
    [
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
        "https://example.org/x\n\n@everyone Klik hier: https://phish.example/login",
    ],
)
def test_a_row_shows_and_opens_no_unsafe_address(
    qtbot, english, store, accounts, request, *, toot, opened, stored
):
    front = HostileServer(upstream=toot.base)  # the real status, its address replaced
    request.addfinalizer(front.close)
    front.play(rewritten({"url": stored, "uri": stored}), method="POST", path="/api/v1/statuses")
    job = _publish(store, accounts, [add_mastodon(accounts, toot, front.url)], "Open dag")
    (row,) = job.destinations
    shown = DestinationRow(row.account_id, "Mastodon")
    qtbot.addWidget(shown)
    shown.show()
    shown.show_row(row, running=False, waiting_for_site=False)
    assert row.state == "done" and "not a safe web address" in shown.status.text()
    assert "href" not in shown.status.text() and not shown.open.isVisibleTo(shown)
    # a row stored before this check, holding the address itself, shows and opens nothing
    from dataclasses import replace

    shown.show_row(replace(row, url=stored, error_code=None), running=False, waiting_for_site=False)
    assert "href" not in shown.status.text() and not shown.open.isVisibleTo(shown)
    shown.status.linkActivated.emit(stored)
    shown.open.click()
    assert opened == []
    assert delete_everywhere(store, accounts, job.id)[row.account_id].ok


def test_a_safe_address_opens(qtbot, english, store, accounts, *, toot, opened):
    job = _publish(store, accounts, [add_mastodon(accounts, toot)], "Open dag")
    (row,) = job.destinations
    shown = DestinationRow(row.account_id, "Mastodon")
    qtbot.addWidget(shown)
    shown.show_row(row, running=False, waiting_for_site=False)
    shown.open.click()
    assert opened == [row.url]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=80), st.sampled_from(["https", "http"]))
def test_what_passes_the_check_is_what_qt_opens(qapp, rest, scheme):
    """The check and the opener read a safe link alike: the scheme, and for http the host."""
    for value in (
        f"{scheme}://{rest}",
        f"{scheme}://example.org/{rest}",
        f"{scheme}://127.0.0.1{rest}",
    ):
        link = safe_link(value)
        if not link:
            continue
        url = QUrl(link, QUrl.ParsingMode.StrictMode)
        assert url.isValid(), link
        assert url.scheme() == link.split(":", 1)[0].lower()
        assert url.host()
        if url.scheme() == "http":
            assert is_loopback(url.host()), link


def test_deleting_a_draft_names_its_title_as_text(open_window, qtbot, english, store):
    window = open_window()
    window.open_draft(store.create_draft(Draft(title=ANCHOR, text="Hallo")))
    window.delete_draft()
    assert window.drafts.undo_bar.isVisibleTo(window)
    _reads_literally(window.drafts.undo_bar, ANCHOR)  # "Deleted “…”."


def test_a_preview_opens_only_safe_links(qtbot, opened):
    card = QWidget()
    qtbot.addWidget(card)
    text = PostText(card)
    text.setFixedWidth(400)
    card.show()
    qtbot.waitExposed(card)
    links = ["file:///etc/shadow", "javascript:alert(1)", "bieb.example.nl/open"]
    text.setHtml(" ".join(f'<a href="{href}">link{n}</a>' for n, href in enumerate(links)))
    for n in range(len(links)):  # a real click on each link, as a person would
        cursor = text.document().find(f"link{n}")
        cursor.setPosition(cursor.selectionStart() + 2)
        where = text.cursorRect(cursor).center()
        qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened == ["https://bieb.example.nl/open"]  # written without https://, as networks do
    assert text.source().isEmpty()  # and the preview itself never navigates
