"""Why an account could not be connected, in plain words with what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.core.destinations.errors import ConnectError
from composer.i18n.answer_words import answer_words, no_internet_to_connect

translate = QCoreApplication.translate


def describe_connect_error(failure: ConnectError) -> str:
    if failure.code == "offline":
        return no_internet_to_connect()
    kind = str(failure.details.get("kind", ""))
    said = answer_words(failure.code, failure.details, kind) if kind else None
    if said is not None:
        return said
    words = {
        "invalid_address": lambda: translate(
            "Connect", "“{address}” is not a web address. Type it like mastodon.social."
        ),
        "insecure_address": lambda: translate(
            "Connect",
            "“{address}” is not secure (http://). Use the https:// address of the server.",
        ),
        "unreachable": lambda: translate(
            "Connect",
            "The server {address} does not answer (the internet works). Check the address; "
            "the server may be down for a while.",
        ),
        "timeout": lambda: translate(
            "Connect", "The server {address} did not answer in time. Try again in a moment."
        ),
        "tls_failed": lambda: translate(
            "Connect",
            "The connection to {address} is not trusted (its certificate was refused). "
            "Ask your IT support.",
        ),
        "not_tls": lambda: translate(
            "Connect",
            "{address} does not speak https on that port. Check the address: often it has "
            "no port number, or a different one.",
        ),
        "not_that_server": lambda: translate(
            "Connect", "{address} answers, but it is not the kind of server you chose."
        ),
        "wrong_credentials": lambda: translate(
            "Connect",
            "The server did not accept these details. Check them, or create a new token "
            "or app password.",
        ),
        "expired": lambda: translate(
            "Connect", "The sign-in has expired or was withdrawn. Connect the account again."
        ),
        "scope_missing": lambda: translate(
            "Connect",
            "This token does not allow what Omroeper needs. Sign in with your browser "
            "instead, or create a token that may read and write.",
        ),
        "refused": lambda: translate(
            "Connect", "Omroeper was not allowed on the server's page. Nothing was connected."
        ),
        "rate_limited": lambda: translate(
            "Connect", "The server asks to slow down. Try again in a few minutes."
        ),
        "server_error": lambda: translate(
            "Connect", "The server had a problem ({status}). Try again later."
        ),
        "answer_too_large": lambda: translate(
            "Connect",
            "The server {address} answered with far more data than expected. Check the address.",
        ),
        "redirected": lambda: translate(
            "Connect",
            "The server {address} tried to send Omroeper to another, unsafe address. "
            "Check the address.",
        ),
        "invalid_secret": lambda: translate(
            "Connect", "That signing key is not valid: a valid one starts with whsec_."
        ),
        "missing_input": lambda: translate(
            "Connect", "Nothing was given for {flag}: paste it on standard input and try again."
        ),
        "wrong_flag": lambda: translate("Connect", "{flag} does not go with {kind}."),
    }
    found = words.get(failure.code)
    text = found() if found else translate("Connect", "Connecting failed ({code}).")
    return text.format(
        **{
            "address": "",
            "status": "",
            "flag": "",
            "kind": "",
            **failure.details,
            "code": failure.code,
        }
    )


def describe_credential_error(failure: Exception) -> str:
    code = getattr(failure, "code", "")
    if code == "no_keyring":
        return translate(
            "Connect",
            "This computer offers no safe place for passwords (a keyring), so Omroeper "
            "keeps none. Ask your IT support to enable one.",
        )
    if code == "locked":
        return translate(
            "Connect", "The keyring is locked. Unlock it (sign in again) and try once more."
        )
    if code == "missing":
        return translate(
            "Connect", "The password for this account is gone from the keyring. Connect it again."
        )
    return translate("Connect", "The keyring did not work ({code}).").format(code=code)


def app_password_advice() -> str:
    return translate(
        "Connect",
        "This does not look like an app password. In Bluesky, go to Settings → Privacy and "
        "security → App passwords, create one for Omroeper, and use that instead of your "
        "own password.",
    )
