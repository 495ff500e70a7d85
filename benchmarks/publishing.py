"""Publishing to the own site and three networks, each 300 ms away: the networks go in
parallel, so the whole should take about the site plus the slowest network, not the sum.

Two own sites: the webhook website (examples/webhook_receiver.py) and a real WordPress (the
test suite's: Debian's WordPress on a private MariaDB, tests/support/wordpress.py), each behind
the same latency proxy as the networks."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.latency_proxy import LatencyProxy
from composer.core.accounts.account import AccountKind, Connected, Identity
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.core.destinations.registry import destinations_for
from composer.core.destinations.website import connect as website
from composer.core.destinations.wordpress import connect as wordpress
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from examples import webhook_receiver
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.keyrings import InMemoryKeyring
from tests.support.wordpress import WordPress, running_wordpress

LATENCY = 0.3


class _Quiet(webhook_receiver.Handler):
    def log_message(self, *_args: object) -> None:
        pass


def _timed(publisher: Publisher, store: Store, draft: Draft, ids: list[str]) -> tuple[float, float]:
    """Until every copy is out (what the window waits for), then telling the site (step 3,
    which the window does after showing the result)."""
    job = store.create_job(draft, ids)
    start = time.perf_counter()
    result = publisher.publish(job, tell=False)
    out = time.perf_counter()
    publisher.tell_the_site(job)
    told = time.perf_counter()
    assert all(row.state == "done" for row in result.destinations), result
    return out - start, told - out


class _Networks:
    """Two Mastodon servers and a Discord webhook, each behind a latency proxy."""

    def __init__(self) -> None:
        self.mastodons = [FakeMastodon().start(), FakeMastodon().start()]
        self.discord = FakeDiscord().start()
        ports = [m.server.server_address[1] for m in self.mastodons]
        ports.append(self.discord.server.server_address[1])
        self.proxies = [LatencyProxy(port, LATENCY) for port in ports]

    def add(self, accounts: Accounts) -> list[str]:
        far = [f"http://127.0.0.1:{proxy.port}" for proxy in self.proxies]
        ids = []
        for mastodon, address in zip(self.mastodons, far[:2], strict=True):
            token = mastodon.issue_token("read:accounts write:statuses write:media")
            connected = Connected(Identity("m"), address, {"access_token": token})
            ids.append(accounts.add(AccountKind.MASTODON, connected).id)
        hook = self.discord.url.replace(self.discord.base, far[2])
        webhook = Connected(Identity("d"), "", {"webhook_url": hook})
        ids.append(accounts.add(AccountKind.DISCORD, webhook).id)
        return ids

    def close(self) -> None:
        for proxy in self.proxies:
            proxy.close()
        for server in (*self.mastodons, self.discord):
            server.stop()


def _measure(folder: Path, site: Connected, kind: AccountKind) -> dict[str, float]:
    """The own site alone, the slowest network alone, and all four in one job."""
    networks = _Networks()
    store = Store.open(folder / "profile")
    try:
        accounts = Accounts(store, Credentials(InMemoryKeyring()))
        ids = [accounts.add(kind, site).id, *networks.add(accounts)]
        publisher = Publisher(store, destinations_for(accounts), accounts)
        draft = Draft(title="Open dag", text="Zaterdag open dag in de bibliotheek!")
        linked = Draft(text=draft.text, link="https://x.example/open-dag/")
        site_alone, _ = _timed(publisher, store, draft, ids[:1])
        slowest = max(_timed(publisher, store, linked, [network])[0] for network in ids[1:])
        everything, telling = _timed(publisher, store, draft, ids)
    finally:
        store.close()
        networks.close()
    return {"site": site_alone, "slowest": slowest, "all": everything, "telling": telling}


def run() -> dict[str, float]:
    """The webhook website + 3 networks."""
    folder = Path(tempfile.mkdtemp(prefix="omroeper-bench-"))
    secret = website.new_secret()
    site = webhook_receiver.Server(
        ("127.0.0.1", 0), webhook_receiver.Receiver(secret, folder / "site", "https://x.example")
    )
    site.RequestHandlerClass = _Quiet
    threading.Thread(target=site.serve_forever, args=(0.01,), daemon=True).start()
    proxy = LatencyProxy(site.server_port, LATENCY)
    try:
        hook = f"http://127.0.0.1:{proxy.port}/hook"
        connected = Connected(Identity("site"), hook, {"signing_secret": secret})
        return _measure(folder, connected, AccountKind.WEBSITE)
    finally:
        proxy.close()
        site.shutdown()
        site.server_close()


def run_wordpress(site: WordPress | None = None) -> dict[str, float]:
    """A real WordPress (an editor's account, connected through the proxy) + 3 networks;
    `site`: one already running (the test suite's), else one is started for this run."""
    folder = Path(tempfile.mkdtemp(prefix="omroeper-bench-wp-"))
    if site is None:
        (folder / "wordpress").mkdir()
        with running_wordpress(folder / "wordpress") as started:
            return run_wordpress(started)
    proxy = LatencyProxy(urlsplit(site.url).port or 80, LATENCY)
    try:
        editor = site.user("editor")
        address = f"http://127.0.0.1:{proxy.port}"
        connected = wordpress.connect(address, editor.user, editor.app_password)
        return _measure(folder, connected, AccountKind.WORDPRESS)
    finally:
        proxy.close()


def _lines(what: str, figures: dict[str, float]) -> str:
    bound = figures["site"] + figures["slowest"]
    return (
        f"Publishing to {what} + 3 networks, each {LATENCY * 1000:.0f} ms away (one run):\n"
        f"  {what} alone {figures['site'] * 1000:.0f} ms, slowest network alone "
        f"{figures['slowest'] * 1000:.0f} ms\n"
        f"  all four {figures['all'] * 1000:.0f} ms = {figures['all'] / bound:.2f}x "
        f"({what} + slowest network); target at most 1.3x\n"
        f"  then {what} is told where the copies are, after the result is shown: "
        f"{figures['telling'] * 1000:.0f} ms"
    )


def report() -> str:
    return _lines("the website", run()) + "\n" + _lines("WordPress", run_wordpress())
