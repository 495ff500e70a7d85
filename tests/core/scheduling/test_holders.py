"""Who holds each scheduled copy: its server only when it can and the link back is known."""

from __future__ import annotations

from composer.core.publishing.destination import Capabilities
from composer.core.scheduling.holders import held_by


def _caps(*, server: bool, site: bool = False) -> Capabilities:
    return Capabilities(True, True, is_own_site=site, schedules_on_server=server)


SITE_ON_SERVER = _caps(server=True, site=True)  # WordPress, future post
SITE_HERE = _caps(server=False, site=True)  # the webhook website
NETWORK_ON_SERVER = _caps(server=True)  # Mastodon scheduled_statuses
NETWORK_HERE = _caps(server=False)  # Bluesky, Discord


def test_without_an_own_site_a_network_that_can_hold_it_holds_it():
    caps = {"m": NETWORK_ON_SERVER, "b": NETWORK_HERE}
    assert held_by(caps, own_link=False) == {"m": "server", "b": "computer"}


def test_a_site_this_computer_sends_leaves_the_network_without_a_link_so_the_computer_holds_it():
    caps = {"w": SITE_HERE, "m": NETWORK_ON_SERVER, "b": NETWORK_HERE}
    assert held_by(caps, own_link=False) == dict.fromkeys("wmb", "computer")


def test_a_site_its_server_holds_gives_the_link_so_networks_that_can_hold_it_do():
    caps = {"wp": SITE_ON_SERVER, "m": NETWORK_ON_SERVER, "b": NETWORK_HERE}
    assert held_by(caps, own_link=False) == {"wp": "server", "m": "server", "b": "computer"}
    # two own sites: both must be held by their servers
    caps = {"wp": SITE_ON_SERVER, "w": SITE_HERE, "m": NETWORK_ON_SERVER}
    assert held_by(caps, own_link=False) == {"wp": "server", "w": "computer", "m": "computer"}


def test_the_drafts_own_link_is_known_so_the_site_is_not_sent_and_networks_may_hold_it():
    caps = {"wp": SITE_ON_SERVER, "w": SITE_HERE, "m": NETWORK_ON_SERVER}
    assert held_by(caps, own_link=True) == {"wp": "computer", "w": "computer", "m": "server"}


def test_a_missing_account_is_held_by_this_computer():
    assert held_by({"x": None, "m": NETWORK_ON_SERVER}, own_link=False) == {
        "x": "computer",
        "m": "server",
    }
