"""`omroeper accounts list|add|remove`: connecting accounts from a script or for support.

Secrets come from stdin, never from arguments (which other users can see in a process list).
"""

from __future__ import annotations

import argparse
import sys
import webbrowser
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from composer.cli.output import fail, print_json
from composer.core.accounts.account import Account, AccountKind, Connected
from composer.core.destinations.errors import ConnectError
from composer.core.destinations.mastodon.scopes import needs_reconnect
from composer.core.profile import profile_dir
from composer.core.store.store import Store, StoreError
from composer.i18n.connect_errors import (
    app_password_advice,
    describe_connect_error,
    describe_credential_error,
)
from composer.i18n.store_errors import describe_store_error

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts

translate = QCoreApplication.translate
_SECRET_FLAGS = {
    AccountKind.WEBSITE: "--secret-stdin",
    AccountKind.MASTODON: "--token-stdin",
    AccountKind.PIXELFED: "--token-stdin",
    AccountKind.BLUESKY: "--password-stdin",
    AccountKind.DISCORD: "--webhook-stdin",
    AccountKind.WORDPRESS: "--password-stdin",
}


def add_parser(commands: Any) -> None:
    accounts = commands.add_parser(
        "accounts", help=translate("Cli", "list, connect and remove accounts")
    )
    actions = accounts.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=translate("Cli", "the connected accounts"))
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    remove = actions.add_parser(
        "remove", help=translate("Cli", "disconnect an account and forget its secret")
    )
    remove.add_argument("id", metavar="ID")
    add = actions.add_parser("add", help=translate("Cli", "connect an account"))
    add.add_argument("kind", choices=[kind.value for kind in AccountKind])
    add.add_argument("--server", metavar="URL", help=translate("Cli", "the server's address"))
    add.add_argument("--handle", metavar="H", help=translate("Cli", "Bluesky handle or e-mail"))
    add.add_argument("--user", metavar="NAME", help=translate("Cli", "WordPress user name"))
    add.add_argument(
        "--post-type",
        metavar="TYPE",
        default="",
        help=translate("Cli", "WordPress: what to publish as (post, page…); post by default"),
    )
    for flag in sorted(set(_SECRET_FLAGS.values())):
        add.add_argument(
            flag, action="store_true", help=translate("Cli", "read the secret from stdin")
        )


def run(arguments: argparse.Namespace) -> int:
    # keyring and the network clients load only when an account command runs
    from composer.core.accounts.accounts import Accounts
    from composer.core.accounts.credentials import CredentialError, Credentials

    try:
        with Store.open(profile_dir(arguments.profile)) as store:
            accounts = Accounts(store, Credentials())
            return _ACTIONS[arguments.action](accounts, arguments)
    except StoreError as failure:
        return _fail(describe_store_error(failure), 2 if failure.code == "not_found" else 1)
    except CredentialError as failure:
        return _fail(describe_credential_error(failure), 1)
    except ConnectError as failure:
        return _fail(describe_connect_error(failure), 2 if _is_input(failure) else 1)


def _list(accounts: Accounts, arguments: argparse.Namespace) -> int:
    found = accounts.list()
    if arguments.json:
        _print_json([_summary(account) for account in found])
    elif not found:
        print(translate("Cli", "No accounts connected yet."))
    for account in [] if arguments.json else found:
        print(f"{account.id}\t{account.kind.value}\t{account.name}")
    for account in found:
        if needs_reconnect(account.kind.value, account.settings):
            said = translate(
                "Cli",
                "{name} ({id}) was connected without permission to read its own posts: "
                "Omroeper cannot delete its threads. Connect it again in the window "
                "(Accounts, Connect again).",
            )
            print(said.format(name=account.name, id=account.id), file=sys.stderr)
    return 0


def _remove(accounts: Accounts, arguments: argparse.Namespace) -> int:
    accounts.remove(arguments.id)
    return 0


def _add(accounts: Accounts, arguments: argparse.Namespace) -> int:
    kind = AccountKind(arguments.kind)
    flag = _SECRET_FLAGS[kind]
    for other in set(_SECRET_FLAGS.values()) - {flag}:
        if getattr(arguments, other[2:].replace("-", "_")):
            raise ConnectError("wrong_flag", {"flag": other, "kind": kind.value})
    given = getattr(arguments, flag[2:].replace("-", "_"))
    secret = sys.stdin.readline().strip() if given else ""
    if given and not secret:  # never fall back on the browser: the person meant to paste
        raise ConnectError("missing_input", {"flag": flag})
    connected = _connect(kind, arguments, secret)
    account = accounts.add(kind, connected)
    result = _summary(account)
    if kind is AccountKind.WEBSITE and not given:
        result["secret"] = connected.secret["signing_secret"]  # shown this once, to the site
    if kind is AccountKind.WORDPRESS and not connected.settings["can_publish"]:
        from composer.i18n.connect_errors import wordpress_review_note

        print(f"omroeper: {wordpress_review_note()}", file=sys.stderr)
    if kind is AccountKind.WEBSITE:
        from composer.i18n.answer_words import website_checked

        print(website_checked(connected.settings["key_installed"]), file=sys.stderr)
    _print_json(result)
    return 0


def _connect(kind: AccountKind, arguments: argparse.Namespace, secret: str) -> Connected:
    if kind is AccountKind.DISCORD:
        from composer.core.destinations.discord import connect as discord

        return discord.connect(_required(secret, "--webhook-stdin"))
    server = arguments.server
    if kind is AccountKind.BLUESKY:
        from composer.core.destinations.bluesky import connect as bluesky

        password = _required(secret, "--password-stdin")
        if not bluesky.looks_like_app_password(password):
            print(f"omroeper: {app_password_advice()}", file=sys.stderr)
        handle = _required(arguments.handle, "--handle")
        return bluesky.connect(handle, password, server or "https://bsky.social")
    server = _required(server, "--server")
    if kind is AccountKind.WORDPRESS:
        from composer.core.destinations.wordpress import connect as wordpress

        user = _required(arguments.user, "--user")
        password = _required(secret, "--password-stdin")
        return wordpress.connect(server, user, password, arguments.post_type)
    if kind is AccountKind.WEBSITE:
        from composer.core.destinations.website import connect as website

        return website.connect_checked(server, secret or None)  # sends webhook.test
    if secret:
        from composer.core.destinations.mastodon import connect as mastodon

        return mastodon.connect_with_token(server, kind.value, secret)
    return _browser_sign_in(server, kind)


def _browser_sign_in(server: str, kind: AccountKind) -> Connected:
    from composer.core.destinations.mastodon import connect as mastodon

    sign_in = mastodon.start_sign_in(server, kind.value)
    print(
        translate("Cli", "Sign in and allow Omroeper in your browser: {url}").format(
            url=sign_in.authorize_url
        ),
        file=sys.stderr,
    )
    webbrowser.open(sign_in.authorize_url)
    if sign_in.redirect_uri.startswith("urn:"):
        print(translate("Cli", "Then paste the code the server shows you here:"), file=sys.stderr)
        code = sys.stdin.readline().strip()
    else:
        code = mastodon.wait_for_redirect(sign_in, timeout=600)
    return mastodon.finish_sign_in(sign_in, code)


def _required(value: str | None, flag: str) -> str:
    if not value:
        raise ConnectError("missing_input", {"flag": flag})
    return value


def _is_input(failure: ConnectError) -> bool:
    return failure.code in {"missing_input", "wrong_flag", "invalid_address", "insecure_address"}


def _summary(account: Account) -> dict[str, Any]:
    summary: dict[str, Any] = {"id": account.id, "kind": account.kind.value, "name": account.name}
    if needs_reconnect(account.kind.value, account.settings):
        summary["needs_reconnect"] = True  # too few scopes (scopes.py): connect again
    return summary


_print_json, _fail = print_json, fail


_ACTIONS = {"list": _list, "add": _add, "remove": _remove}
