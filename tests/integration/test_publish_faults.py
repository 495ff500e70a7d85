"""Faults on the way to the real PDS (and the fakes), through the real Publisher: whatever
breaks, and however often the job is retried or resumed, each destination holds one post."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from composer.core import net
from composer.core.accounts.account import AccountKind
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.bluesky.publish import POST
from composer.core.destinations.discord import connect as discord
from composer.core.destinations.mastodon import connect as mastodon
from composer.core.destinations.registry import destinations_for
from composer.core.drafts.draft import Draft
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from tests.support.fake_discord import FakeDiscord
from tests.support.fake_mastodon import FakeMastodon
from tests.support.fault_proxy import FaultProxy
from tests.support.pds import Pds

ROOT = Path(__file__).resolve().parents[2]
CREATE = "/xrpc/com.atproto.repo.createRecord"
DRAFT = Draft(text="Zaterdag open dag in de bibliotheek! #OpenDag", language="nl")


@pytest.fixture
def proxy(bluesky_pds: Pds) -> Iterator[FaultProxy]:
    port = int(bluesky_pds.url.rsplit(":", 1)[1].rstrip("/"))
    made = FaultProxy(port)
    yield made
    made.close()


@pytest.fixture
def alice(bluesky_pds, proxy, accounts):
    """A PDS account connected through the proxy: (the account's id, its DID)."""
    made = bluesky_pds.create_account("faults")
    connected = bluesky.connect(made.handle, bluesky_pds.create_app_password(made), proxy.url)
    return accounts.add(AccountKind.BLUESKY, connected).id, made.did


def _posts(pds: Pds, did: str) -> list[dict]:
    answer = pds.xrpc("com.atproto.repo.listRecords", repo=did, collection=POST, limit="100")
    return answer["records"]


def _publish(store, accounts, account_id, slept):
    job_id = store.create_job(DRAFT, [account_id])
    publisher = Publisher(store, destinations_for(accounts), accounts, sleep=slept.append)
    return publisher.publish(job_id).destination(account_id)


def _one_post(pds: Pds, did: str, row) -> None:
    (record,) = _posts(pds, did)
    assert row.state == "done"
    assert row.remote_id == record["uri"]
    assert record["value"]["text"] == DRAFT.text


def test_answer_lost_after_create_is_retried_into_one_post(
    bluesky_pds, proxy, store, accounts, alice
):
    account_id, did = alice
    proxy.lose_answer("POST", CREATE)
    slept: list[float] = []
    row = _publish(store, accounts, account_id, slept)
    assert [hit[2] for hit in proxy.hits] == ["lose_answer"]
    _one_post(bluesky_pds, did, row)
    assert row.attempts == 2 and len(slept) == 1


def test_server_error_then_success(bluesky_pds, proxy, store, accounts, alice):
    account_id, did = alice
    proxy.fail("POST", CREATE, 500)
    slept: list[float] = []
    row = _publish(store, accounts, account_id, slept)
    assert [hit[2] for hit in proxy.hits] == ["answer"]
    _one_post(bluesky_pds, did, row)
    assert row.attempts == 2 and slept == [1.0]


def test_rate_limited_waits_until_the_reset(bluesky_pds, proxy, store, accounts, alice):
    account_id, did = alice
    proxy.rate_limit("POST", CREATE, reset_in=40)
    slept: list[float] = []
    row = _publish(store, accounts, account_id, slept)
    _one_post(bluesky_pds, did, row)
    (waited,) = slept
    assert 35 <= waited <= 40  # RateLimit-Reset honoured, not the 1 s backoff


def test_timeout_after_create_is_retried_into_one_post(
    bluesky_pds, proxy, store, accounts, *, alice, monkeypatch
):
    account_id, did = alice
    monkeypatch.setattr(net, "TIMEOUT", 1.0)
    proxy.hold("POST", CREATE, seconds=3.0)
    slept: list[float] = []
    row = _publish(store, accounts, account_id, slept)
    assert [hit[2] for hit in proxy.hits] == ["hold"]
    _one_post(bluesky_pds, did, row)
    assert row.attempts == 2


# -- killed halfway, resumed ----------------------------------------------------------------

_CHILD = """
import json, sys
from pathlib import Path
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import Credentials
from composer.core.destinations.registry import destinations_for
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from tests.support.keyrings import InMemoryKeyring

profile, job_id = Path(sys.argv[1]), int(sys.argv[2])
keyring = InMemoryKeyring()
store = Store.open(profile)
accounts = Accounts(store, Credentials(keyring))
for account_id, secret in json.loads(sys.stdin.read()).items():
    accounts.replace_secret(account_id, secret)
Publisher(store, destinations_for(accounts), accounts).publish(job_id)
"""


@pytest.fixture
def fakes() -> Iterator[tuple[FakeMastodon, FakeDiscord, FaultProxy, FaultProxy]]:
    toot, hook = FakeMastodon().start(), FakeDiscord().start()
    toot_proxy, hook_proxy = FaultProxy(toot.server.server_address[1]), None
    try:
        hook_proxy = FaultProxy(hook.server.server_address[1])
        yield toot, hook, toot_proxy, hook_proxy
    finally:
        for proxy in (toot_proxy, hook_proxy):
            if proxy is not None:
                proxy.close()
        toot.stop()
        hook.stop()


def test_killed_while_every_network_holds_the_answer_then_resumed_once_everywhere(
    bluesky_pds, proxy, store, accounts, *, alice, fakes
):
    toot, hook, toot_proxy, hook_proxy = fakes
    bluesky_id, did = alice
    token = toot.issue_token("read:accounts read:statuses write:statuses write:media")
    mastodon_id = accounts.add(
        AccountKind.MASTODON, mastodon.connect_with_token(toot_proxy.url, "mastodon", token)
    ).id
    webhook = hook.url.replace(hook.base, hook_proxy.url)
    discord_id = accounts.add(AccountKind.DISCORD, discord.connect(webhook)).id
    ids = [bluesky_id, mastodon_id, discord_id]
    job_id = store.create_job(DRAFT, ids)
    secrets = {account_id: accounts.secret(account_id) for account_id in ids}

    # each server takes the post; none of the answers comes back before the kill
    proxy.hold("POST", CREATE)
    toot_proxy.hold("POST", "/api/v1/statuses")
    hook_proxy.hold("POST", r"/api/webhooks/.*")
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(store.profile), str(job_id)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        text=True,
    )
    try:
        child.stdin.write(json.dumps(secrets))
        child.stdin.close()
        for held in (proxy, toot_proxy, hook_proxy):
            assert held.wait_for("hold", timeout=60), "a network was never reached"
        assert child.poll() is None, "the publishing process ended early"
        with Store.open(store.profile) as seen:  # as another process sees the database
            assert {row.state for row in seen.job(job_id).destinations} == {"sending"}
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    for held in (proxy, toot_proxy, hook_proxy):
        held.release()
    assert len(_posts(bluesky_pds, did)) == len(toot.statuses) == len(hook.messages) == 1

    posts_before = [r for r in hook.requests if r[0] == "POST"]
    slept: list[float] = []
    publisher = Publisher(store, destinations_for(accounts), accounts, sleep=slept.append)
    job = publisher.resume(job_id)
    states = {row.account_id: row.state for row in job.destinations}
    assert states == {bluesky_id: "done", mastodon_id: "done", discord_id: "unknown"}
    (record,) = _posts(bluesky_pds, did)
    assert job.destination(bluesky_id).remote_id == record["uri"]
    (status,) = toot.statuses
    assert job.destination(mastodon_id).remote_id == status["id"]
    assert len(hook.messages) == 1
    assert [r for r in hook.requests if r[0] == "POST"] == posts_before  # never sent again
    assert slept == []
    assert store.unfinished_jobs() == []
