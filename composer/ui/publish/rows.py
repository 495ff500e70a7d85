"""One destination of a publish job as a row: its name, how far it is, and then its link or
the reason in plain words. Used by the publish dialog and the history."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QPushButton, QWidget

from composer.core.accounts.account import Account, AccountKind
from composer.core.errors import CodedError
from composer.core.outside_url import safe_link
from composer.core.platforms import NETWORK_NAMES, Platform
from composer.core.store.jobs import JobDestination
from composer.i18n.connect_errors import describe_credential_error
from composer.i18n.publish_errors import (
    describe_no_address,
    describe_publish_error,
    describe_unknown,
)
from composer.ui.common.local_time import moment_text
from composer.ui.common.safe_display import open_link
from composer.ui.publish.outcome import parts_online_words
from composer.ui.style import theme

translate = QCoreApplication.translate
LINK_SHOWN = 60  # characters of a link's address shown; the whole one is in the tooltip
KEYRING_CODES = frozenset({"no_keyring", "locked", "missing"})  # CredentialError's


def destination_name(kind: AccountKind, account: Account | None) -> str:
    """`Your website (bieb.nl)`, `Mastodon @bieb@social.nl`, `Discord (Nieuws)`."""
    if kind is AccountKind.WEBSITE:
        host = urlsplit(account.server).hostname if account else ""
        if host:
            return translate("Publish", "Your website ({host})").format(host=host)
        return translate("Publish", "Your website")
    if account is None:
        return translate("Publish", "{network} (no longer connected)").format(
            network=NETWORK_NAMES[Platform(kind)]
        )
    if account.identity.handle:
        return f"{NETWORK_NAMES[Platform(kind)]} {account.identity.handle}"
    return f"{NETWORK_NAMES[Platform(kind)]} ({account.name})"


def short_link(url: str) -> str:
    """The address as people read it: no https://, the middle left out when it is long."""
    shown = url.split("://", 1)[-1].rstrip("/")
    if len(shown) <= LINK_SHOWN:
        return shown
    half = (LINK_SHOWN - 1) // 2
    return shown[:half] + "…" + shown[-half:]


def parts_online(row: JobDestination) -> str:
    """ "2 of 3 parts are online." for a thread sent partway; "" for anything else."""
    online = row.parts_online
    if not online or online >= row.parts_total or row.state == "done":
        return ""
    return parts_online_words(online, QLocale().toString(row.parts_total))


def reason(row: JobDestination) -> str:
    if row.state == "unknown":
        return describe_unknown()
    if row.error_code == "not_found":  # the account was removed from Omroeper meanwhile
        return describe_publish_error("account_missing")
    if row.error_code in KEYRING_CODES:  # the password could not be read from the keyring
        return describe_credential_error(CodedError(row.error_code, row.error_details))
    return describe_publish_error(row.error_code or "unexpected", row.error_details, row.kind.value)


class DestinationRow(QWidget):
    """`running`: the job is being sent now, so a failure that will be tried again is shown
    as such. `send_again` asks to resend a copy whose arrival is unclear (the person looked)."""

    send_again = Signal(str)

    def __init__(self, account_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account_id, self.name = account_id, name
        self.state = ""
        self.phase, self.news, self.urgent = "", "", False  # see _news
        self.setAccessibleName(name)  # and its description says how far it is, in words
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.title = QLabel(name, self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        # the link for the mouse; the Open button for the keyboard (one stop per row)
        self.status.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.status.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status.linkActivated.connect(open_link)
        self.link = ""
        self.open = QPushButton(translate("Publish", "Open"), self)
        self.open.setAccessibleName(
            translate("Publish", "Open the copy on {name} in your browser").format(name=name)
        )
        self.open.clicked.connect(lambda: open_link(self.link))
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # moving, without a percentage
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName(translate("Publish", "Sending to {name}").format(name=name))
        self.again = QPushButton(translate("Publish", "Not there: send &again…"), self)
        self.again.setAccessibleName(translate("Publish", "Send to {name} again").format(name=name))
        self.again.clicked.connect(lambda: self.send_again.emit(self.account_id))
        for button in (self.open, self.again):  # Enter elsewhere in the dialog must not open
            button.setAutoDefault(False)
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.busy, 0, 1)
        layout.addWidget(self.status, 1, 0)
        layout.addWidget(self.open, 1, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.again, 2, 0, Qt.AlignmentFlag.AlignLeft)
        layout.setColumnStretch(0, 1)
        self.show_waiting(translate("Publish", "Waiting…"))

    def show_waiting(self, words: str) -> None:
        self._show("", words, "", busy=False)
        self._news("waiting")
        self.again.hide()

    def show_row(self, row: JobDestination, *, running: bool, waiting_for_site: bool) -> None:
        self.state = row.state
        name = self.name
        parts = parts_online(row)  # a thread sent partway: how much of it is online
        if row.deleted:  # also a thread removed partway
            when = moment_text(row.deleted)
            words = translate("Publish", "Deleted on {date}.").format(date=when)
            self._show("", words, "", busy=False)
            self._news("deleted")
        elif row.state == "done":
            # published; its address only when it is a safe link (an older row may hold any)
            warned = row.error_code == "unsafe_url"
            words = describe_no_address() if warned else translate("Publish", "Published:")
            colour = theme.warning_color() if warned else theme.ok_color()
            self._show("✓", words, colour, busy=False, link=safe_link(row.url))
            news = translate("Publish", "{name}: published")
            self._news(f"done {row.updated}", news.format(name=name))
        elif row.held_for_review:  # on the own site, not published: no failure either
            self._show("⏸", reason(row), theme.warning_color(), busy=False)
            news = translate("Publish", "{name}: waiting for approval")
            self._news(f"held {row.updated}", news.format(name=name))
        elif row.state == "failed" and running and row.retryable:
            words = translate("Publish", "Trying again. {reason}").format(reason=reason(row))
            self._show("⟳", _with(parts, words), theme.warning_color(), busy=True)
            self._news("retrying")
        elif row.state == "failed":
            self._show_failed(row, parts)
            news = translate("Publish", "{name}: failed — {reason}")
            news = news.format(name=name, reason=_with(parts, reason(row)))
            self._news(f"failed {row.updated}", news, urgent=True)
        elif row.state == "unknown":
            self._show("?", _with(parts, reason(row)), theme.warning_color(), busy=False)
            news = translate("Publish", "{name}: unclear — {reason}")
            news = news.format(name=name, reason=reason(row))
            self._news(f"unknown {row.updated}", news, urgent=True)
        elif row.state == "sending" and running:
            self._show("", _with(translate("Publish", "Sending…"), parts), "", busy=True)
            self._news("sending")
        elif waiting_for_site:
            words = translate("Publish", "Waits for your website: it links back to its page.")
            self._show("", words, "", busy=False)
            self._news("waiting")
        elif running:
            self._show("", translate("Publish", "Waiting…"), "", busy=False)
            self._news("waiting")
        else:
            words = translate("Publish", "Not sent yet.")
            self._show("", _with(parts, words), "", busy=False)
            self._news("not sent")
        self.again.setVisible(row.state == "unknown" and not running)

    def _show_failed(self, row: JobDestination, parts: str) -> None:
        """Not published, or a thread only partly: "2 of 3 parts are online." and why."""
        if parts:
            words = translate("Publish", "Not completely published: {parts} {reason}")
            words = words.format(parts=parts, reason=reason(row))
        else:
            words = translate("Publish", "Not published. {reason}").format(reason=reason(row))
        self._show("✗", words, theme.error_color(), busy=False)

    def _news(self, phase: str, message: str = "", *, urgent: bool = False) -> None:
        """How far it is, for the dialog to announce: `phase` names it (an outcome with the
        moment it was written, so a failure after sending again is news, the old one is not),
        `message` says an outcome in a sentence (empty for steps on the way: the dialog's own
        words cover those) and `urgent` is for what went wrong."""
        self.phase, self.news, self.urgent = phase, message, urgent

    def _show(self, mark: str, words: str, colour: str, *, busy: bool, link: str = "") -> None:
        shown = html.escape(words)
        if mark:
            style = f' style="color: {colour}"' if colour else ""
            shown = f"<span{style}><b>{mark}</b></span> {shown}"
        if link:
            shown += f' <a href="{html.escape(link)}">{html.escape(short_link(link))}</a>'
        self.status.setText(shown)
        self.status.setToolTip(link)
        # heard in words, not as symbols ("check mark"); Qt tells a screen reader of a change
        plain = f"{words} {link}".strip()
        self.status.setAccessibleName(f"{self.name}: {plain}")
        self.setAccessibleDescription(plain)
        self.link = link
        self.open.setVisible(bool(link))
        self.open.setToolTip(link)
        self.busy.setVisible(busy)


def _with(first: str, second: str) -> str:
    return f"{first} {second}".strip()
