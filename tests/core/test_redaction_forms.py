"""The redactor knows every registered secret in every form it travels in (raw, inside JSON,
URL-encoded, base64, as HTTP basic auth, inside a webhook URL's path), whatever host it was
sent to. That the database and stdout pass it: tests/cli/test_hostile_servers.py."""

from __future__ import annotations

import base64
import json
import logging
import string
from urllib.parse import quote

from hypothesis import assume, given
from hypothesis import strategies as st

from composer.core.accounts.credentials import Credentials
from composer.core.logs import MASK, RedactingFilter, Redactor
from tests.support.keyrings import InMemoryKeyring

TOKEN_CHARS = string.ascii_letters + string.digits + "-_.~+/="
secrets_ = st.text(alphabet=TOKEN_CHARS, min_size=12, max_size=64)
around = st.text(alphabet=string.printable, max_size=40)


def _forms(secret: str) -> list[str]:
    raw = secret.encode()
    return [
        secret,
        json.dumps(secret)[1:-1],
        quote(secret, safe=""),
        base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
    ]


@given(secret=secrets_, before=around, after=around)
def test_every_form_of_a_registered_secret_is_scrubbed(secret, before, after):
    redactor = Redactor()
    redactor.register(secret)
    for form in _forms(secret):
        assume(form not in before + after)
        scrubbed = redactor.scrub(before + form + after)
        assert form not in scrubbed
        assert MASK in scrubbed


@given(user=secrets_, password=secrets_)
def test_a_user_and_password_as_basic_auth_are_scrubbed(user, password):
    redactor = Redactor()
    credentials = Credentials(InMemoryKeyring(), redactor)
    credentials.store("wordpress-1", {"username": user, "app_password": password})
    basic = base64.b64encode(f"{user}:{password}".encode()).decode()
    assert basic not in redactor.scrub(f"the server said: we got {basic}, no")


def test_a_webhook_token_on_any_host_is_scrubbed_even_unregistered():
    token = "hostileWebhookToken" * 3
    for line in (
        f"POST http://127.0.0.1:8080/api/webhooks/123456/{token}?wait=true failed",
        f'"POST /api/v10/webhooks/123456/{token} HTTP/1.1" 400',
        f"https://hooks.example.org/api/webhooks/99/{token}",
    ):
        assert token not in Redactor().scrub(line)


def test_a_registered_webhook_url_is_scrubbed_in_its_path_and_token_alone():
    token = "Zq9" + "hostileWebhookToken" * 2
    url = f"http://127.0.0.1:9/api/webhooks/123/{token}"
    redactor = Redactor()
    redactor.register(url)
    assert token not in redactor.scrub(f'"POST /api/webhooks/123/{token}?wait=true HTTP/1.1"')
    assert token not in redactor.scrub(f"unknown token {token}")


def test_a_logged_record_with_an_echo_is_scrubbed():
    token = "Zq9" + "hostileWebhookToken" * 2
    redactor = Redactor()
    redactor.register(f"http://127.0.0.1:9/api/webhooks/123/{token}")
    record = logging.LogRecord("x", logging.INFO, "", 0, "said %s", (f"bad {token}",), None)
    RedactingFilter(redactor).filter(record)
    assert token not in record.getMessage()
