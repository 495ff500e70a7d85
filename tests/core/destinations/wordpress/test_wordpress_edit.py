"""Editing a published post on a real WordPress (tests/support/wordpress.py): title, blocks
and photos' alt texts changed in place, the "Ook op:" paragraph kept, photos that stay not
uploaded again, and a lost answer still one edit."""

from __future__ import annotations

from dataclasses import replace

import pytest

from composer.core.destinations.errors import UNCLEAR, PublishError
from composer.core.destinations.wordpress.publish import WordPressDestination
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.destination import PublishRequest
from tests.core.destinations.wordpress.test_wordpress_publish import (
    post,
    run,
    wordpress_account,
)
from tests.support.fault_proxy import FaultProxy
from tests.support.images import photo, save

MASTODON_COPY = "https://mastodon.example/@bieb/1"


@pytest.fixture
def draft(tmp_path):
    first = save(photo(800, 600, seed=1), tmp_path / "zaal.jpg")
    second = save(photo(640, 480, seed=2), tmp_path / "rand.jpg")
    return Draft(
        title="Open dag in de bibliotheek",
        body="Zaterdag zijn alle zalen open.",
        text="Zaterdag open dag",
        images=(Image(first, alt="De leeszaal"), Image(second, alt="De trap")),
    )


def media_of(wordpress, content):
    from tests.core.destinations.wordpress.test_wordpress_publish import _image_ids

    return [wordpress.rest(f"/wp/v2/media/{m}", context="edit") for m in _image_ids(content)]


def uploads(wordpress) -> int:
    return len(wordpress.rest("/wp/v2/media", context="edit", per_page="100"))


def test_an_edit_changes_the_post_in_place_and_keeps_its_links_and_photos(
    wordpress, tmp_path, draft
):
    account, secrets = wordpress_account(wordpress, "editor")
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    destination = WordPressDestination(secrets.__getitem__)
    destination.tell(account, row, [("mastodon", MASTODON_COPY)])
    before = post(wordpress, row.remote_id)
    old_media = [m["id"] for m in media_of(wordpress, before["content"]["raw"])]
    count = uploads(wordpress)
    third = save(photo(500, 400, seed=3), tmp_path / "buiten.jpg")
    first, _second = draft.images
    edited = replace(
        draft,
        title="Open dag in de bibliotheek: zondag",
        body="Zondag zijn alle zalen open.",
        images=(replace(first, alt="De leeszaal, vol"), Image(third, alt="Buiten")),
    )
    done = destination.update(PublishRequest(edited, account, None, "edit-1", 1), row)
    assert (done.remote_id, done.url) == (row.remote_id, row.url)
    after = post(wordpress, row.remote_id)
    raw = after["content"]["raw"]
    assert after["title"]["raw"] == "Open dag in de bibliotheek: zondag"
    assert after["link"] == before["link"] and after["slug"] == before["slug"]
    assert "Zondag zijn alle zalen open." in raw and "Zaterdag" not in raw
    assert raw.count("omroeper-syndication") == 2 and MASTODON_COPY in raw  # still there
    media = media_of(wordpress, raw)
    assert media[0]["id"] == old_media[0]  # the same photo: kept, its alt text changed
    assert [m["alt_text"] for m in media] == ["De leeszaal, vol", "Buiten"]
    assert media[1]["id"] not in old_media
    assert uploads(wordpress) == count + 1  # only the new photo went up
    assert after["featured_media"] == media[0]["id"]
    # the mark the post is found by is still on its first paragraph
    assert raw.startswith(before["content"]["raw"].split(">", 1)[0])
    store.close()


def test_a_lost_answer_during_an_edit_still_gives_one_edit(wordpress, tmp_path, draft):
    port = int(wordpress.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    account, secrets = wordpress_account(wordpress, "editor", f"{proxy.url}/wp-json/")
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    destination = WordPressDestination(secrets.__getitem__)
    third = save(photo(500, 400, seed=4), tmp_path / "nieuw.jpg")
    edited = replace(draft, body="Zondag open.", images=(Image(third, alt="Nieuw"),))
    request = PublishRequest(edited, account, None, "edit-1", 1)
    proxy.lose_answer("POST", rf"^/wp-json/wp/v2/posts/{row.remote_id}")
    with pytest.raises(PublishError) as unclear:
        destination.update(request, row)
    assert unclear.value.code in UNCLEAR
    count = uploads(wordpress)
    destination.update(replace(request, attempt=2), row)
    proxy.close()
    raw = post(wordpress, row.remote_id)["content"]["raw"]
    assert raw.count("Zondag open.") == 1
    assert uploads(wordpress) == count  # the photo the first attempt put there is kept
    revisions = wordpress.rest(f"/wp/v2/posts/{row.remote_id}/revisions", context="edit")
    assert sum("Zondag open." in r["content"]["raw"] for r in revisions) == 1
    store.close()


def test_a_post_in_the_trash_cannot_be_edited(wordpress, tmp_path, draft):
    account, secrets = wordpress_account(wordpress, "editor")
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    destination = WordPressDestination(secrets.__getitem__)
    destination.delete(account, row)
    request = PublishRequest(replace(draft, body="Zondag."), account, None, "edit-1", 1)
    with pytest.raises(PublishError) as gone:
        destination.update(request, row)
    assert (gone.value.code, gone.value.details["reason"]) == ("cannot_edit", "gone")
    store.close()
