"""Publishing to a real PDS on loopback (tests/support/pds), read back record by record."""

from __future__ import annotations

import secrets
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.bluesky import connect as bluesky
from composer.core.destinations.bluesky.publish import (
    POST,
    BlueskyDestination,
    derived_tid,
    post_url,
)
from composer.core.destinations.errors import PublishError
from composer.core.drafts.draft import Draft, Image
from composer.core.publishing.publisher import Published, Publisher, PublishRequest
from tests.support.images import encoded, photo, save
from tests.support.pds import BlueskyAccount, Pds

_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def new_tid() -> str:
    value = (time.time_ns() // 1000) << 10 | secrets.randbelow(1024)
    return "".join(_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(13)))


@pytest.fixture(scope="module")
def carol(bluesky_pds: Pds) -> BlueskyAccount:
    return bluesky_pds.create_account("carol", display_name="Carol")


@pytest.fixture(scope="module")
def friend(bluesky_pds: Pds) -> BlueskyAccount:
    return bluesky_pds.create_account("friend")


@pytest.fixture(scope="module")
def secrets_store(bluesky_pds: Pds, carol: BlueskyAccount) -> dict[str, dict[str, str]]:
    connected = bluesky.connect(
        carol.handle, bluesky_pds.create_app_password(carol), bluesky_pds.url
    )
    return {"bluesky-carol": connected.secret}


@pytest.fixture(scope="module")
def account(bluesky_pds: Pds, carol: BlueskyAccount) -> Account:
    return Account(
        id="bluesky-carol",
        kind=AccountKind.BLUESKY,
        identity=Identity(name="Carol", handle=f"@{carol.handle}"),
        server=bluesky_pds.url,
        settings={"did": carol.did},
    )


@pytest.fixture
def destination(secrets_store) -> BlueskyDestination:
    def save(account_id: str, secret: dict[str, str]) -> None:
        secrets_store[account_id] = secret

    return BlueskyDestination(secrets_store.__getitem__, save)


def _request(draft: Draft, account: Account, url: str | None, key: str, attempt: int = 1):
    return PublishRequest(draft, account, url, key, attempt)


def _record(pds: Pds, did: str, rkey: str) -> dict:
    return pds.xrpc("com.atproto.repo.getRecord", repo=did, collection=POST, rkey=rkey)


def _count(pds: Pds, did: str) -> int:
    answer = pds.xrpc("com.atproto.repo.listRecords", repo=did, collection=POST, limit="100")
    return len(answer["records"])


def _span(text: str, facet: dict) -> str:
    index = facet["index"]
    return text.encode()[index["byteStart"] : index["byteEnd"]].decode()


# -- a page with a card, on loopback ---------------------------------------------------------

_THUMB = encoded(photo(640, 360, seed=3), "jpeg", quality=90)


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/thumb.jpg"):
            body, kind = _THUMB, "image/jpeg"
        elif self.path.startswith("/nieuws/"):
            body = (
                b"<!doctype html><html><head><meta charset='utf-8'>"
                b"<title>Site title | Bibliotheek</title>"
                b"<meta property='og:title' content='Leesclub in de bieb'>"
                b"<meta property='og:description' content='Elke dinsdag om acht uur.'>"
                b"<meta property='og:image' content='/thumb.jpg'>"
                b"</head><body>Hallo</body></html>"
            )
            kind = "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# -- the tests -------------------------------------------------------------------------------


def test_derived_tids_are_stable_distinct_and_valid():
    key = new_tid()
    assert derived_tid(key, 0) == key
    later = [derived_tid(key, i) for i in range(1, 4)]
    assert later == [derived_tid(key, i) for i in range(1, 4)]
    assert len(set(later)) == 3 and all(len(t) == 13 and t > key for t in later)
    assert all(set(t) <= set(_ALPHABET) for t in later)


def test_text_facets_language_and_link_card(
    bluesky_pds, carol, friend, account, *, destination, site
):
    page = f"{site}/nieuws/2026/leesclub-in-de-bibliotheek"
    text = f"Wij 💚 lezen! Met @{friend.handle} en @nobody-here.test #Leesclub"
    draft = Draft(text=text, language="nl")
    key = new_tid()
    published = destination.publish(_request(draft, account, page, key))

    assert published.remote_id == f"at://{carol.did}/{POST}/{key}"
    assert published.url == post_url(carol.handle, key)
    assert published.url == f"https://bsky.app/profile/{carol.handle}/post/{key}"
    value = _record(bluesky_pds, carol.did, key)["value"]
    assert value["langs"] == ["nl"]
    assert value["text"].startswith(text)
    assert page not in value["text"]  # shown shortened, as the official app does
    facets = {f["features"][0]["$type"].rsplit("#")[-1]: f for f in value["facets"]}
    assert len(value["facets"]) == 3  # the unknown handle stays plain text
    link, mention, tag = facets["link"], facets["mention"], facets["tag"]
    assert link["features"][0]["uri"] == page
    shown = _span(value["text"], link)
    assert shown.endswith("...") and shown.startswith("127.0.0.1:")
    assert value["text"].endswith(shown)
    assert _span(value["text"], mention) == f"@{friend.handle}"
    assert mention["features"][0]["did"] == friend.did
    assert _span(value["text"], tag) == "#Leesclub"
    assert tag["features"][0]["tag"] == "Leesclub"

    card = value["embed"]
    assert card["$type"] == "app.bsky.embed.external"
    external = card["external"]
    assert external["uri"] == page
    assert external["title"] == "Leesclub in de bieb"
    assert external["description"] == "Elke dinsdag om acht uur."
    assert external["thumb"]["mimeType"].startswith("image/")
    assert 0 < external["thumb"]["size"] <= 1_000_000


def test_an_unreadable_page_gives_a_post_without_a_card(
    bluesky_pds, carol, account, destination, site
):
    key = new_tid()
    destination.publish(_request(Draft(text="Zonder kaart"), account, f"{site}/weg", key))
    value = _record(bluesky_pds, carol.did, key)["value"]
    assert "embed" not in value
    assert value["text"].startswith("Zonder kaart")
    assert "langs" not in value  # no language: none is claimed (the SDK would say "en")


def test_images_with_alt_text_and_aspect_ratio(
    bluesky_pds, carol, account, destination, *, site, tmp_path
):
    wide = save(photo(1200, 800, seed=1), tmp_path / "wide.jpg")
    tall = save(photo(300, 600, seed=2), tmp_path / "tall.png")
    draft = Draft(
        text="Foto's van de opening",
        language="nl",
        images=(Image(wide, alt="De zaal vol mensen"), Image(tall, decorative=True)),
    )
    key = new_tid()
    destination.publish(_request(draft, account, f"{site}/nieuws/x", key))
    embed = _record(bluesky_pds, carol.did, key)["value"]["embed"]
    assert embed["$type"] == "app.bsky.embed.images"  # images, so no link card
    first, second = embed["images"]
    assert first["alt"] == "De zaal vol mensen"
    ratio = first["aspectRatio"]  # the PDS adds `$type` to it when it validates
    assert (ratio["width"], ratio["height"]) == (1200, 800)
    assert second["alt"] == ""
    ratio = second["aspectRatio"]
    assert (ratio["width"], ratio["height"]) == (300, 600)
    assert first["image"]["size"] <= 1_000_000


def test_a_thread_of_two_and_its_retry(bluesky_pds, carol, account, destination):
    words = " ".join(f"woord{i}" for i in range(70))  # about 500 characters: two posts
    draft = Draft(text=words, language="nl", thread=True)
    key = new_tid()
    before = _count(bluesky_pds, carol.did)
    published = destination.publish(_request(draft, account, None, key))
    assert _count(bluesky_pds, carol.did) == before + 2
    first = _record(bluesky_pds, carol.did, key)
    second = _record(bluesky_pds, carol.did, derived_tid(key, 1))
    assert published.remote_id == first["uri"]
    assert "reply" not in first["value"]
    strong = {"uri": first["uri"], "cid": first["cid"]}
    reply = second["value"]["reply"]
    for ref in (reply["root"], reply["parent"]):  # the PDS adds each strong ref's `$type`
        assert {"uri": ref["uri"], "cid": ref["cid"]} == strong
    joined = first["value"]["text"] + " " + second["value"]["text"]
    assert joined.split() == words.split()

    again = destination.publish(_request(draft, account, None, key, attempt=2))
    assert again == published
    assert _count(bluesky_pds, carol.did) == before + 2


def test_a_retry_finishes_a_thread_cut_short(bluesky_pds, carol, account, destination):
    draft = Draft(text=" ".join(f"deel{i}" for i in range(80)), thread=True)
    key = new_tid()
    destination.publish(_request(draft, account, None, key))
    first = _record(bluesky_pds, carol.did, key)
    second = derived_tid(key, 1)
    bluesky_pds.xrpc(  # as if the answer to the first post arrived and the second was never sent
        "com.atproto.repo.deleteRecord",
        token=carol.access_jwt,
        body={"repo": carol.did, "collection": POST, "rkey": second},
    )
    count = _count(bluesky_pds, carol.did)
    destination.publish(_request(draft, account, None, key, attempt=2))
    assert _count(bluesky_pds, carol.did) == count + 1
    assert _record(bluesky_pds, carol.did, key) == first  # the first was found, not re-sent
    assert _record(bluesky_pds, carol.did, second)["value"]["reply"]["root"]["uri"] == first["uri"]


def test_a_retry_after_success_finds_the_post_and_posts_nothing(
    bluesky_pds, carol, account, destination
):
    key = new_tid()
    draft = Draft(text="Eén keer, niet twee keer", language="nl")
    first = destination.publish(_request(draft, account, None, key))
    count = _count(bluesky_pds, carol.did)
    again = destination.publish(_request(draft, account, None, key, attempt=2))
    assert again == first
    assert _count(bluesky_pds, carol.did) == count


def test_a_retry_with_nothing_there_posts(bluesky_pds, carol, account, destination):
    key = new_tid()
    count = _count(bluesky_pds, carol.did)
    destination.publish(_request(Draft(text="Eerste poging ging mis"), account, None, key, 3))
    assert _count(bluesky_pds, carol.did) == count + 1


def test_the_same_key_twice_without_reading_back_is_refused(
    bluesky_pds, carol, account, destination
):
    key = new_tid()
    draft = Draft(text="Dubbel")
    destination.publish(_request(draft, account, None, key))
    with pytest.raises(PublishError) as caught:
        destination.publish(_request(draft, account, None, key))
    assert caught.value.code in ("rejected", "server_error")


def test_read_back_finds_the_post_by_its_key_and_delete_takes_the_job_row(
    store, account, destination
):
    """The capabilities say it can read back: found after publishing, none before, and
    none once the copy is deleted through the protocol, by the job's own row."""
    assert destination.capabilities.can_read_back
    draft = Draft(text="Terug te vinden", language="nl")
    store.save_account(account)
    job_id = store.create_job(draft, [account.id])
    key = store.job(job_id).destination(account.id).idempotency_key
    request = _request(draft, account, None, key, attempt=2)
    assert destination.read_back(request) is None

    publisher = Publisher(store, {AccountKind.BLUESKY: destination}, {account.id: account})
    row = publisher.publish(job_id).destination(account.id)
    assert destination.read_back(request) == Published(row.remote_id, row.url)
    destination.delete(account, row)
    assert destination.read_back(request) is None


def test_delete_removes_the_posts(bluesky_pds, carol, account, destination):
    draft = Draft(text=" ".join(f"weg{i}" for i in range(80)), thread=True)
    key = new_tid()
    destination.publish(_request(draft, account, None, key))
    uris = [_record(bluesky_pds, carol.did, derived_tid(key, i))["uri"] for i in range(2)]
    count = _count(bluesky_pds, carol.did)
    destination.delete_posts(account, uris)
    assert _count(bluesky_pds, carol.did) == count - 2
    with pytest.raises(AssertionError, match="RecordNotFound"):
        _record(bluesky_pds, carol.did, key)


def test_refreshed_tokens_are_saved(bluesky_pds, carol, account, secrets_store):
    saved: list[dict[str, str]] = []
    stale = dict(secrets_store["bluesky-carol"], access_jwt="x.e30.y")  # no subject: expired
    destination = BlueskyDestination(lambda _id: stale, lambda _id, secret: saved.append(secret))
    destination.publish(_request(Draft(text="Nieuwe sleutels"), account, None, new_tid()))
    assert saved and saved[-1]["access_jwt"] != stale["access_jwt"]
    secrets_store["bluesky-carol"] = saved[-1]


def test_an_unreachable_server_is_a_retryable_code(account, destination):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    elsewhere = replace(account, server=f"http://127.0.0.1:{port}")
    with pytest.raises(PublishError) as caught:
        destination.publish(_request(Draft(text="Hallo"), elsewhere, None, new_tid()))
    assert caught.value.code == "unreachable"
