"""Why connecting to (or later, publishing on) a server did not work: codes, never prose."""

from __future__ import annotations

from typing import Any

# invalid_address, insecure_address: what the person typed cannot be used
# unreachable: no answer (offline, wrong name, firewall); timeout
# not_that_server: it answers, but is not a Mastodon / Pixelfed / Bluesky server
# wrong_credentials: password, token or app password refused; expired: a token no longer valid
# refused: the person said no on the server's authorization page
# not_app_password: a Bluesky password that is not an app password (a warning, see bluesky.py)
# rate_limited (retry_after seconds); server_error (status)
CODES = frozenset(
    {
        "invalid_address",
        "insecure_address",
        "unreachable",
        "timeout",
        "not_that_server",
        "wrong_credentials",
        "expired",
        "refused",
        "rate_limited",
        "server_error",
        "tls_failed",
    }
)


class ConnectError(Exception):
    def __init__(self, code: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.details = details or {}

    def __str__(self) -> str:
        # Never the secret: details hold addresses and numbers only.
        return f"{self.code}: {self.details}"
