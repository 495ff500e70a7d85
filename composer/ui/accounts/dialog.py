"""The Accounts dialog: the connected accounts, and connecting one as a short guided step.

Its pages are laid out in accounts_pages.py, each kind's form in connect_page.py. Connecting
talks to servers, so it runs on a worker thread (account_connecting.py); the result comes back
to the window's thread (workers never touch widgets). Secrets stay in password fields and go
to the keyring; only a newly made website signing key is shown, once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QListWidgetItem, QMessageBox, QVBoxLayout, QWidget

from composer.core.accounts.account import Account, AccountKind, Connected
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import CredentialError
from composer.core.destinations.errors import ConnectError
from composer.core.destinations.http.remote_image import fetch_image
from composer.core.destinations.mastodon.scopes import needs_reconnect
from composer.core.store.store import StoreError
from composer.i18n.answer_words import website_checked
from composer.i18n.connect_errors import (
    describe_connect_error,
    describe_credential_error,
    wordpress_review_note,
    wordpress_role_names,
    wordpress_roles,
)
from composer.i18n.store_errors import describe_store_error
from composer.ui.accounts.connect_form import BROWSER_KINDS, ConnectForm, web_developer_instructions
from composer.ui.accounts.connecting import Connecting
from composer.ui.accounts.names import describe, kind_name
from composer.ui.accounts.pages import AccountsPages
from composer.ui.common.safe_display import open_link, plain_box
from composer.ui.tasks import tasks

log = logging.getLogger(__name__)


class AccountsDialog(QDialog, AccountsPages):
    def __init__(self, accounts: Accounts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.connecting = Connecting(self, self._finished)
        self.form: ConnectForm | None = None
        self.reconnecting: Account | None = None  # the account "Connect again" replaces
        self.shown_key = ""
        self.website_address = ""
        self.working = False
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(560, 480)
        self._build_pages()
        self.wordpress_choices.chosen.connect(self._show_connected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.show_list()

    @property
    def sign_in(self) -> Any:
        """A browser sign-in in progress."""
        return self.connecting.sign_in

    # -- the list ---------------------------------------------------------------------------

    def show_list(self) -> None:
        self.key_field.clear()  # the website key is shown once
        self.shown_key = ""
        self.connecting.abandon()
        self.list.clear()
        for account in self.accounts.list():
            item = QListWidgetItem(f"{kind_name(account.kind)} · {describe(account)}")
            roles = account.settings.get("roles") if account.kind is AccountKind.WORDPRESS else None
            if isinstance(roles, list) and roles:  # who may do what on the site
                item.setText(f"{item.text()} · {wordpress_role_names([str(r) for r in roles])}")
            if needs_reconnect(account.kind.value, account.settings):
                item.setText(item.text() + " ⚠")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)
        self.remove_button.setEnabled(False)
        self.selected(-1)
        self.pages.setCurrentIndex(self.LIST)

    def selected(self, row: int) -> None:
        """An account connected with too few permissions says so, with a way to fix it."""
        item = self.list.item(row) if row >= 0 else None
        account = self.accounts.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        lacking = account is not None and needs_reconnect(account.kind.value, account.settings)
        if lacking:
            self.reconnect_line.setText(
                self.tr(
                    "⚠ This account was connected without permission to read its own posts, "
                    "so Omroeper cannot delete its threads or check what was already posted. "
                    "Connect it again and allow Omroeper."
                )
            )
        self.reconnect_line.setVisible(lacking)
        self.reconnect_button.setVisible(lacking)
        site = account if account is not None and account.kind is AccountKind.WORDPRESS else None
        if site is not None:
            self.list_choices.show_account(self.accounts, site)
        self.list_choices.setVisible(site is not None)

    def reconnect_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        account = self.accounts.get(item.data(Qt.ItemDataRole.UserRole))
        self.start(account.kind)
        self.reconnecting = account
        if self.form is not None:
            self.form.server.setText(account.server)

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        account = self.accounts.get(item.data(Qt.ItemDataRole.UserRole))
        kind = kind_name(account.kind)
        text = self.tr(
            "Remove {name} ({kind}) from Omroeper? Its password or key is removed from "
            "this computer. The account itself on {kind} stays as it is."
        ).format(name=describe(account), kind=kind)
        yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
        # the name is the server's (a Discord channel, a display name): plain text
        title = self.tr("Remove account")
        box = plain_box(self, QMessageBox.Icon.Question, title, text, buttons=yes | cancel)
        box.setDefaultButton(cancel)

        def answered(_result: int) -> None:
            if box.standardButton(box.clickedButton()) == yes:
                self._remove(account)

        box.finished.connect(answered)
        box.open()

    def _remove(self, account: Account) -> None:
        try:
            self.accounts.remove(account.id)
        except (CredentialError, StoreError) as failure:
            self.list_message.setText(self._words(failure))
            return
        self.show_list()
        self.list_message.setText(self.tr("Removed {name}.").format(name=describe(account)))

    # -- connecting -------------------------------------------------------------------------

    def start(self, kind: AccountKind) -> None:
        if self.form is not None:
            self.form.deleteLater()
        self.form = ConnectForm(kind, self)
        self.reconnecting = None
        self.form.changed.connect(self._update_buttons)
        self.form_area.addWidget(self.form)
        self.connect_title.setText(
            "<b>{}</b>".format(self.tr("Connect {kind}").format(kind=kind_name(kind)))
        )
        self.message.clear()
        self.list_message.clear()
        self.pages.setCurrentIndex(self.CONNECT)
        self._update_buttons()
        self.form.first_field().setFocus()

    def _update_buttons(self) -> None:
        form, busy = self.form, self.working
        if form is None:
            return
        browser = form.browser_sign_in()
        self.connect_button.setText(
            self.tr("&Sign in with your browser") if browser else self.tr("&Connect")
        )
        self.connect_button.setEnabled(form.ready() and not busy)
        cancel = busy or self.sign_in is not None
        self.back_button.setText(self.tr("Cancel") if cancel else self.tr("Back"))
        form.setEnabled(not busy)

    def _busy(self, busy: bool, words: str = "") -> None:
        self.working = busy
        self.busy.setVisible(busy)
        self.message.setText(words)
        self.message.setStyleSheet("")
        self._update_buttons()

    def connect_account(self) -> None:
        if self.form is None or not self.form.ready():
            return
        work: Callable[[], object]
        if self.sign_in is not None:  # an out-of-band sign-in: the code was pasted
            work = self.connecting.finish_sign_in(self.form.code.text().strip())
        else:
            work = self.form.job()
        self._busy(True, self.tr("Connecting…"))
        self.connecting.run(work)

    def _finished(self, result: Any, failure: Exception | None) -> None:
        form = self.form
        if form is None:
            return  # abandoned: the dialog went back
        if failure is not None:
            self._failed(failure)
        elif isinstance(result, Connected):
            self._add(form, result)
        else:
            self._browser(form, result)

    def _browser(self, form: ConnectForm, sign_in: Any) -> None:
        """The server knows Omroeper now: the person signs in and allows it in the browser."""
        opened = open_link(sign_in.authorize_url)
        if not opened:
            self._busy(False)
            self._failed(None, self.tr("Omroeper could not open your web browser."))
            return
        if sign_in.out_of_band:
            self._busy(
                False,
                self.tr(
                    "Your browser shows the server's page. Sign in there and allow Omroeper; "
                    "then copy the code it shows into the field above."
                ),
            )
            form.want_code(True)
            return
        self._busy(
            True,
            self.tr(
                "Your browser shows the server's page. Sign in there and allow Omroeper; "
                "Omroeper waits here and continues by itself."
            ),
        )
        self.connecting.wait_for_redirect()

    def _add(self, form: ConnectForm, connected: Connected) -> None:
        kind, old = form.kind, self.reconnecting
        try:
            if old is not None and old.identity.handle == connected.identity.handle:
                account = self.accounts.reconnect(old.id, connected)  # its jobs keep it
            else:
                account = self.accounts.add(kind, connected)
        except (CredentialError, StoreError) as failure:
            self._failed(failure)
            return
        self._busy(False)
        self.connecting.end_sign_in()
        identity = account.identity
        self._show_connected(account)
        self.wordpress_choices.setVisible(kind is AccountKind.WORDPRESS)
        if kind is AccountKind.WORDPRESS:
            self.wordpress_choices.show_account(self.accounts, account)
        self.avatar.clear()
        self.avatar.setVisible(bool(identity.avatar))
        if identity.avatar:
            tasks().run(
                lambda: fetch_image(identity.avatar),
                lambda data: self._show_avatar(data, None),
                owner=self,
                failed=lambda failure: self._show_avatar(None, failure),
            )
        generated = kind is AccountKind.WEBSITE and not form.paste_key.isChecked()
        self.shown_key = connected.secret["signing_secret"] if generated else ""
        self.key_field.setText(self.shown_key)
        self.key_box.setVisible(generated)
        self.website_address = account.server if kind is AccountKind.WEBSITE else ""
        self.instructions_button.setVisible(kind is AccountKind.WEBSITE)
        self.instructions_button.setText(self.tr("Copy &instructions for your web developer"))
        form.deleteLater()
        self.form = None
        self.pages.setCurrentIndex(self.DONE)

    def _show_connected(self, account: Account) -> None:
        """Who is connected; for WordPress, their role, and whether posts wait for review
        (which depends on the post type chosen)."""
        identity, kind = account.identity, account.kind
        if kind is AccountKind.WEBSITE:
            words = website_checked(account.settings.get("key_installed", False))
        elif identity.handle and identity.handle != identity.name:
            words = self.tr("Connected as {name} ({handle}).")
        else:
            words = self.tr("Connected as {name}.")
        words = words.format(name=identity.name, handle=identity.handle)
        if kind is AccountKind.WORDPRESS:
            roles = [str(role) for role in account.settings.get("roles") or []]
            if roles:
                words = f"{words}\n{wordpress_roles(roles)}"
            if not account.settings.get("can_publish", True):
                words = f"{words}\n{wordpress_review_note()}"
        self.connected_label.setText(words)

    def _show_avatar(self, data: bytes | None, _failure: Exception | None) -> None:
        picture = QPixmap()
        if data and picture.loadFromData(data):
            self.avatar.setPixmap(
                picture.scaled(
                    64,
                    64,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def _failed(self, failure: Exception | None, words: str = "") -> None:
        self._busy(False)
        if self.sign_in is not None and not (self.form and self.form.code_wanted):
            self.connecting.end_sign_in()  # a new attempt starts a new sign-in
        self.message.setText("⚠ " + (words or self._words(failure)))
        self.message.setStyleSheet("color: #a4000f")

    def _words(self, failure: Exception | None) -> str:
        if isinstance(failure, ConnectError):
            return describe_connect_error(failure)
        if isinstance(failure, CredentialError):
            return describe_credential_error(failure)
        if isinstance(failure, StoreError):
            return describe_store_error(failure)
        log.warning("connecting failed unexpectedly: %s", type(failure).__name__)
        return self.tr("Something went wrong, and nothing was connected. Try again.")

    def copy_instructions(self) -> None:
        QGuiApplication.clipboard().setText(web_developer_instructions(self.website_address))
        self.instructions_button.setText(self.tr("Instructions copied"))

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key_field.text())
        self.copy_button.setText(self.tr("Copied"))

    # -- leaving ----------------------------------------------------------------------------

    def back(self) -> None:
        if self.working or self.sign_in is not None:
            self.connecting.abandon()  # cancel: stay on the form with what was typed
            if self.form is not None and self.form.kind in BROWSER_KINDS:
                self.form.want_code(False)
            self._busy(False)
            return
        self.pages.setCurrentIndex(self.CHOOSE)

    def done(self, result: int) -> None:
        self.connecting.abandon()
        super().done(result)
