"""Which destination serves which kind of account: the one place that knows them all.

Modules load when first needed (the atproto SDK alone takes over a second to import).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from composer.core.account import Account, AccountKind

if TYPE_CHECKING:
    from composer.core.accounts import Accounts
    from composer.core.publishing import Destination
    from composer.core.store_jobs import JobDestination


def destination(kind: AccountKind, accounts: Accounts) -> Destination:
    if kind is AccountKind.WEBSITE:
        from composer.core.destinations.website_publish import WebsiteDestination

        return WebsiteDestination(accounts.secret)
    if kind in (AccountKind.MASTODON, AccountKind.PIXELFED):
        from composer.core.destinations.mastodon_publish import MastodonDestination

        return MastodonDestination(accounts.secret)
    if kind is AccountKind.BLUESKY:
        from composer.core.destinations.bluesky_publish import BlueskyDestination

        return BlueskyDestination(accounts.secret, accounts.replace_secret)
    from composer.core.destinations.discord_publish import DiscordDestination

    return DiscordDestination(accounts.secret)


def destinations_for(accounts: Accounts) -> Callable[[Account], Destination]:
    """What the Publisher takes: one destination object per kind, made once."""
    made: dict[AccountKind, Destination] = {}

    def for_account(account: Account) -> Destination:
        if account.kind not in made:
            made[account.kind] = destination(account.kind, accounts)
        return made[account.kind]

    return for_account


def delete_published(accounts: Accounts, row: JobDestination) -> None:
    """Remove one published copy: what each destination needs to find it differs."""
    account = accounts.get(row.account_id)
    target = destination(account.kind, accounts)
    if account.kind is AccountKind.WEBSITE:
        target.delete(account, row.url)
    elif account.kind is AccountKind.DISCORD:
        target.delete(account, row.remote_id)
    else:
        target.delete(account, [row.remote_id])
