"""Credentials against an in-memory keyring: the JSON entry, errors and what gets redacted."""

import json

import pytest

from composer.core.accounts.credentials import USERNAME, CredentialError, Credentials, service_name
from composer.core.logs import Redactor
from tests.support.keyrings import BrokenKeyring, InMemoryKeyring, LockedKeyring


def test_one_json_entry_per_account():
    backend = InMemoryKeyring()
    credentials = Credentials(backend, Redactor())
    credentials.store("mastodon-3f9a2c1b", {"access_token": "tøken 🔑"})
    credentials.store("discord-00ff00ff", {"webhook": "https://discord.com/api/webhooks/1/x"})

    assert set(backend.entries) == {
        ("Omroeper mastodon-3f9a2c1b", USERNAME),
        ("Omroeper discord-00ff00ff", USERNAME),
    }
    stored = backend.entries[(service_name("mastodon-3f9a2c1b"), USERNAME)]
    assert json.loads(stored) == {"access_token": "tøken 🔑"}
    assert credentials.load("mastodon-3f9a2c1b") == {"access_token": "tøken 🔑"}


def test_store_replaces_the_previous_secret():
    credentials = Credentials(InMemoryKeyring(), Redactor())
    credentials.store("bluesky-1", {"refresh_jwt": "old-old-old"})
    credentials.store("bluesky-1", {"refresh_jwt": "new-new-new"})
    assert credentials.load("bluesky-1") == {"refresh_jwt": "new-new-new"}


def test_missing_and_delete_twice():
    credentials = Credentials(InMemoryKeyring(), Redactor())
    with pytest.raises(CredentialError) as caught:
        credentials.load("website-1")
    assert caught.value.code == "missing"

    credentials.store("website-1", {"signing_secret": "whsec_abc"})
    credentials.delete("website-1")
    credentials.delete("website-1")  # already gone: fine
    with pytest.raises(CredentialError, match="missing"):
        credentials.load("website-1")


def test_stored_and_loaded_secrets_are_registered_for_redaction():
    redactor = Redactor()
    backend = InMemoryKeyring()
    Credentials(backend, redactor).store("pixelfed-1", {"access_token": "stored-secret-1"})
    assert redactor.scrub("x stored-secret-1 y") == "x [redacted] y"

    fresh = Redactor()  # a new process: only loading makes it known
    Credentials(backend, fresh).load("pixelfed-1")
    assert fresh.scrub("x stored-secret-1 y") == "x [redacted] y"


def test_locked_keyring():
    credentials = Credentials(LockedKeyring(), Redactor())
    for action in (
        lambda: credentials.store("a-1", {"token": "secret-value"}),
        lambda: credentials.load("a-1"),
        lambda: credentials.delete("a-1"),
    ):
        with pytest.raises(CredentialError) as caught:
            action()
        assert caught.value.code == "locked"


def test_a_backend_error_never_carries_the_secret():
    secret = "the-secret-in-the-error"
    credentials = Credentials(BrokenKeyring(f"could not store {secret}"), Redactor())
    with pytest.raises(CredentialError) as caught:
        credentials.store("a-1", {"token": secret})
    error = caught.value
    assert error.code == "failed"
    assert error.details == {"backend": "keyrings BrokenKeyring", "error": "OSError"}
    assert secret not in str(error) and secret not in repr(error.args)
    assert error.__cause__ is None and error.__context__ is None


def test_an_entry_that_is_not_ours_is_failed_not_a_crash():
    backend = InMemoryKeyring()
    backend.entries[(service_name("a-1"), USERNAME)] = "not json"
    with pytest.raises(CredentialError) as caught:
        Credentials(backend, Redactor()).load("a-1")
    assert caught.value.code == "failed"


def test_secret_values_must_be_text():
    with pytest.raises(TypeError):
        Credentials(InMemoryKeyring(), Redactor()).store("a-1", {"expires": 3600})  # type: ignore[dict-item]


def test_describe_backend():
    assert Credentials(InMemoryKeyring()).describe_backend() == "keyrings InMemoryKeyring"
