"""The Accounts dialog's four pages, laid out: the connected accounts, which kind to add, the
step that connects one, and who was connected; their buttons call the dialog's methods.

A mixin, as in Qt Designer's multiple-inheritance approach, so that the widgets stay the
dialog's own attributes; their words keep the dialog's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core.accounts.account import AccountKind
from composer.ui.accounts.names import kind_name
from composer.ui.accounts.wordpress_choices import WordPressChoices

translate = QCoreApplication.translate


class AccountsPages:
    """Mixed into AccountsDialog: `_build_pages()` makes `self.pages` and their widgets."""

    LIST, CHOOSE, CONNECT, DONE = range(4)

    if TYPE_CHECKING:  # what the pages' buttons call: AccountsDialog's slots

        def accept(self) -> None: ...
        def back(self) -> None: ...
        def connect_account(self) -> None: ...
        def copy_instructions(self) -> None: ...
        def copy_key(self) -> None: ...
        def remove_selected(self) -> None: ...
        def reconnect_selected(self) -> None: ...
        def selected(self, row: int) -> None: ...
        def show_list(self) -> None: ...
        def start(self, kind: AccountKind) -> None: ...

    def _host(self) -> QWidget:
        """The dialog this is mixed into: the pages' parent."""
        assert isinstance(self, QWidget)
        return self

    def _build_pages(self) -> None:
        self.pages = QStackedWidget(self._host())
        for build in (self._list_page, self._choose_page, self._connect_page, self._done_page):
            self.pages.addWidget(build())

    def _page(self, title: str, text: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self._host())
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
            translate("AccountsDialog", "Connected accounts"),
            translate(
                "AccountsDialog",
                "Omroeper publishes to these accounts. Their passwords stay on this computer.",
            ),
        )
        self.list = QListWidget(page)
        self.list.setAccessibleName(translate("AccountsDialog", "Connected accounts"))
        self.empty = QLabel(translate("AccountsDialog", "No accounts connected yet."), page)
        self.add_button = QPushButton(translate("AccountsDialog", "&Add account…"), page)
        self.remove_button = QPushButton(translate("AccountsDialog", "&Remove"), page)
        close = QPushButton(translate("AccountsDialog", "Close"), page)
        self.add_button.clicked.connect(lambda: self.pages.setCurrentIndex(self.CHOOSE))
        self.remove_button.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        self.list.currentRowChanged.connect(
            lambda row: self.remove_button.setEnabled(row >= 0 and bool(self.list.count()))
        )
        self.list.currentRowChanged.connect(self.selected)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        # an account connected with too few permissions (scopes.needs_reconnect)
        self.reconnect_line = QLabel(page)
        self.reconnect_line.setWordWrap(True)
        self.reconnect_button = QPushButton(translate("AccountsDialog", "Connect a&gain…"), page)
        self.reconnect_button.clicked.connect(self.reconnect_selected)
        for widget in (self.reconnect_line, self.reconnect_button):
            widget.setVisible(False)
        layout.addWidget(self.reconnect_line)
        self._buttons(layout, self.reconnect_button, None)
        # a WordPress site's post type and category, changed later
        self.list_choices = WordPressChoices(page)
        self.list_choices.hide()
        layout.addWidget(self.list_choices)
        self.list_message = QLabel(page)
        self.list_message.setWordWrap(True)
        self.list_message.setTextFormat(Qt.TextFormat.PlainText)  # names come from servers
        layout.addWidget(self.list_message)
        self._buttons(layout, self.add_button, self.remove_button, None, close)
        return page

    def _choose_page(self) -> QWidget:
        page, layout = self._page(
            translate("AccountsDialog", "Which kind of account?"),
            translate("AccountsDialog", "Choose where Omroeper should publish."),
        )
        explained = {
            AccountKind.WEBSITE: translate(
                "AccountsDialog",
                "Your organisation's own website, through a webhook its developer set up.",
            ),
            AccountKind.MASTODON: translate(
                "AccountsDialog", "An account on a Mastodon server: you sign in with your browser."
            ),
            AccountKind.PIXELFED: translate(
                "AccountsDialog", "Photos on a Pixelfed server: you sign in with your browser."
            ),
            AccountKind.BLUESKY: translate(
                "AccountsDialog", "A Bluesky account, with an app password."
            ),
            AccountKind.DISCORD: translate(
                "AccountsDialog", "A channel in a Discord server, through its webhook."
            ),
            AccountKind.WORDPRESS: translate(
                "AccountsDialog",
                "Your organisation's website on WordPress, with an application password. "
                "Publishing to it comes in a next version.",
            ),
        }
        self.kind_buttons: dict[AccountKind, QCommandLinkButton] = {}
        for kind, words in explained.items():
            button = QCommandLinkButton(kind_name(kind), words, page)
            button.clicked.connect(lambda _=False, kind=kind: self.start(kind))
            layout.addWidget(button)
            self.kind_buttons[kind] = button
        layout.addStretch(1)
        back = QPushButton(translate("AccountsDialog", "Back"), page)
        back.clicked.connect(self.show_list)
        self._buttons(layout, back, None)
        return page

    def _connect_page(self) -> QWidget:
        page = QWidget(self._host())
        layout = QVBoxLayout(page)
        self.connect_title = QLabel(page)
        self.form_area = QVBoxLayout()
        self.busy = QProgressBar(page)
        self.busy.setRange(0, 0)  # moving, without a percentage
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.message = QLabel(page)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote a server's words
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.back_button = QPushButton(translate("AccountsDialog", "Back"), page)
        self.connect_button = QPushButton(translate("AccountsDialog", "&Connect"), page)
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
        page, layout = self._page(translate("AccountsDialog", "Connected"), "")
        self.connected_label = QLabel(page)
        self.connected_label.setTextFormat(Qt.TextFormat.PlainText)  # a name from a server
        self.connected_label.setWordWrap(True)
        self.connected_label.setTextFormat(Qt.TextFormat.PlainText)  # the server's names
        self.avatar = QLabel(page)
        self.avatar.setFixedSize(64, 64)
        self.avatar.setAccessibleName(translate("AccountsDialog", "Profile picture"))
        row = QHBoxLayout()
        row.addWidget(self.avatar)
        row.addWidget(self.connected_label, 1)
        layout.addLayout(row)
        self.key_box = QWidget(page)
        key_layout = QVBoxLayout(self.key_box)
        key_layout.setContentsMargins(0, 8, 0, 0)
        explain = QLabel(
            translate(
                "AccountsDialog",
                "Give this key to your web developer, separately from the instructions (for "
                "example by phone or in person): with it, the website checks that messages "
                "really come from you. Omroeper shows it only this once; copy it now. It is "
                "kept safely on this computer.",
            ),
            self.key_box,
        )
        explain.setWordWrap(True)
        self.key_field = QLineEdit(self.key_box)
        self.key_field.setReadOnly(True)
        self.key_field.setAccessibleName(translate("AccountsDialog", "Key for the website"))
        self.copy_button = QPushButton(translate("AccountsDialog", "C&opy"), self.key_box)
        self.copy_button.clicked.connect(self.copy_key)
        row = QHBoxLayout()
        row.addWidget(self.key_field, 1)
        row.addWidget(self.copy_button)
        key_layout.addWidget(explain)
        key_layout.addLayout(row)
        layout.addWidget(self.key_box)
        self.wordpress_choices = WordPressChoices(page)
        self.wordpress_choices.hide()
        layout.addWidget(self.wordpress_choices)
        self.instructions_button = QPushButton(
            translate("AccountsDialog", "Copy &instructions for your web developer"), page
        )
        self.instructions_button.clicked.connect(self.copy_instructions)
        self.instructions_button.hide()
        layout.addWidget(self.instructions_button)
        layout.addStretch(1)
        done = QPushButton(translate("AccountsDialog", "&Done"), page)
        done.setDefault(True)
        done.clicked.connect(self.show_list)
        self._buttons(layout, None, done)
        return page
