"""Publishing on the organisation's own WordPress site: a post of the account's post type,
through the REST API with the user's application password. The own site goes first: the
post's `link` is the link back every network's copy carries.

Exactly once: the post's address name (`slug`) carries a mark made from the job's
idempotency key (blocks.slug_for). A later attempt first looks for a post of this user with
that slug, in any status, and answers it instead of posting again.

A user who may not publish (a contributor) submits the post for review (`pending`): the
answer says so (`Published.held_for_review`), and the networks wait until an editor has
published it and the person retries (the retry reads the post back, now published).

Photos are uploaded once per attempt that creates the post (a lost answer on an upload may
leave an unused photo in the media library, never a second post). Delete moves the post to
the trash and leaves its photos: WordPress cannot put media in the trash (without
MEDIA_TRASH), and a post restored from the trash keeps its photos.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from composer.core import net
from composer.core.accounts.account import Account
from composer.core.destinations.errors import ConnectError, PublishError, publish_error, shared
from composer.core.destinations.http.requests_failures import transport_code
from composer.core.destinations.http.safe_http import SafeSession, json_object, limit_details
from composer.core.destinations.website.webhook import retry_after
from composer.core.destinations.wordpress.blocks import (
    Picture,
    mark_for,
    post_content,
    slug_for,
    with_syndication,
)
from composer.core.destinations.wordpress.connect import basic_auth, endpoint
from composer.core.images.fit import fit_image
from composer.core.images.probe import FittedImage, ImageError
from composer.core.outside_url import safe_link
from composer.core.publishing.destination import (
    Capabilities,
    Copies,
    Published,
    PublishRequest,
    Unsupported,
)
from composer.core.publishing.reception import Reception
from composer.core.store.jobs import JobDestination

SecretLookup = Callable[[str], Mapping[str, str]]
MAX_ANSWER = 2_000_000  # bytes: a post with its content, or a media item with its sizes
_MESSAGE_CHARS = 200
_BASE = re.compile(r"[a-z0-9_-]{1,100}")  # a post type's rest_base, as it goes in a path
_SUFFIX = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}


class WordPressDestination:
    capabilities = Capabilities(idempotent=True, can_read_back=True, is_own_site=True)

    def __init__(self, secret_lookup: SecretLookup, session: requests.Session | None = None):
        self._secret_lookup = secret_lookup
        self._session = session

    def reception(self, account: Account, copy: JobDestination) -> Reception:
        raise Unsupported("reception")  # no counts: comments are the site's own business

    def publish(self, request: PublishRequest) -> Published:
        if request.attempt > 1:  # the last attempt may have made the post: look first
            found = self.read_back(request)
            if found is not None:
                return found
        account, draft = request.account, request.draft
        site = self._site(account)
        limits = account.effective_limits()
        fitted: list[FittedImage] = []
        for number, image in enumerate(draft.images):
            try:
                fitted.append(fit_image(image.path, limits))
            except ImageError as failure:
                raise PublishError(
                    "image_failed", {"index": number, "reason": failure.code}
                ) from None
        pictures = [
            site.upload(number, photo, "" if source.decorative else source.alt)
            for number, (source, photo) in enumerate(zip(draft.images, fitted, strict=True), 1)
        ]
        fields: dict[str, Any] = {
            "title": draft.title,
            "content": post_content(
                draft.website_body, pictures, mark_for(request.idempotency_key)
            ),
            "status": "publish" if account.settings.get("can_publish") is True else "pending",
            "slug": slug_for(draft.title or draft.text, request.idempotency_key),
        }
        if pictures:
            fields["featured_media"] = pictures[0].media_id
        if draft.language and site.takes_language():
            fields["lang"] = draft.language  # Polylang's field, where the site has it
        return _published(site.send("POST", site.collection, fields))

    def read_back(self, request: PublishRequest) -> Published | None:
        draft = request.draft
        site = self._site(request.account)
        slug = slug_for(draft.title or draft.text, request.idempotency_key)
        found = site.find(slug, mark_for(request.idempotency_key))
        return _published(found) if found is not None else None

    def tell(self, account: Account, page: JobDestination, copies: Copies) -> None:
        """The post's syndication paragraph, replaced with one listing `copies`: telling it
        again leaves one paragraph, never a second list."""
        site = self._site(account)
        address = f"{site.collection}/{_post_id(page)}"
        post = site.send("GET", address, params={"context": "edit", "_fields": "id,content"})
        content = post.get("content")
        raw = content.get("raw") if isinstance(content, dict) else None
        if not isinstance(raw, str):
            raise PublishError("bad_answer", {"status": 200})
        updated = with_syndication(raw, copies)
        if updated != raw:
            site.send("POST", address, {"content": updated})

    def delete(self, account: Account, copy: JobDestination) -> None:
        """Move the post to the trash (WordPress keeps it there 30 days); one already gone
        or in the trash counts as deleted."""
        site = self._site(account)
        try:
            site.send("DELETE", f"{site.collection}/{_post_id(copy)}")
        except PublishError as failure:
            status = failure.details.get("status")
            code = failure.details.get("error")
            if status == 410 or (status == 404 and code == "rest_post_invalid_id"):
                return
            raise

    def _site(self, account: Account) -> _Site:
        password = self._secret_lookup(account.id).get("application_password", "")
        user = account.settings.get("user")
        if not password or not isinstance(user, str) or not user:
            raise PublishError("no_secret", {"account": account.id})
        return _Site(account, basic_auth(user, password), self._session)


class _Site:
    """One account's REST API: every request bounded (safe_http), every answer checked."""

    def __init__(
        self, account: Account, auth: dict[str, str], session: requests.Session | None
    ) -> None:
        root = account.settings.get("rest_root")
        base = account.settings.get("rest_base")
        if not isinstance(root, str) or not isinstance(base, str) or not _BASE.fullmatch(base):
            raise PublishError("account_missing", {"account": account.id})
        try:
            net.checked_url(str(root))
        except ConnectError as refused:
            raise PublishError(shared(refused.code), refused.details) from None
        self.root, self.collection = str(root), f"/wp/v2/{base}"
        self.user_id = account.settings.get("user_id")
        self._auth = auth
        self._http = session or SafeSession(max_bytes=MAX_ANSWER)

    def upload(self, number: int, photo: FittedImage, alt: str) -> Picture:
        name = f"omroeper-{number}.{_SUFFIX.get(photo.mime, 'jpg')}"
        try:
            answer = self._request(
                "POST",
                "/wp/v2/media",
                params={"alt_text": alt},
                data=photo.data,
                headers={
                    "Content-Type": photo.mime,
                    "Content-Disposition": f'attachment; filename="{quote(name)}"',
                },
            )
        except PublishError as failure:
            if failure.details.get("error") == "rest_cannot_create":  # no `upload_files`
                raise PublishError("cannot_upload", {"status": 403}) from None
            raise
        media = _body(answer)
        media_id, url = media.get("id"), safe_link(media.get("source_url"))
        if not isinstance(media_id, int) or not url:
            raise PublishError("bad_answer", {"status": answer.status_code})
        return Picture(media_id, url, alt)

    def takes_language(self) -> bool:
        """Whether the post type has a `lang` field (Polylang adds one): its schema says."""
        try:
            answer = self._request("OPTIONS", self.collection)
        except PublishError:
            return False
        schema = json_object(answer).get("schema")
        properties = schema.get("properties") if isinstance(schema, dict) else None
        return isinstance(properties, dict) and "lang" in properties

    def find(self, slug: str, mark: str) -> dict[str, Any] | None:
        """This user's post with that slug, else (WordPress drops a contributor's slug) the
        one whose first paragraph carries `mark`."""
        found = self._first({"slug": slug})
        if found is None:
            found = self._first({"search": mark}, mark)
        return found

    def _first(self, wanted: dict[str, str], mark: str = "") -> dict[str, Any] | None:
        fields = "id,link,status,content" if mark else "id,link,status"
        # `view`: a contributor may not edit (so not see in `edit`) a post once it is published
        params = wanted | {"status": "any", "context": "view", "_fields": fields}
        if isinstance(self.user_id, int) and self.user_id > 0:
            params["author"] = str(self.user_id)
        answer = self._request("GET", self.collection, params=params)
        try:
            found = answer.json()
        except ValueError:
            found = None
        if not isinstance(found, list):
            raise PublishError("bad_answer", {"status": answer.status_code})
        posts = [post for post in found if isinstance(post, dict) and "id" in post]
        if mark:  # a search matches words anywhere: the mark must be the class given
            posts = [post for post in posts if f'class="{mark}"' in _rendered(post)]
        return posts[0] if posts else None

    def send(
        self,
        method: str,
        route: str,
        fields: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        return _body(self._request(method, route, params=params, json=fields))

    def _request(
        self,
        method: str,
        route: str,
        *,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        **body: Any,
    ) -> requests.Response:
        address = endpoint(self.root, route, **(params or {}))
        try:
            answer = self._http.request(
                method,
                address,
                headers={"Accept": "application/json", **self._auth, **(headers or {})},
                timeout=net.TIMEOUT,
                **body,
            )
        except requests.RequestException as failure:
            details = {"address": urlsplit(address).netloc} | limit_details(failure)
            raise publish_error(transport_code(failure), details) from None
        return _checked(answer)


def _checked(answer: requests.Response) -> requests.Response:
    status = answer.status_code
    if status < 300:
        return answer
    found = json_object(answer)
    error = str(found.get("code") or "")[:_MESSAGE_CHARS]
    message = str(found.get("message") or "")[:_MESSAGE_CHARS]
    if status == 429:
        raise PublishError("rate_limited", {"retry_after": retry_after(answer)})
    if status >= 500:
        raise PublishError("server_error", {"status": status, "retry_after": retry_after(answer)})
    if status == 401:  # the application password was revoked, or the user removed
        raise publish_error("wrong_credentials", {"status": status, "error": error})
    if status >= 400:
        raise PublishError("rejected", {"status": status, "message": message, "error": error})
    raise PublishError("bad_answer", {"status": status})


def _published(post: dict[str, Any]) -> Published:
    post_id, status = post.get("id"), post.get("status")
    if not isinstance(post_id, int):
        raise PublishError("bad_answer", {"status": 200})
    found = post.get("link")
    link = found if isinstance(found, str) else ""
    if status != "publish":  # pending (or draft): not published, nothing may link to it
        return Published(str(post_id), link, held_for_review=True)
    return Published(str(post_id), link)


def _rendered(post: dict[str, Any]) -> str:
    content = post.get("content")
    raw = content.get("rendered") if isinstance(content, dict) else None
    return raw if isinstance(raw, str) else ""


def _post_id(copy: JobDestination) -> int:
    if not copy.remote_id.isdigit():
        raise PublishError("bad_answer", {"status": 0})
    return int(copy.remote_id)


def _body(answer: requests.Response) -> dict[str, Any]:
    found = json_object(answer)
    if not found:
        raise PublishError("bad_answer", {"status": answer.status_code})
    return found
