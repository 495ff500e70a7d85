from dataclasses import replace

import pytest

from composer.core.accounts.account import AccountKind, Connected, Identity
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import CredentialError, Credentials
from composer.core.store.store import Store, StoreError
from tests.support.keyrings import BrokenKeyring, InMemoryKeyring

CONNECTED = Connected(
    identity=Identity(name="Bibliotheek", handle="@bieb@social.example", avatar="https://a/b.png"),
    server="https://social.example",
    secret={"access_token": "tok-ABC-123", "client_secret": "cs-456"},
    limits={"max_characters": 1000, "image_types": ["image/jpeg", "image/png"]},
)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        yield opened


def test_add_keeps_settings_in_the_store_and_the_secret_in_the_keyring(store):
    keyring = InMemoryKeyring()
    accounts = Accounts(store, Credentials(keyring))
    account = accounts.add(AccountKind.MASTODON, CONNECTED)
    assert account.id.startswith("mastodon-")
    assert accounts.list() == [account]
    assert account.name == "@bieb@social.example"
    assert accounts.secret(account.id) == CONNECTED.secret
    assert list(keyring.entries) == [(f"Omroeper {account.id}", "secret")]
    limits = account.effective_limits()
    assert limits.max_characters == 1000
    assert limits.image_types == frozenset({"image/jpeg", "image/png"})
    assert limits.characters_reserved_per_url == 23  # not reported: the default stays
    assert account.limits_checked is not None


def test_remove_forgets_both_halves(store):
    keyring = InMemoryKeyring()
    accounts = Accounts(store, Credentials(keyring))
    account = accounts.add(AccountKind.MASTODON, CONNECTED)
    accounts.remove(account.id)
    assert accounts.list() == []
    assert keyring.entries == {}
    with pytest.raises(StoreError) as missing:
        accounts.remove(account.id)
    assert missing.value.code == "not_found"


def test_no_keyring_keeps_nothing_at_all(store):
    accounts = Accounts(store, Credentials(BrokenKeyring("the keyring daemon is gone")))
    with pytest.raises(CredentialError):
        accounts.add(AccountKind.MASTODON, CONNECTED)
    assert accounts.list() == []


def test_a_failing_store_takes_the_secret_back_out(store):
    keyring = InMemoryKeyring()
    accounts = Accounts(store, Credentials(keyring))
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's real "disk is full"
    big = Connected(Identity("x" * 20_000), "https://s.example", {"access_token": "t"})
    with pytest.raises(StoreError) as full:
        accounts.add(AccountKind.MASTODON, big)
    assert full.value.code == "disk_full"
    assert keyring.entries == {}


def test_refreshed_secret_and_limits(store):
    accounts = Accounts(store, Credentials(InMemoryKeyring()))
    account = accounts.add(AccountKind.BLUESKY, CONNECTED)
    accounts.replace_secret(account.id, {"access_jwt": "nieuw"})
    assert accounts.secret(account.id) == {"access_jwt": "nieuw"}
    updated = accounts.update_limits(account.id, {"max_characters": 280})
    assert accounts.get(account.id).effective_limits().max_characters == 280
    assert updated.limits_checked >= account.limits_checked


def test_limits_are_refreshed_in_the_background_and_kept_when_offline(store):
    from datetime import UTC, datetime, timedelta

    from tests.support.fake_mastodon import FakeMastodon

    fake = FakeMastodon(limits={"max_characters": 1234}).start()
    try:
        accounts = Accounts(store, Credentials(InMemoryKeyring()))
        token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
        stale = accounts.add(
            AccountKind.MASTODON,
            Connected(
                Identity("a"), fake.base, {"access_token": token}, limits={"max_characters": 500}
            ),
        )
        fresh = accounts.add(
            AccountKind.MASTODON,
            Connected(
                Identity("b"), fake.base, {"access_token": token}, limits={"max_characters": 777}
            ),
        )
        website = accounts.add(
            AccountKind.WEBSITE, Connected(Identity("w"), "https://w.example", {"k": "v"})
        )
        store.save_account(replace(stale, limits_checked=datetime.now(UTC) - timedelta(days=2)))
        assert accounts.refresh_limits() == [stale.id]
        assert accounts.get(stale.id).effective_limits().max_characters == 1234
        assert accounts.get(fresh.id).effective_limits().max_characters == 777  # checked just now
        assert accounts.get(website.id).limits == {}
    finally:
        fake.stop()
    # offline: nothing changes, nothing breaks
    assert accounts.refresh_limits(older_than=timedelta(0)) == []
    assert accounts.get(stale.id).effective_limits().max_characters == 1234
