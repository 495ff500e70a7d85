"""What scheduling asks of a destination whose server holds a post until its time, behind
`Capabilities.schedules_on_server` (the destinations implement it; see destination.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, cast

from composer.core.accounts.account import Account
from composer.core.publishing.destination import Destination, Published, PublishRequest
from composer.core.store.jobs import JobDestination


class ServerScheduling(Protocol):
    def schedule(self, request: PublishRequest, at: datetime) -> Published:
        """Hand the post to the server, to be published at `at`; its id (and address)."""
        ...

    def unschedule(self, account: Account, copy: JobDestination) -> None:
        """Cancel the server's scheduled copy; one already gone counts as cancelled."""
        ...

    def settle_scheduled(self, account: Account, copy: JobDestination) -> Published | None:
        """The published copy once the server published it; None while it still holds it."""
        ...


def on_server(destination: Destination) -> ServerScheduling | None:
    """The destination's scheduling on its server, when its capabilities say it has one."""
    if not destination.capabilities.schedules_on_server:
        return None
    return cast(ServerScheduling, destination)
