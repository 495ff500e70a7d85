"""Editing a published status through the real Mastodon.py against the fake servers over
loopback HTTP: text, content warning, language and photo descriptions changed in place (one
edit in the status's history, also when an answer is lost), a thread's changed parts only,
and a refusal with a code where the server cannot edit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import UNCLEAR, PublishError
from composer.core.destinations.mastodon.publish import MastodonDestination
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.destination import PublishRequest
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from tests.support.fake_mastodon import FakeMastodon
from tests.support.fake_mastodon_api import history
from tests.support.images import photo, save

SITE = "https://bieb.example.org/nieuws/open-dag"
SOFTWARE = {
    "mastodon": {"software": "mastodon", "software_version": "4.4.3"},
    "gotosocial": {"software": "gotosocial", "software_version": "0.20.0"},
    "pixelfed": {"software": "pixelfed", "software_version": "0.12.5"},
}
THREAD = " ".join(f"Zin {n} over de open dag in de bibliotheek." for n in range(1, 9))


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[FakeMastodon]:
    server = FakeMastodon(**getattr(request, "param", {})).start()
    yield server
    server.stop()


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "profile") as opened:
        yield opened


def account_of(fake: FakeMastodon, **settings) -> Account:
    kind = AccountKind.PIXELFED if fake.flavour == "pixelfed" else AccountKind.MASTODON
    return Account(
        f"{kind.value}-00000001",
        kind,
        Identity("Omroep"),
        server=fake.base,
        settings=SOFTWARE[fake.flavour] | settings,
        limits={"max_characters": 150},
    )


def published(store, fake, draft, account):
    """The draft published through the publish job: its job row (with its parts)."""
    store.save_account(account)
    token = fake.issue_token()
    destination = MastodonDestination(lambda _id: {"access_token": token}, kind=account.kind)
    publisher = Publisher(store, {account.kind: destination}, {account.id: account})
    job_id = store.create_job(draft, [account.id])
    [row] = publisher.publish(job_id).destinations
    assert row.state == "done"
    return destination, row


def photos(tmp_path, count=2):
    return tuple(
        Image(save(photo(320, 240, seed=n), tmp_path / f"foto-{n}.jpg"), alt=f"Foto {n}")
        for n in range(1, count + 1)
    )


@pytest.mark.parametrize(
    "fake", [{"flavour": "mastodon"}, {"flavour": "gotosocial"}], indirect=True, ids=str
)
def test_one_edit_changes_text_warning_language_and_alt_texts_in_place(fake, store, tmp_path):
    account = account_of(fake)
    draft = Draft(text="Zaterdag open dag!", link=SITE, language="nl", images=photos(tmp_path))
    destination, row = published(store, fake, draft, account)
    [status] = fake.statuses
    media = [m["id"] for m in status["media_attachments"]]
    first, second = draft.images
    edited = replace(
        draft,
        text="Zondag open dag!",
        content_warning="Datum gewijzigd",
        language="en",
        images=(first, replace(second, alt="De leeszaal, vol")),
    )
    done = destination.update(PublishRequest(edited, account, SITE, "edit-1", 1), row)
    assert (done.remote_id, done.url) == (row.remote_id, row.url)
    [status] = fake.statuses
    assert status["text"] == f"Zondag open dag!\n\n{SITE}" and status["edited_at"]
    assert (status["spoiler_text"], status["sensitive"], status["language"]) == (
        "Datum gewijzigd",
        True,
        "en",
    )
    # the same photos stay; only the description that changed is new
    assert [m["id"] for m in status["media_attachments"]] == media
    assert [m["description"] for m in status["media_attachments"]] == ["Foto 1", "De leeszaal, vol"]
    assert len(history(fake, status["id"])) == 2  # the original and one edit
    assert [r.method for r in fake.requests].count("PUT") == 1


def test_a_lost_answer_during_an_edit_still_gives_one_edit(fake, store):
    account = account_of(fake)
    draft = Draft(text="Zaterdag open dag!", link=SITE)
    destination, row = published(store, fake, draft, account)
    fake.drop("PUT", r"/api/v1/statuses/\d+", after=True)
    request = PublishRequest(replace(draft, text="Zondag open dag!"), account, SITE, "edit-1", 1)
    with pytest.raises(PublishError) as unclear:
        destination.update(request, row)
    assert unclear.value.code in UNCLEAR
    destination.update(replace(request, attempt=2), row)  # the same edit, once more
    [status] = fake.statuses
    assert status["text"] == f"Zondag open dag!\n\n{SITE}"
    assert len(history(fake, status["id"])) == 2  # one edit, not two
    assert [r.method for r in fake.requests].count("PUT") == 1


def test_another_number_of_photos_uploads_the_new_ones(fake, store, tmp_path):
    account = account_of(fake)
    draft = Draft(text="Open dag!", link=SITE, images=photos(tmp_path, 1))
    destination, row = published(store, fake, draft, account)
    edited = replace(draft, images=photos(tmp_path, 2))
    destination.update(PublishRequest(edited, account, SITE, "edit-1", 1), row)
    [status] = fake.statuses
    assert [m["description"] for m in status["media_attachments"]] == ["Foto 1", "Foto 2"]


def test_a_thread_edits_only_its_changed_parts_and_keeps_its_length(fake, store):
    account = account_of(fake)
    draft = Draft(text=THREAD, thread=True, link=SITE)
    destination, row = published(store, fake, draft, account)
    assert row.parts_total >= 3
    edited = replace(draft, text=THREAD.replace("Zin 8", "Regel 8"))
    destination.update(PublishRequest(edited, account, SITE, "edit-1", 1), row)
    changed = [s for s in fake.statuses if s["edited_at"]]
    assert len(changed) == 1 and "Regel 8" in changed[0]["text"]
    assert changed[0]["id"] == row.parts[-1].remote_id
    longer = replace(draft, text=THREAD + " " + THREAD)
    with pytest.raises(PublishError) as refused:
        destination.update(PublishRequest(longer, account, SITE, "edit-2", 1), row)
    assert (refused.value.code, refused.value.details["reason"]) == ("cannot_edit", "thread_length")
    assert [s for s in fake.statuses if s["edited_at"]] == changed


def test_a_server_that_cannot_edit_is_refused_with_a_code_and_nothing_sent(fake, store):
    draft = Draft(text="Open dag!", link=SITE)
    destination, row = published(store, fake, draft, account_of(fake))
    old = account_of(fake, software_version="3.4.1")
    request = PublishRequest(replace(draft, text="Zondag!"), old, SITE, "edit-1", 1)
    with pytest.raises(PublishError) as refused:
        destination.update(request, row)
    assert (refused.value.code, refused.value.details["reason"]) == ("cannot_edit", "software")
    assert "PUT" not in [r.method for r in fake.requests]


@pytest.mark.parametrize("fake", [{"flavour": "pixelfed"}], indirect=True, ids=str)
def test_pixelfed_edits_where_its_admin_allows_it(fake, store, tmp_path):
    account = account_of(fake)
    draft = Draft(text="Open dag!", link=SITE, images=photos(tmp_path, 1))
    destination, row = published(store, fake, draft, account)
    request = PublishRequest(replace(draft, text="Zondag open dag!"), account, SITE, "e-1", 1)
    with pytest.raises(PublishError) as refused:  # editing off: its own 404
        destination.update(request, row)
    assert (refused.value.code, refused.value.details["reason"]) == ("cannot_edit", "software")
    fake.__dict__["pixelfed_editing"] = True
    destination.update(request, row)
    [status] = fake.statuses
    assert status["text"] == f"Zondag open dag!\n\n{SITE}" and len(status["media_attachments"]) == 1
    other_alt = replace(draft, images=(replace(draft.images[0], alt="Nieuw"),))
    with pytest.raises(PublishError) as alt:  # Pixelfed takes no new descriptions
        destination.update(PublishRequest(other_alt, account, SITE, "e-2", 1), row)
    assert (alt.value.code, alt.value.details["reason"]) == ("cannot_edit", "alt_text")
    more = replace(draft, images=photos(tmp_path, 2))
    with pytest.raises(PublishError) as other:  # nor attaches new photos to a post
        destination.update(PublishRequest(more, account, SITE, "e-3", 1), row)
    assert (other.value.code, other.value.details["reason"]) == ("cannot_edit", "photos")
    assert len(fake.statuses[0]["media_attachments"]) == 1


def test_a_status_deleted_on_the_server_cannot_be_edited(fake, store):
    account = account_of(fake)
    draft = Draft(text="Open dag!", link=SITE)
    destination, row = published(store, fake, draft, account)
    fake.statuses.clear()
    request = PublishRequest(replace(draft, text="Zondag!"), account, SITE, "edit-1", 1)
    with pytest.raises(PublishError) as gone:
        destination.update(request, row)
    assert (gone.value.code, gone.value.details["reason"]) == ("cannot_edit", "gone")


def test_new_content_the_server_refuses_is_edit_refused_with_its_words(fake, store):
    account = account_of(fake)
    draft = Draft(text="Open dag!", link=SITE)
    destination, row = published(store, fake, draft, account)
    fake.limits["max_characters"] = 20  # the server's limit is lower than the account knew
    request = PublishRequest(replace(draft, text="Zondag open dag!"), account, SITE, "e-1", 1)
    with pytest.raises(PublishError) as refused:
        destination.update(request, row)
    assert (refused.value.code, refused.value.details["status"]) == ("edit_refused", 422)
    assert "character limit" in refused.value.details["message"]
    assert fake.statuses[0]["edited_at"] is None


@pytest.mark.parametrize("fake", [{"flavour": "pixelfed"}], indirect=True, ids=str)
def test_pixelfeds_limit_of_ten_edits_is_edit_refused_with_its_words(fake, store, tmp_path):
    account = account_of(fake)
    draft = Draft(text="Open dag!", link=SITE, images=photos(tmp_path, 1))
    destination, row = published(store, fake, draft, account)
    fake.__dict__["pixelfed_editing"] = True
    for number in range(9):  # Pixelfed counts the original among its 10 StatusEdit rows
        edited = replace(draft, text=f"Open dag, versie {number}")
        destination.update(PublishRequest(edited, account, SITE, f"e-{number}", 1), row)
    last = PublishRequest(replace(draft, text="Nog eens"), account, SITE, "e-9", 1)
    with pytest.raises(PublishError) as refused:
        destination.update(last, row)
    assert (refused.value.code, refused.value.details["status"]) == ("edit_refused", 400)
    assert "10 times" in refused.value.details["message"]


def test_a_photo_swapped_for_another_is_uploaded_anew(fake, store, tmp_path):
    account = account_of(fake)
    draft = Draft(text="Open dag!", link=SITE, images=photos(tmp_path, 1))
    destination, row = published(store, fake, draft, account)
    [old] = fake.statuses[0]["media_attachments"]
    other = Image(save(photo(300, 400, seed=9), tmp_path / "ander.jpg"), alt="Foto 1")
    edited = replace(draft, images=(other,))
    destination.update(PublishRequest(edited, account, SITE, "edit-1", 1), row)
    [new] = fake.statuses[0]["media_attachments"]
    assert new["id"] != old["id"]
    assert (new["meta"]["original"]["width"], new["meta"]["original"]["height"]) == (300, 400)
