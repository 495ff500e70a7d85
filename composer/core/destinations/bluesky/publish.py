"""Publishing to Bluesky: posts (and threads) written as records with a fixed record key.

AT Protocol has no idempotency key, but `createRecord` takes an explicit `rkey`: the job's
key (a TID made once) names the first post, and derived TIDs name the rest of a thread. A
retry first reads those records back (`getRecord`) and only creates what is missing, so a
post cut short is never posted twice.

Bluesky cannot edit: a record changed with `putRecord` is ignored by the app view, which
keeps showing the post as first indexed. So `can_edit` is False; instead `repost`
(`replaces_instead`, only on the person's explicit choice: likes and replies are lost) posts
the edit anew, under record keys derived from the edit's own key (a TID made before its first
attempt, as the job makes one for a post), then deletes the old post and its thread parts.
The new post goes first: should it be refused, the old one stays. Exactly once: an attempt
after the first reads the new records back before writing, as publish() does, and deleting
a record already gone is no error, so a retry neither posts twice nor fails on the delete.

Blocks on network I/O: call it from a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from composer.core.accounts.account import Account
from composer.core.analysis.analysis import analyze
from composer.core.analysis.rules import Severity
from composer.core.destinations.bluesky.card import Card, fetch_card
from composer.core.destinations.bluesky.failures import classify, sdk_errors
from composer.core.destinations.bluesky.session import resume
from composer.core.destinations.errors import ConnectError, PublishError, publish_error, shared
from composer.core.images.fit import fit_image
from composer.core.images.probe import FittedImage, ImageError
from composer.core.publishing.destination import (
    Capabilities,
    Copies,
    HeldLocally,
    NotEdited,
    Published,
    PublishRequest,
    Unsupported,
)
from composer.core.publishing.reception import Reception
from composer.core.store.jobs import JobDestination
from composer.core.text.facets import Facet
from composer.core.text.measure import Measured

__all__ = ["POST", "BlueskyDestination", "derived_tid", "post_url"]

POST = "app.bsky.feed.post"
TARGET = "bluesky"  # the draft's override key for this network
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_MOST_PARTS = 25  # parts of an old thread looked for when reposting

SecretLookup = Callable[[str], dict[str, str]]
SaveSecret = Callable[[str, dict[str, str]], None]


@dataclass(frozen=True, slots=True)
class _Ref:
    uri: str
    cid: str

    def strong(self) -> dict[str, str]:
        return {"uri": self.uri, "cid": self.cid}


def derived_tid(key: str, index: int) -> str:
    """The record key of part `index` (from 0) of a thread: `key` itself for the first, then
    TIDs `index` microseconds later, so every attempt names the same records."""
    if index == 0:
        return key
    value = 0
    for char in key:
        value = value * 32 + _TID_ALPHABET.index(char)
    value += index << 10  # the low 10 bits are the clock id; above them, microseconds
    chars = []
    for _ in range(13):
        value, digit = divmod(value, 32)
        chars.append(_TID_ALPHABET[digit])
    return "".join(reversed(chars))


def _is_tid(key: str) -> bool:
    return len(key) == 13 and key[0] in _TID_ALPHABET[:16] and set(key) <= set(_TID_ALPHABET)


def post_url(handle: str, rkey: str) -> str:
    return f"https://bsky.app/profile/{handle.removeprefix('@')}/post/{rkey}"


class BlueskyDestination(HeldLocally, NotEdited):
    # fixed record keys: a retry reads the post back before writing; no edit, a repost
    capabilities = Capabilities(
        idempotent=True, can_read_back=True, can_count=True, replaces_instead=True
    )

    def __init__(self, secret_lookup: SecretLookup, save_secret: SaveSecret) -> None:
        self._secret_lookup = secret_lookup
        self._save_secret = save_secret

    # -- the Destination protocol ----------------------------------------------------------

    def publish(self, request: PublishRequest) -> Published:
        account, draft = request.account, request.draft
        if request.canonical_url and draft.link != request.canonical_url:
            draft = replace(draft, link=request.canonical_url)
        limits = account.effective_limits()
        images = [_fitted(image.path, limits) for image in draft.images[: limits.max_images or 4]]
        result = analyze(draft, TARGET, limits, images)
        errors = [p for p in result.problems if p.severity is Severity.ERROR]
        if errors:
            raise PublishError("rejected", {"problems": [p.code.value for p in errors]})
        alts = [("" if image.decorative else image.alt) for image in draft.images]
        langs = [draft.language] if draft.language else []

        with self._client(account) as (client, did):
            refs: list[Any] = []
            for index, part in enumerate(result.parts):
                rkey = derived_tid(request.idempotency_key, index)
                found = _read(client, did, rkey) if request.attempt > 1 else None
                if found is None:
                    record = _post(part, langs, client, refs)
                    if index == 0:
                        embed = _embed(client, images, alts, request.canonical_url)
                        if embed:
                            record["embed"] = embed
                    found = _create(client, did, rkey, record)
                refs.append(found)
        return _published(account, did, refs[0], request.idempotency_key)

    def read_back(self, request: PublishRequest) -> Published | None:
        """The post an earlier attempt left under the request's record key, if any."""
        account, key = request.account, request.idempotency_key
        with self._client(account) as (client, did):
            found = _read(client, did, derived_tid(key, 0))
        return None if found is None else _published(account, did, found, key)

    def delete(self, account: Account, copy: JobDestination) -> None:
        """Delete the copy's post; one already gone is not an error."""
        self.delete_posts(account, [copy.remote_id])

    def repost(self, request: PublishRequest, copy: JobDestination) -> Published:
        """The edit posted anew under the edit's key (request.idempotency_key, a TID), then
        the old post and every part of its thread deleted: the new post's uri and address."""
        if not _is_tid(request.idempotency_key):
            raise PublishError("rejected", {"reason": "record_key"})  # a bug in the caller
        old_did, _collection, old_key = _parts_of(copy.remote_id, "")
        if old_key == request.idempotency_key:
            raise PublishError("rejected", {"reason": "record_key"})  # would delete the new one
        published = self.publish(request)
        with self._client(request.account) as (client, did):
            uris = [copy.remote_id]
            for index in range(1, _MOST_PARTS):  # the thread's parts, by their derived keys
                rkey = derived_tid(old_key, index)
                if _read(client, old_did or did, rkey) is None:
                    break
                uris.append(f"at://{old_did or did}/{POST}/{rkey}")
        self.delete_posts(request.account, list(reversed(uris)))
        return published

    def tell(self, account: Account, page: JobDestination, copies: Copies) -> None:
        raise Unsupported("tell")

    def reception(self, account: Account, copy: JobDestination) -> Reception:
        """`app.bsky.feed.getPosts` of the copy's post (of a thread: its first post, the one
        the copy's uri names), through the account's PDS, which asks its AppView. Read from
        the answer as sent (the SDK's models would coerce a count). A post the AppView does
        not know (deleted, or not indexed yet) is `rejected` (404), as Mastodon says it."""
        from atproto import models

        with self._client(account) as (client, _did):
            answer = _call(
                client.invoke_query,
                "app.bsky.feed.getPosts",
                params=models.AppBskyFeedGetPosts.Params(uris=[copy.remote_id]),
            )
        content = answer.content
        found = content.get("posts") if isinstance(content, dict) else None
        if not isinstance(found, list):
            raise PublishError("bad_answer", {"address": account.server})
        view = next(
            (p for p in found[:25] if isinstance(p, dict) and p.get("uri") == copy.remote_id),
            None,
        )
        if view is None:
            raise PublishError("rejected", {"status": 404, "address": account.server})
        return Reception.now(
            view.get("replyCount"), view.get("repostCount"), view.get("likeCount"), copy.url
        )

    def delete_posts(self, account: Account, remote_ids: Sequence[str]) -> None:
        """Delete the posts named by their at:// URIs; one already gone is not an error."""
        with self._client(account) as (client, did):
            for uri in remote_ids:
                repo, collection, rkey = _parts_of(uri, did)
                _call(
                    client.com.atproto.repo.delete_record,
                    {"repo": repo, "collection": collection, "rkey": rkey},
                )

    # -- inside ----------------------------------------------------------------------------

    def _client(self, account: Account) -> _Session:
        return _Session(self, account)


class _Session:
    """A resumed SDK client for one call; new tokens are saved as soon as they arrive."""

    def __init__(self, owner: BlueskyDestination, account: Account) -> None:
        self._owner, self._account, self._client = owner, account, None

    def __enter__(self) -> tuple[Any, str]:
        account, owner = self._account, self._owner
        secret = owner._secret_lookup(account.id)

        def save(tokens: dict[str, str]) -> None:
            owner._save_secret(account.id, tokens)

        try:
            client, _changed = resume(account.server, secret, save)
        except ConnectError as error:
            raise _from_connect(error) from None
        self._client = client
        return client, client.me.did

    def __exit__(self, *_exc: object) -> None:
        if self._client is not None:
            self._client.request.close()


def _published(account: Account, did: str, first: _Ref, key: str) -> Published:
    return Published(remote_id=first.uri, url=post_url(account.identity.handle or did, key))


def _fitted(path: Any, limits: Any) -> FittedImage:
    try:
        return fit_image(path, limits)
    except ImageError as error:
        raise PublishError("rejected", {"image": error.code}) from None


def _post(part: Measured, langs: list[str], client: Any, refs: list[_Ref]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "$type": POST,
        "text": part.text,
        "createdAt": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    }
    facets = [f for f in (_facet(client, facet) for facet in part.facets) if f is not None]
    if facets:
        record["facets"] = facets
    if langs:
        record["langs"] = langs  # without it the SDK would say "en"
    if refs:
        record["reply"] = {"root": refs[0].strong(), "parent": refs[-1].strong()}
    return record


def _facet(client: Any, facet: Facet) -> dict[str, Any] | None:
    if facet.kind == "link":
        feature = {"$type": "app.bsky.richtext.facet#link", "uri": facet.value}
    elif facet.kind == "tag":
        feature = {"$type": "app.bsky.richtext.facet#tag", "tag": facet.value}
    elif facet.kind == "mention":
        did = _resolve_handle(client, facet.value)
        if did is None:
            return None  # the app, too, leaves a handle it cannot find as plain text
        feature = {"$type": "app.bsky.richtext.facet#mention", "did": did}
    else:
        return None
    return {
        "index": {"byteStart": facet.byte_start, "byteEnd": facet.byte_end},
        "features": [feature],
    }


def _resolve_handle(client: Any, handle: str) -> str | None:
    try:
        did: str = _call(client.com.atproto.identity.resolve_handle, {"handle": handle}).did
        return did
    except PublishError as error:
        if error.details.get("status") in (400, 404):
            return None
        raise


def _embed(
    client: Any, images: list[FittedImage], alts: list[str], canonical: str | None
) -> dict[str, Any] | None:
    if images:
        return {
            "$type": "app.bsky.embed.images",
            "images": [
                {
                    "image": _upload(client, image.data, image.mime),
                    "alt": alt,
                    "aspectRatio": {"width": image.width, "height": image.height},
                }
                for image, alt in zip(images, alts, strict=False)
            ],
        }
    if not canonical:
        return None
    card = fetch_card(canonical)
    return _external(client, card) if card else None


def _external(client: Any, card: Card) -> dict[str, Any]:
    external: dict[str, Any] = {
        "uri": card.uri,
        "title": card.title,
        "description": card.description,
    }
    if card.thumb is not None:
        external["thumb"] = _upload(client, card.thumb.data, card.thumb.mime)
    return {"$type": "app.bsky.embed.external", "external": external}


def _upload(client: Any, data: bytes, mime: str) -> dict[str, Any]:
    """The blob reference, in its JSON form, ready for a record. Sent as `content` (the SDK's
    own upload_blob hands httpx `data=`, which it deprecates for raw bytes)."""
    answer = _call(
        client.invoke_procedure,
        "com.atproto.repo.uploadBlob",
        content=data,
        headers={"Content-Type": mime},
    )
    content = answer.content
    blob = content.get("blob") if isinstance(content, dict) else None
    if not isinstance(blob, dict):
        raise PublishError("server_error", {"status": answer.status_code})
    return blob


def _read(client: Any, did: str, rkey: str) -> _Ref | None:
    """The post a previous attempt left under `rkey`, if any."""
    try:
        found = _call(
            client.com.atproto.repo.get_record, {"repo": did, "collection": POST, "rkey": rkey}
        )
    except PublishError as error:
        if error.code == "rejected" and error.details.get("error") == "RecordNotFound":
            return None
        raise
    return _Ref(found.uri, found.cid)


def _create(client: Any, did: str, rkey: str, record: dict[str, Any]) -> _Ref:
    made = _call(
        client.com.atproto.repo.create_record,
        {"repo": did, "collection": POST, "rkey": rkey, "record": record, "validate": True},
    )
    return _Ref(made.uri, made.cid)


def _parts_of(uri: str, did: str) -> tuple[str, str, str]:
    rest = uri.removeprefix("at://").split("/")
    if len(rest) != 3:
        raise PublishError("rejected", {"remote_id": uri})
    return rest[0] or did, rest[1], rest[2]


def _call(method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    try:
        return method(*args, **kwargs)
    except sdk_errors() as error:
        raise publish_error(*classify(error)) from None


def _from_connect(error: ConnectError) -> PublishError:
    """A failed resume, as publishing names it: a refused password means, like an expired
    token, that the account must be connected again."""
    return publish_error(shared(error.code), dict(error.details))
