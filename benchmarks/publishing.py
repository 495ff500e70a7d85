"""Publishing to the website and three networks, each 300 ms away: the networks go in parallel,
so the whole should take about the website plus the slowest network, not the sum."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

from benchmarks.latency_proxy import LatencyProxy
from composer.core.accounts.account import AccountKind, Connected, Identity
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.core.destinations.registry import destinations_for
from composer.core.destinations.website import connect as website
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from examples import webhook_receiver
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.keyrings import InMemoryKeyring

LATENCY = 0.3


class _Quiet(webhook_receiver.Handler):
    def log_message(self, *_args: object) -> None:
        pass


def _timed(publisher: Publisher, store: Store, draft: Draft, ids: list[str]) -> float:
    job = store.create_job(draft, ids)
    start = time.perf_counter()
    result = publisher.publish(job)
    elapsed = time.perf_counter() - start
    assert all(row.state == "done" for row in result.destinations), result
    return elapsed


def run() -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="omroeper-bench-"))
    secret = website.new_secret()
    site = webhook_receiver.Server(
        ("127.0.0.1", 0), webhook_receiver.Receiver(secret, folder / "site", "https://x.example")
    )
    site.RequestHandlerClass = _Quiet
    threading.Thread(target=site.serve_forever, args=(0.01,), daemon=True).start()
    mastodons = [FakeMastodon().start(), FakeMastodon().start()]
    discord = FakeDiscord().start()
    ports = [site.server_port, *(m.server.server_address[1] for m in mastodons)]
    ports.append(discord.server.server_address[1])
    proxies = [LatencyProxy(port, LATENCY) for port in ports]
    far = [f"http://127.0.0.1:{proxy.port}" for proxy in proxies]
    store = Store.open(folder / "profile")
    accounts = Accounts(store, Credentials(InMemoryKeyring()))
    ids = [
        accounts.add(
            AccountKind.WEBSITE,
            Connected(Identity("site"), f"{far[0]}/hook", {"signing_secret": secret}),
        ).id
    ]
    for mastodon, address in zip(mastodons, far[1:3], strict=True):
        token = mastodon.issue_token("read:accounts write:statuses write:media")
        connected = Connected(Identity("m"), address, {"access_token": token})
        ids.append(accounts.add(AccountKind.MASTODON, connected).id)
    hook = discord.url.replace(discord.base, far[3])
    ids.append(
        accounts.add(AccountKind.DISCORD, Connected(Identity("d"), "", {"webhook_url": hook})).id
    )
    publisher = Publisher(store, destinations_for(accounts), accounts)
    try:
        draft = Draft(title="Open dag", text="Zaterdag open dag in de bibliotheek!")
        linked = Draft(text=draft.text, link="https://x.example/open-dag/")
        site_alone = _timed(publisher, store, draft, ids[:1])
        slowest = max(_timed(publisher, store, linked, [network]) for network in ids[1:])
        everything = _timed(publisher, store, draft, ids)
    finally:
        store.close()
        for proxy in proxies:
            proxy.close()
        for server in (*mastodons, discord):
            server.stop()
        site.shutdown()
        site.server_close()
    return {"site": site_alone, "slowest": slowest, "all": everything}


def report() -> str:
    figures = run()
    bound = figures["site"] + figures["slowest"]
    return (
        f"Publishing to the website + 3 networks, each {LATENCY * 1000:.0f} ms away (one run):\n"
        f"  website alone {figures['site'] * 1000:.0f} ms, slowest network alone "
        f"{figures['slowest'] * 1000:.0f} ms\n"
        f"  all four {figures['all'] * 1000:.0f} ms = {figures['all'] / bound:.2f}x "
        "(website + slowest network); target at most 1.3x"
    )
