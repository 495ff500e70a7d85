"""The copies a server holds until their time: scheduling asks the destination's own
methods (`schedule`, `unschedule`, `settle_scheduled`, see destination.py), behind
`Capabilities.schedules_on_server`."""

from __future__ import annotations

from composer.core.accounts.account import Account
from composer.core.publishing.destination import Destination
from composer.core.publishing.publisher import Publisher


def held_at(publisher: Publisher, account_id: str) -> tuple[Account, Destination] | None:
    """The account and its destination, when its server can hold posts until their time;
    None when the account is gone or its server cannot."""
    found = publisher.resolve(account_id)
    if found is None or not found[1].capabilities.schedules_on_server:
        return None
    return found
