"""Which destination serves which kind of account: the one place that knows them all.

Modules load when first needed (the atproto SDK alone takes over a second to import).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from composer.core.accounts.account import Account, AccountKind

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts
    from composer.core.destinations.bluesky.publish import BlueskyDestination
    from composer.core.destinations.discord.publish import DiscordDestination
    from composer.core.destinations.mastodon.publish import MastodonDestination
    from composer.core.destinations.website.publish import WebsiteDestination
    from composer.core.publishing.publisher import Destination
    from composer.core.store.jobs import JobDestination


def destination(kind: AccountKind, accounts: Accounts) -> Destination:
    if kind is AccountKind.WEBSITE:
        return _website(accounts)
    if kind in (AccountKind.MASTODON, AccountKind.PIXELFED):
        return _mastodon(accounts)
    if kind is AccountKind.BLUESKY:
        return _bluesky(accounts)
    return _discord(accounts)


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
    if account.kind is AccountKind.WEBSITE:
        _website(accounts).delete(account, row.url)
    elif account.kind is AccountKind.DISCORD:
        _discord(accounts).delete(account, row.remote_id)
    elif account.kind is AccountKind.BLUESKY:
        _bluesky(accounts).delete(account, [row.remote_id])
    else:
        _mastodon(accounts).delete(account, [row.remote_id])


# one maker per module, each typed as its own class (delete differs between them)


def _website(accounts: Accounts) -> WebsiteDestination:
    from composer.core.destinations.website.publish import WebsiteDestination

    return WebsiteDestination(accounts.secret)


def _mastodon(accounts: Accounts) -> MastodonDestination:
    from composer.core.destinations.mastodon.publish import MastodonDestination

    return MastodonDestination(accounts.secret)


def _bluesky(accounts: Accounts) -> BlueskyDestination:
    from composer.core.destinations.bluesky.publish import BlueskyDestination

    return BlueskyDestination(accounts.secret, accounts.replace_secret)


def _discord(accounts: Accounts) -> DiscordDestination:
    from composer.core.destinations.discord.publish import DiscordDestination

    return DiscordDestination(accounts.secret)
