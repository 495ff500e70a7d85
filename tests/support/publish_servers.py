"""Real servers on loopback for the publish dialog and the history: the reference website
receiver, the Mastodon and Discord fakes, and accounts connected to them the real way."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

from composer.core.accounts.account import Account, AccountKind
from composer.core.accounts.accounts import Accounts
from composer.core.destinations.discord import connect as discord
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.website import connect as website
from examples import webhook_receiver
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon

BASE = "https://example.org/nieuws"
WAIT = 30_000  # ms


class CountingReceiver(webhook_receiver.Receiver):
    """The reference receiver, noting each event's type as it arrives (retries included)."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.events: list[str] = []

    def handle(self, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
        with contextlib.suppress(ValueError, KeyError):
            self.events.append(json.loads(body)["type"])
        return super().handle(body, headers)


@dataclass
class Site:
    content: Path
    secret: str = field(default_factory=website.new_secret)
    port: int = 0
    server: webhook_receiver.Server | None = None
    receiver: CountingReceiver | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/omroeper"

    def start(self) -> Site:
        self.receiver = CountingReceiver(self.secret, self.content, BASE)
        self.server = webhook_receiver.Server(("127.0.0.1", self.port), self.receiver)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def pages(self) -> list[str]:
        return sorted(p.name for p in self.content.iterdir() if not p.name.startswith("."))

    def published(self) -> int:
        return self.receiver.events.count("post.published") if self.receiver else 0


def free_port() -> int:
    """A port nothing listens on (yet): connecting to it is refused, as when offline."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def add_website(accounts: Accounts, site: Site) -> Account:
    return accounts.add(AccountKind.WEBSITE, website.connect(site.url, site.secret))


def add_mastodon(accounts: Accounts, fake: FakeMastodon, base: str = "") -> Account:
    token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
    connected = mastodon.connect_with_token(base or fake.base, "mastodon", token)
    return accounts.add(AccountKind.MASTODON, connected)


def add_discord(accounts: Accounts, fake: FakeDiscord) -> Account:
    return accounts.add(AccountKind.DISCORD, discord.connect(fake.url))


def window_with(qtbot, store, accounts):
    """The composer window on `store` with these accounts, shown. Made after the accounts it
    should list: it reads them when it first needs them."""
    from composer.ui.window.composer_window import ComposerWindow

    made = ComposerWindow(store, lambda: accounts)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made
