"""How Omroeper talks to servers: HTTPS only (plain HTTP to this machine alone, for tests),
the operating system's trust store (so an organisation's TLS-inspecting proxy works), and the
system proxy settings (requests and httpx read them from the environment by default).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import truststore

from composer.core.destinations.errors import ConnectError

TIMEOUT = 20.0  # seconds; a slow link must not freeze a worker forever

_injected = False


def use_system_trust() -> None:
    """Verify TLS against the operating system's certificate store, for every client library."""
    global _injected  # noqa: PLW0603 (once per process, for every library at once)
    if not _injected:
        truststore.inject_into_ssl()
        _injected = True


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_server(address: str) -> str:
    """A server's base URL as `scheme://host[:port]`: https, or http to this machine only.

    A bare name such as `mastodon.social` gets https:// in front, as people type it.
    """
    address = address.strip()
    if "://" not in address:
        address = f"https://{address}"
    parts = urlsplit(address)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise ConnectError("invalid_address", {"address": address})
    if parts.scheme == "http" and not is_loopback(host):
        raise ConnectError("insecure_address", {"address": address})
    return f"{parts.scheme}://{parts.netloc}".rstrip("/")


def checked_url(url: str) -> str:
    """A full URL (a webhook): the same rule, path and query kept."""
    parts = urlsplit(url.strip())
    checked_server(f"{parts.scheme}://{parts.netloc}" if parts.scheme else url)
    if not parts.scheme:
        raise ConnectError("invalid_address", {"address": url})
    return url.strip()
