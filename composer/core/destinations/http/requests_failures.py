"""What a failure of `requests` (and of urllib3 beneath it) means, for every destination that
talks through it: Mastodon.py, the Mastodon OAuth exchange, Discord and the website webhook.

Only failures without an answer are read here; what an answer's status means is the
endpoint's business (a 401 from Discord is not a 401 from an OAuth server).
"""

from __future__ import annotations

import ssl

import requests
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError, ReadTimeoutError

from composer.core.destinations.errors import Failure, first_kind, plain_http_port
from composer.core.destinations.http import reachability
from composer.core.destinations.http.safe_http import PastDeadline, RedirectRefused, TooLarge

# In this order: the first that the failure, or what led to it, is an instance of.
_KINDS: tuple[tuple[tuple[type, ...], Failure], ...] = (
    # safe_http's own rules first: its reason rides along as the cause
    ((PastDeadline,), "timeout"),
    ((TooLarge,), "answer_too_large"),
    ((RedirectRefused,), "redirected"),
    ((requests.exceptions.SSLError, ssl.SSLError), "tls_failed"),
    # An answer came, but not one that can be read: nothing to do with the connection.
    (
        (
            requests.exceptions.InvalidJSONError,
            requests.exceptions.ContentDecodingError,
            requests.TooManyRedirects,
        ),
        "bad_answer",
    ),
    # No connection was made, so nothing was sent. NameResolutionError is a NewConnectionError.
    ((NewConnectionError, ConnectTimeoutError, requests.ConnectTimeout), "unreachable"),
    ((requests.Timeout, ReadTimeoutError, TimeoutError), "timeout"),
)


def transport_code(error: BaseException) -> Failure:
    """`tls_failed` (`not_tls` for an http:// port), `offline` or `unreachable` (nothing was
    sent), `timeout` or `connection_lost` (sent, the answer did not come: the server may have
    done the work), `bad_answer`, or one of safe_http's limits (`answer_too_large`,
    `redirected`)."""
    code = first_kind(error, _KINDS, "connection_lost")
    if code == "tls_failed" and plain_http_port(error):
        return "not_tls"
    return reachability.refine(code, error)
