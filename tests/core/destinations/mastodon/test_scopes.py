"""The scopes Omroeper asks for, records and checks (core/destinations/mastodon/scopes.py):
the real sign-in and the real MastodonDestination against the fake servers, which refuse a
token without the scope as each software does."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import PublishError
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.mastodon.publish import MastodonDestination
from composer.core.destinations.mastodon.scopes import (
    NEEDED,
    granted,
    missing,
    needs_reconnect,
)
from composer.core.drafts.draft import Draft
from composer.core.publishing.destination import PublishRequest
from composer.i18n.publish_errors import describe_publish_error
from tests.support.fake_mastodon import FakeMastodon

OLD_SCOPES = "read:accounts write:statuses write:media"  # what Omroeper asked before
LONG = " ".join(f"Zin {n} over de open dag in de bibliotheek van het dorp." for n in range(30))


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[FakeMastodon]:
    server = FakeMastodon(**getattr(request, "param", {})).start()
    yield server
    server.stop()


def _signed_in(fake: FakeMastodon, kind: AccountKind) -> tuple[mastodon.SignIn, object]:
    sign_in = mastodon.start_sign_in(fake.base, kind)
    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(mastodon.wait_for_redirect, sign_in, 10)
        fake.browser(sign_in.authorize_url)
        code = waiting.result()
    return sign_in, mastodon.finish_sign_in(sign_in, code)


@pytest.mark.parametrize(
    ("fake", "kind", "asked"),
    [
        ({"flavour": "gotosocial"}, AccountKind.MASTODON, " ".join(NEEDED)),
        ({"flavour": "mastodon"}, AccountKind.MASTODON, " ".join(NEEDED)),
        ({"flavour": "pixelfed"}, AccountKind.PIXELFED, "read write"),
    ],
    indirect=["fake"],
)
def test_sign_in_asks_what_read_back_and_delete_need_and_records_it(fake, kind, asked):
    sign_in, connected = _signed_in(fake, kind)
    registered = next(r for r in fake.requests if r.path == "/api/v1/apps")
    assert registered.form["scopes"] == asked
    assert parse_qs(urlsplit(sign_in.authorize_url).query)["scope"] == [asked]
    assert fake.tokens[connected.secret["access_token"]]["scopes"] == asked.split()
    # Pixelfed's token answer names no scope: granted as asked (RFC 6749 §5.1)
    assert connected.settings["scopes"] == asked
    assert "scopes" not in connected.secret


@pytest.mark.parametrize(
    ("fake", "recorded"),
    [
        ({"flavour": "mastodon"}, OLD_SCOPES),  # 4.3+ lists the app's scopes
        ({"flavour": "mastodon", "version": "4.2.10"}, None),  # not yet: unknown
        ({"flavour": "gotosocial"}, None),  # no such route
    ],
    indirect=["fake"],
)
def test_a_pasted_token_records_what_the_server_tells(fake, recorded):
    token = fake.issue_token(OLD_SCOPES)
    connected = mastodon.connect_with_token(fake.base, "mastodon", token)
    assert connected.settings.get("scopes") == recorded
    settings = connected.settings
    assert needs_reconnect("mastodon", settings) is (recorded is not None)


def _thread(fake: FakeMastodon, token: str) -> tuple[MastodonDestination, Account, str]:
    account = Account("mastodon-1", AccountKind.MASTODON, Identity("Omroep"), server=fake.base)
    destination = MastodonDestination(lambda _id: {"access_token": token})
    draft = Draft(text=LONG, thread=True)
    published = destination.publish(PublishRequest(draft, account, None, "key-1", 1))
    assert len(fake.statuses) > 2
    return destination, account, published.remote_id


@pytest.mark.parametrize("fake", [{"flavour": "gotosocial"}], indirect=True)
def test_deleting_a_thread_on_gotosocial_works_with_the_new_scopes(fake):
    _sign_in, connected = _signed_in(fake, AccountKind.MASTODON)
    destination, account, first = _thread(fake, connected.secret["access_token"])
    destination.delete_statuses(account, [first])
    assert fake.statuses == []


@pytest.mark.parametrize(
    "fake", [{"flavour": "gotosocial"}, {"flavour": "mastodon"}], indirect=True
)
def test_deleting_with_the_old_scopes_says_connect_again(fake):
    """GoToSocial's /context needs read:statuses; Mastodon's too once a token comes along.
    Nothing is deleted half: the first call refused is the read of the thread."""
    destination, account, first = _thread(fake, fake.issue_token(OLD_SCOPES))
    with pytest.raises(PublishError) as caught:
        destination.delete_statuses(account, [first])
    assert caught.value.code == "scope_missing"
    assert len(fake.statuses) > 2
    said = describe_publish_error(caught.value.code, caught.value.details, "mastodon")
    assert "Connect the account again" in said


def test_what_counts_as_enough():
    assert missing(OLD_SCOPES) == ("read:statuses",)
    assert missing("read write") == missing(" ".join(NEEDED)) == ()
    assert missing("read:accounts write") == ("read:statuses",)
    assert missing(None) == missing("") == ()  # never recorded: unknown, not lacking
    assert not needs_reconnect("mastodon", {})
    assert not needs_reconnect("bluesky", {"scopes": "read"})
    assert needs_reconnect("pixelfed", {"scopes": "read"})


@given(st.one_of(st.text(max_size=600), st.lists(st.text(max_size=30), max_size=30)))
def test_a_servers_scope_answer_is_kept_only_as_plain_short_words(said):
    kept = granted({"scope": said}, NEEDED)
    assert len(kept) <= 400 and kept.isascii()
    assert all(word.replace(":", "").replace("_", "").isalnum() for word in kept.split())
    assert missing(kept) == () or set(missing(kept)) <= set(NEEDED)
