"""One short form per kind of account, in plain words: what to type, and where to find it.

A form only reads what was typed (on the window's thread) and hands back `job()`, a function
without widgets that the accounts dialog runs on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.accounts.account import AccountKind
from composer.i18n.connect_errors import app_password_advice

translate = QCoreApplication.translate
BROWSER_KINDS = (AccountKind.MASTODON, AccountKind.PIXELFED)
# Where a web developer reads about the webhook (one place, to change when it is published).
WEBHOOK_DOCS = "docs/webhook.md"
RECEIVER_EXAMPLE = "examples/webhook_receiver.py"
# WordPress's own profile page, where an application password is made (taken from the tests'
# real WordPress by scripts/wordpress_screenshot.py).
WORDPRESS_PROFILE = Path(__file__).parents[2] / "resources" / "images" / "wordpress-profile.png"
PICTURE_WIDTH = 420


def web_developer_instructions(address: str) -> str:
    """The text to send the web developer: what to install, where it is documented, the
    address, and that the key comes separately (it is never in this text)."""
    address = address or translate("ConnectForm", "(not filled in yet)")
    return "\n\n".join(
        [
            translate(
                "ConnectForm",
                "Omroeper will publish our news on our website first. Could you set this "
                "up on the website?",
            ),
            translate(
                "ConnectForm",
                "1. Install a receiver for Omroeper’s webhook: it takes signed messages "
                "and makes a page for each. How it works: {docs} in Omroeper’s source "
                "code. A working example to copy (Hugo and Jekyll): {example}.",
            ).format(docs=WEBHOOK_DOCS, example=RECEIVER_EXAMPLE),
            translate(
                "ConnectForm", "2. Make it receive messages at this address: {address}"
            ).format(address=address),
            translate(
                "ConnectForm",
                "3. The signing key (whsec_…) is not in this message: I send it to you "
                "separately. The receiver must refuse every message not signed with it.",
            ),
            translate(
                "ConnectForm",
                "4. When you are ready, tell me: connecting in Omroeper sends a test "
                "message (webhook.test), which must be answered with 200 and make no page.",
            ),
        ]
    )


class ConnectForm(QWidget):
    """The fields for one kind; `changed` whenever what can be done next changes."""

    changed = Signal()

    def __init__(self, kind: AccountKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.code_wanted = False  # an out-of-band sign-in waits for the pasted code
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.advanced = QCheckBox(self.tr("Show advanced settings"), self)
        self.advanced_box = QWidget(self)
        self.advanced_form = QFormLayout(self.advanced_box)
        self.advanced_form.setContentsMargins(0, 0, 0, 0)
        self.advanced_box.hide()
        self.advanced.toggled.connect(self.advanced_box.setVisible)
        getattr(self, f"_build_{kind.value}")()
        layout.addWidget(self.advanced)
        layout.addWidget(self.advanced_box)
        layout.addStretch(1)
        self.advanced.setVisible(self.advanced_form.rowCount() > 0)

    # -- building --------------------------------------------------------------------------

    def _field(self, label: str, hint: str = "", secret: bool = False, form=None) -> QLineEdit:
        field = QLineEdit(self)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        field.textChanged.connect(self.changed)
        (form or self.form).addRow(label, field)
        field.setAccessibleName(label.replace("&", "").rstrip(":"))
        if hint:
            self._hint(hint, form)
        return field

    def _hint(self, text: str, form=None) -> QLabel:
        hint = QLabel(text, self)
        hint.setWordWrap(True)
        hint.setStyleSheet("font-style: italic")  # an explanation, not a field; still readable
        (form or self.form).addRow("", hint)
        return hint

    def _build_website(self) -> None:
        self.address = self._field(
            self.tr("&Address for Omroeper’s messages:"),
            self.tr(
                "Your web developer gives you this address: ask them for “the address where "
                "the website receives Omroeper’s messages”. It starts with https://."
            ),
        )
        self.address.setPlaceholderText("https://www.example.org/omroeper-webhook")
        self.make_key = QRadioButton(self.tr("Make a new key (recommended)"), self)
        self.paste_key = QRadioButton(self.tr("I already have a key from the web developer"))
        self.make_key.setChecked(True)
        self.form.addRow(self.tr("Key that proves messages come from you:"), self.make_key)
        self.form.addRow("", self.paste_key)
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("whsec_…")
        self.key.setAccessibleName(self.tr("Key from the web developer"))
        self.key.setEnabled(False)
        self.form.addRow("", self.key)
        self._hint(
            self.tr(
                "The website only accepts messages signed with this key. A new key is shown "
                "once, after connecting: give it to your web developer separately."
            )
        )
        self.paste_key.toggled.connect(self.key.setEnabled)
        self.paste_key.toggled.connect(self.changed)
        self.key.textChanged.connect(self.changed)
        self.instructions_button = QPushButton(
            self.tr("Copy &instructions for your web developer"), self
        )
        self.instructions_button.clicked.connect(self.copy_instructions)
        self.form.addRow("", self.instructions_button)

    def instructions(self) -> str:
        """What the web developer needs, without the key: that travels separately."""
        return web_developer_instructions(self.address.text().strip())

    def copy_instructions(self) -> None:
        QGuiApplication.clipboard().setText(self.instructions())
        self.instructions_button.setText(self.tr("Instructions copied"))

    def _build_mastodon(self) -> None:
        self.server = self._field(
            self.tr("&Server address:"),
            self.tr(
                "Where the account lives: for @name@mastodon.social, that is mastodon.social. "
                "Omroeper then opens your browser, where you sign in and allow Omroeper."
            ),
        )
        self.server.setPlaceholderText("mastodon.social")
        self.code = self._field(
            self.tr("&Code from the page:"),
            self.tr("The server shows a code after you allow Omroeper. Copy it here."),
            secret=True,
        )
        self._code_rows(False)
        self.token = self._field(
            self.tr("Access &token:"),
            self.tr(
                "Instead of signing in: a token made on the server under Preferences → "
                "Development. Leave it empty to sign in with your browser."
            ),
            secret=True,
            form=self.advanced_form,
        )

    _build_pixelfed = _build_mastodon

    def _code_rows(self, visible: bool) -> None:
        for row in (2, 3):  # the code field and its hint, under the server address
            self.form.setRowVisible(row, visible)

    def _build_bluesky(self) -> None:
        self.handle = self._field(
            self.tr("&Handle or e-mail:"),
            self.tr("The account's name, like yourname.bsky.social, or its e-mail address."),
        )
        self.handle.setPlaceholderText("yourname.bsky.social")
        self.password = self._field(
            self.tr("&App password:"),
            self.tr(
                "A separate password just for Omroeper, made in Bluesky under Settings → "
                "Privacy and security → App passwords. It looks like abcd-efgh-ijkl-mnop."
            ),
            secret=True,
        )
        self.advice = QLabel("⚠ " + app_password_advice(), self)
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("color: #8a4b00; font-weight: bold")
        self.form.addRow("", self.advice)
        self.advice.hide()
        self.password.textChanged.connect(self._check_password)
        self.pds = self._field(
            self.tr("Se&rver:"),
            self.tr("Only for accounts that are not on bsky.social."),
            form=self.advanced_form,
        )
        self.pds.setText("bsky.social")

    def _check_password(self, password: str) -> None:
        from composer.core.destinations.bluesky import connect as bluesky

        self.advice.setVisible(bool(password) and not bluesky.looks_like_app_password(password))

    def _build_discord(self) -> None:
        self.webhook = self._field(
            self.tr("&Webhook address:"),
            self.tr(
                "In Discord, open the channel's settings (the gear next to its name) → "
                "Integrations → Webhooks → New Webhook (or pick one) → Copy Webhook URL, "
                "and paste it here. Keep it to yourself: anyone who has it can post."
            ),
            secret=True,
        )

    def _build_wordpress(self) -> None:
        self.server = self._field(
            self.tr("&Website address:"),
            self.tr("The address of your WordPress site, as visitors type it."),
        )
        self.server.setPlaceholderText("www.example.org")
        self.user = self._field(
            self.tr("&User name:"), self.tr("The name you sign in to WordPress with.")
        )
        self.password = self._field(
            self.tr("&Application password:"),
            self.tr(
                "Not your own password: a separate one just for Omroeper. Sign in to "
                "WordPress, go to Users → Profile, scroll down to Application Passwords, "
                "type Omroeper as its name and click Add New Application Password. Copy "
                "the password it shows (it looks like abcd efgh ijkl mnop qrst uvwx)."
            ),
            secret=True,
        )
        self.profile_picture = QLabel(self)
        picture = QPixmap(str(WORDPRESS_PROFILE))
        if not picture.isNull():
            self.profile_picture.setPixmap(
                picture.scaledToWidth(PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            )
        self.profile_picture.setAccessibleName(
            self.tr("WordPress’s profile page, with Application Passwords")
        )
        self.form.addRow("", self.profile_picture)

    # -- what the dialog asks ----------------------------------------------------------------

    def first_field(self) -> QLineEdit:
        return {
            AccountKind.WEBSITE: lambda: self.address,
            AccountKind.BLUESKY: lambda: self.handle,
            AccountKind.DISCORD: lambda: self.webhook,
        }.get(self.kind, lambda: self.server)()

    def browser_sign_in(self) -> bool:
        return self.kind in BROWSER_KINDS and not self.token.text().strip() and not self.code_wanted

    def want_code(self, wanted: bool) -> None:
        self.code_wanted = wanted
        self._code_rows(wanted)
        self.server.setEnabled(not wanted)
        if wanted:
            self.code.setFocus()
        self.changed.emit()

    def ready(self) -> bool:
        """Everything needed is typed."""
        kind = self.kind
        if kind is AccountKind.WEBSITE:
            pasted = self.paste_key.isChecked()
            return bool(self.address.text().strip()) and (not pasted or bool(self.key.text()))
        if kind is AccountKind.BLUESKY:
            return bool(self.handle.text().strip() and self.password.text())
        if kind is AccountKind.DISCORD:
            return bool(self.webhook.text().strip())
        if kind is AccountKind.WORDPRESS:
            typed = (self.server, self.user, self.password)
            return all(field.text().strip() for field in typed)
        if self.code_wanted:
            return bool(self.code.text().strip())
        return bool(self.server.text().strip())

    def job(self) -> Callable[[], object]:
        """What connecting does, with the typed values copied out of the widgets."""
        kind = self.kind
        if kind is AccountKind.WEBSITE:
            from composer.core.destinations.website import connect as website

            url = self.address.text().strip()
            key = self.key.text().strip() if self.paste_key.isChecked() else None
            return lambda: website.connect_checked(url, key)
        if kind is AccountKind.DISCORD:
            from composer.core.destinations.discord import connect as discord

            webhook = self.webhook.text().strip()
            return lambda: discord.connect(webhook)
        if kind is AccountKind.WORDPRESS:
            from composer.core.destinations.wordpress import connect as wordpress

            site, user = self.server.text().strip(), self.user.text().strip()
            secret = self.password.text().strip()  # the post type is chosen once checked
            return lambda: wordpress.connect(site, user, secret)
        if kind is AccountKind.BLUESKY:
            from composer.core.destinations.bluesky import connect as bluesky

            handle, password = self.handle.text().strip(), self.password.text()
            server = self.pds.text().strip() or "bsky.social"
            return lambda: bluesky.connect(handle, password, server)
        from composer.core.destinations.mastodon import connect as mastodon

        server, token = self.server.text().strip(), self.token.text().strip()
        if token:
            return lambda: mastodon.connect_with_token(server, kind, token)
        return lambda: mastodon.start_sign_in(server, kind)
