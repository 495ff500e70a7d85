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
        **_WORDPRESS,
    }
    if failure.code == "needs_https" and failure.details.get("reason") == "site":
        words["needs_https"] = _site_thinks_http
    found = words.get(failure.code)
    text = found() if found else translate("Connect", "Connecting failed ({code}).")
    return text.format(
        **{
            "address": "",
            "status": "",
            "flag": "",
            "kind": "",
            "user": "",
            "post_type": "",
            "choices": "",
            **failure.details,
            "code": failure.code,
        }
    )


# WordPress (core/destinations/wordpress/connect.py): each way connecting goes wrong gets its
# own sentence, saying where in WordPress to look or what to ask the host.
_WORDPRESS = {
    "wrong_app_password": lambda: translate(
        "Connect",
        "WordPress did not accept this application password. Make a new one in WordPress "
        "under Users → Profile → Application Passwords, and paste it here (not your own "
        "password).",
    ),
    "unknown_user": lambda: translate(
        "Connect",
        "WordPress does not know the user name “{user}”. Use the user name you sign in to "
        "WordPress with.",
    ),
    "app_passwords_off": lambda: translate(
        "Connect",
        "Application passwords are switched off on this WordPress site (by a setting or a "
        "security plugin). Ask whoever manages the site to allow them for your account.",
    ),
    "needs_https": lambda: translate(
        "Connect",
        "WordPress lets apps sign in only over a secure connection. Use your site’s https:// "
        "address; if it has none, ask your host to switch on https.",
    ),
    "authorization_stripped": lambda: translate(
        "Connect",
        "The password is right, but the web server in front of WordPress removes it from "
        "every request (the Authorization header). Ask your host or web developer to pass the "
        "Authorization header through to WordPress (for Apache: “CGIPassAuth On” or "
        "“SetEnvIf Authorization”), or to allow it in the security plugin.",
    ),
    "signed_out": lambda: translate(
        "Connect",
        "WordPress answered as if nobody had signed in. Check the user name and make a new "
        "application password. If that does not help, ask your host whether the web server "
        "removes the Authorization header.",
    ),
    "cannot_post": lambda: translate(
        "Connect",
        "This WordPress account may not write posts (its role is probably Subscriber). Ask "
        "whoever manages the site for the role Author or Editor.",
    ),
    "unknown_post_type": lambda: translate(
        "Connect",
        "This account cannot write “{post_type}” on this site. It can write: {choices}.",
    ),
}


def _site_thinks_http() -> str:
    return translate(
        "Connect",
        "Your WordPress site does not know it is reached over https, so it offers no "
        "application passwords. Ask your host or web developer to set the site’s address "
        "to https:// in WordPress.",
    )


def wordpress_review_note() -> str:
    """Connected as a contributor: what that means for publishing."""
    return translate(
        "Connect",
        "This account may write posts but not publish them: WordPress holds them for review "
        "until an editor publishes them.",
    )


def wordpress_roles(roles: list[str]) -> str:
    """The user's roles on the site, in a sentence."""
    names = wordpress_role_names(roles)
    return translate("Connect", "Role on the site: {roles}.").format(roles=names)


def wordpress_role_names(roles: list[str]) -> str:
    """The user's roles by WordPress's own names for them; a site's own role shown as the
    site spells it."""
    known = {
        "administrator": translate("Connect", "Administrator"),
        "editor": translate("Connect", "Editor"),
        "author": translate("Connect", "Author"),
        "contributor": translate("Connect", "Contributor"),
        "subscriber": translate("Connect", "Subscriber"),
    }
    return ", ".join(known.get(role, role) for role in roles)


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
