"""Why connecting to, or publishing on, a server did not work: codes, never prose.

A client library's failure is read once, by the classifier of that library
(requests_failures.py, mastodon_failures.py, atproto_failures.py), into one code of the
shared vocabulary below. Connecting and publishing then name it with their own words:
`connect_error` and `publish_error` hold the only differences.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Literal, cast

from composer.core.errors import CodedError

# The shared vocabulary of the classifiers (details in brackets):
# unreachable: nothing was sent (no connection: offline, wrong name, refused, firewall)
# timeout: sent, and no answer in time; connection_lost: sent, and the answer went missing
# tls_failed: the connection is not trusted (certificate refused)
# not_tls: https:// to a port that speaks plain http (nothing was sent)
# rate_limited (retry_after seconds or None); server_error (status): a 5xx
# wrong_credentials: a password or token refused when logging in with it
# expired: a session or token that was accepted is refused now
# rejected (status, message or error): a 4xx refusal of the request
# scope_missing (status, message): a 403 because the token may not do this (it was granted
#   too few OAuth scopes): connect the account again
# not_that_server (status): an error answer that is not what this platform answers
# bad_answer (status): an answer that could not be understood (the request may have worked)
# answer_too_large (limit): an answer past safe_http's size limit (the request may have worked)
# redirected (status): a redirect safe_http does not follow (a POST, or a GET to plain http)
#
# offline: nothing was sent, and this computer has no network at all (reachability.py);
# unreachable then means: the network is there, that server does not answer.
#
# Connecting also knows: invalid_address, insecure_address (what the person typed cannot be
# used), refused (the person said no on the server's authorization page), invalid_secret;
# and for the website's test event (website.check): forbidden (403), too_large (413),
# redirected (3xx), rejected (another 4xx), unsigned_accepted (a key the site cannot know).
# WordPress (wordpress/connect.py) adds: wrong_app_password, unknown_user, app_passwords_off,
# needs_https (the site does not know it is on https, so it offers no application passwords),
# authorization_stripped (the host drops the Authorization header), signed_out (answered as
# anonymous and it is unclear why), cannot_post (a subscriber), unknown_post_type.
# The command line adds missing_input and wrong_flag (composer/cli/accounts.py).
#
# As types (the strings are the contract: stored with a job, printed as JSON by the CLI):
Failure = Literal[
    "offline",
    "unreachable",
    "timeout",
    "connection_lost",
    "tls_failed",
    "not_tls",
    "rate_limited",
    "server_error",
    "wrong_credentials",
    "expired",
    "rejected",
    "scope_missing",
    "not_that_server",
    "bad_answer",
    "answer_too_large",
    "redirected",
]
# an address refused before anything is sent (net.checked_url): either side may meet it
Checked = Literal["invalid_address", "insecure_address"]
ConnectCode = (
    Failure
    | Checked
    | Literal[
        "refused",
        "invalid_secret",
        "forbidden",
        "too_large",
        "unsigned_accepted",
        "missing_input",
        "wrong_flag",
        "wrong_app_password",
        "unknown_user",
        "app_passwords_off",
        "needs_https",
        "authorization_stripped",
        "signed_out",
        "cannot_post",
        "unknown_post_type",
    ]
)
CODES = frozenset(
    {
        "invalid_address",
        "insecure_address",
        "offline",
        "unreachable",
        "timeout",
        "not_that_server",
        "wrong_credentials",
        "expired",
        "refused",
        "rate_limited",
        "server_error",
        "tls_failed",
        "not_tls",
        "answer_too_large",
        "redirected",
        "scope_missing",
    }
)


class ConnectError(CodedError):
    def __init__(self, code: ConnectCode, details: dict[str, Any] | None = None) -> None:
        super().__init__(code, details)
        self.code: ConnectCode = code


# Publishing also knows: too_long, image_required, image_failed, no_secret, account_missing,
# unsafe_url (the website answered with an address that is not a safe link), and
# connect_again (reason): what was sent cannot be checked with this sign-in (read_scope: it
# may not read the account's statuses), so nothing is sent again until it is connected again.
# cannot_upload: the account may not upload photos (a WordPress contributor).
# WordPress's refusals (wordpress/publish.py): not_allowed (the user may not create or publish
# this post type now), photo_refused (index, type: a file type the site does not take),
# photo_too_large (index, type, bytes), invalid_field (fields, message: rest_invalid_param).
# Scheduling on the server (Destination.schedule) adds: too_soon (minutes): the time is nearer
# than the server allows (Mastodon and GoToSocial: 5 minutes; nothing was sent);
# schedule_limit (limit): the server holds no more posts for this account (Mastodon: 25 a day,
# 300 in all); cannot_schedule (reason: review_only, software, thread): this account or post
# cannot be held there; not_held: the server no longer holds the post and did not publish it.
# Editing a published copy (Destination.update) adds: cannot_edit (reason: software, the
# server's software cannot edit posts; thread_length, the edit needs another number of
# thread parts; gone, the copy is no longer there; alt_text, the server cannot change a
# photo's description, and photos, cannot add or remove photos (both Pixelfed)): nothing
# was changed; edit_refused (status, message): the server refused the new content.
PublishCode = (
    Failure
    | Checked
    | Literal[
        "too_long",
        "image_required",
        "image_failed",
        "no_secret",
        "account_missing",
        "unsafe_url",
        "connect_again",
        "cannot_upload",
        "not_allowed",
        "photo_refused",
        "photo_too_large",
        "invalid_field",
        "too_soon",
        "schedule_limit",
        "cannot_schedule",
        "not_held",
        "cannot_edit",
        "edit_refused",
    ]
)
PUBLISH_CODES = frozenset(
    {
        "invalid_address",
        "insecure_address",
        "offline",
        "unreachable",
        "timeout",
        "tls_failed",
        "not_tls",
        "rejected",
        "server_error",
        "rate_limited",
        "bad_answer",
        "connection_lost",
        "expired",
        "answer_too_large",
        "redirected",
        "scope_missing",
    }
)
# The own site took the post and holds it for review (a WordPress contributor): not an error,
# not published; the networks wait. Stored as a `failed` copy that is open: sending the job
# again (resume or retry) reads the post back and goes on once an editor has published it.
HELD_FOR_REVIEW = "held_for_review"
# Worth trying again: nothing was refused. connection_lost: the answer went missing after sending.
TRANSIENT = frozenset(
    {"timeout", "offline", "unreachable", "server_error", "rate_limited", "connection_lost"}
)
# Nothing was sent: no server was reached (this computer is offline, or that server is away).
NOT_REACHED = frozenset({"offline", "unreachable"})
# The server may have taken the post before the answer went missing (or came back garbled).
UNCLEAR = frozenset(
    {"timeout", "server_error", "connection_lost", "bad_answer", "answer_too_large"}
)


class PublishError(CodedError):
    def __init__(self, code: PublishCode, details: dict[str, Any] | None = None) -> None:
        super().__init__(code, details)
        self.code: PublishCode = code

    @property
    def retryable(self) -> bool:
        return self.code in TRANSIENT


def connect_error(code: Failure | Checked, details: dict[str, Any]) -> ConnectError:
    """A classified failure as connecting names it. Connecting posts nothing, so an answer
    lost after sending is as good as none (`unreachable`: try again); and it only asks who
    the server and the account are, so an answer it cannot read means another kind of server,
    and a refusal says something about the account or the server, not about a post."""
    if code == "connection_lost":
        code = "unreachable"
    elif code == "bad_answer":
        code = "not_that_server"
    elif code == "rejected":
        status = details.get("status")
        if status == 403:  # a token without the scopes, or a suspended account
            code = "wrong_credentials"
        elif status in (404, 405):  # no such endpoint: not this kind of server
            code = "not_that_server"
        else:
            code = "server_error"
    return ConnectError(code, details)


def publish_error(code: PublishCode, details: dict[str, Any]) -> PublishError:
    """A classified failure as publishing names it. The account's credentials worked when it
    was connected: refused now, they have `expired` (connect it again); an error answer that
    is not the platform's is a refusal of this request."""
    if code == "wrong_credentials":
        code = "expired"
    elif code == "not_that_server":
        code = "rejected"
    return PublishError(code, details)


def shared(code: ConnectCode | PublishCode) -> Failure | Checked:
    """The code of a failure that crosses sides: a ConnectError met while publishing (an
    address check, a session resumed) or a PublishError met while connecting (the website's
    test event). Only a checked address or a classified failure comes this way, and those
    codes mean the same on both sides: the value passes as it is."""
    return cast("Failure | Checked", code)


# What OpenSSL says when the other side answers a TLS hello in plain text (an http:// port).
_PLAIN_HTTP_REASONS = frozenset(
    {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG"}
)


def plain_http_port(error: BaseException) -> bool:
    """Whether a TLS failure came from a server speaking plain http on that port."""
    import ssl

    return any(
        isinstance(cause, ssl.SSLError) and cause.reason in _PLAIN_HTTP_REASONS
        for cause in causes(error)
    )


def first_kind(
    error: BaseException, kinds: Sequence[tuple[tuple[type, ...], Failure]], otherwise: Failure
) -> Failure:
    """The code of the first (types, code) in `kinds` that the error, or what led to it, is an
    instance of; `otherwise` when none is."""
    chain = list(causes(error))
    for types, code in kinds:
        if any(isinstance(cause, types) for cause in chain):
            return code
    return otherwise


def causes(error: BaseException, most: int = 12) -> Iterator[BaseException]:
    """The error and what led to it: its cause or context, and exceptions it carries as
    arguments (requests wraps urllib3's, which wraps the socket's)."""
    seen: list[BaseException] = []
    waiting: list[BaseException] = [error]
    while waiting and len(seen) < most:
        found = waiting.pop(0)
        if any(found is other for other in seen):
            continue
        seen.append(found)
        yield found
        waiting += [e for e in (found.__cause__, found.__context__) if e is not None]
        waiting += [a for a in found.args if isinstance(a, BaseException)]
