"""Connecting WordPress in the Accounts dialog, against a real WordPress on loopback
(tests/support/wordpress.py): the form says where the application password is made, and
each way it goes wrong shows its own sentence."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit

from composer.core.accounts.account import AccountKind, Identity
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.ui.accounts.dialog import AccountsDialog
from composer.ui.writing.destinations_panel import DestinationsPanel
from tests.support.keyrings import InMemoryKeyring

WAIT = 20_000


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


def _fill(qtbot, dialog, site: str, user: str, password: str) -> None:
    dialog.add_button.click()
    dialog.kind_buttons[AccountKind.WORDPRESS].click()
    assert dialog.pages.currentIndex() == dialog.CONNECT
    assert not dialog.connect_button.isEnabled()  # nothing typed yet
    form = dialog.form
    assert dialog.focusWidget() is form.server or form.first_field() is form.server
    qtbot.keyClicks(form.server, site)
    qtbot.keyClicks(form.user, user)
    qtbot.keyClicks(form.password, password)
    assert form.password.echoMode() == QLineEdit.EchoMode.Password
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog.working, timeout=WAIT)


def test_the_form_says_where_the_application_password_is_made(qtbot, dialog):
    dialog.add_button.click()
    dialog.kind_buttons[AccountKind.WORDPRESS].click()
    hints = " ".join(label.text() for label in dialog.form.findChildren(QLabel))
    assert "Users → Profile" in hints and "Application Passwords" in hints
    # and shows WordPress's own profile page, where that is
    picture = dialog.form.profile_picture.pixmap()
    assert not picture.isNull() and picture.width() == 420
    assert "Application Passwords" in dialog.form.profile_picture.accessibleName()


def test_an_editor_connects_and_the_password_is_in_the_keyring(
    qtbot, dialog, accounts, keyring, wordpress
):
    editor = wordpress.user("editor")
    _fill(qtbot, dialog, wordpress.url, editor.user, editor.app_password)
    assert dialog.pages.currentIndex() == dialog.DONE
    assert dialog.connected_label.text().startswith("Connected as Editor Omroeper (editor@")
    (account,) = accounts.list()
    assert account.kind is AccountKind.WORDPRESS
    assert account.settings["post_type"] == "post" and account.settings["can_publish"]
    assert accounts.secret(account.id) == {"application_password": editor.app_password}
    assert editor.app_password not in str(account.settings)


def test_a_contributor_is_told_posts_wait_for_review(qtbot, dialog, wordpress):
    contributor = wordpress.user("contributor")
    _fill(qtbot, dialog, wordpress.url, contributor.user, contributor.app_password)
    assert dialog.pages.currentIndex() == dialog.DONE
    assert "holds them for review" in dialog.connected_label.text()


@pytest.mark.parametrize(
    "case",
    [
        ("", "editor", "abcd efgh ijkl mnop qrst uvwx", "did not accept this application"),
        ("", "subscriber", None, "may not write posts"),
        ("strip_authorization", "editor", None, "CGIPassAuth"),
        ("no_application_passwords", "editor", None, "switched off"),
    ],
    ids=["wrong password", "subscriber", "header stripped", "passwords off"],
)
def test_each_failure_shows_its_own_sentence(qtbot, dialog, accounts, wordpress, case):
    scene, role, password, words = case
    person = wordpress.user(role)
    site = wordpress.scene(scene) if scene else wordpress.url
    _fill(qtbot, dialog, site, person.user, password or person.app_password)
    assert dialog.pages.currentIndex() == dialog.CONNECT
    assert words in dialog.message.text()
    assert accounts.list() == []


def test_a_wordpress_account_is_offered_as_a_publish_target(qtbot, accounts):
    from composer.core.accounts.account import Connected

    site = accounts.add(
        AccountKind.WORDPRESS,
        Connected(Identity("Bieb", "bieb@bieb.example"), "https://bieb.example", {"p": "x"}),
    )
    toot = accounts.add(
        AccountKind.MASTODON,
        Connected(Identity("Bieb", "@bieb@social.example"), "https://social.example", {"t": "x"}),
    )
    panel = DestinationsPanel()
    qtbot.addWidget(panel)
    panel.show_accounts(accounts.list(), [site.id, toot.id])
    assert list(panel.boxes) == [site.id, toot.id]
    assert panel.chosen() == (site.id, toot.id)


def test_the_post_type_and_category_are_chosen_once_checked(qtbot, dialog, accounts, wordpress):
    admin = wordpress.user("administrator")
    _fill(qtbot, dialog, wordpress.url, admin.user, admin.app_password)
    assert "Role on the site: Administrator." in dialog.connected_label.text()
    choices = dialog.wordpress_choices
    assert choices.isVisible()
    kinds = [choices.post_type.itemText(i) for i in range(choices.post_type.count())]
    assert kinds == ["Posts", "Pages"]  # by the site's names, only what this user may create
    assert choices.post_type.currentText() == "Posts"
    assert choices.category.currentData() == 0  # none chosen: the site's default
    choices.category.setCurrentIndex(choices.category.findText("Agenda"))
    choices.post_type.setCurrentIndex(1)
    (account,) = accounts.list()
    agenda = next(c["id"] for c in account.settings["categories"] if c["name"] == "Agenda")
    assert (account.settings["post_type"], account.settings["rest_base"]) == ("page", "pages")
    assert account.settings["category"] == agenda


def test_an_author_is_offered_posts_only_and_told_the_role(qtbot, dialog, wordpress):
    author = wordpress.user("author")
    _fill(qtbot, dialog, wordpress.url, author.user, author.app_password)
    choices = dialog.wordpress_choices
    assert [choices.post_type.itemText(i) for i in range(choices.post_type.count())] == ["Posts"]
    assert "Role on the site: Author." in dialog.connected_label.text()


def test_the_choices_can_be_changed_later_from_the_list(qtbot, dialog, accounts, wordpress):
    editor = wordpress.user("editor")
    _fill(qtbot, dialog, wordpress.url, editor.user, editor.app_password)
    dialog.show_list()
    assert not dialog.list_choices.isVisible()  # nothing selected yet
    dialog.list.setCurrentRow(0)
    choices = dialog.list_choices
    assert choices.isVisible() and choices.post_type.currentText() == "Posts"
    choices.post_type.setCurrentIndex(choices.post_type.findText("Pages"))
    (account,) = accounts.list()
    assert account.settings["rest_base"] == "pages"
    dialog.show_list()
    dialog.list.setCurrentRow(0)
    assert dialog.list_choices.post_type.currentText() == "Pages"  # as kept
