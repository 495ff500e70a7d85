"""The Accounts dialog with real parts: real HTTP to fake servers on 127.0.0.1, the real
connect functions, the store, and an in-memory keyring."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from composer.core.accounts.account import AccountKind
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.i18n.answer_words import website_checked
from composer.ui.accounts.dialog import AccountsDialog
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.keyrings import InMemoryKeyring
from tests.support.publish_servers import Site, free_port

WAIT = 10_000


@pytest.fixture
def keyring():
    return InMemoryKeyring()


@pytest.fixture
def accounts(store, keyring):
    return Accounts(store, Credentials(keyring))


@pytest.fixture
def dialog(qtbot, english, accounts):
    shown = AccountsDialog(accounts)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def fake_discord():
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


@pytest.fixture
def site(tmp_path):
    """The reference receiver on loopback, answering Omroeper's test event."""
    running = Site(tmp_path / "content").start()
    yield running
    running.stop()


@pytest.fixture
def fake_mastodon():
    fake = FakeMastodon().start()
    yield fake
    fake.stop()


def _choose(dialog: AccountsDialog, kind: AccountKind) -> None:
    dialog.add_button.click()
    assert dialog.pages.currentIndex() == dialog.CHOOSE
    dialog.kind_buttons[kind].click()
    assert dialog.pages.currentIndex() == dialog.CONNECT


def _connect(qtbot, dialog: AccountsDialog) -> None:
    assert dialog.connect_button.isEnabled()
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog.working, timeout=WAIT)


def _secret_widgets_are_password_fields(dialog: AccountsDialog, secret: str) -> None:
    for field in dialog.findChildren(QLineEdit):
        if secret in field.text() and field is not dialog.key_field:
            assert field.echoMode() == QLineEdit.EchoMode.Password


def test_website_with_a_new_key_shown_once(qtbot, dialog, accounts, keyring, site):
    assert dialog.empty.isVisible()
    _choose(dialog, AccountKind.WEBSITE)
    assert not dialog.connect_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.form.address, site.url)
    _connect(qtbot, dialog)
    assert dialog.pages.currentIndex() == dialog.DONE
    assert dialog.connected_label.text() == website_checked(key_installed=False)
    assert dialog.connected_label.text().startswith("✓")
    key = dialog.key_field.text()
    assert key.startswith("whsec_") and dialog.key_field.isReadOnly()
    assert dialog.key_box.isVisible()
    (account,) = accounts.list()
    assert accounts.secret(account.id) == {"signing_secret": key}
    assert site.pages() == []  # the test event makes no page
    assert dialog.instructions_button.isVisible()
    dialog.instructions_button.click()
    copied = QGuiApplication.clipboard().text()
    assert site.url in copied and key not in copied and "docs/webhook.md" in copied
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == key
    assert dialog.copy_button.text() == "Copied"

    dialog.show_list()  # Done
    assert dialog.key_field.text() == ""  # shown once
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text() == "Website · 127.0.0.1"
    assert key not in "".join(f.text() for f in dialog.findChildren(QLineEdit))


def test_website_with_a_pasted_key_shows_no_key(qtbot, dialog, accounts, site):
    _choose(dialog, AccountKind.WEBSITE)
    qtbot.keyClicks(dialog.form.address, site.url)
    dialog.form.paste_key.setChecked(True)
    assert not dialog.connect_button.isEnabled()
    qtbot.keyClicks(dialog.form.key, "whsec_not-valid")
    _connect(qtbot, dialog)
    assert "not valid" in dialog.message.text()
    assert dialog.form.key.text() == "whsec_not-valid"  # kept to correct it
    dialog.form.key.setText("whsec_" + "A" * 44)  # valid, but not the site's key
    _connect(qtbot, dialog)
    assert dialog.pages.currentIndex() == dialog.CONNECT and accounts.list() == []
    assert "(401)" in dialog.message.text() and "web developer" in dialog.message.text()
    assert "signature" not in dialog.message.text()
    dialog.form.key.setText(site.secret)
    _connect(qtbot, dialog)
    assert dialog.pages.currentIndex() == dialog.DONE
    assert dialog.connected_label.text() == website_checked(key_installed=True)
    assert not dialog.key_box.isVisible() and dialog.key_field.text() == ""


def test_a_website_that_does_not_answer_is_not_connected(qtbot, dialog, accounts):
    _choose(dialog, AccountKind.WEBSITE)
    qtbot.keyClicks(dialog.form.address, f"http://127.0.0.1:{free_port()}/omroeper")
    _connect(qtbot, dialog)
    assert dialog.pages.currentIndex() == dialog.CONNECT and accounts.list() == []
    assert dialog.message.text().startswith("⚠ Your website does not answer")


def test_instructions_for_the_web_developer_hold_the_address_not_the_key(qtbot, dialog):
    _choose(dialog, AccountKind.WEBSITE)
    form = dialog.form
    labels = [label.text() for label in form.findChildren(QLabel)]
    assert not any("Webhook" in text or "Signing key" in text for text in labels)
    qtbot.keyClicks(form.address, "https://www.bieb.example.nl/omroeper")
    form.paste_key.setChecked(True)
    key = "whsec_" + "B" * 44
    qtbot.keyClicks(form.key, key)
    form.instructions_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "https://www.bieb.example.nl/omroeper" in copied
    assert "docs/webhook.md" in copied and "examples/webhook_receiver.py" in copied
    assert "separately" in copied and "webhook.test" in copied
    assert key not in copied and "B" * 44 not in copied
    assert form.instructions_button.text() == "Instructions copied"


def test_discord_connects_and_a_wrong_token_keeps_the_dialog(qtbot, dialog, accounts, fake_discord):
    _choose(dialog, AccountKind.DISCORD)
    assert dialog.form.webhook.echoMode() == QLineEdit.EchoMode.Password
    wrong = fake_discord.url.replace(fake_discord.token, "wrong-token")
    qtbot.keyClicks(dialog.form.webhook, wrong)
    _connect(qtbot, dialog)
    assert dialog.pages.currentIndex() == dialog.CONNECT and dialog.isVisible()
    assert "did not accept these details" in dialog.message.text()
    assert dialog.form.webhook.text() == wrong
    assert dialog.connect_button.isEnabled() and accounts.list() == []

    dialog.form.webhook.setText(fake_discord.url)
    _secret_widgets_are_password_fields(dialog, fake_discord.token)
    _connect(qtbot, dialog)
    assert dialog.connected_label.text() == "Connected as Omroeper-test."
    assert not dialog.key_box.isVisible()
    (account,) = accounts.list()
    assert accounts.secret(account.id) == {"webhook_url": fake_discord.url}
    dialog.show_list()
    assert dialog.list.item(0).text() == "Discord · Omroeper-test"


def test_mastodon_with_a_pasted_token(qtbot, dialog, accounts, fake_mastodon):
    token = fake_mastodon.issue_token("read:accounts read:statuses write:statuses write:media")
    _choose(dialog, AccountKind.MASTODON)
    assert dialog.form.server.placeholderText() == "mastodon.social"
    qtbot.keyClicks(dialog.form.server, fake_mastodon.base)
    assert dialog.connect_button.text() == "&Sign in with your browser"
    assert not dialog.form.advanced_box.isVisible()
    dialog.form.advanced.setChecked(True)
    assert dialog.form.token.echoMode() == QLineEdit.EchoMode.Password
    dialog.form.token.setText(token)
    assert dialog.connect_button.text() == "&Connect"
    _secret_widgets_are_password_fields(dialog, token)
    _connect(qtbot, dialog)
    assert dialog.connected_label.text() == (
        "Connected as Omroep Zuid (@omroep@social.example)."
    ), dialog.message.text()
    (account,) = accounts.list()
    assert accounts.secret(account.id)["access_token"] == token
    # who it is, with the profile picture the server reports
    qtbot.waitUntil(
        lambda: dialog.avatar.pixmap() is not None and not dialog.avatar.pixmap().isNull()
    )
    assert dialog.avatar.pixmap().width() == 64


def test_an_avatar_that_cannot_be_fetched_is_simply_not_shown():
    from composer.core.destinations.http.remote_image import fetch_image

    assert fetch_image("http://127.0.0.1:9/a.png") == b""
    assert fetch_image("http://example.org/a.png") == b""  # not https: never requested


@pytest.mark.parametrize("approve", [True, False])
def test_mastodon_browser_sign_in(qtbot, dialog, fake_mastodon, monkeypatch, approve):
    accounts = dialog.accounts
    opened: list[str] = []

    def browser(url: QUrl) -> bool:  # the person's browser, signed in on the server
        address = url.toEncoded().data().decode()
        opened.append(address)
        threading.Thread(target=fake_mastodon.browser, args=(address, approve)).start()
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", browser)
    _choose(dialog, AccountKind.MASTODON)
    qtbot.keyClicks(dialog.form.server, fake_mastodon.base)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: bool(opened) and not dialog.working, timeout=WAIT)
    assert opened[0].startswith(f"{fake_mastodon.base}/oauth/authorize?")
    if approve:
        assert dialog.pages.currentIndex() == dialog.DONE, dialog.message.text()
        assert "Omroep Zuid (@omroep@social.example)" in dialog.connected_label.text()
        assert len(accounts.list()) == 1
    else:
        assert dialog.pages.currentIndex() == dialog.CONNECT
        assert "was not allowed" in dialog.message.text()
        assert dialog.form.server.text() == fake_mastodon.base
        assert dialog.connect_button.text() == "&Sign in with your browser"
        assert dialog.sign_in is None and accounts.list() == []


def test_out_of_band_code_is_pasted(qtbot, english, accounts, monkeypatch):
    fake = FakeMastodon(loopback_redirects=False).start()
    try:
        visits = []

        def browser(url: QUrl) -> bool:
            visits.append(fake.browser(url.toEncoded().data().decode()))
            return True

        monkeypatch.setattr(QDesktopServices, "openUrl", browser)
        dialog = AccountsDialog(accounts)
        qtbot.addWidget(dialog)
        dialog.show()
        _choose(dialog, AccountKind.MASTODON)
        qtbot.keyClicks(dialog.form.server, fake.base)
        _connect(qtbot, dialog)
        assert dialog.form.code.isVisible() and "copy the code" in dialog.message.text()
        assert not dialog.connect_button.isEnabled()
        dialog.form.code.setText(visits[0].code)
        _connect(qtbot, dialog)
        assert dialog.pages.currentIndex() == dialog.DONE, dialog.message.text()
        assert len(accounts.list()) == 1
    finally:
        fake.stop()


def test_bluesky_warns_live_about_a_main_password(qtbot, dialog):
    _choose(dialog, AccountKind.BLUESKY)
    form = dialog.form
    assert form.password.echoMode() == QLineEdit.EchoMode.Password
    assert not form.pds.isVisible() and form.pds.text() == "bsky.social"
    qtbot.keyClicks(form.password, "hunter2")
    assert form.advice.isVisible() and "App passwords" in form.advice.text()
    form.password.setText("abcd-efgh-ijkl-mnop")
    assert not form.advice.isVisible()
    qtbot.keyClicks(form.handle, "omroep.bsky.social")
    assert dialog.connect_button.isEnabled()


def test_remove_asks_and_removes(qtbot, dialog, accounts, keyring, *, site):
    _choose(dialog, AccountKind.WEBSITE)
    qtbot.keyClicks(dialog.form.address, site.url)
    _connect(qtbot, dialog)
    dialog.show_list()

    def answer(button: QMessageBox.StandardButton) -> str:
        box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
        asked = box.text()
        box.button(button).click()
        return asked

    dialog.list.setCurrentRow(0)
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    assert "removed from this computer" in answer(QMessageBox.StandardButton.Cancel)
    assert len(accounts.list()) == 1  # cancelled
    dialog.list.setCurrentRow(0)
    dialog.remove_button.click()
    answer(QMessageBox.StandardButton.Yes)
    assert accounts.list() == [] and keyring.entries == {}
    assert dialog.list.count() == 0 and dialog.empty.isVisible()
    assert dialog.list_message.text() == "Removed 127.0.0.1."


def test_the_window_opens_the_dialog_from_its_menu(qtbot, english, store, monkeypatch):
    from composer.ui.window.composer_window import ComposerWindow

    window = ComposerWindow(store)
    qtbot.addWidget(window)
    opened = []
    monkeypatch.setattr(AccountsDialog, "exec", lambda self: opened.append(self) or 0)
    (menu,) = [a for a in window.menuBar().actions() if a.text() == "&Accounts"]
    (action,) = menu.menu().actions()
    assert action.text() == "Connect and manage accounts…"
    action.trigger()
    assert opened and opened[0].accounts.store is store


def test_dutch_words(qtbot, dutch, accounts):
    dialog = AccountsDialog(accounts)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Accounts"
    assert dialog.add_button.text() == "&Account toevoegen…"


def test_an_account_with_too_few_permissions_is_told_to_connect_again(
    qtbot, dialog, accounts, fake_mastodon
):
    """Connected with the scopes Omroeper asked before (no read:statuses): a plain line and
    "Connect again", which keeps the account (its published messages stay deletable)."""
    from composer.core.destinations.mastodon import connect as mastodon

    old = fake_mastodon.issue_token("read:accounts write:statuses write:media")
    before = accounts.add(
        AccountKind.MASTODON, mastodon.connect_with_token(fake_mastodon.base, "mastodon", old)
    )
    unknown = fake_mastodon.issue_token()  # a record-less account stands for one of before
    connected = mastodon.connect_with_token(fake_mastodon.base, "mastodon", unknown)
    never_recorded = accounts.add(AccountKind.MASTODON, replace(connected, settings={}))
    dialog.show_list()
    rows = {dialog.list.item(n).data(256): n for n in range(dialog.list.count())}
    assert dialog.list.item(rows[before.id]).text().endswith("⚠")
    assert not dialog.list.item(rows[never_recorded.id]).text().endswith("⚠")
    dialog.list.setCurrentRow(rows[never_recorded.id])
    assert not dialog.reconnect_line.isVisible()
    dialog.list.setCurrentRow(rows[before.id])
    assert dialog.reconnect_line.isVisible() and "Connect it again" in dialog.reconnect_line.text()

    dialog.reconnect_button.click()
    assert dialog.pages.currentIndex() == dialog.CONNECT
    assert dialog.form.server.text() == fake_mastodon.base
    dialog.form.advanced.setChecked(True)
    fresh = fake_mastodon.issue_token("read:accounts read:statuses write:statuses write:media")
    dialog.form.token.setText(fresh)
    _connect(qtbot, dialog)
    assert dialog.pages.currentIndex() == dialog.DONE, dialog.message.text()
    again = accounts.get(before.id)
    assert accounts.secret(before.id)["access_token"] == fresh
    assert "read:statuses" in again.settings["scopes"] and len(accounts.list()) == 2
    dialog.show_list()
    dialog.list.setCurrentRow(rows[before.id])
    assert not dialog.reconnect_line.isVisible()
