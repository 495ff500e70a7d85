import ssl

import pytest
import truststore

from composer.core import net
from composer.core.destinations.errors import ConnectError


@pytest.mark.parametrize(
    ("typed", "server"),
    [
        ("mastodon.social", "https://mastodon.social"),
        ("https://Mastodon.Social/", "https://Mastodon.Social"),
        ("  https://pixelfed.example/some/page  ", "https://pixelfed.example"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://localhost:3000/x", "http://localhost:3000"),
        ("http://[::1]:9/", "http://[::1]:9"),
    ],
)
def test_servers_are_https_or_this_machine(typed, server):
    assert net.checked_server(typed) == server


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("http://mastodon.social", "insecure_address"),
        ("http://10.0.0.5", "insecure_address"),
        ("http://127.evil.example", "insecure_address"),
        ("ftp://mastodon.social", "invalid_address"),
        ("https://", "invalid_address"),
    ],
)
def test_other_addresses_are_refused(typed, code):
    with pytest.raises(ConnectError) as failure:
        net.checked_server(typed)
    assert failure.value.code == code


def test_the_system_trust_store_verifies_tls():
    try:
        net.use_system_trust()
        assert ssl.SSLContext is truststore.SSLContext
        net.use_system_trust()  # once is enough; twice does no harm
    finally:
        truststore.extract_from_ssl()
        net._injected = False
    assert ssl.SSLContext is not truststore.SSLContext
