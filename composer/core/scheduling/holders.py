"""Who holds each copy of a scheduled job until its time: its server or this computer.

A server holds a copy only if it can (`schedules_on_server`) and the copy's link back is
known now: a server cannot fill it in later. It is known when the draft links to its own
page, when the job has no own site, or when every own site in the job is itself held by its
server (its scheduled post already has its address). Everything else this computer holds.
"""

from __future__ import annotations

from collections.abc import Mapping

from composer.core.publishing.destination import Capabilities
from composer.core.store.jobs import HeldBy


def held_by(
    capabilities: Mapping[str, Capabilities | None], *, own_link: bool
) -> dict[str, HeldBy]:
    """Per account id (None: its account or destination is missing); `own_link`: the
    draft carries its own link, so no own site is sent to."""

    def can(caps: Capabilities | None) -> bool:
        return caps is not None and caps.schedules_on_server

    sites = {key: caps for key, caps in capabilities.items() if caps and caps.is_own_site}
    # with its own link the draft sends nothing to the site: the site's row is done at once
    sites_on_server = {key: can(caps) and not own_link for key, caps in sites.items()}
    link_known = own_link or all(sites_on_server.values())
    holders: dict[str, HeldBy] = {}
    for key, caps in capabilities.items():
        server = sites_on_server[key] if key in sites else can(caps) and link_known
        holders[key] = "server" if server else "computer"
    return holders
