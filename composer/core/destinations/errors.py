"""Why connecting to (or later, publishing on) a server did not work: codes, never prose."""

from __future__ import annotations

from composer.core.errors import CodedError

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


class ConnectError(CodedError):
    pass


# Publishing (the website webhook; the other destinations may share these):
# timeout, unreachable, tls_failed: no (complete) answer; the same event may be sent again
# rejected (status, message): a 4xx the site will repeat, so not retried
# server_error (status, retry_after), rate_limited (retry_after seconds or None): retry later
# bad_answer: a 2xx without a usable post URL
# invalid_address, insecure_address: refused before anything was sent
PUBLISH_CODES = frozenset(
    {
        "invalid_address",
        "insecure_address",
        "unreachable",
        "timeout",
        "tls_failed",
        "rejected",
        "server_error",
        "rate_limited",
        "bad_answer",
        "connection_lost",
    }
)
# Worth trying again: nothing was refused. connection_lost: the answer went missing after sending.
TRANSIENT = frozenset({"timeout", "unreachable", "server_error", "rate_limited", "connection_lost"})
# The server may have taken the post before the answer went missing (or came back garbled).
UNCLEAR = frozenset({"timeout", "server_error", "connection_lost", "bad_answer"})


class PublishError(CodedError):
    @property
    def retryable(self) -> bool:
        return self.code in TRANSIENT
