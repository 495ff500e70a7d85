"""Publishing through a Discord webhook over real HTTP, against FakeDiscord, through the
publish job engine with a real Store: no idempotency, so an unclear failure is `unknown`."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
import requests

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.discord.publish import DiscordDestination
from composer.core.destinations.errors import UNCLEAR, PublishError
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.publisher import Publisher, PublishRequest
from composer.core.store.store import Store
from tests.support.fake_discord import FakeDiscord
from tests.support.fault_proxy import FaultProxy
from tests.support.images import photo

PAGE = "https://bieb.example.org/nieuws/open-dag/"
ACCOUNT = Account(
    "discord-0000000a",
    AccountKind.DISCORD,
    Identity("Omroeper-test"),
    settings={"channel_id": "998877665544332211", "guild_id": "556677"},
)


@pytest.fixture
def fake():
    server = FakeDiscord().start()
    yield server
    server.stop()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        opened.save_account(ACCOUNT)
        yield opened


@pytest.fixture
def draft(tmp_path):
    photo(640, 480).save(tmp_path / "zaal.jpg", quality=90)
    photo(64, 16, seed=2).save(tmp_path / "rand.png")
    return Draft(
        text="Zaterdag open dag in de bibliotheek!",
        link=PAGE,
        images=(
            Image(tmp_path / "zaal.jpg", alt="De leeszaal vol met mensen"),
            Image(tmp_path / "rand.png", alt="Een sierrand", decorative=False),
        ),
    )


def destination(fake, url=None):
    return DiscordDestination(lambda _id: {"webhook_url": url or fake.url})


def publisher(store, fake, url=None):
    sleeps: list[float] = []
    engine = Publisher(
        store,
        {AccountKind.DISCORD: destination(fake, url)},
        {ACCOUNT.id: ACCOUNT},
        sleep=sleeps.append,
    )
    return engine, sleeps


def posts(fake):
    return [path for method, path in fake.requests if method == "POST"]


def test_a_message_with_two_images_and_alt_text_lands_once(store, fake, draft):
    job_id = store.create_job(draft, [ACCOUNT.id])
    job = publisher(store, fake)[0].publish(job_id)
    [message] = fake.messages
    row = job.destination(ACCOUNT.id)
    assert row.state == "done"
    assert row.remote_id == message["id"]
    assert row.url == f"https://discord.com/channels/556677/998877665544332211/{message['id']}"
    assert message["content"] == f"Zaterdag open dag in de bibliotheek!\n\n{PAGE}"
    assert message["allowed_mentions"] == {"parse": []}
    first, second = message["attachments"]
    assert (first["description"], first["content_type"]) == (
        "De leeszaal vol met mensen",
        "image/jpeg",
    )
    assert first["data"][:2] == b"\xff\xd8"
    assert second["description"] == "Een sierrand"
    assert second["content_type"] == "image/png"
    assert posts(fake) == [f"/api/webhooks/{fake.webhook_id}/{fake.token}?wait=true"]


def test_text_only_goes_as_json_and_the_canonical_url_is_the_link_back(fake):
    request = PublishRequest(Draft(text="Hallo allemaal"), ACCOUNT, PAGE, "k", 1)
    published = destination(fake).publish(request)
    [message] = fake.messages
    assert message["content"] == f"Hallo allemaal\n\n{PAGE}"
    assert message["attachments"] == []
    assert published.remote_id == message["id"]


def test_a_decorative_image_has_no_description_and_long_alt_is_cut(tmp_path, fake):
    photo(80, 60).save(tmp_path / "a.png")
    alt = "😀" * 600  # 1,200 UTF-16 code units
    images = (Image(tmp_path / "a.png", alt=alt), Image(tmp_path / "a.png", decorative=True))
    request = PublishRequest(Draft(text="Twee", images=images), ACCOUNT, None, "k", 1)
    destination(fake).publish(request)
    first, second = fake.messages[0]["attachments"]
    assert len(first["description"].encode("utf-16-le")) // 2 <= 1024
    assert first["description"].endswith("…")
    assert second["description"] is None


def test_429_then_success_waits_as_told_and_posts_once(store, fake, draft):
    fake.fail_next = [429]
    job_id = store.create_job(draft, [ACCOUNT.id])
    engine, sleeps = publisher(store, fake)
    job = engine.publish(job_id)
    assert job.destination(ACCOUNT.id).state == "done"
    assert job.destination(ACCOUNT.id).attempts == 2
    assert sleeps == [2.5]  # the body's retry_after, more precise than the header's 3
    assert len(fake.messages) == 1


def test_a_drop_after_sending_is_unknown_and_never_resent(store, fake, draft):
    fake.drop_after_next = True
    job_id = store.create_job(draft, [ACCOUNT.id])
    engine, sleeps = publisher(store, fake)
    job = engine.publish(job_id)
    row = job.destination(ACCOUNT.id)
    assert (row.state, row.error_code) == ("unknown", "connection_lost")
    assert len(fake.messages) == 1
    job = engine.resume(job_id)  # quitting and coming back does not send it again
    assert job.destination(ACCOUNT.id).state == "unknown"
    assert len(posts(fake)) == 1
    assert len(fake.messages) == 1
    assert sleeps == []


def test_a_500_is_unknown_too(store, fake, draft):
    fake.fail_next = [500]
    job_id = store.create_job(draft, [ACCOUNT.id])
    job = publisher(store, fake)[0].publish(job_id)
    row = job.destination(ACCOUNT.id)
    assert (row.state, row.error_code) == ("unknown", "server_error")
    assert len(posts(fake)) == 1


def test_a_garbled_success_is_unknown_not_resent(store, fake, draft):
    fake.fail_next = [200]  # a 2xx whose body is no message: did it arrive? only a person can see
    job_id = store.create_job(draft, [ACCOUNT.id])
    job = publisher(store, fake)[0].publish(job_id)
    row = job.destination(ACCOUNT.id)
    assert (row.state, row.error_code) == ("unknown", "bad_answer")
    assert len(posts(fake)) == 1


def test_a_refused_connection_sent_nothing_and_is_retried(store, fake, draft):
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    dead = fake.url.replace(fake.base, f"http://127.0.0.1:{port}")
    job_id = store.create_job(draft, [ACCOUNT.id])
    engine, sleeps = publisher(store, fake, dead)
    job = engine.publish(job_id)
    row = job.destination(ACCOUNT.id)
    assert (row.state, row.error_code, row.retryable) == ("failed", "unreachable", True)
    assert len(sleeps) == engine.max_attempts - 1


def test_a_wrong_token_is_rejected_without_the_token_in_the_details(fake):
    wrong = fake.url.replace(fake.token, "wrong-token")
    request = PublishRequest(Draft(text="Hallo"), ACCOUNT, None, "k", 1)
    with pytest.raises(PublishError) as failure:
        destination(fake, wrong).publish(request)
    assert failure.value.code == "rejected"
    assert failure.value.details["status"] == 401
    assert failure.value.details["discord_code"] == 50027
    assert "wrong-token" not in str(failure.value)


def test_too_long_is_refused_before_sending(fake):
    request = PublishRequest(Draft(text="x" * 2001), ACCOUNT, None, "k", 1)
    with pytest.raises(PublishError) as failure:
        destination(fake).publish(request)
    assert failure.value.code == "too_long"
    assert fake.requests == []


def test_delete_removes_the_message_and_twice_is_fine(store, fake, draft):
    job_id = store.create_job(draft, [ACCOUNT.id])
    job = publisher(store, fake)[0].publish(job_id)
    copy = job.destination(ACCOUNT.id)
    message_id = copy.remote_id
    discord = destination(fake)
    discord.delete(ACCOUNT, copy)
    assert fake.messages == []
    discord.delete(ACCOUNT, copy)  # already gone: 404, counted as deleted
    deletes = [path for method, path in fake.requests if method == "DELETE"]
    assert deletes == [f"/api/webhooks/{fake.webhook_id}/{fake.token}/messages/{message_id}"] * 2


def test_the_fake_without_wait_answers_204_and_still_keeps_it(fake):
    answer = requests.post(fake.url, json={"content": "Hallo"}, timeout=5)
    assert (answer.status_code, answer.content) == (204, b"")
    assert [m["content"] for m in fake.messages] == ["Hallo"]


def test_the_fake_still_answers_get(fake):
    assert requests.get(fake.url, timeout=5).json()["guild_id"] == "556677"


def edit_of(draft, **changes):
    return replace(draft, text="Zondag open dag in de bibliotheek!", **changes)


def published_row(store, fake, draft):
    job_id = store.create_job(draft, [ACCOUNT.id])
    return publisher(store, fake)[0].publish(job_id).destination(ACCOUNT.id)


def test_an_edit_changes_the_text_keeps_the_photos_that_stay_and_replaces_the_rest(
    store, fake, draft
):
    row = published_row(store, fake, draft)
    [message] = fake.messages
    first, second = message["attachments"]
    zaal, rand = draft.images
    request = PublishRequest(
        edit_of(draft, images=(zaal, replace(rand, alt="Een blauwe sierrand"))),
        ACCOUNT,
        PAGE,
        "edit-1",
        1,
    )
    done = destination(fake).update(request, row)
    assert (done.remote_id, done.url) == (row.remote_id, row.url)
    [edited] = fake.messages
    assert edited["content"] == f"Zondag open dag in de bibliotheek!\n\n{PAGE}"
    assert edited["edited_timestamp"] and fake.edits == {row.remote_id: 1}
    kept, new = edited["attachments"]
    assert kept["id"] == first["id"]  # the same photo with the same words: not uploaded again
    assert (new["description"], new["data"]) == ("Een blauwe sierrand", second["data"])
    assert new["id"] != second["id"]
    # a photo taken away is gone from the message
    fewer = PublishRequest(edit_of(draft, images=(zaal,)), ACCOUNT, PAGE, "edit-2", 1)
    destination(fake).update(fewer, row)
    assert [a["id"] for a in fake.messages[0]["attachments"]] == [first["id"]]


def test_a_lost_answer_during_an_edit_still_gives_one_edit(store, fake, draft):
    row = published_row(store, fake, draft)
    proxy = FaultProxy(fake.server.server_address[1])
    try:
        proxy.lose_answer("PATCH", r"/api/webhooks/.*/messages/\d+")
        url = f"{proxy.url}/api/webhooks/{fake.webhook_id}/{fake.token}"
        changed = edit_of(draft, images=(draft.images[0], replace(draft.images[1], alt="Nieuw")))
        request = PublishRequest(changed, ACCOUNT, PAGE, "edit-1", 1)
        with pytest.raises(PublishError) as unclear:
            destination(fake, url).update(request, row)
        assert unclear.value.code in UNCLEAR
        applied = [dict(a) for a in fake.messages[0]["attachments"]]
        # the same edit again: it finds its own upload and keeps it, nothing is added twice
        destination(fake, url).update(replace(request, attempt=2), row)
    finally:
        proxy.close()
    [message] = fake.messages
    assert message["content"].startswith("Zondag") and len(message["attachments"]) == 2
    assert [a["id"] for a in message["attachments"]] == [a["id"] for a in applied]
    # the retry finds the message already says the edit: no second PATCH, one edit
    assert [method for method, _ in fake.requests].count("PATCH") == 1
    assert fake.edits == {message["id"]: 1}


def test_an_edit_of_a_message_deleted_on_discord_cannot_be_made(store, fake, draft):
    row = published_row(store, fake, draft)
    fake.messages.clear()
    request = PublishRequest(edit_of(draft), ACCOUNT, PAGE, "edit-1", 1)
    with pytest.raises(PublishError) as gone:
        destination(fake).update(request, row)
    assert (gone.value.code, gone.value.details) == ("cannot_edit", {"reason": "gone"})
    assert "PATCH" not in [method for method, _ in fake.requests]
