"""How a copy on Mastodon or Pixelfed was received, read through the real Mastodon.py from
the fake servers on loopback: the counts follow what other people did there, a token
without a read scope still reads a public status, and a server's nonsense is "unknown"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import PublishError
from composer.core.destinations.mastodon.publish import MastodonDestination
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.destination import PublishRequest
from composer.core.store.jobs import JobDestination
from tests.support.fake_mastodon import Answer, FakeMastodon
from tests.support.fake_mastodon_api import counted, react
from tests.support.images import photo, save

SITE = "https://bieb.example.org/nieuws/open-dag"


@pytest.fixture(params=["mastodon", "pixelfed"])
def fake(request: pytest.FixtureRequest) -> Iterator[FakeMastodon]:
    server = FakeMastodon(flavour=request.param).start()
    yield server
    server.stop()


def _account(fake: FakeMastodon) -> Account:
    kind = AccountKind.PIXELFED if fake.flavour == "pixelfed" else AccountKind.MASTODON
    return Account(f"{kind.value}-00000001", kind, Identity("Omroep"), server=fake.base)


def _copy(fake: FakeMastodon, tmp_path, scopes: str = "read write", text: str = "Open dag!"):
    token = fake.issue_token(scopes)
    destination = MastodonDestination(lambda _id: {"access_token": token}, kind=_kind(fake))
    image = Image(save(photo(320, 240), tmp_path / "foto.jpg"), alt="De zaal")
    draft = Draft(text=text, language="nl", images=(image,))
    published = destination.publish(PublishRequest(draft, _account(fake), SITE, "key-1", 1))
    row = JobDestination(
        _account(fake).id,
        _kind(fake),
        1,
        "done",
        published.remote_id,
        published.url,
        None,
        {},
        False,
        1,
        "key-1",
        datetime.now(UTC),
    )
    return destination, row


def _kind(fake: FakeMastodon) -> AccountKind:
    return AccountKind.PIXELFED if fake.flavour == "pixelfed" else AccountKind.MASTODON


def test_the_counts_are_what_others_did(fake, tmp_path):
    destination, copy = _copy(fake, tmp_path)
    assert destination.capabilities.can_count
    before = datetime.now(UTC)
    first = destination.reception(_account(fake), copy)
    assert (first.replies, first.reposts, first.likes) == (0, 0, 0)

    for person in ("anna", "bram", "cees"):
        react(fake, copy.remote_id, "favourites", by=person)
    react(fake, copy.remote_id, "favourites", by="anna")  # once per person
    react(fake, copy.remote_id, "reblogs", by="bram")
    react(fake, copy.remote_id, "replies", by="anna")
    react(fake, copy.remote_id, "replies", by="anna")  # two replies are two
    seen = destination.reception(_account(fake), copy)
    assert (seen.replies, seen.reposts, seen.likes) == (2, 1, 3)
    assert seen.read_at.tzinfo is UTC and seen.read_at >= before
    assert seen.replies_url == copy.url and copy.url.startswith(fake.base)
    asked = [r for r in fake.requests if r.path == f"/api/v1/statuses/{copy.remote_id}"]
    assert len(asked) == 2 and all(r.method == "GET" for r in asked)


def test_a_thread_counts_its_first_status(tmp_path):
    fake = FakeMastodon().start()
    try:
        long = " ".join(f"Zin {n} over de open dag in de bibliotheek." for n in range(30))
        token = fake.issue_token()
        destination = MastodonDestination(lambda _id: {"access_token": token})
        thread = Draft(text=long, thread=True)
        published = destination.publish(PublishRequest(thread, _account(fake), SITE, "k", 1))
        assert len(fake.statuses) > 1
        for status in fake.statuses[1:]:
            react(fake, status["id"], "favourites")
        react(fake, published.remote_id, "reblogs")
        _d, copy = _copy(fake, tmp_path)
        copy = _with(copy, published.remote_id, published.url)
        seen = destination.reception(_account(fake), copy)
        assert (seen.replies, seen.reposts, seen.likes) == (0, 1, 0)
    finally:
        fake.stop()


def _with(copy: JobDestination, remote_id: str, url: str) -> JobDestination:
    from dataclasses import replace

    return replace(copy, remote_id=remote_id, url=url)


def test_a_token_without_a_read_scope_reads_the_public_status_without_it(tmp_path):
    fake = FakeMastodon().start()
    try:
        destination, copy = _copy(fake, tmp_path, scopes="write")
        react(fake, copy.remote_id, "favourites")
        seen = destination.reception(_account(fake), copy)
        assert seen.likes == 1
        asked = [r for r in fake.requests if r.path == f"/api/v1/statuses/{copy.remote_id}"]
        assert [bool(r.token) for r in asked] == [True, False]  # refused (403), then anonymous
    finally:
        fake.stop()


def test_pixelfed_without_a_read_scope_is_a_failure_not_a_crash(tmp_path):
    fake = FakeMastodon(flavour="pixelfed").start()
    try:
        destination, copy = _copy(fake, tmp_path, scopes="write")
        with pytest.raises(PublishError):
            destination.reception(_account(fake), copy)
    finally:
        fake.stop()


@pytest.mark.parametrize(
    "said",
    [-1, 10**12, 2.5, "12", True, None, [3], {"n": 1}],
    ids=["negative", "huge", "float", "string", "bool", "null", "list", "object"],
)
def test_nonsense_counts_are_unknown(fake, tmp_path, said):
    destination, copy = _copy(fake, tmp_path)

    @fake.route("GET", r"/api/v1/statuses/([^/]+)")
    def nonsense(fake_: FakeMastodon, _req, match) -> Answer:
        status = counted(fake_, fake_.status(match.group(1)))
        return Answer(200, status | {"favourites_count": said, "reblogs_count": said})

    seen = destination.reception(_account(fake), copy)
    assert (seen.replies, seen.reposts, seen.likes) == (0, None, None)


def test_a_deleted_status_and_a_server_error_are_failures(fake, tmp_path):
    destination, copy = _copy(fake, tmp_path)
    fake.statuses.clear()
    with pytest.raises(PublishError):
        destination.reception(_account(fake), copy)
    fake.fail("GET", rf"/api/v1/statuses/{copy.remote_id}", 500, times=10)
    with pytest.raises(PublishError) as failure:
        destination.reception(_account(fake), copy)
    assert failure.value.code == "server_error"


def test_an_answer_that_is_no_status_is_a_bad_answer(fake, tmp_path):
    destination, copy = _copy(fake, tmp_path)
    fake.route("GET", r"/api/v1/statuses/([^/]+)")(lambda *_a: Answer(200, ["no", "status"]))
    with pytest.raises(PublishError) as failure:
        destination.reception(_account(fake), copy)
    assert failure.value.code == "bad_answer"


def test_an_endless_answer_is_cut_off_not_read(fake, tmp_path):
    from composer.core.destinations.http.safe_http import MAX_ANSWER

    destination, copy = _copy(fake, tmp_path)
    huge = {"id": copy.remote_id, "content": "x" * (MAX_ANSWER + 1), "favourites_count": 1}
    fake.route("GET", r"/api/v1/statuses/([^/]+)")(lambda *_a: Answer(200, huge))
    with pytest.raises(PublishError) as failure:
        destination.reception(_account(fake), copy)
    assert failure.value.code == "answer_too_large"
