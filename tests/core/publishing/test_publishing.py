"""The publish job engine against small in-test destinations (the real servers come with the
network destinations): order, parallelism, state on record, retries, resume, and SIGKILL."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.registry import PUBLISHABLE
from composer.core.drafts.draft import Draft, Image
from composer.core.errors import CodedError
from composer.core.publishing.destination import Capabilities
from composer.core.publishing.publisher import Published, Publisher, PublishRequest
from composer.core.store.store import Store, StoreError

ROOT = Path(__file__).resolve().parents[3]
SITE_URL = "https://bieb.example.org/nieuws/1"
ACCOUNTS = {
    kind: Account(f"{kind.value}-0000000{number}", kind, Identity(kind.value))
    for number, kind in enumerate(AccountKind, 1)
}
# one own site per job here (WordPress, the other own site, has its own tests)
NETWORKS = [kind for kind in PUBLISHABLE if not kind.is_own_site]
KINDS = (AccountKind.WEBSITE, *NETWORKS)


def _id(kind: AccountKind) -> str:
    return ACCOUNTS[kind].id


class FakeServer:
    """A destination and the server behind it. `script` says how each call goes, in turn:
    a CodedError is raised before the server takes the post, ("after", error) once it has."""

    def __init__(self, kind, *, idempotent=True, script=(), on_call=None, calls=None):
        self.kind = kind
        self.idempotent = idempotent
        self.script = list(script)
        self.on_call = on_call
        self.requests: list[PublishRequest] = []
        self.posts: list[str] = []
        self.by_key: dict[str, str] = {}
        self.calls = calls if calls is not None else []
        self.told: list[tuple[str, list[tuple[str, str]]]] = []  # (page, copies) the site heard
        self._lock = threading.Lock()

    @property
    def capabilities(self) -> Capabilities:
        own_site = self.kind.is_own_site
        return Capabilities(self.idempotent, can_read_back=False, is_own_site=own_site)

    def tell(self, account: Account, page, copies) -> None:
        self.told.append((page.url, list(copies)))  # page: the site's row in the job

    def publish(self, request: PublishRequest) -> Published:
        with self._lock:
            self.requests.append(request)
            self.calls.append(self.kind)
        if self.on_call:
            self.on_call(request)
        step = self.script.pop(0) if self.script else None
        if isinstance(step, CodedError):
            raise step
        remote_id = self._take(request.idempotency_key)
        if isinstance(step, tuple):
            raise step[1]
        if self.kind is AccountKind.WEBSITE:
            return Published(remote_id, SITE_URL)
        return Published(remote_id, f"https://{self.kind.value}.example/{remote_id}")

    def _take(self, key: str) -> str:
        with self._lock:
            if self.idempotent and key in self.by_key:  # the server's deduplication
                return self.by_key[key]
            remote_id = f"{self.kind.value}-{len(self.posts) + 1}"
            self.posts.append(remote_id)
            self.by_key[key] = remote_id
            return remote_id


class FileServer:
    """A server keeping its posts as files, so another process's deliveries can be counted.
    With `block`, it takes the post, says so, and never answers (until killed)."""

    def __init__(self, folder: Path, kind: AccountKind, *, block: bool = False) -> None:
        self.folder = folder / kind.value
        self.idempotent = kind is not AccountKind.DISCORD
        self.kind = kind
        self.block = block
        self.capabilities = Capabilities(self.idempotent, can_read_back=False)

    def publish(self, request: PublishRequest) -> Published:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = request.idempotency_key if self.idempotent else uuid.uuid4().hex
        post = self.folder / name
        if not post.exists():
            post.write_text(request.canonical_url or "", encoding="utf-8")
        if self.block:
            (self.folder.parent / f"arrived-{self.kind.value}").touch()
            threading.Event().wait()
        if self.kind is AccountKind.WEBSITE:
            return Published(name, SITE_URL)
        return Published(name, f"https://{self.kind.value}.example/{name}")

    def posts(self) -> int:
        return len(list(self.folder.iterdir())) if self.folder.is_dir() else 0


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        for account in ACCOUNTS.values():
            opened.save_account(account)
        yield opened


def _servers(**special):
    calls: list[AccountKind] = []
    servers = {}
    for kind in KINDS:
        options = special.get(kind.value, {})
        options.setdefault("idempotent", kind is not AccountKind.DISCORD)
        servers[kind] = FakeServer(kind, calls=calls, **options)
    return servers


def _publisher(store, servers, **options):
    sleeps: list[float] = []
    options.setdefault("sleep", sleeps.append)
    return Publisher(store, servers, ACCOUNTS_BY_ID, **options), sleeps


ACCOUNTS_BY_ID = {account.id: account for account in ACCOUNTS.values()}


def _job(store, draft=None, kinds=KINDS):
    return store.create_job(draft or Draft(text="Open dag!"), [_id(kind) for kind in kinds])


def _states(job):
    return {row.kind: row.state for row in job.destinations}


def test_website_first_then_networks_with_its_url(store):
    servers = _servers()
    job_id = _job(store)
    job = _publisher(store, servers)[0].publish(job_id)
    assert servers[AccountKind.WEBSITE].calls[0] is AccountKind.WEBSITE
    assert servers[AccountKind.WEBSITE].requests[0].canonical_url is None
    for kind in NETWORKS:
        assert [r.canonical_url for r in servers[kind].requests] == [SITE_URL]
        assert servers[kind].requests[0].account == ACCOUNTS[kind]
        assert job.destination(_id(kind)).url == f"https://{kind.value}.example/{kind.value}-1"
    assert job.canonical_url == SITE_URL
    assert set(_states(job).values()) == {"done"}
    assert job.state == "finished"
    assert all(row.attempts == 1 for row in job.destinations)
    assert store.unfinished_jobs() == []


def test_the_site_is_told_where_the_copies_are_through_its_capability(store):
    """Step 3 goes to whatever declares is_own_site, through tell(); a failed copy is left
    out, and the site is not told twice on a resume with nothing left to send."""
    refusal = CodedError("rejected", {"status": 422})
    servers = _servers(discord={"script": [refusal]})
    publisher = _publisher(store, servers)[0]
    job_id = _job(store)
    publisher.publish(job_id)
    sent = sorted(
        (kind.value, f"https://{kind.value}.example/{kind.value}-1")
        for kind in NETWORKS
        if kind is not AccountKind.DISCORD
    )
    [(page, copies)] = servers[AccountKind.WEBSITE].told
    assert (page, sorted(copies)) == (SITE_URL, sent)
    publisher.resume(job_id)
    assert len(servers[AccountKind.WEBSITE].told) == 1
    assert all(servers[kind].told == [] for kind in NETWORKS)


def test_networks_go_out_in_parallel(store):
    barrier = threading.Barrier(len(NETWORKS))
    # each waits until all the others are in the middle of their request too
    meet = {"on_call": lambda _request: barrier.wait(timeout=10)}
    servers = _servers(**{kind.value: dict(meet) for kind in NETWORKS})
    job = _publisher(store, servers)[0].publish(_job(store))
    assert set(_states(job).values()) == {"done"}
    assert not barrier.broken


def test_state_is_written_before_and_after_every_attempt(store):
    seen = []

    def look(request):  # through a second connection, as another process would
        with Store.open(store.profile) as other:
            row = other.job(job_id).destination(request.account.id)
            seen.append((row.state, row.attempts, row.error_code))

    def look_between(_delay):
        with Store.open(store.profile) as other:
            row = other.job(job_id).destination(_id(AccountKind.MASTODON))
            seen.append((row.state, row.attempts, row.error_code, row.retryable))

    servers = _servers(mastodon={"on_call": look, "script": [CodedError("timeout")]})
    job_id = _job(store, kinds=[AccountKind.MASTODON])
    job = Publisher(store, servers, ACCOUNTS_BY_ID, sleep=look_between).publish(job_id)
    assert seen == [
        ("sending", 1, None),
        ("failed", 1, "timeout", True),
        ("sending", 2, None),
    ]
    row = job.destination(_id(AccountKind.MASTODON))
    assert (row.state, row.attempts, row.error_code, row.remote_id) == (
        "done",
        2,
        None,
        "mastodon-1",
    )


def test_transient_failures_are_retried_with_backoff_and_the_same_key(store):
    servers = _servers(
        mastodon={"script": [CodedError("timeout"), CodedError("server_error", {"status": 502})]},
        bluesky={"script": [CodedError("rate_limited", {"retry_after": 30})]},
        discord={"script": [CodedError("rate_limited", {"retry_after": None})]},
        pixelfed={"script": [CodedError("rate_limited", {"reset": 1_000_045.0})]},
    )
    job_id = _job(store, kinds=[AccountKind.MASTODON])
    job = _publisher(store, servers)[0].publish(job_id)
    assert job.destination(_id(AccountKind.MASTODON)).attempts == 3
    keys = {request.idempotency_key for request in servers[AccountKind.MASTODON].requests}
    assert len(keys) == 1
    assert [r.attempt for r in servers[AccountKind.MASTODON].requests] == [1, 2, 3]
    assert servers[AccountKind.MASTODON].posts == ["mastodon-1"]

    publisher, sleeps = _publisher(store, servers)
    publisher.publish(_job(store, kinds=[AccountKind.MASTODON]))  # fresh: no failures left
    assert sleeps == []
    servers[AccountKind.MASTODON].script = [CodedError("unreachable")] * 3
    publisher.publish(_job(store, kinds=[AccountKind.MASTODON]))
    assert sleeps == [1.0, 2.0, 4.0]

    cases = ((AccountKind.BLUESKY, 30.0), (AccountKind.PIXELFED, 45.0), (AccountKind.DISCORD, 1.0))
    for kind, wanted in cases:
        publisher, sleeps = _publisher(store, servers, clock=lambda: 1_000_000.0)
        job = publisher.publish(_job(store, kinds=[kind]))
        assert sleeps == [wanted]
        assert job.destination(_id(kind)).state == "done"


def test_rejections_are_not_retried(store):
    refusals = {
        AccountKind.MASTODON: CodedError("too_long", {"length": 600, "limit": 500}),
        AccountKind.BLUESKY: CodedError("wrong_credentials"),
        AccountKind.PIXELFED: CodedError("rejected", {"status": 422}),
    }
    servers = _servers(**{kind.value: {"script": [error]} for kind, error in refusals.items()})
    publisher, sleeps = _publisher(store, servers)
    job = publisher.publish(_job(store))
    assert sleeps == []
    for kind, error in refusals.items():
        row = job.destination(_id(kind))
        assert (row.state, row.retryable, row.attempts) == ("failed", False, 1)
        assert (row.error_code, row.error_details) == (error.code, error.details)
        assert len(servers[kind].requests) == 1
    assert _states(job)[AccountKind.DISCORD] == "done"
    assert job.state == "finished"
    assert store.unfinished_jobs() == []


def test_still_failing_after_max_attempts_waits_for_resume(store):
    servers = _servers(mastodon={"script": [CodedError("unreachable")] * 3})
    publisher, sleeps = _publisher(store, servers, max_attempts=2)
    job_id = _job(store, kinds=[AccountKind.WEBSITE, AccountKind.MASTODON])
    job = publisher.publish(job_id)
    row = job.destination(_id(AccountKind.MASTODON))
    assert (row.state, row.retryable, row.attempts) == ("failed", True, 2)
    assert sleeps == [1.0]
    assert store.unfinished_jobs() == [job_id]
    job = publisher.resume(job_id)  # one failure left, then through
    assert _states(job) == {AccountKind.WEBSITE: "done", AccountKind.MASTODON: "done"}
    assert [r.attempt for r in servers[AccountKind.MASTODON].requests] == [1, 2, 3, 4]
    assert len(servers[AccountKind.WEBSITE].requests) == 1  # done is never sent again
    assert store.unfinished_jobs() == []


def test_a_failing_website_holds_the_networks_back(store):
    servers = _servers(website={"script": [CodedError("server_error", {"status": 500})] * 5})
    publisher, _sleeps = _publisher(store, servers)
    job_id = _job(store)
    job = publisher.publish(job_id)
    assert _states(job)[AccountKind.WEBSITE] == "failed"
    assert all(_states(job)[kind] == "pending" for kind in NETWORKS)
    assert all(not servers[kind].requests for kind in NETWORKS)
    assert job.canonical_url is None
    assert store.unfinished_jobs() == [job_id]
    job = publisher.resume(job_id)  # the site is back
    assert set(_states(job).values()) == {"done"}
    assert all(servers[kind].requests[0].canonical_url == SITE_URL for kind in NETWORKS)


def test_a_link_to_an_existing_page_skips_the_website(store):
    servers = _servers()
    draft = Draft(text="Zie de site", link="https://bieb.example.org/bestaand")
    job = _publisher(store, servers)[0].publish(_job(store, draft))
    assert servers[AccountKind.WEBSITE].requests == []
    assert job.destination(_id(AccountKind.WEBSITE)).url == draft.link
    assert all(servers[k].requests[0].canonical_url == draft.link for k in NETWORKS)
    assert set(_states(job).values()) == {"done"}


def test_without_idempotency_an_unclear_failure_is_unknown(store):
    servers = _servers(discord={"script": [("after", CodedError("timeout"))]})
    publisher, sleeps = _publisher(store, servers)
    job = publisher.publish(_job(store, kinds=[AccountKind.DISCORD]))
    row = job.destination(_id(AccountKind.DISCORD))
    assert (row.state, row.error_code, row.attempts) == ("unknown", "timeout", 1)
    assert len(servers[AccountKind.DISCORD].posts) == 1
    assert publisher.resume(job.id).destination(row.account_id).state == "unknown"
    assert len(servers[AccountKind.DISCORD].requests) == 1
    # a clear refusal to take it (429) is safe to repeat
    servers[AccountKind.DISCORD].script = [CodedError("rate_limited", {"retry_after": 2})]
    job = publisher.publish(_job(store, kinds=[AccountKind.DISCORD]))
    assert _states(job) == {AccountKind.DISCORD: "done"}
    assert sleeps == [2.0]


def test_an_answer_lost_after_the_server_took_the_post_is_retried_once(store):
    lost = ("after", CodedError("connection_lost"))
    servers = _servers(**{kind.value: {"script": [lost]} for kind in KINDS})
    job = _publisher(store, servers)[0].publish(_job(store))
    for kind in KINDS:
        assert len(servers[kind].posts) == 1, kind
    assert _states(job)[AccountKind.DISCORD] == "unknown"
    assert {_states(job)[kind] for kind in KINDS if kind is not AccountKind.DISCORD} == {"done"}


def test_a_bug_in_a_destination_stops_it_without_guessing(store):
    servers = _servers(
        mastodon={"on_call": lambda _r: 1 / 0}, discord={"on_call": lambda _r: {}[1]}
    )
    job = _publisher(store, servers)[0].publish(_job(store))
    assert _states(job)[AccountKind.MASTODON] == "failed"
    assert _states(job)[AccountKind.DISCORD] == "unknown"
    assert job.destination(_id(AccountKind.MASTODON)).error_details == {"type": "ZeroDivisionError"}
    assert _states(job)[AccountKind.BLUESKY] == "done"


def test_resume_after_a_crash_in_the_middle_of_sending(store):
    servers = _servers()
    job_id = _job(store)
    before = store.job(job_id)
    # what a crash leaves: the site done, two requests under way, one network not started
    store.set_destination_state(job_id, _id(AccountKind.WEBSITE), "done", url=SITE_URL)
    store.set_canonical_url(job_id, SITE_URL)
    for kind in (AccountKind.MASTODON, AccountKind.DISCORD, AccountKind.BLUESKY):
        store.set_destination_state(job_id, _id(kind), "sending", count_attempt=True)
    store.set_destination_state(job_id, _id(AccountKind.BLUESKY), "done", remote_id="b", url="u")
    mastodon_key = before.destination(_id(AccountKind.MASTODON)).idempotency_key
    servers[AccountKind.MASTODON]._take(mastodon_key)  # the server had taken it
    assert store.unfinished_jobs() == [job_id]

    job = _publisher(store, servers)[0].resume(job_id)
    assert _states(job) == {
        AccountKind.WEBSITE: "done",
        AccountKind.MASTODON: "done",
        AccountKind.PIXELFED: "done",
        AccountKind.BLUESKY: "done",
        AccountKind.DISCORD: "unknown",
    }
    assert job.destination(_id(AccountKind.DISCORD)).error_code == "interrupted"
    (request,) = servers[AccountKind.MASTODON].requests
    assert (request.idempotency_key, request.attempt) == (mastodon_key, 2)
    assert servers[AccountKind.MASTODON].posts == ["mastodon-1"]
    for kind in (AccountKind.WEBSITE, AccountKind.BLUESKY, AccountKind.DISCORD):
        assert servers[kind].requests == []
    assert job.state == "finished"
    assert store.unfinished_jobs() == []


def test_the_job_keeps_the_draft_and_photos_as_sent(store, tmp_path):
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n een foto")
    draft = Draft(text="Met foto", images=(Image(photo, "Een foto"),), targets=("mastodon",))
    job = store.job(_job(store, draft))
    photo.unlink()
    (image,) = job.draft.images
    assert image.path.is_relative_to(store.images.folder)
    assert image.path.read_bytes() == b"\x89PNG\r\n\x1a\n een foto"
    assert job.draft == Draft(
        text="Met foto", images=(Image(image.path, "Een foto"),), targets=("mastodon",)
    )
    keys = {row.kind: row.idempotency_key for row in job.destinations}
    assert re.fullmatch(r"[2-7a-z]{13}", keys[AccountKind.BLUESKY])
    assert re.fullmatch(r"msg_[0-9a-f]{32}", keys[AccountKind.WEBSITE])
    assert str(uuid.UUID(keys[AccountKind.MASTODON])) == keys[AccountKind.MASTODON]
    assert len(set(keys.values())) == len(keys)
    assert [row.position for row in job.destinations] == [1, 2, 3, 4, 5]
    # a photo only a job still needs survives the clean-up of unused copies
    assert store.collect_garbage() == 0
    assert store.job(job.id).draft.images[0].path.read_bytes() == b"\x89PNG\r\n\x1a\n een foto"
    with pytest.raises(StoreError) as failure:
        store.create_job(job.draft, ["mastodon-ffffffff"])
    assert failure.value.code == "not_found"


_CHILD = """
import sys
from pathlib import Path
from composer.core.accounts.account import AccountKind
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from tests.core.publishing.test_publishing import ACCOUNTS_BY_ID, KINDS, FileServer

profile, folder, job_id = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
servers = {kind: FileServer(folder, kind, block=kind is not AccountKind.WEBSITE)
           for kind in KINDS}
Publisher(Store.open(profile), servers, ACCOUNTS_BY_ID).publish(job_id)
"""


def test_killed_halfway_then_resumed_posts_exactly_once_everywhere(store, tmp_path):
    folder = tmp_path / "servers"
    job_id = _job(store)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(store.profile), str(folder), str(job_id)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.monotonic() + 30
        while len(list(folder.glob("arrived-*"))) < len(NETWORKS):
            assert child.poll() is None, "the publishing process ended early"
            assert time.monotonic() < deadline, "the networks were never reached"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert all(row.state == "sending" for row in store.job(job_id).destinations[1:])

    servers = {kind: FileServer(folder, kind) for kind in KINDS}
    job = Publisher(store, servers, ACCOUNTS_BY_ID, sleep=lambda _s: None).resume(job_id)
    assert {kind: servers[kind].posts() for kind in KINDS} == dict.fromkeys(KINDS, 1)
    states = _states(job)
    assert states.pop(AccountKind.DISCORD) == "unknown"  # delivered, but nobody can know
    assert set(states.values()) == {"done"}
    attempts = {row.kind: row.attempts for row in job.destinations}
    # the site went out once before the kill; Discord is never sent again
    assert attempts == {
        **dict.fromkeys(KINDS, 2),
        AccountKind.WEBSITE: 1,
        AccountKind.DISCORD: 1,
    }
    assert store.unfinished_jobs() == []


def test_offline_the_job_waits_and_goes_out_when_the_connection_returns(store):
    offline = [CodedError("unreachable")] * 12  # more than max_attempts: a long time away
    servers = _servers(
        website={"script": list(offline)}, mastodon={"script": [CodedError("unreachable")] * 3}
    )
    publisher, sleeps = _publisher(store, servers, wait_offline=True)
    job = publisher.publish(_job(store, kinds=[AccountKind.WEBSITE, AccountKind.MASTODON]))
    assert _states(job) == {AccountKind.WEBSITE: "done", AccountKind.MASTODON: "done"}
    assert len(servers[AccountKind.WEBSITE].requests) == 13
    assert max(sleeps) == 30.0  # while away, it looks again every half minute
    assert servers[AccountKind.MASTODON].requests[0].canonical_url == SITE_URL
    # a refusal still stops at once, online or not
    servers[AccountKind.MASTODON].script = [CodedError("wrong_credentials")]
    job = publisher.publish(_job(store, kinds=[AccountKind.MASTODON]))
    assert _states(job) == {AccountKind.MASTODON: "failed"}


def test_offline_is_known_while_the_system_says_there_is_no_network(store):
    changes: list[bool] = []
    seen: list[tuple[bool, frozenset]] = []
    servers = _servers(website={"script": [CodedError("offline")] * 3})
    publisher = Publisher(
        store,
        servers,
        ACCOUNTS_BY_ID,
        sleep=lambda _s: seen.append((publisher.offline, publisher.unreachable)),
        wait_offline=True,
        on_offline=changes.append,
    )
    job = publisher.publish(_job(store, kinds=[AccountKind.WEBSITE, AccountKind.MASTODON]))
    assert seen == [(True, frozenset({_id(AccountKind.WEBSITE)}))] * 3
    assert changes == [True, False]
    assert not publisher.offline and publisher.unreachable == frozenset()
    assert set(_states(job).values()) == {"done"}


def test_several_networks_unreachable_at_once_is_offline(store):
    changes: list[bool] = []
    seen: list[bool] = []
    down = {"script": [CodedError("unreachable")]}
    servers = _servers(mastodon=dict(down), bluesky=dict(down))
    both_failed, both_looked = threading.Barrier(2), threading.Barrier(2)

    def sleep(_seconds):  # both have failed, both look, then both try again
        both_failed.wait(timeout=10)
        seen.append(publisher.offline)
        both_looked.wait(timeout=10)

    publisher = Publisher(
        store,
        servers,
        ACCOUNTS_BY_ID,
        sleep=sleep,
        wait_offline=True,
        on_offline=changes.append,
    )
    kinds = [AccountKind.WEBSITE, AccountKind.MASTODON, AccountKind.BLUESKY]
    job = publisher.publish(_job(store, kinds=kinds))
    assert seen == [True, True]
    assert changes == [True, False]
    assert set(_states(job).values()) == {"done"}


def test_only_the_website_down_is_not_offline(store):
    """The website goes first, alone: its server not answering is not "no internet"."""
    changes: list[bool] = []
    seen: list[tuple[bool, frozenset]] = []
    servers = _servers(website={"script": [CodedError("unreachable")] * 3})
    publisher = Publisher(
        store,
        servers,
        ACCOUNTS_BY_ID,
        sleep=lambda _s: seen.append((publisher.offline, publisher.unreachable)),
        wait_offline=True,
        on_offline=changes.append,
    )
    job = publisher.publish(_job(store, kinds=[AccountKind.WEBSITE, AccountKind.MASTODON]))
    assert seen == [(False, frozenset({_id(AccountKind.WEBSITE)}))] * 3
    assert changes == []
    assert set(_states(job).values()) == {"done"}


def test_one_server_down_while_others_answer_is_not_offline(store):
    changes: list[bool] = []
    seen: list[tuple[bool, frozenset]] = []
    servers = _servers(mastodon={"script": [CodedError("unreachable")] * 2})
    publisher = Publisher(
        store,
        servers,
        ACCOUNTS_BY_ID,
        sleep=lambda _s: seen.append((publisher.offline, publisher.unreachable)),
        wait_offline=True,
        on_offline=changes.append,
    )
    publisher.publish(_job(store, kinds=[AccountKind.WEBSITE, AccountKind.MASTODON]))
    assert seen == [(False, frozenset({_id(AccountKind.MASTODON)}))] * 2
    assert changes == []


def test_retry_sends_again_only_what_failed_and_unknown_only_when_named(store):
    servers = _servers(
        mastodon={"script": [CodedError("rejected", {"status": 422, "message": "nee"})]},
        discord={"script": [("after", CodedError("timeout"))]},
    )
    publisher, _sleeps = _publisher(store, servers)
    job_id = _job(store)
    job = publisher.publish(job_id)
    assert _states(job)[AccountKind.MASTODON] == "failed"
    assert _states(job)[AccountKind.DISCORD] == "unknown"
    assert publisher.resume(job_id).state == "finished"  # a refusal is not resumed by itself
    mastodon_key = job.destination(_id(AccountKind.MASTODON)).idempotency_key

    job = publisher.retry(job_id)
    assert set(_states(job).values()) - {"unknown"} == {"done"}
    assert _states(job)[AccountKind.DISCORD] == "unknown"  # never blindly resent
    assert [r.idempotency_key for r in servers[AccountKind.MASTODON].requests] == [mastodon_key] * 2
    for kind in (AccountKind.WEBSITE, AccountKind.PIXELFED, AccountKind.BLUESKY):
        assert len(servers[kind].requests) == 1, kind
    assert len(servers[AccountKind.DISCORD].requests) == 1

    job = publisher.retry(job_id, [_id(AccountKind.DISCORD)])  # the person looked: not there
    assert set(_states(job).values()) == {"done"}
    assert len(servers[AccountKind.DISCORD].requests) == 2
    assert len(servers[AccountKind.MASTODON].requests) == 2


def test_will_send_names_what_resume_and_retry_take_up():
    """What the window announces as "on its way" is what the publisher sends."""
    from datetime import UTC, datetime

    from composer.core.publishing.publisher import will_send
    from composer.core.store.jobs import JobDestination

    def row(account_id: str, state: str, retryable: bool = False) -> JobDestination:
        moment = datetime.now(UTC)
        return JobDestination(
            account_id, AccountKind.MASTODON, 0, state, "", "", None, {}, retryable, 0, "", moment
        )

    rows = [
        row("pending", "pending"),
        row("cut-short", "sending"),
        row("again", "failed", retryable=True),
        row("refused", "failed"),
        row("unclear", "unknown"),
        row("out", "done"),
    ]

    def sent(**how) -> list[str]:
        return [r.account_id for r in rows if will_send(r, **how)]

    assert sent(retry=False) == ["pending", "cut-short", "again"]
    assert sent(retry=True) == ["pending", "cut-short", "again", "refused"]
    # the person looked and found the unclear copy missing: only then is it sent again
    assert sent(retry=True, account_ids=["unclear"]) == ["pending", "cut-short", "again", "unclear"]


def test_the_networks_wait_for_the_website_until_its_page_exists():
    """The rule the publisher keeps and the publish dialog shows: one place, the job."""
    from datetime import UTC, datetime

    from composer.core.store.jobs import Job, JobDestination

    moment = datetime.now(UTC)

    def job(*states: tuple[AccountKind, str], link: str = "") -> Job:
        rows = tuple(
            JobDestination(
                f"{kind.value}-{n}", kind, n, state, "", "", None, {}, False, 0, "", moment
            )
            for n, (kind, state) in enumerate(states)
        )
        return Job(1, Draft(text="Open dag", link=link), moment, None, "open", rows)

    site, toot, chat = AccountKind.WEBSITE, AccountKind.MASTODON, AccountKind.DISCORD
    for state in ("pending", "sending", "failed", "unknown"):
        waiting = job((site, state), (toot, "pending"), (chat, "failed"))
        assert waiting.networks_wait
        assert waiting.waiting_for_website() == {"mastodon-1", "discord-2"}
    assert job((site, "pending")).networks_wait  # nothing waits, but the rule holds
    assert job((site, "pending")).waiting_for_website() == frozenset()
    published = job((site, "done"), (toot, "pending"))
    linked = job((site, "pending"), (toot, "pending"), link=SITE_URL)  # the page exists
    no_site = job((toot, "pending"), (chat, "done"))
    for free in (published, linked, no_site):
        assert not free.networks_wait and free.waiting_for_website() == frozenset()
    # two websites: the networks wait for both pages, as the publisher sends them
    assert job((site, "done"), (site, "failed"), (toot, "pending")).waiting_for_website() == {
        "mastodon-2"
    }
