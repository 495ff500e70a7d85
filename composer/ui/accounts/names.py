"""How the Accounts dialog names a kind of account, and one connected account."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.core.accounts.account import Account, AccountKind


def kind_name(kind: AccountKind) -> str:
    if kind is AccountKind.WEBSITE:
        return QCoreApplication.translate("AccountsDialog", "Website")  # the others are names
    return {
        AccountKind.MASTODON: "Mastodon",
        AccountKind.PIXELFED: "Pixelfed",
        AccountKind.BLUESKY: "Bluesky",
        AccountKind.DISCORD: "Discord",
        AccountKind.WORDPRESS: "WordPress",
    }[kind]


def describe(account: Account) -> str:
    identity = account.identity
    if identity.handle and identity.handle != identity.name:
        return f"{identity.name} ({identity.handle})"
    return identity.name or account.id
