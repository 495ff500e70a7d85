"""Every code the classifiers read a failure as, named by connecting and by publishing, has
plain words on that side (composer/i18n): never the "… failed (code)" fallback."""

from __future__ import annotations

import pytest

from composer.core.destinations.errors import connect_error, publish_error
from composer.i18n.connect_errors import describe_connect_error
from composer.i18n.publish_errors import describe_publish_error

# What requests_failures, mastodon_failures and atproto_failures can return.
READINGS = [
    ("unreachable", {}),
    ("timeout", {}),
    ("connection_lost", {}),
    ("tls_failed", {}),
    ("rate_limited", {"retry_after": 30}),
    ("server_error", {"status": 503}),
    ("wrong_credentials", {}),
    ("expired", {"status": 401}),
    ("rejected", {"status": 403, "message": "Not allowed"}),
    ("rejected", {"status": 404, "message": ""}),
    ("rejected", {"status": 422, "message": "Too long"}),
    ("not_that_server", {"status": 404}),
    ("bad_answer", {"status": 200}),
]


@pytest.mark.parametrize(("code", "details"), READINGS)
def test_both_sides_have_words_for_it(code, details):
    connecting = connect_error(code, {"address": "https://social.example"} | details)
    publishing = publish_error(code, details)
    said = describe_connect_error(connecting)
    assert "Connecting failed" not in said and "{" not in said
    said = describe_publish_error(publishing.code, publishing.details)
    assert "Publishing failed" not in said and "{" not in said


def test_an_address_that_is_not_a_safe_link_has_words_on_both_sides():
    """The website's (a failure: the networks wait) and a published copy's (a warning)."""
    from composer.i18n.publish_errors import describe_no_address

    said = describe_publish_error("unsafe_url", {"status": 201})
    assert "Publishing failed" not in said and "developer" in said
    assert "safe web address" in describe_no_address()
