"""`omroeper publish FILE --to WORDPRESS,BLUESKY` end to end: the real command (a process of
its own), the real Secret Service, the real WordPress (tests/support/wordpress.py) and the
real PDS (tests/support/pds.py), each read back through its own API, never through Omroeper.
The site comes first; Bluesky follows with a link to the post's `link`."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image as PILImage

from tests.cli.conftest import run_omroeper
from tests.support.fault_proxy import FaultProxy
from tests.support.images import camera_exif, photo, save
from tests.support.pds import BlueskyAccount, Pds
from tests.support.wordpress import WordPress

POST = "app.bsky.feed.post"
POSTS = "/wp-json/wp/v2/posts"  # the request that creates the post (no id after it)


@pytest.fixture
def cli(secret_service, tmp_path, monkeypatch):
    """The command line with a profile of its own and the real (Secret Service) keyring."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    profile = tmp_path / "profile"

    def run(*args: str, stdin: str = ""):
        return run_omroeper("--profile", str(profile), *args, stdin=stdin)

    return run


@pytest.fixture
def draft(tmp_path) -> Path:
    """Title, body, message and two photos with alt text; the first carries a camera's EXIF
    with a GPS position, which must not reach the site."""
    zaal = save(photo(800, 600, seed=1), tmp_path / "zaal.jpg", exif=camera_exif().tobytes())
    plein = save(photo(640, 480, seed=2), tmp_path / "plein.jpg")
    data = {
        "title": "Open dag in de bibliotheek",
        "body": "Zaterdag zijn alle zalen open.\nKom langs voor koffie en verhalen.",
        "text": "Zaterdag open dag in de bibliotheek! #OpenDag",
        "language": "nl",
        "images": [
            {"path": str(zaal), "alt": "De leeszaal vol met mensen"},
            {"path": str(plein), "alt": "Het plein voor de bibliotheek"},
        ],
    }
    path = tmp_path / "bericht.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _add(cli, *args: str, stdin: str) -> str:
    added = cli("accounts", "add", *args, stdin=stdin + "\n")
    assert added.returncode == 0, added.stderr
    return json.loads(added.stdout)["id"]


def _add_wordpress(cli, wordpress: WordPress, role: str, server: str = "") -> str:
    person = wordpress.user(role)
    return _add(
        cli,
        "wordpress",
        "--server",
        server or wordpress.url,
        "--user",
        person.user,
        "--password-stdin",
        stdin=person.app_password,
    )


def _add_bluesky(cli, pds: Pds, person: BlueskyAccount) -> str:
    return _add(
        cli,
        "bluesky",
        "--handle",
        person.handle,
        "--server",
        pds.url,
        "--password-stdin",
        stdin=pds.create_app_password(person),
    )


def _publish(cli, path: Path, *ids: str) -> tuple[int, dict]:
    result = cli("publish", str(path), "--to", ",".join(ids))
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


def _our_posts(wordpress: WordPress, role: str) -> list[dict]:
    """Every post of that user, in any status (the trash too)."""
    who = str(wordpress.user(role).id)
    found = wordpress.rest("/wp/v2/posts", context="edit", author=who, status="any,trash")
    assert isinstance(found, list)
    return found


def _records(pds: Pds, person: BlueskyAccount) -> list[dict]:
    return pds.xrpc("com.atproto.repo.listRecords", repo=person.did, collection=POST)["records"]


def _links(record: dict) -> set[str]:
    """Every address the Bluesky post links to: its link facets and its card."""
    found = {
        feature["uri"]
        for facet in record.get("facets", [])
        for feature in facet["features"]
        if feature["$type"] == "app.bsky.richtext.facet#link"
    }
    embed = record.get("embed", {})
    for external in (embed.get("external"), embed.get("media", {}).get("external")):
        if external:
            found.add(external["uri"])
    return found


def _link_spans(record: dict, uri: str) -> list[str]:
    text = record["text"].encode()
    return [
        text[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode()
        for facet in record.get("facets", [])
        for feature in facet["features"]
        if feature.get("uri") == uri
    ]


def _media_ids(content: str) -> list[int]:
    return [int(found) for found in re.findall(r'<!-- wp:image \{"id": (\d+)', content)]


def test_one_post_with_both_photos_and_a_bluesky_copy_linking_to_it_then_deleted(
    cli, wordpress, bluesky_pds, draft
):
    bob = bluesky_pds.create_account("wpbob")
    site, sky = _add_wordpress(cli, wordpress, "editor"), _add_bluesky(cli, bluesky_pds, bob)
    before = {post["id"] for post in _our_posts(wordpress, "editor")}

    code, report = _publish(cli, draft, site, sky)
    assert code == 0, report
    page, copy = report["destinations"][site], report["destinations"][sky]
    assert (page["state"], copy["state"]) == ("done", "done")

    ours = [post for post in _our_posts(wordpress, "editor") if post["id"] not in before]
    assert [post["id"] for post in ours] == [int(page["remote_id"])]  # exactly one post
    (post,) = ours
    assert post["status"] == "publish" and page["url"] == post["link"]
    assert post["title"]["raw"] == "Open dag in de bibliotheek"
    media = [
        wordpress.rest(f"/wp/v2/media/{number}", role="editor", context="edit")
        for number in _media_ids(post["content"]["raw"])
    ]
    assert [item["alt_text"] for item in media] == [
        "De leeszaal vol met mensen",
        "Het plein voor de bibliotheek",
    ]
    assert post["featured_media"] == media[0]["id"]
    for item in media:  # no camera metadata (where GPS lives) in what the site serves
        uploaded = PILImage.open(io.BytesIO(wordpress.fetch(item["source_url"])))
        assert not uploaded.getexif() and "exif" not in uploaded.info
        assert not uploaded.getexif().get_ifd(0x8825)

    (record,) = _records(bluesky_pds, bob)
    assert record["uri"].rsplit("/", 1)[1] == copy["remote_id"].rsplit("/", 1)[-1]
    assert post["link"] in _links(record["value"])
    # the text shows the address short (no scheme); its link facet carries it in full
    (shown,) = _link_spans(record["value"], post["link"])
    assert post["link"].removeprefix("http://").startswith(shown.removesuffix("..."))

    deleted = cli("delete", str(report["job"]))
    assert deleted.returncode == 0, deleted.stdout + deleted.stderr
    trashed = wordpress.rest(f"/wp/v2/posts/{post['id']}", role="editor", context="edit")
    assert trashed["status"] == "trash"
    assert _records(bluesky_pds, bob) == []


def _via(proxy: FaultProxy, link: str) -> str:
    """The post's `link` as WordPress gives it to a request through the proxy (the test site
    takes its host from the request)."""
    return proxy.url + urlsplit(link).path


def _made(wordpress: WordPress, role: str, before: set[int]) -> list[dict]:
    return [post for post in _our_posts(wordpress, role) if post["id"] not in before]


def test_a_lost_answer_from_wordpress_is_read_back_in_the_same_run(
    cli, wordpress, bluesky_pds, draft
):
    erik = bluesky_pds.create_account("wperik")
    proxy = FaultProxy(urlsplit(wordpress.url).port)
    try:
        site = _add_wordpress(cli, wordpress, "author", server=proxy.url)
        sky = _add_bluesky(cli, bluesky_pds, erik)
        before = {post["id"] for post in _our_posts(wordpress, "author")}
        # WordPress makes the post and answers; the answer never reaches Omroeper
        proxy.lose_answer("POST", POSTS)
        code, report = _publish(cli, draft, site, sky)
        assert proxy.wait_for("lose_answer", timeout=5), proxy.hits
    finally:
        proxy.close()
    assert code == 0, report
    (post,) = _made(wordpress, "author", before)  # the next attempt found it, posted nothing
    page = report["destinations"][site]
    link = _via(proxy, post["link"])
    assert (page["state"], page["remote_id"], page["url"]) == ("done", str(post["id"]), link)
    (record,) = _records(bluesky_pds, erik)
    assert link in _links(record["value"])


def test_a_lost_answer_then_the_site_away_ends_unclear_and_resume_gives_one_of_each(
    cli, wordpress, bluesky_pds, draft
):
    carl = bluesky_pds.create_account("wpcarl")
    proxy = FaultProxy(urlsplit(wordpress.url).port)
    try:
        site = _add_wordpress(cli, wordpress, "author", server=proxy.url)
        sky = _add_bluesky(cli, bluesky_pds, carl)
        before = {post["id"] for post in _our_posts(wordpress, "author")}
        # the post is made, its answer lost; then the site is down (503) for every read-back
        # this run tries (the publisher's 5 tries: the lost one and 4 more)
        proxy.lose_answer("POST", POSTS)
        proxy.fail("GET", POSTS, status=503, times=4)
        code, report = _publish(cli, draft, site, sky)
        assert proxy.wait_for("lose_answer", timeout=5) and proxy.wait_for("answer", 4, 5)
        assert code == 1, report
        page, copy = report["destinations"][site], report["destinations"][sky]
        assert (page["state"], page["remote_id"]) == ("failed", ""), page
        assert page["error"]["code"] == "server_error"
        assert copy["state"] != "done" and _records(bluesky_pds, carl) == []  # Bluesky waits
        (made,) = _made(wordpress, "author", before)  # the site did make it

        resumed = cli("publish", "--resume", str(report["job"]))
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        again = json.loads(resumed.stdout)["destinations"]
    finally:
        proxy.close()
    assert [post["id"] for post in _made(wordpress, "author", before)] == [made["id"]]
    assert (again[site]["state"], again[site]["remote_id"]) == ("done", str(made["id"]))
    link = _via(proxy, made["link"])
    assert again[site]["url"] == link and again[sky]["state"] == "done"
    (record,) = _records(bluesky_pds, carl)  # one Bluesky post, linking to the one WordPress post
    assert link in _links(record["value"])


def test_a_contributors_post_waits_for_review_and_bluesky_is_not_sent(
    cli, wordpress, bluesky_pds, draft, tmp_path
):
    dora = bluesky_pds.create_account("wpdora")
    site = _add_wordpress(cli, wordpress, "contributor")
    sky = _add_bluesky(cli, bluesky_pds, dora)
    before = {post["id"] for post in _our_posts(wordpress, "contributor")}
    # a contributor may not upload photos (WordPress's role): one clear refusal, nothing made
    code, report = _publish(cli, draft, site, sky)
    assert code == 1
    page, copy = report["destinations"][site], report["destinations"][sky]
    assert (page["state"], page["error"]["code"]) == ("failed", "cannot_upload")
    assert copy["state"] != "done" and _made(wordpress, "contributor", before) == []
    # without photos the post is made, held for review, and Bluesky waits for it
    words = json.loads(draft.read_text(encoding="utf-8"))
    del words["images"]
    plain = tmp_path / "zonder-fotos.json"
    plain.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    code, report = _publish(cli, plain, site, sky)
    assert code == 1
    page, copy = report["destinations"][site], report["destinations"][sky]
    assert page["state"] == "failed" and page["error"]["code"] == "held_for_review"
    assert page["error"]["message"].startswith("Your message is waiting for approval in WordPress")
    (pending,) = _made(wordpress, "contributor", before)
    assert (pending["id"], pending["status"]) == (int(page["remote_id"]), "pending")
    assert (copy["state"], copy["url"]) == ("pending", "")
    assert _records(bluesky_pds, dora) == []
