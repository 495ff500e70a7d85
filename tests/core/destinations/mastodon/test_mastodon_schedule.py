"""A post the Mastodon-API server holds until its time: schedule, unschedule and
settle_scheduled through the real Mastodon.py against the fake (fake_mastodon_scheduled.py)
over loopback HTTP. The fake's clock is moved (FakeMastodon.advance): no test sleeps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import PublishError
from composer.core.destinations.mastodon.held import refusal
from composer.core.destinations.mastodon.publish import MastodonDestination
from composer.core.destinations.mastodon.software import holds_posts
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.destination import (
    PublishRequest,
    StepsInMemory,
    server_holds,
)
from composer.core.store.jobs import JobDestination
from tests.support.fake_mastodon import FakeMastodon
from tests.support.images import photo, save

SITE = "https://bieb.example.org/nieuws/open-dag"
STATUSES = "/api/v1/statuses"
SOFTWARE = {
    "mastodon": {"software": "mastodon", "software_version": "4.4.3"},
    "gotosocial": {"software": "gotosocial", "software_version": "0.20.0"},
}


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[FakeMastodon]:
    server = FakeMastodon(**getattr(request, "param", {})).start()
    yield server
    server.stop()


def _account(fake: FakeMastodon, settings: dict | None = None) -> Account:
    settings = SOFTWARE.get(fake.flavour, {}) if settings is None else settings
    return Account("mastodon-1", AccountKind.MASTODON, Identity("Omroep"), fake.base, settings)


def _destination(fake: FakeMastodon) -> MastodonDestination:
    token = fake.issue_token()
    return MastodonDestination(lambda _account_id: {"access_token": token})


def _request(fake, draft, *, steps=None, attempt=1, account=None, key="key-1") -> PublishRequest:
    return PublishRequest(
        draft, account or _account(fake), SITE, key, attempt, steps or StepsInMemory()
    )


def _copy(request: PublishRequest, remote_id: str) -> JobDestination:
    """The job's row as the scheduling core keeps it: the held post's id and its steps."""
    return JobDestination(
        "mastodon-1", AccountKind.MASTODON, 0, "pending", remote_id, "", None, {}, False, 1,
        "key-1", datetime.now(UTC), parts=tuple(request.steps.recorded()), parts_total=1,
    )  # fmt: skip


def _images(tmp_path, count: int = 2) -> tuple[Image, ...]:
    return tuple(
        Image(save(photo(640, 480, seed=n), tmp_path / f"foto-{n}.jpg"), alt=f"Foto {n}")
        for n in range(1, count + 1)
    )


def _posts(fake: FakeMastodon):
    return [r for r in fake.requests if r.method == "POST" and r.path == STATUSES]


TOMORROW = timedelta(days=1)


@pytest.mark.parametrize("fake", [{}, {"flavour": "gotosocial"}], indirect=True)
def test_the_server_holds_the_post_with_its_photos_and_publishes_it_at_its_time(fake, tmp_path):
    at = datetime.now(UTC).replace(microsecond=0) + TOMORROW
    draft = Draft(text="Zaterdag open dag!", language="nl", images=_images(tmp_path))
    destination = _destination(fake)
    request = _request(fake, draft)
    assert server_holds(destination, request)

    held = destination.schedule(request, at)

    assert held.url == "" and not held.published_now
    assert fake.statuses == []  # nothing online yet
    [waiting] = fake.scheduled
    assert held.remote_id == waiting["id"]
    assert waiting["params"]["text"] == f"Zaterdag open dag!\n\n{SITE}"
    assert [m["description"] for m in waiting["media_attachments"]] == ["Foto 1", "Foto 2"]
    [post] = _posts(fake)
    assert post.form["scheduled_at"] == at.isoformat()  # 2026-…T…+00:00, UTC
    assert post.headers["Idempotency-Key"] == "key-1"
    copy = _copy(request, held.remote_id)
    assert destination.settle_scheduled(_account(fake), copy) is None  # still held

    fake.advance(TOMORROW.total_seconds() + 60)

    assert fake.scheduled == []
    [status] = fake.statuses
    assert len(status["media_attachments"]) == 2
    settled = destination.settle_scheduled(_account(fake), copy)
    assert settled is not None
    assert (settled.remote_id, settled.url) == (status["id"], status["url"])
    assert settled.remote_id != held.remote_id  # the status is new, with its own id


@pytest.mark.parametrize(
    "ahead", [timedelta(0), timedelta(minutes=5), timedelta(minutes=5, seconds=59)]
)
def test_a_time_nearer_than_the_servers_five_minutes_is_refused_before_sending(fake, ahead):
    at = datetime.now(UTC) + ahead
    with pytest.raises(PublishError) as refused:
        _destination(fake).schedule(_request(fake, Draft(text="Te vroeg")), at)
    assert refused.value.code == "too_soon" and refused.value.details["minutes"] == 6
    assert _posts(fake) == [] and fake.statuses == [] and fake.scheduled == []


def test_a_server_clock_a_little_ahead_refuses_the_time_as_too_soon(fake):
    fake.advance(3 * 60)  # its clock 3 minutes ahead of this computer's
    at = datetime.now(UTC) + timedelta(minutes=7)  # 4 minutes ahead for the server
    with pytest.raises(PublishError) as refused:
        _destination(fake).schedule(_request(fake, Draft(text="Net te vroeg")), at)
    assert refused.value.code == "too_soon"
    assert fake.statuses == [] and fake.scheduled == []


def test_a_server_clock_past_the_time_publishes_at_once_and_says_so(fake):
    """Mastodon drops a time in the past (scheduled_in_the_past?) and publishes now."""
    fake.advance(60 * 60)
    at = datetime.now(UTC) + timedelta(minutes=10)
    published = _destination(fake).schedule(_request(fake, Draft(text="Meteen")), at)
    [status] = fake.statuses
    assert published.published_now
    assert (published.remote_id, published.url) == (status["id"], status["url"])


def test_unschedule_cancels_the_held_post_and_one_already_gone_counts_as_cancelled(fake):
    destination = _destination(fake)
    request = _request(fake, Draft(text="Toch niet"))
    held = destination.schedule(request, datetime.now(UTC) + TOMORROW)
    copy = _copy(request, held.remote_id)

    destination.unschedule(_account(fake), copy)
    destination.unschedule(_account(fake), copy)  # again: gone counts as cancelled

    assert fake.scheduled == []
    fake.advance(2 * TOMORROW.total_seconds())
    assert fake.statuses == []
    deletes = [r for r in fake.requests if r.method == "DELETE"]
    assert [r.path for r in deletes] == [f"/api/v1/scheduled_statuses/{held.remote_id}"] * 2


@pytest.mark.parametrize("fake", [{}, {"flavour": "gotosocial"}], indirect=True)
def test_a_lost_answer_is_read_back_and_the_post_is_held_once(fake):
    """GoToSocial ignores the key, and Mastodon does not keep it in `params`: the held
    post is found again by its text among the held posts."""
    fake.drop("POST", STATUSES, after=True)
    destination, steps = _destination(fake), StepsInMemory()
    at = datetime.now(UTC) + TOMORROW
    with pytest.raises(PublishError) as lost:
        destination.schedule(_request(fake, Draft(text="Eén keer"), steps=steps), at)
    assert lost.value.code == "connection_lost"
    [part] = steps.recorded()
    assert part.state == "sending" and part.marker

    again = destination.schedule(_request(fake, Draft(text="Eén keer"), steps=steps, attempt=2), at)

    [waiting] = fake.scheduled
    assert again.remote_id == waiting["id"]
    assert len(_posts(fake)) == 1  # read back, not sent again


def test_a_read_back_after_the_time_finds_the_status_it_became(fake):
    fake.drop("POST", STATUSES, after=True)
    destination, steps = _destination(fake), StepsInMemory()
    at = datetime.now(UTC) + timedelta(minutes=10)
    with pytest.raises(PublishError):
        destination.schedule(_request(fake, Draft(text="Al online"), steps=steps), at)
    fake.advance(11 * 60)

    found = destination.schedule(
        _request(fake, Draft(text="Al online"), steps=steps, attempt=2), at
    )

    [status] = fake.statuses
    assert found.published_now and found.remote_id == status["id"]
    assert len(_posts(fake)) == 1


@pytest.mark.parametrize("fake", [{}, {"flavour": "gotosocial"}], indirect=True)
def test_the_servers_daily_limit_is_its_own_code(fake):
    destination = _destination(fake)
    at = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0) + 2 * TOMORROW
    for n in range(25):
        destination.schedule(_request(fake, Draft(text=f"Bericht {n}"), key=f"key-{n}"), at)
    with pytest.raises(PublishError) as full:
        destination.schedule(_request(fake, Draft(text="Nummer 26"), key="key-26"), at)
    if fake.flavour == "mastodon":
        assert full.value.code == "schedule_limit"
    else:  # GoToSocial says only "Unprocessable Entity"
        assert full.value.code == "rejected" and full.value.details["status"] == 422
    assert len(fake.scheduled) == 25


def test_a_held_post_the_server_failed_to_publish_is_not_held(fake):
    destination = _destination(fake)
    request = _request(fake, Draft(text="Mislukt"))
    held = destination.schedule(request, datetime.now(UTC) + TOMORROW)
    fake.refuse_when_due.add(held.remote_id)
    fake.advance(2 * TOMORROW.total_seconds())
    with pytest.raises(PublishError) as gone:
        destination.settle_scheduled(_account(fake), _copy(request, held.remote_id))
    assert gone.value.code == "not_held"


def test_a_thread_is_not_held_by_the_server(fake):
    sentences = [f"Zin {n} over de open dag in de bibliotheek van het dorp." for n in range(22)]
    draft = Draft(text=" ".join(sentences), thread=True)
    destination, request = _destination(fake), _request(fake, Draft(text="x"))
    request = _request(fake, draft)
    assert not server_holds(destination, request)
    with pytest.raises(PublishError) as refused:
        destination.schedule(request, datetime.now(UTC) + TOMORROW)
    assert refused.value.details["reason"] == "thread"
    assert _posts(fake) == [] and fake.media == {}


@pytest.mark.parametrize(
    ("settings", "holds"),
    [
        ({"software": "mastodon", "software_version": "4.4.3"}, True),
        ({"software": "mastodon", "software_version": "2.7.0"}, True),
        ({"software": "mastodon", "software_version": "2.6.5"}, False),
        ({"software": "glitch-soc", "software_version": "4.2.0+glitch"}, True),
        ({"software": "hometown", "software_version": "4.2.10+hometown-1.1.1"}, True),
        ({"software": "gotosocial", "software_version": "0.20.0"}, True),
        ({"software": "gotosocial", "software_version": "0.19.1"}, False),
        ({"software": "pixelfed", "software_version": "0.12.5"}, False),
        ({"software": "akkoma", "software_version": "3.13.2"}, False),
        ({"software": "unknown", "software_version": "1.0"}, False),
        ({"software": "mastodon", "software_version": ""}, False),
        ({}, False),  # connected before the software was recorded
    ],
)
def test_which_software_holds_posts(settings, holds):
    assert holds_posts(settings) is holds


@pytest.mark.parametrize(
    "fake", [{"flavour": "gotosocial", "version": "3.5.3+0.19.1"}], indirect=True
)
def test_a_server_that_ignores_the_time_never_gets_it(fake):
    """GoToSocial before 0.20 publishes a status with `scheduled_at` at once: Omroeper
    does not offer it the post to hold, and refuses to if asked."""
    account = _account(fake, {"software": "gotosocial", "software_version": "0.19.1"})
    destination = _destination(fake)
    request = _request(fake, Draft(text="Niet meteen!"), account=account)
    assert not server_holds(destination, request)
    with pytest.raises(PublishError) as refused:
        destination.schedule(request, datetime.now(UTC) + TOMORROW)
    assert refused.value.code == "cannot_schedule"
    assert refused.value.details["reason"] == "software"
    assert _posts(fake) == [] and fake.statuses == []


def test_pixelfed_accounts_do_not_schedule_on_the_server():
    pixelfed = MastodonDestination(lambda _id: {}, kind=AccountKind.PIXELFED)
    assert not pixelfed.capabilities.schedules_on_server
    assert MastodonDestination(lambda _id: {}).capabilities.schedules_on_server


@given(
    st.dictionaries(
        st.sampled_from(["software", "software_version", "other"]),
        st.one_of(st.text(max_size=30), st.integers(), st.none()),
    )
)
def test_any_recorded_software_is_read_without_failing(settings):
    holds = holds_posts(settings)
    assert holds is False or settings["software"] in (
        "mastodon",
        "glitch-soc",
        "hometown",
        "gotosocial",
    )


@given(st.integers(400, 499), st.text(max_size=300))
def test_any_refusal_of_a_time_is_named_without_failing(status, message):
    error = refusal(
        PublishError("rejected", {"status": status, "message": message, "address": "x"})
    )
    assert error.code in ("rejected", "too_soon", "schedule_limit")
    assert error.code == "rejected" or status == 422


def test_the_photos_of_a_post_held_for_a_week_stay_while_unused_ones_go_after_a_day(fake, tmp_path):
    """Mastodon removes media left unattached for a day: Omroeper uploads them when it
    schedules, attached to the held post they stay until it is published."""
    destination = _destination(fake)
    week = timedelta(days=7)
    draft = Draft(text="Over een week", images=_images(tmp_path))
    destination.schedule(_request(fake, draft), datetime.now(UTC) + week)
    orphan = requests.post(
        f"{fake.base}/api/v2/media",
        files={"file": ("los.jpg", (tmp_path / "foto-1.jpg").read_bytes(), "image/jpeg")},
        headers={"Authorization": f"Bearer {fake.issue_token()}"},
        timeout=10,
    ).json()["id"]

    fake.advance(2 * TOMORROW.total_seconds())

    [waiting] = fake.scheduled
    assert orphan not in fake.media
    assert all(m["id"] in fake.media for m in waiting["media_attachments"])
    fake.advance(week.total_seconds())
    [status] = fake.statuses
    assert len(status["media_attachments"]) == 2


def test_a_held_posts_key_sent_again_within_the_hour_is_not_found(fake):
    """Mastodon's PostStatusService looks a repeated Idempotency-Key up among the statuses
    before it reads `scheduled_at`: the key of a held post, held still or withdrawn, is
    answered 404 "Record not found" for an hour. A withdrawn copy needs a new key (see
    core/scheduling/changes.py)."""
    destination = _destination(fake)
    at = datetime.now(UTC) + TOMORROW
    request = _request(fake, Draft(text="Nog even"))
    held = destination.schedule(request, at)
    again = _request(fake, Draft(text="Nog even"))  # the same key, nothing on record
    with pytest.raises(PublishError) as held_still:
        destination.schedule(again, at)
    destination.unschedule(_account(fake), _copy(request, held.remote_id))
    with pytest.raises(PublishError) as withdrawn:
        destination.schedule(_request(fake, Draft(text="Nog even")), at)
    for refused in (held_still.value, withdrawn.value):
        assert refused.details["status"] == 404 and "Record not found" in str(refused.details)
    renewed = destination.schedule(_request(fake, Draft(text="Nog even"), key="key-2"), at)
    assert [s["id"] for s in fake.scheduled] == [renewed.remote_id]
    fake.advance(3600)  # an hour later the old key is forgotten
    assert destination.schedule(_request(fake, Draft(text="Later")), at).remote_id
