"""The Accounts dialog: the connected accounts, and connecting one as a short guided step.

Connecting talks to servers, so it runs on a worker thread; the result comes back to the
window's thread through a signal (workers never touch widgets). Secrets stay in password
fields and go to the keyring; only a newly made website signing key is shown, once.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core.account import Account, AccountKind, Connected
from composer.core.accounts import Accounts
from composer.core.credentials import CredentialError
from composer.core.destinations.errors import ConnectError
from composer.core.net import fetch_image
from composer.core.store import StoreError
from composer.i18n.connect_errors import describe_connect_error, describe_credential_error
from composer.i18n.store_errors import describe_store_error
from composer.ui.connect_page import BROWSER_KINDS, ConnectForm
from composer.ui.tasks import Runner

log = logging.getLogger(__name__)
SIGN_IN_WAIT = 600  # seconds the browser sign-in may take


def kind_name(kind: AccountKind) -> str:
    if kind is AccountKind.WEBSITE:
        return QCoreApplication.translate("AccountsDialog", "Website")  # the others are names
    return {
        AccountKind.MASTODON: "Mastodon",
        AccountKind.PIXELFED: "Pixelfed",
        AccountKind.BLUESKY: "Bluesky",
        AccountKind.DISCORD: "Discord",
    }[kind]


class AccountsDialog(QDialog):
    LIST, CHOOSE, CONNECT, DONE = range(4)

    def __init__(self, accounts: Accounts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.runner = Runner(self)
        self.form: ConnectForm | None = None
        self.sign_in: Any = None  # a browser sign-in in progress
        self.attempt = 0  # results of an abandoned attempt are dropped
        self.shown_key = ""
        self.working = False
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(560, 480)
        self.pages = QStackedWidget(self)
        for build in (self._list_page, self._choose_page, self._connect_page, self._done_page):
            self.pages.addWidget(build())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.show_list()

    # -- the pages --------------------------------------------------------------------------

    def _page(self, title: str, text: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        heading = QLabel(f"<b>{title}</b>", page)
        layout.addWidget(heading)
        if text:
            intro = QLabel(text, page)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        return page, layout

    def _buttons(self, layout: QVBoxLayout, *buttons: QPushButton | None) -> None:
        row = QHBoxLayout()
        for button in buttons:
            if button is None:
                row.addStretch(1)
            else:
                row.addWidget(button)
        layout.addLayout(row)

    def _list_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Connected accounts"),
            self.tr("Omroeper publishes to these accounts. Their passwords stay on this computer."),
        )
        self.list = QListWidget(page)
        self.list.setAccessibleName(self.tr("Connected accounts"))
        self.empty = QLabel(self.tr("No accounts connected yet."), page)
        self.add_button = QPushButton(self.tr("&Add account…"), page)
        self.remove_button = QPushButton(self.tr("&Remove"), page)
        close = QPushButton(self.tr("Close"), page)
        self.add_button.clicked.connect(lambda: self.pages.setCurrentIndex(self.CHOOSE))
        self.remove_button.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        self.list.currentRowChanged.connect(
            lambda row: self.remove_button.setEnabled(row >= 0 and bool(self.list.count()))
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.list_message = QLabel(page)
        self.list_message.setWordWrap(True)
        layout.addWidget(self.list_message)
        self._buttons(layout, self.add_button, self.remove_button, None, close)
        return page

    def _choose_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Which kind of account?"), self.tr("Choose where Omroeper should publish.")
        )
        explained = {
            AccountKind.WEBSITE: self.tr(
                "Your organisation's own website, through a webhook its developer set up."
            ),
            AccountKind.MASTODON: self.tr(
                "An account on a Mastodon server: you sign in with your browser."
            ),
            AccountKind.PIXELFED: self.tr(
                "Photos on a Pixelfed server: you sign in with your browser."
            ),
            AccountKind.BLUESKY: self.tr("A Bluesky account, with an app password."),
            AccountKind.DISCORD: self.tr("A channel in a Discord server, through its webhook."),
        }
        self.kind_buttons: dict[AccountKind, QCommandLinkButton] = {}
        for kind, words in explained.items():
            button = QCommandLinkButton(kind_name(kind), words, page)
            button.clicked.connect(lambda _=False, kind=kind: self.start(kind))
            layout.addWidget(button)
            self.kind_buttons[kind] = button
        layout.addStretch(1)
        back = QPushButton(self.tr("Back"), page)
        back.clicked.connect(self.show_list)
        self._buttons(layout, back, None)
        return page

    def _connect_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.connect_title = QLabel(page)
        self.form_area = QVBoxLayout()
        self.busy = QProgressBar(page)
        self.busy.setRange(0, 0)  # moving, without a percentage
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.message = QLabel(page)
        self.message.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back"), page)
        self.connect_button = QPushButton(self.tr("&Connect"), page)
        self.connect_button.setDefault(True)
        self.back_button.clicked.connect(self.back)
        self.connect_button.clicked.connect(self.connect_account)
        layout.addWidget(self.connect_title)
        layout.addLayout(self.form_area, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        self._buttons(layout, self.back_button, None, self.connect_button)
        return page

    def _done_page(self) -> QWidget:
        page, layout = self._page(self.tr("Connected"), "")
        self.connected_label = QLabel(page)
        self.connected_label.setWordWrap(True)
        self.avatar = QLabel(page)
        self.avatar.setFixedSize(64, 64)
        self.avatar.setAccessibleName(self.tr("Profile picture"))
        row = QHBoxLayout()
        row.addWidget(self.avatar)
        row.addWidget(self.connected_label, 1)
        layout.addLayout(row)
        self.key_box = QWidget(page)
        key_layout = QVBoxLayout(self.key_box)
        key_layout.setContentsMargins(0, 8, 0, 0)
        explain = QLabel(
            self.tr(
                "Give this signing key to the website's developer, so the website can check that "
                "messages really come from Omroeper. Omroeper shows it only this once; copy it "
                "now. It is kept safely on this computer."
            ),
            self.key_box,
        )
        explain.setWordWrap(True)
        self.key_field = QLineEdit(self.key_box)
        self.key_field.setReadOnly(True)
        self.key_field.setAccessibleName(self.tr("Signing key"))
        self.copy_button = QPushButton(self.tr("C&opy"), self.key_box)
        self.copy_button.clicked.connect(self.copy_key)
        row = QHBoxLayout()
        row.addWidget(self.key_field, 1)
        row.addWidget(self.copy_button)
        key_layout.addWidget(explain)
        key_layout.addLayout(row)
        layout.addWidget(self.key_box)
        layout.addStretch(1)
        done = QPushButton(self.tr("&Done"), page)
        done.setDefault(True)
        done.clicked.connect(self.show_list)
        self._buttons(layout, None, done)
        return page

    # -- the list ---------------------------------------------------------------------------

    def show_list(self) -> None:
        self.key_field.clear()  # the website key is shown once
        self.shown_key = ""
        self._abandon()
        self.list.clear()
        for account in self.accounts.list():
            item = QListWidgetItem(f"{kind_name(account.kind)} · {describe(account)}")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)
        self.remove_button.setEnabled(False)
        self.pages.setCurrentIndex(self.LIST)

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        account = self.accounts.get(item.data(Qt.ItemDataRole.UserRole))
        kind = kind_name(account.kind)
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr(
                "Remove {name} ({kind}) from Omroeper? Its password or key is removed from "
                "this computer. The account itself on {kind} stays as it is."
            ).format(name=describe(account), kind=kind),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
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
        if self.sign_in is not None:  # an out-of-band sign-in: the code was pasted
            from composer.core.destinations import mastodon

            sign_in, code = self.sign_in, self.form.code.text().strip()
            work: Callable[[], Any] = lambda: mastodon.finish_sign_in(sign_in, code)  # noqa: E731
        else:
            work = self.form.job()
        self.attempt += 1
        attempt = self.attempt
        self._busy(True, self.tr("Connecting…"))
        self.runner.run(work, lambda result, failure: self._finished(attempt, result, failure))

    def _finished(self, attempt: int, result: Any, failure: Exception | None) -> None:
        if attempt != self.attempt or self.form is None:
            return  # abandoned: cancelled, or the dialog went back
        if failure is not None:
            self._failed(failure)
        elif isinstance(result, Connected):
            self._add(result)
        else:
            self._browser(result)

    def _browser(self, sign_in: Any) -> None:
        """The server knows Omroeper now: the person signs in and allows it in the browser."""
        from composer.core.destinations import mastodon

        self.sign_in = sign_in
        opened = QDesktopServices.openUrl(QUrl.fromEncoded(sign_in.authorize_url.encode()))
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
            self.form.want_code(True)
            return
        self._busy(
            True,
            self.tr(
                "Your browser shows the server's page. Sign in there and allow Omroeper; "
                "Omroeper waits here and continues by itself."
            ),
        )
        attempt = self.attempt

        def wait_and_finish() -> Connected:
            code = mastodon.wait_for_redirect(sign_in, timeout=SIGN_IN_WAIT)
            return mastodon.finish_sign_in(sign_in, code)

        self.runner.run(
            wait_and_finish, lambda result, failure: self._finished(attempt, result, failure)
        )

    def _add(self, connected: Connected) -> None:
        kind = self.form.kind
        try:
            account = self.accounts.add(kind, connected)
        except (CredentialError, StoreError) as failure:
            self._failed(failure)
            return
        self._busy(False)
        self._end_sign_in()
        identity = account.identity
        if identity.handle and identity.handle != identity.name:
            words = self.tr("Connected as {name} ({handle}).")
        else:
            words = self.tr("Connected as {name}.")
        self.connected_label.setText(words.format(name=identity.name, handle=identity.handle))
        self.avatar.clear()
        self.avatar.setVisible(bool(identity.avatar))
        if identity.avatar:
            self.runner.run(lambda: fetch_image(identity.avatar), self._show_avatar)
        generated = kind is AccountKind.WEBSITE and not self.form.paste_key.isChecked()
        self.shown_key = connected.secret["signing_secret"] if generated else ""
        self.key_field.setText(self.shown_key)
        self.key_box.setVisible(generated)
        self.form.deleteLater()
        self.form = None
        self.pages.setCurrentIndex(self.DONE)

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
            self._end_sign_in()  # a new attempt starts a new sign-in
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

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key_field.text())
        self.copy_button.setText(self.tr("Copied"))

    # -- leaving ----------------------------------------------------------------------------

    def back(self) -> None:
        if self.working or self.sign_in is not None:
            self._abandon()  # cancel: stay on the form with what was typed
            if self.form is not None and self.form.kind in BROWSER_KINDS:
                self.form.want_code(False)
            self._busy(False)
            return
        self.pages.setCurrentIndex(self.CHOOSE)

    def _abandon(self) -> None:
        self.attempt += 1
        self._end_sign_in()

    def _end_sign_in(self) -> None:
        if self.sign_in is not None:
            sign_in, self.sign_in = self.sign_in, None
            if sign_in.listener is not None:
                with contextlib.suppress(OSError):  # wake a waiting worker, so that it stops now
                    socket.create_connection(sign_in.listener.getsockname(), timeout=1).close()
            sign_in.close()  # frees the loopback port

    def done(self, result: int) -> None:
        self._abandon()
        super().done(result)


def describe(account: Account) -> str:
    identity = account.identity
    if identity.handle and identity.handle != identity.name:
        return f"{identity.name} ({identity.handle})"
    return identity.name or account.id
