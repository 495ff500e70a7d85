"""Fixtures for the publish dialog and history tests (`pytest_plugins`): servers on loopback
and accounts connected to them the real way; the helpers are in publish_servers.py."""

from __future__ import annotations

import pytest

from composer.core.accounts.account import Account
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.keyrings import InMemoryKeyring
from tests.support.publish_servers import (
    Site,
    add_discord,
    add_mastodon,
    add_website,
    window_with,
)


@pytest.fixture
def accounts(store) -> Accounts:
    return Accounts(store, Credentials(InMemoryKeyring()))


@pytest.fixture
def site(tmp_path):
    made = Site(tmp_path / "content").start()
    yield made
    made.stop()


@pytest.fixture
def toot():
    fake = FakeMastodon().start()
    yield fake
    fake.stop()


@pytest.fixture
def hook():
    fake = FakeDiscord().start()
    yield fake
    fake.stop()


@pytest.fixture
def chosen(accounts, site, toot, hook) -> list[Account]:
    return [add_website(accounts, site), add_mastodon(accounts, toot), add_discord(accounts, hook)]


@pytest.fixture
def window(qtbot, english, store, accounts):
    return window_with(qtbot, store, accounts)
