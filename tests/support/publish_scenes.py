"""The publish dialog in a known state without any server, for screenshots and quick looks.

    from composer.ui.app import create_application
    from tests.support.publish_scenes import publish_results_dialog

    app = create_application("en")
    dialog = publish_results_dialog(Path("/tmp/scene-profile"))  # a fresh folder
    dialog.show()
    app.processEvents()
    dialog.grab().save("publish-results.png")

Needs a QApplication. The accounts and the job are real (a store in `profile`, an in-memory
keyring); only the servers are stand-ins, answering at once (one of them refuses).
"""

from __future__ import annotations

from pathlib import Path

from composer.core.accounts.account import AccountKind, Connected, Identity
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.destination import Capabilities
from composer.core.publishing.publisher import Published, Publisher, PublishRequest
from composer.core.publishing.reception import Reception
from composer.core.store.store import Store
from tests.support.keyrings import InMemoryKeyring

DRAFT = Draft(
    title="Open dag in de bibliotheek",
    text="Zaterdag 14 juni is iedereen welkom op onze open dag! Voorlezen, knutselen en koffie.",
    language="nl",
)
PEOPLE = {
    AccountKind.WEBSITE: (Identity("bieb.example.nl"), "https://bieb.example.nl/omroeper"),
    AccountKind.MASTODON: (Identity("Bieb Zuid", "@bieb@social.example.nl"), "https://s.nl"),
    AccountKind.BLUESKY: (Identity("Bieb Zuid", "@bieb.example.nl"), "https://bsky.social"),
    AccountKind.DISCORD: (Identity("Nieuws"), ""),
}
LINKS = {
    AccountKind.WEBSITE: "https://bieb.example.nl/nieuws/open-dag-in-de-bibliotheek/",
    AccountKind.BLUESKY: "https://bsky.app/profile/bieb.example.nl/post/3lbq2ofxqk22c",
    AccountKind.DISCORD: "https://discord.com/channels/556677/998877/1300000000000000001",
}


class _Server:
    capabilities = Capabilities(idempotent=True, can_read_back=False)

    def __init__(self, kind: AccountKind) -> None:
        self.kind = kind

    def publish(self, request: PublishRequest) -> Published:
        if self.kind is AccountKind.MASTODON:
            details = {"status": 422, "message": "Validation failed: Text character limit"}
            raise CodedError("rejected", details)
        return Published(f"{self.kind.value}-1", LINKS[self.kind])


def scene_accounts(profile: Path) -> tuple[Store, Accounts]:
    store = Store.open(profile)
    accounts = Accounts(store, Credentials(InMemoryKeyring()))
    for kind, (identity, server) in PEOPLE.items():
        accounts.add(kind, Connected(identity, server, {"token": "stand-in"}))
    return store, accounts


def publish_confirm_dialog(profile: Path):
    from composer.ui.publish.dialog import PublishDialog

    store, accounts = scene_accounts(profile)
    servers = {kind: _Server(kind) for kind in AccountKind}
    return PublishDialog(store, accounts, DRAFT, accounts.list(), destinations=servers)


def publish_results_dialog(profile: Path):
    """The results step: three links, and Mastodon's refusal with "Retry the failed ones"."""
    from composer.ui.publish.dialog import PublishDialog

    store, accounts = scene_accounts(profile)
    servers = {kind: _Server(kind) for kind in AccountKind}
    ordered = sorted(accounts.list(), key=lambda a: list(PEOPLE).index(a.kind))
    job_id = store.create_job(DRAFT, [account.id for account in ordered])
    Publisher(store, servers, accounts, sleep=lambda _s: None).publish(job_id)
    return PublishDialog.for_job(store, accounts, job_id, destinations=servers)


def history_dialog(profile: Path):
    """The history: one message published everywhere but Mastodon, an older one deleted."""
    from composer.ui.history.dialog import HistoryDialog

    store, accounts = scene_accounts(profile)
    servers = {kind: _Server(kind) for kind in AccountKind}
    ordered = sorted(accounts.list(), key=lambda a: list(PEOPLE).index(a.kind))
    publisher = Publisher(store, servers, accounts, sleep=lambda _s: None)
    older = Draft(title="Boekenmarkt op zondag", text="Zondag boekenmarkt op het plein.")
    for draft in (older, DRAFT):
        publisher.publish(store.create_job(draft, [account.id for account in ordered]))
    old_job = store.list_jobs()[-1]
    for row in old_job.destinations:
        if row.state == "done":
            store.mark_deleted(old_job.id, row.account_id)
    return HistoryDialog(store, accounts, destinations=servers)


class _Received(_Server):
    """Published everywhere; Mastodon and Bluesky count how it was received (Bluesky is away
    just now, so its last figures, read yesterday, are shown with their date)."""

    def __init__(self, kind: AccountKind) -> None:
        super().__init__(kind)
        counts = kind in (AccountKind.MASTODON, AccountKind.BLUESKY)
        self.capabilities = Capabilities(idempotent=True, can_read_back=False, can_count=counts)

    def publish(self, request: PublishRequest) -> Published:
        link = LINKS.get(self.kind, "https://social.example.nl/@bieb/113")
        return Published(f"{self.kind.value}-1", link)

    def reception(self, _account, copy) -> Reception:
        if self.kind is AccountKind.BLUESKY:
            raise CodedError("offline", {})
        return Reception.now(3, 5, 12, copy.url)


def history_counts_dialog(profile: Path):
    """The history of a message published everywhere, with how each copy was received."""
    from datetime import UTC, datetime, timedelta

    from composer.ui.history.dialog import HistoryDialog

    store, accounts = scene_accounts(profile)
    servers = {kind: _Received(kind) for kind in AccountKind}
    ordered = sorted(accounts.list(), key=lambda a: list(PEOPLE).index(a.kind))
    job_id = store.create_job(DRAFT, [account.id for account in ordered])
    Publisher(store, servers, accounts, sleep=lambda _s: None).publish(job_id)
    sky = next(a for a in ordered if a.kind is AccountKind.BLUESKY)
    yesterday = datetime.now(UTC).replace(hour=16, minute=40) - timedelta(days=1)
    store.save_reception(job_id, sky.id, Reception(1, 2, 8, yesterday, LINKS[AccountKind.BLUESKY]))
    return HistoryDialog(store, accounts, destinations=servers)


def schedule_confirm_dialog(profile: Path):
    """The confirm step at a time: Saturday 10:00, the WordPress site and Mastodon hold the
    message, Bluesky and Discord wait on this computer. The real destinations (who holds a
    copy asks no server); the clock stands on the Friday before, in Amsterdam."""
    from datetime import UTC, datetime

    from PySide6.QtCore import QDate, QDateTime, QTime

    from composer.core.scheduling.clock import FixedClock
    from composer.ui.publish.dialog import PublishDialog

    store = Store.open(profile)
    accounts = Accounts(store, Credentials(InMemoryKeyring()))
    site = Connected(
        Identity("Communicatie", "communicatie@bieb.example.nl"),
        "https://bieb.example.nl",
        {"application_password": "stand-in"},
        settings={"can_publish": True, "post_type": "post"},
    )
    social = Connected(
        *PEOPLE[AccountKind.MASTODON],
        {"access_token": "stand-in"},
        settings={"software": "mastodon", "software_version": "4.3.2"},
    )
    chosen = [
        accounts.add(AccountKind.WORDPRESS, site),
        accounts.add(AccountKind.MASTODON, social),
        accounts.add(AccountKind.BLUESKY, Connected(*PEOPLE[AccountKind.BLUESKY], {"p": "s"})),
        accounts.add(AccountKind.DISCORD, Connected(*PEOPLE[AccountKind.DISCORD], {"u": "s"})),
    ]
    clock = FixedClock(datetime(2026, 12, 18, 9, 0, tzinfo=UTC))
    dialog = PublishDialog(store, accounts, DRAFT, chosen, clock=clock, zone="Europe/Amsterdam")
    dialog.confirm.when.later_button.setChecked(True)
    dialog.confirm.when.edit.setDateTime(QDateTime(QDate(2026, 12, 19), QTime(10, 0)))
    dialog.confirm.publish_button.setFocus()
    return dialog


class _Editable(_Received):
    """As _Received, and each copy can be changed where it is, but Bluesky's (posted anew
    only on the person's choice)."""

    def __init__(self, kind: AccountKind) -> None:
        super().__init__(kind)
        bluesky = kind is AccountKind.BLUESKY
        self.capabilities = Capabilities(
            idempotent=True,
            can_read_back=False,
            is_own_site=kind.is_own_site,
            can_edit=not bluesky,
            replaces_instead=bluesky,
            can_count=self.capabilities.can_count,
        )

    def tell(self, _account, _page, _copies) -> None:
        """The site hears where the copies are: nothing to show here."""


EDITED = Draft(
    title="Open dag in de bibliotheek",
    text="Zondag 15 juni is iedereen welkom op onze open dag! Voorlezen, knutselen en koffie.",
    language="nl",
)


def published_everywhere(profile: Path) -> tuple[Store, Accounts, dict, int]:
    """The sample message published on the website, Mastodon, Bluesky and Discord."""
    store, accounts = scene_accounts(profile)
    servers = {kind: _Editable(kind) for kind in AccountKind}
    ordered = sorted(accounts.list(), key=lambda a: list(PEOPLE).index(a.kind))
    job_id = store.create_job(DRAFT, [account.id for account in ordered])
    Publisher(store, servers, accounts, sleep=lambda _s: None).publish(job_id)
    return store, accounts, servers, job_id


def edit_confirm_dialog(profile: Path):
    """ "Publish changes": what happens to each copy, Bluesky's choice not taken."""
    from composer.ui.editing.dialog import EditDialog

    store, accounts, servers, job_id = published_everywhere(profile)
    return EditDialog(store, accounts, job_id, EDITED, destinations=servers)
