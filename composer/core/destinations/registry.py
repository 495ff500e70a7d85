"""Which destination serves which kind of account: the one place that knows them all, as one
table of makers. Everything else asks a destination through its protocol and capabilities.

Modules load when first needed (the atproto SDK alone takes over a second to import).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from composer.core.accounts.account import Account, AccountKind

if TYPE_CHECKING:
    from composer.core.accounts.accounts import Accounts
    from composer.core.publishing.destination import Destination
    from composer.core.store.jobs import JobDestination


def publishes(kind: AccountKind) -> bool:
    """Whether Omroeper can publish to this kind of account yet. A kind that could only be
    connected would be no publish target: the window's checklist and `omroeper publish`
    leave it out, so no one meets a "not yet". Every kind publishes today."""
    return kind in _MAKERS


def destination(kind: AccountKind, accounts: Accounts) -> Destination:
    return _MAKERS[kind](accounts)


def destinations_for(accounts: Accounts) -> Callable[[Account], Destination]:
    """What the Publisher takes: one destination object per kind, made once."""
    made: dict[AccountKind, Destination] = {}

    def for_account(account: Account) -> Destination:
        if account.kind not in made:
            made[account.kind] = destination(account.kind, accounts)
        return made[account.kind]

    return for_account


def delete_published(accounts: Accounts, row: JobDestination) -> None:
    """Remove one published copy, as its destination finds it from the job's row."""
    account = accounts.get(row.account_id)
    destination(account.kind, accounts).delete(account, row)


# One maker per kind, each importing its module when called. Typed as Destination, so the
# type checker holds every destination to the protocol.


def _website(accounts: Accounts) -> Destination:
    from composer.core.destinations.website.publish import WebsiteDestination

    return WebsiteDestination(accounts.secret)


def _mastodon(accounts: Accounts) -> Destination:
    from composer.core.destinations.mastodon.publish import MastodonDestination

    return MastodonDestination(accounts.secret)


def _pixelfed(accounts: Accounts) -> Destination:
    from composer.core.destinations.mastodon.publish import MastodonDestination

    return MastodonDestination(accounts.secret, kind=AccountKind.PIXELFED)


def _bluesky(accounts: Accounts) -> Destination:
    from composer.core.destinations.bluesky.publish import BlueskyDestination

    return BlueskyDestination(accounts.secret, accounts.replace_secret)


def _discord(accounts: Accounts) -> Destination:
    from composer.core.destinations.discord.publish import DiscordDestination

    return DiscordDestination(accounts.secret)


def _wordpress(accounts: Accounts) -> Destination:
    from composer.core.destinations.wordpress.publish import WordPressDestination

    return WordPressDestination(accounts.secret)


_MAKERS: dict[AccountKind, Callable[[Accounts], Destination]] = {
    AccountKind.WEBSITE: _website,
    AccountKind.MASTODON: _mastodon,
    AccountKind.PIXELFED: _pixelfed,
    AccountKind.BLUESKY: _bluesky,
    AccountKind.DISCORD: _discord,
    AccountKind.WORDPRESS: _wordpress,
}

# The kinds that publish, in the table's order (the tests publish to each of them).
PUBLISHABLE = tuple(_MAKERS)
