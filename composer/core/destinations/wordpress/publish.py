"""Publishing on the organisation's own WordPress site: a post of the account's post type,
through the REST API with the user's application password. The own site goes first: the
post's `link` is the link back every network's copy carries.

Exactly once: the post's address name (`slug`) carries a mark made from the job's
idempotency key (blocks.slug_for). A later attempt first looks for a post of this user with
that slug, in any status, and answers it instead of posting again.

A user who may not publish (a contributor) submits the post for review (`pending`): the
answer says so (`Published.held_for_review`), and the networks wait until an editor has
published it and the person retries (the retry reads the post back, now published).

Photos are uploaded under a name made from the same key; an attempt after an unclear one
looks for them by that name first, so a lost answer on an upload leaves no second copy.
Delete moves the post to the trash and leaves its photos: WordPress cannot put media in
the trash (without MEDIA_TRASH), and a post restored from the trash keeps its photos.

Edited (`update`): the post is changed in place (`POST /wp/v2/<type>/{id}`, same id, same
address): its title and blocks, keeping the mark its first paragraph carries and its "Ook
op:" paragraph (read from the post's raw content). A photo already on the post (the same
file: its size in bytes and pixels) is kept, with its `alt_text` changed where the draft
says otherwise (`POST /wp/v2/media/{id}`); others are uploaded. The same edit twice leaves
the same post (WordPress keeps no revision of an unchanged post), and a retry after a lost
answer finds the photos the first attempt put on the post, so nothing is uploaded twice.

Scheduled (`schedule`): the post is made `future` with its `date_gmt`, photos uploaded now;
only a user who may publish can (a contributor: `cannot_schedule`). WordPress publishes a
`future` post at once when its time is less than a minute ahead, so Omroeper asks two.
While it waits, WordPress's `link` is `?p=ID` (which answers 404 to visitors until then);
the address it will have is its `permalink_template` with its slug, where the site has pretty
addresses. WP-Cron publishes it, and WP-Cron runs on a visit to the site (or on the host's
cron job calling wp-cron.php where DISABLE_WP_CRON is set): a site nobody visits publishes
late. So settle_scheduled, finding a post still waiting after its time, requests wp-cron.php
itself (the visit that runs WP-Cron) and looks again; None while it still waits.
Unscheduling moves the waiting post to the trash (as delete does: it can be restored for 30
days; back to draft it would wait on the dashboard for someone to publish by mistake) and
leaves a post already published alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
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
    image_ids,
    mark_for,
    mark_of,
    post_content,
    slug_for,
    syndication_of,
    with_syndication,
)
from composer.core.destinations.wordpress.connect import basic_auth, endpoint
from composer.core.destinations.wordpress.words import classes, primary
from composer.core.images.fit import fit_image
from composer.core.images.probe import FittedImage, ImageError
from composer.core.outside_url import safe_link
from composer.core.publishing.destination import (
    Capabilities,
    Copies,
    NotEdited,
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
_KIND = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WebP"}
_FIELD = re.compile(r"[a-z0-9_]{1,40}")  # a REST field's name, as WordPress names them
# The user may not (any more): their role changed since connecting, or the post type did.
_NOT_ALLOWED = frozenset(
    {"rest_cannot_create", "rest_cannot_publish", "rest_cannot_edit", "rest_cannot_assign_term"}
)
# Multisite's upload limits; a single site's limit is its web server's 413.
_TOO_LARGE = frozenset({"rest_upload_file_too_big", "rest_upload_limited_space"})
# WordPress publishes a `future` post whose time is less than a minute ahead at once
# (wp_insert_post); one more for this computer's clock against the site's
ASK_AHEAD = timedelta(minutes=2)
_PLACEHOLDER = re.compile(r"%(?:postname|pagename)%")
_WAITING = frozenset({"future"})
_MOST_PHOTOS = 20  # image blocks of a post read back by an edit
_GONE = frozenset({"trash", "draft", "pending", "private"})


class WordPressDestination(NotEdited):
    capabilities = Capabilities(
        idempotent=True,
        can_read_back=True,
        is_own_site=True,
        schedules_on_server=True,
        can_edit=True,
    )

    def __init__(
        self,
        secret_lookup: SecretLookup,
        session: requests.Session | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ):
        self._secret_lookup = secret_lookup
        self._session = session
        self._clock = clock

    def reception(self, account: Account, copy: JobDestination) -> Reception:
        raise Unsupported("reception")  # no counts: comments are the site's own business

    def publish(self, request: PublishRequest) -> Published:
        if request.attempt > 1:  # the last attempt may have made the post: look first
            found = self.read_back(request)
            if found is not None:
                return found
        account = request.account
        status = "publish" if account.settings.get("can_publish") is True else "pending"
        site = self._site(account)
        return _published(site.send("POST", site.collection, self._fields(request, site, status)))

    def _fields(self, request: PublishRequest, site: _Site, status: str) -> dict[str, Any]:
        """The post's fields, its photos uploaded."""
        account, draft = request.account, request.draft
        fitted = _fitted(request)
        mark = mark_for(request.idempotency_key)
        pictures: list[Picture] = []
        for number, (source, photo) in enumerate(zip(draft.images, fitted, strict=True), 1):
            alt, name = "" if source.decorative else source.alt, f"{mark}-{number}"
            # an earlier attempt may have uploaded it, its answer lost: use that one
            found = site.uploaded(name, alt) if request.attempt > 1 else None
            pictures.append(found or site.upload(number, photo, alt, name))
        fields: dict[str, Any] = {
            "title": draft.title,
            "content": post_content(
                draft.website_body, pictures, mark_for(request.idempotency_key), draft.language
            ),
            "status": status,
            "slug": slug_for(draft.title or draft.text, request.idempotency_key),
        }
        category = account.settings.get("category")
        if isinstance(category, int) and category > 0:
            fields["categories"] = [category]  # chosen when connecting; else the site's default
        if pictures:
            fields["featured_media"] = pictures[0].media_id
        language = site.language(draft.language) if draft.language else ""
        if language:
            fields["lang"] = language  # Polylang's field, where the site has it
        return fields

    def update(self, request: PublishRequest, copy: JobDestination) -> Published:
        """The post changed in place (see the module's docstring); its id and address stay."""
        account, draft = request.account, request.draft
        site = self._site(account)
        address = f"{site.collection}/{_post_id(copy)}"
        wanted = "id,link,status,content"
        try:
            post = site.send("GET", address, params={"context": "edit", "_fields": wanted})
        except PublishError as failure:
            if failure.details.get("status") in (404, 410):
                raise PublishError("cannot_edit", {"reason": "gone"}) from None
            raise
        content = post.get("content")
        raw = content.get("raw") if isinstance(content, dict) else None
        if not isinstance(raw, str) or post.get("status") == "trash":
            raise PublishError("cannot_edit", {"reason": "gone"})
        on_post = [site.media(media_id) for media_id in image_ids(raw)[:_MOST_PHOTOS]]
        pictures = []
        for number, (source, photo) in enumerate(
            zip(draft.images, _fitted(request), strict=True), 1
        ):
            alt = "" if source.decorative else source.alt
            same = next((m for m in on_post if m is not None and _is(m, photo)), None)
            if same is None:  # named from the edit's key: a retry finds its own upload
                name = f"{mark_for(request.idempotency_key)}-{number}"
                found = site.uploaded(name, alt) if request.attempt > 1 else None
                pictures.append(found or site.upload(number, photo, alt, name))
                continue
            on_post.remove(same)
            if same.get("alt_text") != alt:
                site.send("POST", f"/wp/v2/media/{same['id']}", {"alt_text": alt})
            pictures.append(Picture(same["id"], same["source_url"], alt))
        mark = mark_of(raw) or mark_for(copy.idempotency_key)
        body = post_content(draft.website_body, pictures, mark, draft.language)
        kept = syndication_of(raw)
        fields: dict[str, Any] = {
            "title": draft.title,
            "content": f"{body}\n\n{kept}" if kept else body,
            "featured_media": pictures[0].media_id if pictures else 0,
        }
        return _published(site.send("POST", address, fields))

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

    # -- held by the site until its time -------------------------------------------------

    def can_schedule(self, request: PublishRequest) -> bool:
        """A user who may publish (a contributor's post waits for review instead)."""
        return request.account.settings.get("can_publish") is True

    def schedule(self, request: PublishRequest, at: datetime) -> Published:
        """A `future` post for `at`; url: the address it will have (see _future_link)."""
        account = request.account
        if not self.can_schedule(request):
            raise PublishError("cannot_schedule", {"reason": "review_only"})
        if request.attempt > 1:  # the last attempt may have made the post: look first
            draft = request.draft
            site = self._site(account)
            slug = slug_for(draft.title or draft.text, request.idempotency_key)
            found = site.find(slug, mark_for(request.idempotency_key))
            if found is not None:  # read again with what its future address is made of
                wanted = "id,link,status,slug,generated_slug,permalink_template"
                address = f"{site.collection}/{found['id']}"
                return _held(
                    site.send("GET", address, params={"context": "edit", "_fields": wanted})
                )
        if at - self._clock() < ASK_AHEAD:
            raise PublishError("too_soon", {"minutes": int(ASK_AHEAD.total_seconds()) // 60})
        site = self._site(account)
        fields = self._fields(request, site, "future")
        fields["date_gmt"] = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        return _held(site.send("POST", site.collection, fields, {"context": "edit"}))

    def unschedule(self, account: Account, copy: JobDestination) -> None:
        """The waiting post to the trash; one gone, or already published, is left alone."""
        post = self._post(account, copy)
        if post is not None and post.get("status") in _WAITING:
            self.delete(account, copy)

    def settle_scheduled(self, account: Account, copy: JobDestination) -> Published | None:
        """`publish`: the published post; still `future`: None (WP-Cron has not run yet);
        in the trash, gone, or moved back to draft or review: PublishError `not_held`."""
        post = self._post(account, copy)
        late = post is not None and post.get("status") in _WAITING and _due(post, self._clock())
        # WP-Cron runs on a visit: be that visit, as a host's cron job is, and look again
        if late and self._site(account).run_cron(account.server):
            post = self._post(account, copy)
        status = post.get("status") if post is not None else None
        if post is not None and status == "publish":
            return _published(post)
        if status in _WAITING:
            return None
        raise PublishError("not_held", {"status": str(status or "gone")})

    def _post(self, account: Account, copy: JobDestination) -> dict[str, Any] | None:
        """The post of the row (its id, status and link), None when it is gone."""
        site = self._site(account)
        address = f"{site.collection}/{_post_id(copy)}"
        try:
            return site.send("GET", address, params={"_fields": "id,link,status,date_gmt"})
        except PublishError as failure:
            if failure.details.get("status") in (404, 410):
                return None
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

    def uploaded(self, name: str, alt: str) -> Picture | None:
        """This user's photo uploaded as `name` (WordPress makes its address name from the
        file's name), or None."""
        found = self._mine("/wp/v2/media", {"slug": name, "_fields": "id,source_url"})
        for media in found:
            media_id = media.get("id") if isinstance(media, dict) else None
            url = safe_link(media.get("source_url")) if isinstance(media, dict) else ""
            if isinstance(media_id, int) and url:
                return Picture(media_id, url, alt)
        return None

    def upload(self, number: int, photo: FittedImage, alt: str, name: str) -> Picture:
        """`name`: the file's name without its suffix, made from the job's key."""
        name = f"{name}.{_SUFFIX.get(photo.mime, 'jpg')}"
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
            if failure.code == "not_allowed":  # no `upload_files`: a contributor
                raise PublishError("cannot_upload", {"status": 403}) from None
            if failure.code in ("photo_refused", "photo_too_large"):
                photo_details = {"index": number, "type": _KIND.get(photo.mime, "JPEG")}
                raise PublishError(
                    failure.code, failure.details | photo_details | {"bytes": len(photo.data)}
                ) from None
            raise
        media = _body(answer)
        media_id, url = media.get("id"), safe_link(media.get("source_url"))
        if not isinstance(media_id, int) or not url:
            raise PublishError("bad_answer", {"status": answer.status_code})
        return Picture(media_id, url, alt)

    def media(self, media_id: int) -> dict[str, Any] | None:
        """A photo on the post: its id, address, alt text and file's size; None when gone."""
        wanted = "id,source_url,alt_text,media_details"
        try:
            found = self.send(
                "GET", f"/wp/v2/media/{media_id}", None, {"context": "edit", "_fields": wanted}
            )
        except PublishError as failure:
            if failure.details.get("status") in (401, 403, 404, 410):
                return None  # gone, or another user's photo: upload the draft's own
            raise
        if not isinstance(found.get("id"), int) or not safe_link(found.get("source_url")):
            return None
        return found

    def run_cron(self, home: str) -> bool:
        """Request the site's wp-cron.php as a visitor: WP-Cron runs what is due (a post
        whose time has come), also where DISABLE_WP_CRON leaves that to the host's cron
        job. Whether the site answered; a failure is no one's concern."""
        try:
            net.checked_url(home)
            answer = self._http.request(
                "GET", f"{home.rstrip('/')}/wp-cron.php", timeout=net.TIMEOUT
            )
        except (requests.RequestException, ConnectError):
            return False
        return bool(answer.status_code < 400)

    def language(self, wanted: str) -> str:
        """The value for the post type's `lang` field (Polylang adds one) for a draft in
        `wanted`: "" when there is no such field, or the site does not offer that language
        (its schema lists the ones it has: "nl-BE" is sent as "nl")."""
        try:
            answer = self._request("OPTIONS", self.collection)
        except PublishError:
            return ""
        schema = json_object(answer).get("schema")
        properties = schema.get("properties") if isinstance(schema, dict) else None
        field = properties.get("lang") if isinstance(properties, dict) else None
        if not isinstance(field, dict):
            return ""
        offered = field.get("enum")
        if not isinstance(offered, list):
            return wanted
        for candidate in (wanted, primary(wanted)):
            if candidate and candidate in offered:
                return candidate
        return ""

    def find(self, slug: str, mark: str) -> dict[str, Any] | None:
        """This user's post with that slug, else (WordPress drops a contributor's slug) the
        one whose first paragraph carries `mark`."""
        found = self._first({"slug": slug})
        if found is None:
            found = self._first({"search": mark}, mark)
        return found

    def _mine(self, route: str, params: dict[str, str]) -> list[Any]:
        """The items of `route` this user made that match `params` (a list; its items are
        still to be checked). `view`: a contributor may not edit (so not see in `edit`) a
        post once it is published."""
        params = params | {"context": "view"}
        if isinstance(self.user_id, int) and self.user_id > 0:
            params["author"] = str(self.user_id)
        answer = self._request("GET", route, params=params)
        try:
            found = answer.json()
        except ValueError:
            found = None
        if not isinstance(found, list):
            raise PublishError("bad_answer", {"status": answer.status_code})
        return found

    def _first(self, wanted: dict[str, str], mark: str = "") -> dict[str, Any] | None:
        fields = "id,link,status,content" if mark else "id,link,status"
        found = self._mine(self.collection, wanted | {"status": "any", "_fields": fields})
        posts = [post for post in found if isinstance(post, dict) and "id" in post]
        if mark:  # a search matches words anywhere: the mark must be the class given
            posts = [post for post in posts if mark in classes(_rendered(post))]
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
    message = _plain(found.get("message"))
    # WordPress's own refusals a person can act on (some come as a 500: not worth retrying)
    if error in _TOO_LARGE or (status == 413 and not error):  # 413: the host's web server
        raise PublishError("photo_too_large", {"status": status, "error": error})
    if error.startswith("rest_upload_"):  # a file type the site does not take, or broken
        raise PublishError("photo_refused", {"status": status, "error": error})
    if error in _NOT_ALLOWED:
        raise PublishError("not_allowed", {"status": status, "error": error})
    if error in ("rest_invalid_param", "rest_missing_callback_param"):
        raise PublishError("invalid_field", {"status": status, "error": error} | _invalid(found))
    if status == 429:
        raise PublishError("rate_limited", {"retry_after": retry_after(answer)})
    if status >= 500:
        raise PublishError("server_error", {"status": status, "retry_after": retry_after(answer)})
    if status == 401:  # the application password was revoked, or the user removed
        raise publish_error("wrong_credentials", {"status": status, "error": error})
    if status >= 400:
        raise PublishError("rejected", {"status": status, "message": message, "error": error})
    raise PublishError("bad_answer", {"status": status})


def _invalid(found: dict[str, Any]) -> dict[str, str]:
    """Which fields WordPress refused (`data.params`: name → its reason, or a list of the
    missing ones), bounded and plain: the names as identifiers, the first reason one line."""
    data = found.get("data")
    params = data.get("params") if isinstance(data, dict) else None
    if isinstance(params, list):  # missing ones: only their names
        params = {name: "" for name in params[:5] if isinstance(name, str)}
    if not isinstance(params, dict):
        return {"fields": "", "message": ""}
    names = [name for name in list(params)[:5] if isinstance(name, str) and _FIELD.fullmatch(name)]
    reasons = [_plain(params[name]) for name in names]
    return {"fields": ", ".join(names), "message": next(filter(None, reasons), "")}


def _plain(value: Any) -> str:
    """A text from the site as one bounded line (shown as plain text, never markup)."""
    return " ".join(str(value or "").split())[:_MESSAGE_CHARS] if isinstance(value, str) else ""


def _published(post: dict[str, Any]) -> Published:
    post_id, status = post.get("id"), post.get("status")
    if not isinstance(post_id, int):
        raise PublishError("bad_answer", {"status": 200})
    found = post.get("link")
    link = found if isinstance(found, str) else ""
    if status != "publish":  # pending (or draft): not published, nothing may link to it
        return Published(str(post_id), link, held_for_review=True)
    return Published(str(post_id), link)


def _fitted(request: PublishRequest) -> list[FittedImage]:
    limits = request.account.effective_limits()
    fitted: list[FittedImage] = []
    for number, image in enumerate(request.draft.images):
        try:
            fitted.append(fit_image(image.path, limits))
        except ImageError as failure:
            raise PublishError("image_failed", {"index": number, "reason": failure.code}) from None
    return fitted


def _is(media: dict[str, Any], photo: FittedImage) -> bool:
    """Whether the site's photo is this file: the same size in bytes and in pixels."""
    details = media.get("media_details")
    if not isinstance(details, dict):
        return False
    said = (details.get("filesize"), details.get("width"), details.get("height"))
    return said == (len(photo.data), photo.width, photo.height)


def _held(post: dict[str, Any]) -> Published:
    """A post asked to wait: `future`, with the address it will have; `publish` (the site's
    clock was past the time, or it was published since): online now."""
    if post.get("status") == "publish":
        return replace(_published(post), published_now=True)
    if post.get("status") not in _WAITING:
        raise PublishError("bad_answer", {"status": 200})
    waiting = _published(post)
    return Published(waiting.remote_id, _future_link(post) or waiting.url)


def _due(post: dict[str, Any], now: datetime) -> bool:
    """Whether a waiting post's time (`date_gmt`, UTC without a zone) has come."""
    said = post.get("date_gmt")
    try:
        when = datetime.fromisoformat(said) if isinstance(said, str) else None
    except ValueError:
        return False
    return when is not None and when.replace(tzinfo=UTC) <= now


def _future_link(post: dict[str, Any]) -> str:
    """The pretty address a waiting post will have: its `permalink_template` (context=edit)
    with its slug. "" on a site without pretty addresses (its `link`, `?p=ID`, is the one)."""
    template, slug = post.get("permalink_template"), post.get("slug")
    slug = slug if isinstance(slug, str) and slug else post.get("generated_slug")
    if not isinstance(template, str) or not isinstance(slug, str) or not slug:
        return ""
    if not _PLACEHOLDER.search(template):
        return ""
    return safe_link(_PLACEHOLDER.sub(quote(slug, safe="-_.~%"), template, count=1)) or ""


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
