"""What a server's answer (or its silence) means, in words that say what to do and whom to ask,
distinct for the organisation's website (its web developer) and for a network's server (its
moderators, a status page). Used by connecting and by publishing (connect_errors.py,
publish_errors.py): `None` when the code has no such sentence and the caller's own words serve.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from composer.core.platforms import NETWORK_NAMES, Platform

translate = QCoreApplication.translate


def no_internet() -> str:
    """Publishing: nothing was sent, and it goes out by itself later."""
    return translate(
        "Answers",
        "This computer is not connected to the internet. Check the Wi-Fi or network cable; "
        "Omroeper tries again when the connection is back.",
    )


def no_internet_to_connect() -> str:
    """Connecting: nothing was connected, the person tries again."""
    return translate(
        "Answers",
        "This computer is not connected to the internet. Check the Wi-Fi or network cable, "
        "then connect again.",
    )


def website_words(code: str, details: dict[str, Any]) -> str | None:
    """The website's answer, for a person who can ask the web developer."""
    status = details.get("status")
    if code == "rejected" and isinstance(status, int):
        code = {401: "wrong_credentials", 403: "forbidden", 404: "not_that_server"}.get(
            status, {405: "not_that_server", 413: "too_large"}.get(status, code)
        )
    words = {
        "unreachable": lambda: translate(
            "Answers",
            "Your website does not answer at {address} (the internet works). Ask your web "
            "developer whether the receiver for Omroeper is running.",
        ),
        "timeout": lambda: translate(
            "Answers",
            "Your website did not answer in time. Omroeper tries again; if this keeps "
            "happening, tell your web developer.",
        ),
        "tls_failed": lambda: translate(
            "Answers",
            "The connection to your website is not trusted: its certificate was refused. Ask "
            "your web developer to renew it (or your IT support, if your network checks "
            "connections).",
        ),
        "wrong_credentials": lambda: translate(
            "Answers",
            "Your website does not accept Omroeper’s key (401). Give the key to your web "
            "developer again, or connect the website again with a new key.",
        ),
        "expired": lambda: translate(
            "Answers",
            "Your website does not accept Omroeper’s key (401). Give the key to your web "
            "developer again, or connect the website again with a new key.",
        ),
        "forbidden": lambda: translate(
            "Answers",
            "Your website refuses Omroeper’s messages (403). Ask your web developer to allow "
            "them at this address.",
        ),
        "not_that_server": lambda: translate(
            "Answers",
            "Nothing on your website receives Omroeper’s messages at this address (404). "
            "Check the address with your web developer.",
        ),
        "too_large": lambda: translate(
            "Answers",
            "The message is too large for your website (413). Use fewer or smaller photos, or "
            "ask your web developer to accept larger messages.",
        ),
        "redirected": lambda: translate(
            "Answers",
            "Your website sends Omroeper to another address ({status}). Ask your web "
            "developer for the final address and connect the website again.",
        ),
        "rejected": lambda: translate(
            "Answers",
            "Your website refused the message ({status}). Show your web developer what it "
            "said: “{message}”",
        ),
        "rate_limited": lambda: translate(
            "Answers", "Your website asks Omroeper to slow down (429); it tries again later."
        ),
        "server_error": lambda: translate(
            "Answers",
            "Your website has a problem ({status}). Omroeper tries again later; if this keeps "
            "happening, tell your web developer.",
        ),
        "unsigned_accepted": lambda: translate(
            "Answers",
            "Your website accepted a message signed with a key it cannot know: it does not "
            "check the key, so anyone could publish on it. Ask your web developer to check "
            "it (see the instructions), then connect again.",
        ),
    }.get(code)
    return words() if words else None


def network_words(code: str, details: dict[str, Any], kind: str) -> str | None:
    """A network's answer: the person can wait, reconnect, or ask the server's moderators."""
    try:
        network = NETWORK_NAMES[Platform(kind)]
    except (KeyError, ValueError):
        return None
    status = details.get("status")
    if code == "rejected" and isinstance(status, int):
        code = {401: "expired", 403: "forbidden", 404: "not_found", 413: "too_large"}.get(
            status, code
        )
    words = {
        "unreachable": lambda: translate(
            "Answers",
            "{network}’s server does not answer (the internet works). Omroeper tries again; "
            "the server may be down for a while.",
        ),
        "timeout": lambda: translate(
            "Answers", "{network}’s server did not answer in time; Omroeper tries again."
        ),
        "tls_failed": lambda: translate(
            "Answers",
            "The connection to {network}’s server is not trusted (its certificate was "
            "refused). Ask your IT support.",
        ),
        "expired": lambda: translate(
            "Answers",
            "{network} no longer accepts this account’s sign-in (401). Connect the account "
            "again in Accounts, then retry.",
        ),
        "forbidden": lambda: translate(
            "Answers",
            "{network}’s server refused the message (403): the account may be limited. Ask "
            "the server’s moderators.",
        ),
        "scope_missing": lambda: translate(
            "Answers",
            "{network} does not let Omroeper do this: the account was connected with too few "
            "permissions (403). Connect the account again in Accounts, then retry.",
        ),
        "not_found": lambda: translate(
            "Answers",
            "{network}’s server does not know this address (404). Connect the account again.",
        ),
        "too_large": lambda: translate(
            "Answers",
            "The message is too large for {network} (413). Use fewer or smaller photos.",
        ),
        "rate_limited": lambda: translate(
            "Answers", "{network}’s server asks Omroeper to slow down (429); it tries again later."
        ),
        "server_error": lambda: translate(
            "Answers",
            "{network}’s server has a problem ({status}); Omroeper tries again later.",
        ),
    }.get(code)
    return words().replace("{network}", network) if words else None


def answer_words(code: str, details: dict[str, Any], kind: str) -> str | None:
    """Words for `code` as `kind` ("website", "mastodon", …) answered it; None if none fit."""
    if kind == "website":
        found = website_words(code, details)
    else:
        found = network_words(code, details, kind)
    if found is None:
        return None
    blanks = {"address": "", "status": "", "message": ""}
    return found.format(**{**blanks, **{k: v for k, v in details.items() if k in blanks}})


def website_checked(key_installed: bool) -> str:
    """Connecting the website worked: what the test event showed."""
    if key_installed:
        return translate(
            "Answers", "✓ Your website answered the test message and accepted the key."
        )
    return translate(
        "Answers",
        "✓ Your website answered the test message and checks the key. It does not have this "
        "new key yet: give the key to your web developer, separately from the instructions.",
    )
