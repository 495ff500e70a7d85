"""Publishing on Mastodon and Pixelfed through the real Mastodon.py against the fake servers
over loopback HTTP: images with alt text, link back, threads, Idempotency-Key on every
status, and the faults (dropped answers, 500, 429, 422) retried through the publish job."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import PublishError
from composer.core.destinations.mastodon.publish import (
    MastodonDestination,
    _from_html,
    marker_of,
    part_key,
)
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.publisher import Publisher, PublishRequest
from composer.core.store.store import Store
from tests.support.fake_mastodon import Answer, FakeMastodon
from tests.support.fake_mastodon_api import _html, status_create
from tests.support.images import photo, save

SITE = "https://bieb.example.org/nieuws/open-dag"
STATUSES = r"/api/v1/statuses"


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[FakeMastodon]:
    server = FakeMastodon(**getattr(request, "param", {})).start()
    yield server
    server.stop()


@pytest.fixture
def pixelfed() -> Iterator[FakeMastodon]:
    server = FakeMastodon(flavour="pixelfed").start()
    yield server
    server.stop()


def _account(fake: FakeMastodon) -> Account:
    kind = AccountKind.PIXELFED if fake.flavour == "pixelfed" else AccountKind.MASTODON
    return Account(f"{kind.value}-00000001", kind, Identity("Omroep"), server=fake.base)


def _destination(fake: FakeMastodon) -> MastodonDestination:
    token = fake.issue_token()
    return MastodonDestination(lambda _account_id: {"access_token": token})


def _request(fake: FakeMastodon, draft: Draft, key: str = "key-1", attempt: int = 1):
    return PublishRequest(draft, _account(fake), SITE, key, attempt)


def _images(tmp_path, count: int = 2) -> tuple[Image, ...]:
    return tuple(
        Image(
            save(photo(640, 480, seed=n), tmp_path / f"foto-{n}.jpg"), alt=f"Foto {n} van de zaal"
        )
        for n in range(1, count + 1)
    )


def _status_posts(fake: FakeMastodon):
    return [r for r in fake.requests if r.method == "POST" and r.path == STATUSES]


def test_post_with_images_alt_text_warning_and_language_lands_once(fake, tmp_path):
    draft = Draft(
        text="Open dag in de bieb!",
        language="nl",
        content_warning="Foto's van mensen",
        images=_images(tmp_path),
    )
    published = _destination(fake).publish(_request(fake, draft))

    [status] = fake.statuses
    assert published.remote_id == status["id"]
    assert published.url == status["url"]
    assert status["text"] == f"Open dag in de bieb!\n\n{SITE}"
    assert status["spoiler_text"] == "Foto's van mensen"
    assert status["sensitive"] is True
    assert status["language"] == "nl"
    assert status["visibility"] == "public"
    alts = [m["description"] for m in status["media_attachments"]]
    assert alts == ["Foto 1 van de zaal", "Foto 2 van de zaal"]
    assert all(m["mime"] == "image/jpeg" for m in fake.media.values())
    assert [r.headers["Idempotency-Key"] for r in _status_posts(fake)] == ["key-1"]


def test_the_same_key_again_gives_the_original_status(fake):
    destination = _destination(fake)
    first = destination.publish(_request(fake, Draft(text="Eén keer")))
    again = destination.publish(_request(fake, Draft(text="Eén keer"), attempt=2))
    assert again == first
    assert len(fake.statuses) == 1


def test_a_thread_goes_out_as_replies_each_with_its_own_key(fake):
    sentences = [f"Zin {n} over de open dag in de bibliotheek van het dorp." for n in range(22)]
    draft = Draft(text=" ".join(sentences), thread=True, language="nl")
    published = _destination(fake).publish(_request(fake, draft, key="thread"))

    parts = fake.statuses
    assert len(parts) == 3
    assert published.remote_id == parts[0]["id"]
    assert parts[0]["in_reply_to_id"] is None
    assert [p["in_reply_to_id"] for p in parts[1:]] == [parts[0]["id"], parts[1]["id"]]
    keys = [r.headers["Idempotency-Key"] for r in _status_posts(fake)]
    assert (
        keys
        == ["thread", part_key("thread", 2), part_key("thread", 3)]
        == [
            "thread",
            "thread-2",
            "thread-3",
        ]
    )
    assert SITE in "".join(p["text"] for p in parts)
    assert all(p["language"] == "nl" for p in parts)


def test_too_long_is_rejected_with_the_servers_words(fake):
    with pytest.raises(PublishError) as caught:
        _destination(fake).publish(_request(fake, Draft(text="lang " * 120)))
    assert caught.value.code == "rejected"
    assert caught.value.details["status"] == 422
    assert "character limit of 500" in caught.value.details["message"]
    assert fake.statuses == []


def test_expired_token(fake):
    token = fake.issue_token(state="expired")
    destination = MastodonDestination(lambda _id: {"access_token": token})
    with pytest.raises(PublishError) as caught:
        destination.publish(_request(fake, Draft(text="Hallo")))
    assert caught.value.code == "expired"


def test_delete_removes_the_post_and_its_thread(fake):
    destination = _destination(fake)
    long = " ".join(f"Zin {n} over de open dag in de bibliotheek." for n in range(30))
    thread = destination.publish(_request(fake, Draft(text=long, thread=True), key="a"))
    other = destination.publish(_request(fake, Draft(text="Blijft staan"), key="b"))
    assert len(fake.statuses) > 2

    destination.delete_statuses(_account(fake), [thread.remote_id])
    assert [s["id"] for s in fake.statuses] == [other.remote_id]
    destination.delete_statuses(_account(fake), [thread.remote_id])  # already gone: fine


# -- Pixelfed ------------------------------------------------------------------------------


def test_pixelfed_duplicate_key_means_already_posted(pixelfed, tmp_path):
    destination = _destination(pixelfed)
    draft = Draft(text="Nieuwe foto's\nvan de open dag & meer", images=_images(tmp_path, 1))
    first = destination.publish(_request(pixelfed, draft))
    again = destination.publish(_request(pixelfed, draft, attempt=2))

    assert again.remote_id == first.remote_id
    assert len(pixelfed.statuses) == 1
    [_, repeat] = _status_posts(pixelfed)
    assert repeat.headers["Idempotency-Key"] == "key-1"
    [status] = pixelfed.statuses
    assert [m["description"] for m in status["media_attachments"]] == ["Foto 1 van de zaal"]


def test_pixelfed_needs_an_image(pixelfed):
    with pytest.raises(PublishError) as caught:
        _destination(pixelfed).publish(_request(pixelfed, Draft(text="Alleen tekst")))
    assert caught.value.code == "rejected"
    assert caught.value.details["reason"] == "image_required"
    assert _status_posts(pixelfed) == []


# -- through the publish job, with faults -------------------------------------------------


@pytest.fixture
def job_store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "profile") as opened:
        yield opened


def _publisher(store: Store, fake: FakeMastodon, text: str = "Open dag!"):
    account = _account(fake)
    store.save_account(account)
    sleeps: list[float] = []
    publisher = Publisher(
        store, {account.kind: _destination(fake)}, {account.id: account}, sleep=sleeps.append
    )
    job_id = store.create_job(Draft(text=text, link=SITE), [account.id])
    return publisher, job_id, sleeps


def _row(job):
    [row] = job.destinations
    return row


@pytest.mark.parametrize(
    "fake", [{"flavour": "mastodon"}, {"flavour": "gotosocial"}], indirect=True, ids=str
)
def test_answer_lost_after_the_post_is_read_back_not_sent_again(fake, job_store):
    """The key is not trusted (GoToSocial ignores it): the account's statuses are read back
    and the one the lost answer was about is found, so it is not sent a second time."""
    fake.drop("POST", STATUSES, after=True)
    publisher, job_id, sleeps = _publisher(job_store, fake)

    row = _row(publisher.publish(job_id))
    assert row.state == "done"
    (status,) = fake.statuses
    assert row.remote_id == status["id"]
    assert len(_status_posts(fake)) == 1
    assert [r.path for r in fake.requests if r.path.endswith("/statuses") and r.method == "GET"]
    assert [(p.number, p.state, p.remote_id) for p in row.parts] == [(1, "done", status["id"])]
    assert len(sleeps) == 1


def test_server_error_then_success(fake, job_store):
    fake.fail("POST", STATUSES, 500)
    publisher, job_id, sleeps = _publisher(job_store, fake)
    row = _row(publisher.publish(job_id))
    assert row.state == "done"
    assert len(fake.statuses) == 1
    assert sleeps == [1.0]


def test_rate_limit_waits_until_the_reset(fake, job_store):
    fake.rate_limit("POST", STATUSES, reset_in=42)
    publisher, job_id, sleeps = _publisher(job_store, fake)
    row = _row(publisher.publish(job_id))
    assert row.state == "done"
    assert len(fake.statuses) == 1
    [slept] = sleeps
    assert 40 <= slept <= 43


def test_too_long_fails_without_retrying(fake, job_store):
    publisher, job_id, sleeps = _publisher(job_store, fake, text="lang " * 120)
    row = _row(publisher.publish(job_id))
    assert row.state == "failed"
    assert not row.retryable
    assert row.error_code == "rejected"
    assert sleeps == []
    assert len(_status_posts(fake)) == 1


def test_faults_as_codes(fake):
    destination = _destination(fake)
    fake.drop("POST", STATUSES, after=True)
    with pytest.raises(PublishError) as lost:
        destination.publish(_request(fake, Draft(text="Hallo")))
    fake.rate_limit("POST", STATUSES, reset_in=30)
    with pytest.raises(PublishError) as limited:
        destination.publish(_request(fake, Draft(text="Hallo")))
    fake.fail("POST", STATUSES, 503)
    with pytest.raises(PublishError) as broken:
        destination.publish(_request(fake, Draft(text="Hallo")))
    fake.stop()
    with pytest.raises(PublishError) as gone:
        destination.publish(_request(fake, Draft(text="Hallo")))
    fake.start()  # for the fixture's stop

    assert lost.value.code == "connection_lost"
    assert limited.value.code == "rate_limited"
    assert 28 <= limited.value.details["retry_after"] <= 31
    assert (broken.value.code, broken.value.details["status"]) == ("server_error", 503)
    assert gone.value.code == "unreachable"
    assert len(fake.statuses) == 1  # the one whose answer was lost


# -- a thread's parts as steps of the job ---------------------------------------------------

THREAD = (
    "Zaterdag is de open dag in de bibliotheek aan het plein, van tien tot vier uur, met "
    "voorlezen voor kinderen en koffie voor iedereen. Er is ook een boekenmarkt met "
    "tweedehands boeken, strips en platen, en om twee uur vertelt de stadsdichter over haar "
    "nieuwe bundel. Wie wil, kan daarna meedoen aan de schrijfwerkplaats op de eerste verdieping."
)


def _thread_publisher(store: Store, fake: FakeMastodon, scopes: str = "read write"):
    account = replace(_account(fake), limits={"max_characters": 150})
    store.save_account(account)
    token = fake.issue_token(scopes)
    destination = MastodonDestination(lambda _account_id: {"access_token": token})
    sleeps: list[float] = []
    publisher = Publisher(
        store, {account.kind: destination}, {account.id: account}, sleep=sleeps.append
    )
    job_id = store.create_job(Draft(text=THREAD, thread=True), [account.id])
    return publisher, job_id


@pytest.mark.parametrize(
    "fake", [{"flavour": "mastodon"}, {"flavour": "gotosocial"}], indirect=True, ids=str
)
def test_retry_after_a_refused_part_continues_from_it_replying_to_the_last_one(fake, job_store):
    refused = {"done": False}

    @fake.route("POST", STATUSES)
    def refuse_the_second_once(server, request, match):
        if "in_reply_to_id" in request.form and not refused["done"]:
            refused["done"] = True
            return Answer(422, {"error": "Validation failed: Text is invalid"})
        return status_create(server, request, match)

    publisher, job_id = _thread_publisher(job_store, fake)
    row = _row(publisher.publish(job_id))
    assert (row.state, row.error_code, row.parts_online) == ("failed", "rejected", 1)
    total = row.parts_total
    assert total >= 3 and len(fake.statuses) == 1

    row = _row(publisher.retry(job_id))
    assert row.state == "done"
    ids = [status["id"] for status in fake.statuses]
    assert len(ids) == total  # part 1 not sent again
    assert [status["in_reply_to_id"] for status in fake.statuses] == [None, *ids[:-1]]
    assert [part.remote_id for part in row.parts] == ids


def test_an_old_sign_in_that_cannot_read_back_never_resends_blindly(job_store):
    """GoToSocial, a token without read:statuses: the answer to part 1 is lost, and the
    account's statuses cannot be read. Nothing is sent again: connect the account again."""
    fake = FakeMastodon(flavour="gotosocial").start()
    try:
        fake.drop("POST", STATUSES, after=True)
        publisher, job_id = _thread_publisher(
            job_store, fake, "read:accounts write:statuses write:media"
        )
        row = _row(publisher.publish(job_id))
    finally:
        fake.stop()
    assert (row.state, row.error_code) == ("failed", "connect_again")
    assert row.error_details["reason"] == "read_scope" and not row.retryable
    assert len(fake.statuses) == 1 and len(_status_posts(fake)) == 1
    assert [part.state for part in row.parts] == ["sending"]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        st.one_of(
            st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), st.sampled_from("\n<&")
        ),
        max_size=80,
    )
)
def test_a_part_is_recognised_in_the_html_a_server_makes_of_it(text):
    """The read-back marker holds for whatever the server does to the text: HTML with
    escapes and breaks (as the fake and Mastodon write it), or `text` as typed."""
    assert marker_of(_from_html(_html(text))) == marker_of(text)
    linked = f"{text} https://bieb.example.org/nieuws/open-dag @bieb@social.example"
    shown = (
        _html(text)[:-4]
        + ' <a href="https://bieb.example.org/nieuws/open-dag"><span class="invisible">'
        'https://</span><span class="ellipsis">bieb.example.org/nieuws/open-</span>'
        '<span class="invisible">dag</span></a> <span class="h-card"><a href="x" '
        'class="u-url mention">@<span>bieb</span></a></span></p>'
    )
    assert marker_of(_from_html(shown)) == marker_of(linked)
    assert marker_of(text + " meer") != marker_of(text)


def test_pixelfed_that_kept_the_key_but_made_no_post_gets_it_with_a_fresh_key(
    pixelfed, job_store, tmp_path
):
    """Pixelfed remembers the key before it posts: a 500 after that leaves a key that would
    be refused for good. Read back and not found, the part goes with a key of its own."""
    account = _account(pixelfed)
    job_store.save_account(account)
    destination = _destination(pixelfed)
    publisher = Publisher(
        job_store, {account.kind: destination}, {account.id: account}, sleep=lambda _s: None
    )

    @pixelfed.route("POST", STATUSES)
    def remember_then_fail(fake, request, match):
        if not fake.idempotency:
            fake.idempotency[(request.token, request.headers["Idempotency-Key"])] = (
                "",
                fake.clock(),
            )
            return Answer(500, {"message": "Server Error"})
        return status_create(fake, request, match)

    job_id = job_store.create_job(Draft(text="Foto", images=_images(tmp_path, 1)), [account.id])
    row = _row(publisher.publish(job_id))
    assert row.state == "done" and len(pixelfed.statuses) == 1
    keys = [r.headers["Idempotency-Key"] for r in _status_posts(pixelfed)]
    assert len(keys) == 2 and keys[0] != keys[1]
