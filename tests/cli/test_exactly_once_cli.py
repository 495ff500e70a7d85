"""Exactly once on every Mastodon-API server kind, without trusting its Idempotency-Key:
the real `omroeper` command against the Mastodon, GoToSocial and Pixelfed flavours of the
fake (GoToSocial ignores the key, Pixelfed answers a repeat with 400), killed right after
the server created a status, the server restarted between a thread's parts, and a part the
server refuses. Each part of a thread is a step of the job; what is unclear is read back
among the account's latest statuses before anything is sent again."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from composer.core.store.store import Store
from tests.support.fake_mastodon import Answer, FakeMastodon
from tests.support.fake_mastodon_api import status_create
from tests.support.fault_proxy import FaultProxy
from tests.support.images import photo, save

ROOT = Path(__file__).resolve().parents[2]
STATUSES = "/api/v1/statuses"
FLAVOURS = ["mastodon", "gotosocial", "pixelfed"]
# Small limits, so that two sentences make a thread of two parts (Pixelfed posts no threads)
LIMITS = {
    "mastodon": {"max_characters": 150},
    "gotosocial": {"max_characters": 150},
    "pixelfed": {"max_caption_length": 150},
}
THREAD = (
    "Zaterdag is de open dag in de bibliotheek aan het plein, van tien tot vier uur, "
    "met voorlezen voor kinderen en koffie voor iedereen. "
    "Er is ook een boekenmarkt met tweedehands boeken, strips en platen, en om twee uur "
    "vertelt de stadsdichter over haar nieuwe bundel."
)
SINGLE = "Zaterdag open dag in de bibliotheek! Kom langs voor koffie en verhalen."


@pytest.fixture(params=FLAVOURS)
def server(request) -> Iterator[FakeMastodon]:
    fake = FakeMastodon(flavour=request.param, limits=LIMITS[request.param]).start()
    yield fake
    fake.stop()


def _connect(cli, fake: FakeMastodon, base: str = "") -> str:
    kind = "pixelfed" if fake.flavour == "pixelfed" else "mastodon"
    scopes = "read write" if kind == "pixelfed" else "read:accounts read:statuses write"
    added = cli(
        "accounts",
        "add",
        kind,
        "--server",
        base or fake.base,
        "--token-stdin",
        stdin=fake.issue_token(scopes) + "\n",
    )
    assert added.returncode == 0, added.stderr
    return json.loads(added.stdout)["id"]


def _draft(draft_file, tmp_path, fake: FakeMastodon) -> tuple[Path, int]:
    """The draft file, and how many statuses it becomes on that server."""
    if fake.flavour == "pixelfed":
        image = save(photo(320, 240), tmp_path / "zaal.jpg")
        data = {"text": SINGLE, "images": [{"path": str(image), "alt": "De leeszaal"}]}
        return draft_file(data), 1
    return draft_file({"text": THREAD, "thread": True, "language": "nl"}), 2


def _one_thread(fake: FakeMastodon, parts: int) -> list[dict]:
    """Exactly `parts` statuses, each replying to the one before: no part twice."""
    statuses = list(fake.statuses)
    assert len(statuses) == parts, [s["text"][:30] for s in statuses]
    assert len({s["text"] for s in statuses}) == parts
    assert statuses[0]["in_reply_to_id"] is None
    for before, after in itertools.pairwise(statuses):
        assert after["in_reply_to_id"] == before["id"]
    return statuses


def _job(profile: Path, job_id: int = 1):
    with Store.open(profile) as store:
        return store.job(job_id)


# -- killed right after the server created a status, then --resume ---------------------------


@pytest.mark.parametrize(
    ("server", "killed_at"),
    [("mastodon", 1), ("mastodon", 2), ("gotosocial", 1), ("gotosocial", 2), ("pixelfed", 1)],
    indirect=["server"],
)
def test_killed_after_the_server_created_a_part_then_resumed_gives_one_status_per_part(
    cli, draft_file, tmp_path, server, killed_at
):
    """Killed while the server holds the answer to part `killed_at` (Pixelfed posts no
    threads: its post is one part)."""
    path, parts = _draft(draft_file, tmp_path, server)
    proxy = FaultProxy(server.server.server_address[1])
    try:
        account_id = _connect(cli, server, proxy.url)
        # the server takes the part and answers; the answer never reaches Omroeper
        proxy.hold("POST", STATUSES, skip=killed_at - 1)
        command = [sys.executable, "-m", "composer", "--profile", str(cli.profile)]
        said = tmp_path / "stderr.txt"
        with said.open("wb") as stderr:
            child = subprocess.Popen(
                [*command, "publish", str(path), "--to", account_id],
                cwd=ROOT,
                env={**os.environ, "OMROEPER_LANGUAGE": "en"},
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        try:
            assert proxy.wait_for("hold", timeout=60), "the status was never sent"
            assert child.poll() is None, said.read_text(encoding="utf-8")
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=10)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -signal.SIGKILL
        proxy.release()
        assert len(server.statuses) == killed_at
        row = _job(cli.profile).destination(account_id)
        assert row.state == "sending"
        assert [part.state for part in row.parts] == ["done"] * (killed_at - 1) + ["sending"]

        resumed = cli("publish", "--resume", "1")
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        report = json.loads(resumed.stdout)["destinations"][account_id]
    finally:
        proxy.close()
    statuses = _one_thread(server, parts)
    assert report["state"] == "done" and report["remote_id"] == statuses[0]["id"]
    row = _job(cli.profile).destination(account_id)
    assert [part.remote_id for part in row.parts] == [status["id"] for status in statuses]
    posts = [r for r in server.requests if (r.method, r.path) == ("POST", STATUSES)]
    assert len(posts) == parts  # what the server held was found, not sent again


# -- the server restarted between a thread's parts -------------------------------------------


def _take_down(fake: FakeMastodon, at: int, *, lose_answer: bool) -> list[str]:
    """Once status `at` is created, the server goes down (with `lose_answer`, before that
    status is answered) and is up again 1.5 s later on the same port, holding what it had."""
    seen: list[str] = []
    if lose_answer and at == 1:
        fake.drop("POST", STATUSES, after=True)

    def created(status: dict) -> None:
        seen.append(status["id"])
        if lose_answer and len(seen) == at - 1:
            fake.drop("POST", STATUSES, after=True)  # the next status: part `at`
        if len(seen) == at:
            threading.Thread(target=_bounce, args=(fake,), daemon=True).start()

    fake.on_created = created
    return seen


def _bounce(fake: FakeMastodon) -> None:
    port = fake.server.server_address[1]
    fake.stop()
    threading.Event().wait(1.5)
    fake.start(port)


@pytest.mark.parametrize(
    ("server", "lose_answer"),
    [
        ("mastodon", False),
        ("mastodon", True),
        ("gotosocial", False),
        ("gotosocial", True),
        ("pixelfed", True),
    ],
    indirect=["server"],
)
def test_the_server_restarted_between_parts_leaves_no_part_twice(
    cli, draft_file, tmp_path, server, lose_answer
):
    """Without lose_answer: down right after part 1 was answered, so part 2 finds no server
    at first. With: the last part is created and the server goes down before answering it
    (Pixelfed posts no threads: its one post)."""
    path, parts = _draft(draft_file, tmp_path, server)
    account_id = _connect(cli, server)
    seen = _take_down(server, parts if lose_answer else 1, lose_answer=lose_answer)
    published = cli("publish", str(path), "--to", account_id)
    assert published.returncode == 0, published.stdout + published.stderr
    statuses = _one_thread(server, parts)
    assert seen == [status["id"] for status in statuses]
    report = json.loads(published.stdout)["destinations"][account_id]
    assert report["state"] == "done" and report["remote_id"] == statuses[0]["id"]


# -- a part the server refuses: the parts before it recorded, and deleted --------------------

REFUSALS = {  # each server's own refusal of a status it will not take
    "mastodon": (422, {"error": "Validation failed: Text character limit of 150 exceeded"}),
    "gotosocial": (400, {"error": "Bad Request: text with spoiler exceed max chars (5000)"}),
}


@pytest.mark.parametrize("server", ["mastodon", "gotosocial"], indirect=True)
def test_a_refused_part_leaves_the_earlier_ones_recorded_and_delete_removes_them(
    cli, draft_file, tmp_path, server
):
    """(Pixelfed posts no threads: a refused Pixelfed post has no earlier part.)"""
    path, parts = _draft(draft_file, tmp_path, server)
    account_id = _connect(cli, server)
    status, body = REFUSALS[server.flavour]

    @server.route("POST", STATUSES)
    def refuse_replies(fake, request, match):
        if "in_reply_to_id" in request.form:
            return Answer(status, body)
        return status_create(fake, request, match)

    published = cli("publish", str(path), "--to", account_id)
    assert published.returncode == 1, published.stdout + published.stderr
    report = json.loads(published.stdout)["destinations"][account_id]
    assert report["state"] == "failed" and report["error"]["code"] == "rejected"
    assert report["parts"] == {"online": 1, "total": parts}
    (first,) = server.statuses
    row = _job(cli.profile).destination(account_id)
    assert [(p.number, p.state, p.remote_id) for p in row.parts] == [(1, "done", first["id"])]

    deleted = cli("delete", "1")
    assert deleted.returncode == 0, deleted.stdout + deleted.stderr
    assert json.loads(deleted.stdout)["destinations"][account_id]["state"] == "deleted"
    assert server.statuses == []
    assert _job(cli.profile).destination(account_id).deleted is not None
