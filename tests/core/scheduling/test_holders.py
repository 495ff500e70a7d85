"""Who holds each scheduled copy: its server only when it can and the link back is known."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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


CHOICES = [SITE_ON_SERVER, SITE_HERE, NETWORK_ON_SERVER, NETWORK_HERE, None]


@given(st.lists(st.sampled_from(CHOICES), max_size=6), st.booleans())
def test_a_server_holds_a_copy_only_when_it_can_and_its_link_back_is_known(chosen, own_link):
    caps = {f"a{number}": each for number, each in enumerate(chosen)}
    holders = held_by(caps, own_link=own_link)
    assert set(holders) == set(caps)
    sites = [key for key, each in caps.items() if each and each.is_own_site]
    for key, holder in holders.items():
        each = caps[key]
        if holder == "server":
            assert each is not None and each.schedules_on_server
            if each.is_own_site:
                assert not own_link  # with its own link nothing is sent to the site
            else:  # its link back is known now
                assert own_link or all(holders[site] == "server" for site in sites)
        elif each is not None and each.schedules_on_server:
            # this computer holds one its server could: only for want of a link
            assert own_link if each.is_own_site else any(holders[s] != "server" for s in sites)
