"""Knowing the server: the software and version a Mastodon-compatible server runs, read from
its instance info and nodeinfo when connecting and when limits are refreshed, recorded on
the account, and what it changes in counting. Real HTTP to the fake on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from composer.core.accounts.account import Account, AccountKind, Connected, Identity
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.mastodon.software import recognise
from composer.core.store.store import Store
from composer.core.text.measure import measure
from tests.support.fake_mastodon import Answer, FakeMastodon
from tests.support.keyrings import InMemoryKeyring

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[FakeMastodon]:
    server = FakeMastodon(**getattr(request, "param", {})).start()
    yield server
    server.stop()


def _connect(fake: FakeMastodon) -> Connected:
    token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
    return mastodon.connect_with_token(fake.base, "mastodon", token)


@pytest.mark.parametrize("fake", [{"flavour": "gotosocial"}], indirect=True)
def test_a_gotosocial_is_known_with_its_own_limits_and_count(fake: FakeMastodon) -> None:
    connected = _connect(fake)
    assert connected.settings == {"software": "gotosocial", "software_version": "0.20.0"}
    assert connected.limits["max_characters"] == 5000 and connected.limits["max_images"] == 6
    account = Account(
        "m", AccountKind.MASTODON, connected.identity, fake.base, connected.settings,
        connected.limits,
    )  # fmt: skip
    limits = account.effective_limits()
    # The issue's text: 1,000 family emoji are 1,000 on Mastodon, 7,000 on GoToSocial.
    assert measure(FAMILY * 1000, limits).length == 7000
    assert not measure(FAMILY * 1000, limits).fits(limits)


@pytest.mark.parametrize(
    ("fake", "software"),
    [
        ({}, "mastodon"),
        ({"version": "4.2.0+glitch"}, "glitch-soc"),
        ({"version": "4.2.10+hometown-1.1.1"}, "hometown"),
        ({"flavour": "pixelfed"}, "pixelfed"),
    ],
    indirect=["fake"],
)
def test_mastodon_its_forks_and_pixelfed_are_told_apart(fake: FakeMastodon, software: str) -> None:
    if fake.flavour == "pixelfed":
        token = fake.issue_token("read write")
        connected = mastodon.connect_with_token(fake.base, "pixelfed", token)
    else:
        connected = _connect(fake)
    assert connected.settings["software"] == software


@pytest.mark.parametrize(
    ("info", "nodeinfo", "software"),
    [
        ({"version": "2.7.2 (compatible; Akkoma 3.13.2)"}, {}, "akkoma"),
        ({"version": "2.7.2 (compatible; Pleroma 2.9.1)"}, {}, "pleroma"),
        ({"version": "2.8.0 (compatible; Friendica 2024.12)"}, {}, "friendica"),
        ({"version": "3.0.0"}, {"software": {"name": "sharkey", "version": "2025.4.3"}}, "sharkey"),
        ({"version": "3.0.0"}, {"software": {"name": "Misskey", "version": "2025.6.0"}}, "misskey"),
        ({"version": "3.0.0"}, {"software": {"name": "iceshrimp"}}, "iceshrimp"),
        ({"version": "3.5.3+0.20.0"}, {}, "gotosocial"),  # nodeinfo hidden
        ({"version": "something else"}, {}, "unknown"),
        ({"version": 7}, {"software": ["not", "a", "dict"]}, "unknown"),
    ],
)
def test_software_names_from_instance_and_nodeinfo(info, nodeinfo, software) -> None:
    assert recognise(info, nodeinfo)["software"] == software


def test_a_hostile_nodeinfo_gives_a_short_plain_name() -> None:
    found = recognise({}, {"software": {"name": "<b>Evil</b>\n" * 1000, "version": "\x00" * 9}})
    assert len(found["software"]) <= 40 and found["software"].isascii()
    assert "<" not in found["software"] and "\x00" not in found["software_version"]


@pytest.mark.parametrize("fake", [{"flavour": "gotosocial"}], indirect=True)
def test_nodeinfo_elsewhere_or_broken_falls_back_on_the_instance(fake: FakeMastodon) -> None:
    # A well-known answer pointing off the server is not followed: its own /nodeinfo/2.0 is.
    elsewhere = {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                            "href": "https://evil.example/nodeinfo"}]}  # fmt: skip
    fake.route("GET", r"/\.well-known/nodeinfo")(lambda *_: Answer(200, elsewhere))
    assert _connect(fake).settings["software"] == "gotosocial"
    assert not any("evil" in r.path for r in fake.requests)
    # Nodeinfo that is not JSON, then none at all: the instance's "3.5.3+…" still tells.
    fake.route("GET", r"/nodeinfo/2\.0")(lambda *_: Answer(200, b"\xff{", {"Content-Type": "x"}))
    assert _connect(fake).settings["software"] == "gotosocial"
    fake.route("GET", r"/nodeinfo/2\.0")(lambda *_: Answer(404, {"error": "nope"}))
    assert _connect(fake).settings == {"software": "gotosocial", "software_version": "3.5.3+0.20.0"}


@pytest.mark.parametrize("fake", [{"flavour": "gotosocial"}], indirect=True)
def test_an_oversized_nodeinfo_is_cut_off_and_connecting_still_works(fake: FakeMastodon) -> None:
    huge = json.dumps({"software": {"name": "x" * 5_000_000}}).encode()
    fake.route("GET", r"/nodeinfo/2\.0")(
        lambda *_: Answer(200, huge, {"Content-Type": "application/json"})
    )
    connected = _connect(fake)
    assert connected.settings["software"] == "gotosocial"  # from the instance, as above


@pytest.mark.parametrize("fake", [{"flavour": "gotosocial"}], indirect=True)
def test_refreshing_limits_records_the_software_of_an_old_account(
    fake: FakeMastodon, tmp_path
) -> None:
    with Store.open(tmp_path / "profile") as store:
        _refresh_records_the_software(fake, store)


def _refresh_records_the_software(fake: FakeMastodon, store: Store) -> None:
    accounts = Accounts(store, Credentials(InMemoryKeyring()))
    token = fake.issue_token("read:accounts read:statuses write:statuses write:media")
    # Connected before Omroeper recorded the software: counted as Mastodon, 500.
    old = accounts.add(
        AccountKind.MASTODON, Connected(Identity("a"), fake.base, {"access_token": token})
    )
    assert old.effective_limits().counting == "mastodon"
    store.save_account(replace(old, limits_checked=datetime.now(UTC) - timedelta(days=2)))
    assert accounts.refresh_limits() == [old.id]
    refreshed = accounts.get(old.id)
    assert refreshed.settings["software"] == "gotosocial"
    assert refreshed.effective_limits().counting == "gotosocial"
    assert refreshed.effective_limits().max_characters == 5000
