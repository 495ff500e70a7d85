"""Publishing to a real WordPress (tests/support/wordpress.py) through the publish job: the post
with its blocks, photos and featured image; the networks linking to it and listed on it once;
a lost answer still one post; a contributor's post held for review; delete trashes it."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image as PILImage

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.errors import ConnectError, PublishError
from composer.core.destinations.mastodon.publish import MastodonDestination
from composer.core.destinations.wordpress import connect as wp
from composer.core.destinations.wordpress.publish import WordPressDestination
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.deleting import delete_everywhere
from composer.core.publishing.publisher import Publisher
from composer.core.store.store import Store
from composer.i18n.publish_errors import describe_publish_error
from tests.support.fake_mastodon import FakeMastodon
from tests.support.fault_proxy import FaultProxy
from tests.support.images import camera_exif, photo, save

TOOT = "mastodon-0000000c"


def wordpress_account(wordpress, role: str, root: str = "") -> tuple[Account, dict]:
    person = wordpress.user(role)
    connected = wp.connect(wordpress.url, person.user, person.app_password)
    settings = dict(connected.settings)
    if root:
        settings["rest_root"] = root
    account = Account(
        f"wordpress-{role}",
        AccountKind.WORDPRESS,
        connected.identity,
        server=connected.server,
        settings=settings,
    )
    return account, {account.id: connected.secret}


@pytest.fixture
def mastodon():
    fake = FakeMastodon().start()
    yield fake
    fake.stop()


@pytest.fixture
def draft(tmp_path):
    # a camera's metadata (EXIF, where GPS lives) must not reach the site
    first = save(photo(800, 600, seed=1), tmp_path / "zaal.jpg", exif=camera_exif().tobytes())
    second = save(photo(640, 480, seed=2), tmp_path / "rand.jpg")
    return Draft(
        title="Open dag in de bibliotheek",
        body="Zaterdag zijn alle zalen open.\nKom langs!\n\nMeer: https://example.org/dag "
        "#opendag <script>x</script>",
        text="Zaterdag open dag #opendag",
        images=(
            Image(first, alt="De leeszaal vol met mensen"),
            Image(second, alt="wordt genegeerd", decorative=True),
        ),
    )


def run(tmp_path, accounts: dict[str, Account], secrets: dict, draft: Draft, session=None):
    lookup = secrets.__getitem__
    destinations = {
        AccountKind.WORDPRESS: WordPressDestination(lookup, session),
        AccountKind.MASTODON: MastodonDestination(lookup),
    }
    store = Store.open(tmp_path / "profile")
    for account in accounts.values():
        store.save_account(account)
    publisher = Publisher(store, destinations, accounts, sleep=lambda _s: None)
    job_id = store.create_job(draft, list(accounts))
    return store, publisher, publisher.publish(job_id)


def post(wordpress, post_id: str) -> dict:
    return wordpress.rest(f"/wp/v2/posts/{post_id}", context="edit")


def test_an_editor_publishes_title_text_and_two_photos(wordpress, tmp_path, draft):
    account, secrets = wordpress_account(wordpress, "editor")
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    assert (row.state, row.error_code) == ("done", None)
    found = post(wordpress, row.remote_id)
    assert found["status"] == "publish" and row.url == found["link"]
    assert found["title"]["raw"] == "Open dag in de bibliotheek"
    content = found["content"]["raw"]
    mark = "omroeper-" + found["slug"].rsplit("-", 1)[1]
    assert content.startswith(
        f'<!-- wp:paragraph {{"className":"{mark}"}} -->\n<p class="{mark}">Zaterdag zijn alle '
        "zalen open.<br>Kom langs!</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n"
        '<p>Meer: <a href="https://example.org/dag">https://example.org/dag</a> #opendag '
        "&lt;script&gt;x&lt;/script&gt;</p>"
    )
    media = [wordpress.rest(f"/wp/v2/media/{m}", context="edit") for m in _image_ids(content)]
    assert [item["alt_text"] for item in media] == ["De leeszaal vol met mensen", ""]
    assert found["featured_media"] == media[0]["id"]
    assert 'alt="De leeszaal vol met mensen"' in content and 'alt=""' in content
    for item in media:
        uploaded = PILImage.open(io.BytesIO(wordpress.fetch(item["source_url"])))
        assert not uploaded.getexif() and "exif" not in uploaded.info
    store.close()


def test_the_networks_link_to_the_post_and_are_listed_on_it_once(
    wordpress, tmp_path, draft, mastodon
):
    account, secrets = wordpress_account(wordpress, "editor")
    toot = Account(TOOT, AccountKind.MASTODON, Identity("omroep"), server=mastodon.base)
    secrets[TOOT] = {"access_token": mastodon.issue_token("read write")}
    store, _publisher, job = run(tmp_path, {account.id: account, TOOT: toot}, secrets, draft)
    site, copy = job.destination(account.id), job.destination(TOOT)
    assert (site.state, copy.state) == ("done", "done")
    assert site.url in mastodon.statuses[0]["content"]
    destination = WordPressDestination(secrets.__getitem__)
    destination.tell(account, site, [("mastodon", copy.url)])  # told again: still one list
    content = post(wordpress, site.remote_id)["content"]["raw"]
    assert content.count("omroeper-syndication") == 2  # the block's class, once in its <p>
    assert re.search(
        r'<p class="omroeper-syndication">Ook op: <a [^>]*href="'
        + re.escape(copy.url)
        + '">Mastodon</a></p>',
        content,
    )
    store.close()


def test_a_lost_answer_still_leaves_exactly_one_post(wordpress, tmp_path, draft):
    port = int(wordpress.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    account, secrets = wordpress_account(wordpress, "editor", f"{proxy.url}/wp-json/")
    proxy.lose_answer("POST", r"^/wp-json/wp/v2/posts")
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    assert row.state == "done" and row.attempts == 2
    assert proxy.hits[0][2] == "lose_answer"
    same = wordpress.rest(
        "/wp/v2/posts",
        search="Open dag in de bibliotheek",
        status="any",
        context="edit",
        per_page="100",
    )
    slug = post(wordpress, row.remote_id)["slug"]
    assert [p["id"] for p in same if p["slug"] == slug] == [int(row.remote_id)]
    proxy.close()
    store.close()


def test_a_lost_answer_on_a_photo_leaves_each_photo_once_in_the_media_library(
    wordpress, tmp_path, draft
):
    """The second photo's upload went through but its answer was lost: the next attempt
    finds it by its name (made from the job's key) instead of uploading it again."""
    port = int(wordpress.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    account, secrets = wordpress_account(wordpress, "editor", f"{proxy.url}/wp-json/")
    before = {m["id"] for m in wordpress.rest("/wp/v2/media", per_page="100", context="edit")}
    proxy.lose_answer("POST", r"/wp-json/wp/v2/media.*", skip=1)  # the second photo's
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    assert row.state == "done" and row.attempts == 2
    assert "lose_answer" in [hit[2] for hit in proxy.hits]
    media = [
        m
        for m in wordpress.rest("/wp/v2/media", per_page="100", context="edit")
        if m["id"] not in before
    ]
    assert len(media) == 2  # not three: the one whose answer was lost is used again
    content = post(wordpress, row.remote_id)["content"]["raw"]
    for item in media:
        assert f"wp-image-{item['id']}" in content
    proxy.close()
    store.close()


def test_a_contributors_post_is_held_for_review_and_the_networks_wait(
    wordpress, tmp_path, draft, mastodon
):
    account, secrets = wordpress_account(wordpress, "contributor")
    toot = Account(TOOT, AccountKind.MASTODON, Identity("omroep"), server=mastodon.base)
    secrets[TOOT] = {"access_token": mastodon.issue_token("read write")}
    draft = Draft(title="Ter goedkeuring", text="Nog niet openbaar")  # contributors upload no media
    store, publisher, job = run(tmp_path, {account.id: account, TOOT: toot}, secrets, draft)
    row = job.destination(account.id)
    assert (row.state, row.error_code) == ("failed", "held_for_review")
    assert post(wordpress, row.remote_id)["status"] == "pending"
    assert job.destination(TOOT).state == "pending" and mastodon.statuses == []
    said = describe_publish_error(row.error_code, row.error_details, "wordpress")
    assert said.startswith("Your message is waiting for approval in WordPress")
    # resumed without approval: nothing new anywhere
    job = publisher.resume(job.id)
    assert job.destination(TOOT).state == "pending" and mastodon.statuses == []
    # an editor publishes it; the person retries: the post is read back, the network follows
    editor = wordpress.user("editor")
    wordpress.post_as(editor, f"/wp/v2/posts/{row.remote_id}", {"status": "publish"})
    job = publisher.retry(job.id)
    site = job.destination(account.id)
    assert (site.state, site.remote_id) == ("done", row.remote_id)
    assert len(mastodon.statuses) == 1 and site.url in mastodon.statuses[0]["content"]
    store.close()


def test_a_contributor_may_not_upload_photos_and_is_told_so(wordpress, tmp_path, draft):
    account, secrets = wordpress_account(wordpress, "contributor")
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    assert (row.state, row.error_code, row.retryable) == ("failed", "cannot_upload", False)
    said = describe_publish_error(row.error_code, row.error_details, "wordpress")
    assert said == (
        "This WordPress account may not upload photos (a contributor). Publish without "
        "photos, or ask the site's administrator for the author role, then retry."
    )
    mine = wordpress.rest(
        "/wp/v2/posts",
        status="any",
        author=str(account.settings["user_id"]),
        search="Open dag in de bibliotheek",
    )
    assert mine == []  # nothing half made
    store.close()


def test_delete_moves_the_post_to_the_trash(wordpress, tmp_path, draft):
    account, secrets = wordpress_account(wordpress, "editor")
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    destination = WordPressDestination(secrets.__getitem__)
    results = delete_everywhere(
        store, None, job.id, remove=lambda r: destination.delete(account, r)
    )
    assert results[account.id].ok
    assert post(wordpress, row.remote_id)["status"] == "trash"
    destination.delete(account, row)  # in the trash already: deleted
    store.close()


def test_the_language_is_set_where_the_site_takes_it(wordpress, tmp_path):
    draft = Draft(title="Open dag", text="Kom langs", language="nl")
    polylang = f"{wordpress.scene('polylang')}/wp-json/"
    account, secrets = wordpress_account(wordpress, "editor", polylang)
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    assert row.state == "done"
    admin = wordpress.user("administrator")
    seen = requests.get(
        f"{polylang}wp/v2/posts/{row.remote_id}",
        params={"context": "edit", "_fields": "lang"},
        auth=(admin.user, admin.app_password),
        timeout=20,
    )
    assert seen.json() == {"lang": "nl"}
    store.close()
    # a site without it: no language, and the post is published all the same
    plain, secrets = wordpress_account(wordpress, "editor")
    other = tmp_path / "plain"
    store, _publisher, job = run(other, {plain.id: plain}, secrets, draft)
    assert job.destination(plain.id).state == "done"
    store.close()


def _image_ids(content: str) -> list[int]:
    return [int(found) for found in re.findall(r'<!-- wp:image \{"id": (\d+)', content)]


def test_the_post_type_and_category_chosen_after_connecting_are_used(wordpress, tmp_path):
    account, secrets = wordpress_account(wordpress, "editor")
    agenda = next(c["id"] for c in account.settings["categories"] if c["name"] == "Agenda")
    chosen = wp.chosen_settings(account.settings, "post", agenda)
    news = Draft(title="In de agenda", text="Concert")
    posted = replace(account, settings=chosen)
    store, _publisher, job = run(tmp_path, {account.id: posted}, secrets, news)
    assert post(wordpress, job.destination(account.id).remote_id)["categories"] == [agenda]
    store.close()
    # a page: it lands among the pages; a category not found when connecting is not sent
    page = replace(account, settings=wp.chosen_settings(account.settings, "page", 99_999))
    assert (page.settings["rest_base"], page.settings["category"]) == ("pages", 0)
    store, _publisher, job = run(tmp_path / "page", {account.id: page}, secrets, news)
    row = job.destination(account.id)
    found = wordpress.rest(f"/wp/v2/pages/{row.remote_id}", context="edit")
    assert (found["type"], found["status"]) == ("page", "publish")
    store.close()
    with pytest.raises(ConnectError) as refused:  # a type the user was not offered
        wp.chosen_settings(account.settings, "nieuws")
    assert refused.value.code == "unknown_post_type"


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Also on:"), ("de-AT", "Auch auf:"), ("", "Ook op:")]
)
def test_the_copies_are_listed_in_the_posts_language(
    wordpress, tmp_path, mastodon, language, words
):
    account, secrets = wordpress_account(wordpress, "editor")
    toot = Account(TOOT, AccountKind.MASTODON, Identity("omroep"), server=mastodon.base)
    secrets[TOOT] = {"access_token": mastodon.issue_token("read write")}
    draft = Draft(title=f"Open day {language}", text="Come along", language=language)
    store, _publisher, job = run(tmp_path, {account.id: account, TOOT: toot}, secrets, draft)
    site, copy = job.destination(account.id), job.destination(TOOT)
    assert (site.state, copy.state) == ("done", "done")
    content = post(wordpress, site.remote_id)["content"]["raw"]
    assert f'<p class="omroeper-syndication">{words} <a ' in content
    store.close()


def test_a_post_recording_its_language_is_still_found_by_its_mark(wordpress, tmp_path, mastodon):
    # a contributor: WordPress drops the slug, so the retry finds the post by its first
    # paragraph's class, which now also records the language
    account, secrets = wordpress_account(wordpress, "contributor")
    toot = Account(TOOT, AccountKind.MASTODON, Identity("omroep"), server=mastodon.base)
    secrets[TOOT] = {"access_token": mastodon.issue_token("read write")}
    draft = Draft(title="Open day", text="Come along", language="en")
    store, publisher, job = run(tmp_path, {account.id: account, TOOT: toot}, secrets, draft)
    row = job.destination(account.id)
    assert row.error_code == "held_for_review"
    editor = wordpress.user("editor")
    wordpress.post_as(editor, f"/wp/v2/posts/{row.remote_id}", {"status": "publish"})
    job = publisher.retry(job.id)
    site, copy = job.destination(account.id), job.destination(TOOT)
    assert (site.state, site.remote_id, copy.state) == ("done", row.remote_id, "done")
    assert len(mastodon.statuses) == 1
    assert "omroeper-lang-en" in post(wordpress, site.remote_id)["content"]["raw"]
    store.close()


def _refused(wordpress, tmp_path, scene: str, draft: Draft, role: str = "editor", **settings):
    """Publish `draft` on a server of the test site playing `scene`: the site's copy, what
    the person reads about it, and whether any post of that title was made."""
    account, secrets = wordpress_account(wordpress, role, f"{wordpress.scene(scene)}/wp-json/")
    account = replace(account, settings=account.settings | settings)
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    store.close()
    said = describe_publish_error(row.error_code, row.error_details, "wordpress")
    made = wordpress.rest("/wp/v2/posts", search=draft.title, status="any", context="edit")
    return row, said, [post for post in made if post["title"]["raw"] == draft.title]


def test_a_photo_the_web_server_finds_too_large_is_named_with_its_size(wordpress, tmp_path):
    big = save(photo(1600, 1200, seed=5), tmp_path / "groot.jpg")
    draft = Draft(title="Te grote foto", text="Kijk", images=(Image(big, alt="Zaal"),))
    row, said, posts = _refused(wordpress, tmp_path, "small_uploads", draft)
    assert (row.state, row.error_code, row.retryable) == ("failed", "photo_too_large", False)
    assert row.error_details["index"] == 1 and row.error_details["bytes"] > 100_000
    assert said.startswith("Your WordPress site refused photo 1 as too large (")
    assert " MB)" in said and "413" not in said and "<" not in said
    assert posts == []


def test_a_kind_of_photo_the_site_does_not_take_is_named_and_not_retried(wordpress, tmp_path):
    # WordPress answers it with a 500, which is no server trouble worth trying again
    picture = save(photo(400, 300), tmp_path / "zaal.jpg")
    draft = Draft(title="Geen JPEG", text="Kijk", images=(Image(picture, alt="Zaal"),))
    row, said, posts = _refused(wordpress, tmp_path, "no_jpeg_uploads", draft)
    assert (row.error_code, row.retryable, row.attempts) == ("photo_refused", False, 1)
    assert "did not accept photo 1 (a JPEG photo)" in said and "allow JPEG photos" in said
    assert posts == []


def test_an_account_that_may_no_longer_publish_is_told_to_connect_again(wordpress, tmp_path):
    # connected as an author, since made a contributor: its settings still say it may publish
    draft = Draft(title="Rol veranderd", text="Kom langs")
    row, said, posts = _refused(wordpress, tmp_path, "", draft, "contributor", can_publish=True)
    assert (row.error_code, row.retryable) == ("not_allowed", False)
    assert row.error_details["error"] == "rest_cannot_publish"
    assert "Connect the site again under Accounts" in said
    assert posts == []


def test_a_field_the_site_needs_is_named(wordpress, tmp_path):
    draft = Draft(title="Regio ontbreekt", text="Kom langs")
    row, said, posts = _refused(wordpress, tmp_path, "required_field", draft)
    assert (row.error_code, row.retryable) == ("invalid_field", False)
    assert row.error_details["fields"] == "owc_region"
    assert said.startswith("Your WordPress site did not accept part of the post (owc_region).")
    assert posts == []


@pytest.mark.parametrize(("language", "sent"), [("de", ""), ("nl-BE", "nl"), ("en", "en")])
def test_only_a_language_the_site_offers_is_set(wordpress, tmp_path, language, sent):
    # the site (Polylang) has Dutch and English; a German post goes out without a language
    polylang = f"{wordpress.scene('polylang')}/wp-json/"
    account, secrets = wordpress_account(wordpress, "editor", polylang)
    draft = Draft(title=f"Taal {language}", text="Kom langs", language=language)
    store, _publisher, job = run(tmp_path, {account.id: account}, secrets, draft)
    row = job.destination(account.id)
    assert row.state == "done"
    admin = wordpress.user("administrator")
    seen = requests.get(
        f"{polylang}wp/v2/posts/{row.remote_id}",
        params={"context": "edit", "_fields": "lang"},
        auth=(admin.user, admin.app_password),
        timeout=20,
    )
    assert seen.json() == {"lang": sent}
    store.close()


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=300),
    lambda inner: (
        st.lists(inner, max_size=8) | st.dictionaries(st.text(max_size=60), inner, max_size=8)
    ),
    max_leaves=40,
)


@given(
    st.sampled_from(["rest_invalid_param", "rest_missing_callback_param"]),
    JSONISH,
    st.integers(400, 499),
)
def test_a_refused_field_is_named_bounded_and_plain_whatever_the_site_says(code, params, status):
    from composer.core.destinations.wordpress.publish import _checked

    answer = requests.Response()
    answer.status_code = status
    answer._content = json.dumps(
        {"code": code, "message": "x" * 5000, "data": {"status": status, "params": params}}
    ).encode()
    with pytest.raises(PublishError) as refused:
        _checked(answer)
    details = refused.value.details
    assert refused.value.code == "invalid_field" and not refused.value.retryable
    names = details["fields"].split(", ") if details["fields"] else []
    assert len(names) <= 5 and all(re.fullmatch(r"[a-z0-9_]{1,40}", name) for name in names)
    assert len(details["message"]) <= 200 and "\n" not in details["message"]
    said = describe_publish_error(refused.value.code, details, "wordpress")
    assert "{" not in said.replace(details["message"], "").replace(details["fields"], "")
