"""Publishing on Mastodon, Pixelfed and other Mastodon-API servers (GoToSocial, Akkoma…)
with Mastodon.py: images with alt text, the link back, content warning, language, threads as
replies, and an Idempotency-Key on every status; and handing a post to the server to hold
until its time (`schedule`, see held.py).

The key is not trusted: Mastodon answers a repeat (within the hour) with the original status,
GoToSocial ignores it, Pixelfed answers 400 "Duplicate idempotency key". So each status of a
thread is a step of the job, recorded before it is sent and once answered; after an unclear
outcome the account's latest statuses are read back and matched by the part's text
(marker_of), its place in the reply chain and the time it was sent, and only what is missing
is sent.

Scheduling on the server: only where the software is known to hold a post
(software.holds_posts: Mastodon 2.7+ and its forks, GoToSocial 0.20+; never Pixelfed, nor an
unknown server: one that ignores `scheduled_at` would publish at once), and only a post of
one status. A thread is held by this computer: its replies need the first status's id,
which a held status does not have until it is published, and holding the rest here would
make the thread depend on this computer anyway. The held post is a step of the job
(request.steps, `sending` with its marker): an unclear outcome is read back among the held
posts (by text: the server does not keep the key) and the published ones before anything
is sent again, and settle_scheduled recognises the published status by it.

Editing (`update`, PUT /api/v1/statuses/:id): where the software edits (software.edits_posts:
Mastodon 3.5+, GoToSocial 0.18+, Pixelfed where its admin turned editing on), each part of
the thread whose text changed is edited, and the first also for its photos: the same number
of photos keeps the media on the status and sends the descriptions that changed
(`media_attributes`); another number uploads the new photos. A thread whose number of parts
changes cannot be edited (`cannot_edit`, thread_length): parts are not added or removed.
An edit is idempotent on the server (the same PUT twice leaves the same status), and more:
each part is read before it is edited, and one that already says the new text (with its
content warning, language and the photos' descriptions) is not edited again, so a retry
after a lost answer adds no second edit to the status's history. A photo swapped for
another is seen by its size in pixels (`meta.original`), where the server gives it; one of
the very same size, or on a server that does not say, is taken to stay: the server does not
show which file a photo came from.

Everything here blocks: the publish job calls it from its worker threads.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, suppress
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from mastodon import Mastodon
from mastodon.errors import MastodonAPIError, MastodonNotFoundError

from composer.core.accounts.account import Account, AccountKind
from composer.core.analysis.analysis import analyze
from composer.core.destinations.errors import UNCLEAR, PublishError, publish_error
from composer.core.destinations.mastodon import held
from composer.core.destinations.mastodon.client import Session, client
from composer.core.destinations.mastodon.failures import failing_as, status_of
from composer.core.destinations.mastodon.software import (
    edits_language,
    edits_posts,
    holds_posts,
)
from composer.core.drafts.draft import Draft
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

__all__ = ["MastodonDestination", "capabilities_of", "marker_of", "part_key"]

LOOKUP_LIMIT = 20  # the account's latest statuses searched for a post Pixelfed says exists
READ_BACK_LIMIT = 40  # the account's latest statuses read back after an unclear outcome
READ_BACK_SLACK = timedelta(minutes=5)  # this computer's clock against the server's
READ_BACK_WINDOW = timedelta(days=2)  # a part on record without the moment it was sent
_MENTION = re.compile(r"(?<![\w@])@(\w[\w.-]*)@[\w-]+(?:\.[\w-]+)+")
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)


def part_key(key: str, number: int) -> str:
    """The Idempotency-Key of a thread's part `number` (from 1): the post's own for the first."""
    return key if number == 1 else f"{key}-{number}"


def capabilities_of(kind: AccountKind) -> Capabilities:
    """Every Mastodon-API server is read back before anything is sent again: only Mastodon
    honours Idempotency-Key (for an hour), GoToSocial ignores it, Pixelfed refuses a
    repeat. An account signed in without read:statuses cannot list its statuses: then
    nothing unclear is sent again (`connect_again`). Pixelfed posts photos: one is needed."""
    pixelfed = kind is AccountKind.PIXELFED
    return Capabilities(
        idempotent=True,
        can_read_back=True,
        needs_image=pixelfed,
        # per account, by its server's software (can_schedule); Pixelfed ignores the time
        schedules_on_server=not pixelfed,
        can_count=True,
        # per account, by its server's software (software.edits_posts)
        can_edit=True,
    )


class MastodonDestination(NotEdited):
    """The Destination for Mastodon and Pixelfed accounts (`kind`: which of the two its
    capabilities describe). `credentials_lookup(account_id)` gives the account's secret
    (`access_token`), as Credentials.load does."""

    def __init__(
        self,
        credentials_lookup: Callable[[str], dict[str, str]],
        *,
        kind: AccountKind = AccountKind.MASTODON,
        session_factory: Callable[[], Session] = Session,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._credentials = credentials_lookup
        self._session_factory = session_factory
        self._clock = clock
        self.capabilities = capabilities_of(kind)

    # -- publishing ----------------------------------------------------------------------

    def publish(self, request: PublishRequest) -> Published:
        """Each status of the thread in turn, each a step of the job (request.steps): a part
        on record as posted is not sent again, and one whose outcome was unclear (a crash,
        a timeout, a lost answer) is first looked for among the account's latest statuses;
        only what is truly missing is sent, whether or not the server honours the key."""
        account = request.account
        limits = account.effective_limits()
        draft = _linked(request)
        if capabilities_of(account.kind).needs_image and not draft.images:
            raise PublishError("rejected", {"reason": "image_required", "address": account.server})
        images = [self._fit(image.path, limits) for image in draft.images]
        parts = _parts(draft, account, images)
        warning = draft.content_warning_for(account.kind.value).strip()
        api, session = self._client(account)
        steps = request.steps
        recorded = {part.number: part for part in steps.recorded()}
        reader = _Reader(api, session, account.server)
        first: Published | None = None
        previous: str | None = None
        for number, text in enumerate(parts, 1):
            pictures = len(draft.images) if number == 1 else 0
            marker = marker_of(text)
            part = recorded.get(number)
            found: Published | None = None
            if part is not None and part.state == "done":
                found = Published(part.remote_id, part.url)
            elif part is not None:  # sent, and no answer came back: is it there?
                taken = {p.remote_id for p in recorded.values() if p.remote_id}
                status = reader.find(marker, previous, pictures, part.started, taken)
                if status is not None:
                    found = Published(str(status["id"]), _address(status))
                    steps.sent(number, found.remote_id, found.url)
            if found is None:
                fields: dict[str, Any] = {
                    "in_reply_to_id": previous,
                    "spoiler_text": warning or None,
                    "sensitive": bool(warning),
                    "language": draft.language or None,
                    "visibility": "public",
                }
                key = part_key(request.idempotency_key, number)
                if part is not None and account.kind is AccountKind.PIXELFED:
                    # read back and not there: Pixelfed remembers a key before it posts, so
                    # the old one would be refused for good
                    key = f"{key}-{request.attempt}"
                recorded_now = False
                try:
                    with _publishing(account.server, session):
                        media = self._upload(api, draft, images) if number == 1 else []
                        fields["media_ids"] = media or None
                        steps.sending(number, len(parts), key, marker)  # just before it goes
                        recorded_now = True
                        status = self._post(api, session, account, text, key=key, fields=fields)
                except PublishError as error:
                    if recorded_now and error.code not in UNCLEAR:  # refused, or not reached
                        steps.not_sent(number)
                    raise
                found = Published(str(status["id"]), _address(status))
                steps.sent(number, found.remote_id, found.url)
            first = first or found
            previous = found.remote_id
        assert first is not None
        return first

    def read_back(self, request: PublishRequest) -> Published | None:
        """The post's first status, looked up among the account's latest by its text (not
        by the key, which the server does not show). Needs a token that may read statuses:
        without, PublishError `connect_again`."""
        account, draft = request.account, _linked(request)
        images = [self._fit(image.path, account.effective_limits()) for image in draft.images]
        first = _parts(draft, account, images)[0]  # split as publish() splits it
        api, session = self._client(account)
        found = _Reader(api, session, account.server).find(
            marker_of(first), None, len(draft.images), None, set()
        )
        return None if found is None else Published(str(found["id"]), _address(found))

    def delete(self, account: Account, copy: JobDestination) -> None:
        """Delete everywhere: every part of the thread on record, the last first (also of a
        thread that failed partway). A part whose outcome was unclear is looked for first.
        An older job recorded only its first status: its own replies are found below it.
        One already gone counts as deleted."""
        if not copy.parts_total:
            self.delete_statuses(account, [copy.remote_id])
            return
        api, session = self._client(account)
        reader = _Reader(api, session, account.server)
        ids: list[str] = []
        for part in copy.parts:
            if part.state == "done":
                ids.append(part.remote_id)
                continue
            previous = ids[-1] if ids else None
            status = reader.find(part.marker, previous, None, part.started, set(ids))
            if status is not None:
                ids.append(str(status["id"]))
        with _publishing(account.server, session):
            for remote_id in reversed(ids):
                with suppress(MastodonNotFoundError):
                    api.status_delete(remote_id)

    def tell(self, account: Account, page: JobDestination, copies: Copies) -> None:
        raise Unsupported("tell")

    # -- editing a published copy --------------------------------------------------------

    def update(self, request: PublishRequest, copy: JobDestination) -> Published:
        """Each changed part edited in place (see the module's docstring): the copy keeps
        its id and address."""
        account = request.account
        where = {"address": account.server}
        settings = account.settings
        if not edits_posts(settings):
            raise PublishError("cannot_edit", where | {"reason": "software"})
        texts, draft, images = self._texts(request)
        old = [p for p in copy.parts if p.state == "done"] if copy.parts_total else []
        ids = [p.remote_id for p in old] or [copy.remote_id]
        if len(texts) != max(copy.parts_total, 1) or len(ids) != len(texts):
            raise PublishError(
                "cannot_edit", where | {"reason": "thread_length", "parts": len(texts)}
            )
        markers = {p.number: p.marker for p in old}
        warning = draft.content_warning_for(account.kind.value).strip()
        pixelfed = account.kind is AccountKind.PIXELFED
        api, session = self._client(account)
        for number, (remote_id, text) in enumerate(zip(ids, texts, strict=True), 1):
            photos = draft.images if number == 1 else ()
            if not photos and markers.get(number) == marker_of(text):
                continue  # this part says the same as before
            with _editing(account.server, session):
                status = api.status(remote_id)
                fields: dict[str, Any] = {
                    "spoiler_text": warning or "",
                    "sensitive": bool(warning),
                }
                if not pixelfed and edits_language(settings) and draft.language:
                    fields["language"] = draft.language
                fitted = images if number == 1 else []
                if _says(status, text, photos, fitted, fields):
                    continue  # already so: an earlier attempt of this edit got through
                if number == 1:
                    fields |= self._edited_media(api, status, draft, images, pixelfed)
                _update_status(api, remote_id, text, fields)
        return Published(copy.remote_id, copy.url)

    def _edited_media(
        self,
        api: Mastodon,
        status: dict[str, Any],
        draft: Draft,
        images: list[FittedImage],
        pixelfed: bool,
    ) -> dict[str, Any]:
        """The same number of photos: the media stay, with their descriptions as the draft
        says them now (`media_attributes`; Pixelfed has none: it keeps them only when they
        did not change). Another number: the new photos, uploaded (not on Pixelfed, whose
        edit never attaches new media: `cannot_edit`, photos)."""
        media = list(status.get("media_attachments") or [])
        if len(media) == len(draft.images) and all(map(_same_size, media, images)):
            wanted = [image.alt or "" for image in draft.images]
            said = [str(m.get("description") or "") for m in media]
            kept = [str(m["id"]) for m in media]
            if pixelfed:
                if wanted != said:
                    raise PublishError("cannot_edit", {"reason": "alt_text"})
                return {"media_ids": kept or None}
            if not media:
                return {}
            attributes = [{"id": i, "description": d} for i, d in zip(kept, wanted, strict=True)]
            return {"media_attributes": attributes}
        if pixelfed:  # UpdateStatusService keeps or drops a post's media, never adds any
            raise PublishError("cannot_edit", {"reason": "photos"})
        return {"media_ids": self._upload(api, draft, images) or []}

    # -- held by the server until its time -----------------------------------------------

    def can_schedule(self, request: PublishRequest) -> bool:
        """A Mastodon account whose server's software holds posts, and a post of one status."""
        account = request.account
        if not self.capabilities.schedules_on_server or not holds_posts(account.settings):
            return False
        return len(self._texts(request)[0]) == 1

    def schedule(self, request: PublishRequest, at: datetime) -> Published:
        """The post with its photos (uploaded now: Mastodon removes media left unattached
        for a day, and keeps those of a held post) handed to the server for `at`."""
        account = request.account
        where = {"address": account.server}
        if not self.capabilities.schedules_on_server or not holds_posts(account.settings):
            raise PublishError("cannot_schedule", where | {"reason": "software"})
        texts, draft, images = self._texts(request)
        if len(texts) != 1:
            raise PublishError("cannot_schedule", where | {"reason": "thread"})
        marker, pictures = marker_of(texts[0]), len(draft.images)
        api, session = self._client(account)
        steps = request.steps
        part = next((p for p in steps.recorded() if p.number == 1), None)
        if part is not None or request.attempt > 1:  # did the last attempt get through?
            started = part.started if part is not None else None
            found = self._find_held(
                api, session, account, marker, pictures=pictures, started=started
            )
            if found is not None:
                return found
        if at - self._clock() < held.ASK_AHEAD:
            raise PublishError("too_soon", where | {"minutes": held.ASK_MINUTES})
        warning = draft.content_warning_for(account.kind.value).strip()
        fields: dict[str, Any] = {
            "spoiler_text": warning or None,
            "sensitive": bool(warning),
            "language": draft.language or None,
            "visibility": "public",
        }
        recorded_now = False
        try:
            with _publishing(account.server, session):
                media = self._upload(api, draft, images)
                steps.sending(1, 1, request.idempotency_key, marker)  # just before it goes
                recorded_now = True
                answer = api.status_post(
                    texts[0],
                    idempotency_key=request.idempotency_key,
                    media_ids=media or None,
                    scheduled_at=at,
                    **fields,
                )
        except PublishError as error:
            if recorded_now and error.code not in UNCLEAR:  # refused, or not reached
                steps.not_sent(1)
            raise held.refusal(error) from None
        if held.is_held(answer):
            return Published(held.held_id(answer), "")
        if not isinstance(answer, dict) or "id" not in answer:
            raise PublishError("bad_answer", {"status": session.last_status} | where)
        # a Status: the server did not hold it (its clock is past `at`): it is online now
        return Published(str(answer["id"]), _address(answer), published_now=True)

    def unschedule(self, account: Account, copy: JobDestination) -> None:
        """DELETE the held post; one already gone (cancelled, or published) counts as
        cancelled."""
        remote_id = held.checked_id(copy.remote_id)
        api, session = self._client(account)
        with _publishing(account.server, session), suppress(MastodonNotFoundError):
            api.scheduled_status_delete(remote_id)

    def settle_scheduled(self, account: Account, copy: JobDestination) -> Published | None:
        """Still held (GET /api/v1/scheduled_statuses/:id answers it): None. Gone: the
        status it became, found among the account's latest statuses by the marker that
        schedule() recorded (copy.parts); none there: PublishError `not_held`."""
        remote_id = held.checked_id(copy.remote_id)
        api, session = self._client(account)
        with _publishing(account.server, session):
            try:
                api.scheduled_status(remote_id)
                return None
            except MastodonNotFoundError:
                pass
        part = next((p for p in copy.parts if p.number == 1 and p.marker), None)
        if part is None:  # nothing on record to recognise it by
            raise PublishError("not_held", {"address": account.server, "reason": "no_record"})
        status = _Reader(api, session, account.server).find(
            part.marker, None, None, part.started, set()
        )
        if status is None:
            raise PublishError("not_held", {"address": account.server})
        return Published(str(status["id"]), _address(status))

    def _texts(self, request: PublishRequest) -> tuple[list[str], Draft, list[FittedImage]]:
        """The statuses the post would be (as publish() splits it), the draft with its
        link back, and its photos fitted to the account's limits."""
        account, draft = request.account, _linked(request)
        images = [self._fit(image.path, account.effective_limits()) for image in draft.images]
        return _parts(draft, account, images), draft, images

    def _find_held(
        self,
        api: Mastodon,
        session: Session,
        account: Account,
        marker: str,
        *,
        pictures: int,
        started: datetime | None,
    ) -> Published | None:
        """What an earlier attempt left: a held post with this text and photos (the newest
        page of them), else a status it already became."""
        with _publishing(account.server, session):
            waiting = api.scheduled_statuses(limit=held.LIST_LIMIT)
        for found in list(waiting or [])[: held.LIST_LIMIT]:
            text, count = held.held_text(found), held.pictures_of(found)
            if marker_of(text) == marker and count == pictures:
                return Published(held.held_id(found), "")
        reader = _Reader(api, session, account.server)
        status = reader.find(marker, None, pictures, started, set())
        if status is None:
            return None
        return Published(str(status["id"]), _address(status), published_now=True)

    def reception(self, account: Account, copy: JobDestination) -> Reception:
        """`GET /api/v1/statuses/:id` of the copy's first status (of a thread, too: that is
        the one the website links to, and where people reply and boost; the other parts'
        figures are not added up). The token may lack read:statuses (an account connected
        before Omroeper asked for it): Mastodon refuses it (403), so a public status is
        read once more without the token, as anyone may. The counts are read from the
        answer as the server sent it: Mastodon.py would turn 2.5 or "12" into a number."""
        try:
            token = self._credentials(account.id)["access_token"]
        except KeyError:
            raise PublishError("expired", {"address": account.server}) from None
        session = _KeptSession()
        api = client(account.server, token, session)
        try:
            with _publishing(account.server, session):
                api.status(copy.remote_id)
        except PublishError as error:
            if error.details.get("status") != 403:
                raise
            api.access_token = None
            with _publishing(account.server, session):
                api.status(copy.remote_id)
        try:
            status = json.loads(session.body)
        except ValueError:
            status = None
        if not isinstance(status, dict):
            raise PublishError("bad_answer", {"address": account.server})
        return Reception.now(
            status.get("replies_count"),
            status.get("reblogs_count"),
            status.get("favourites_count"),
            safe_link(copy.url) or _address(status),
        )

    def delete_statuses(self, account: Account, remote_ids: Sequence[str]) -> None:
        """Each status and our own replies below it."""
        api, session = self._client(account)
        with _publishing(account.server, session):
            for remote_id in remote_ids:
                try:
                    below = api.status_context(remote_id)["descendants"]
                except MastodonNotFoundError:
                    continue
                for status_id in [
                    *reversed(_own_replies(remote_id, below)),
                    remote_id,
                ]:  # replies first
                    with suppress(MastodonNotFoundError):
                        api.status_delete(status_id)

    # -- inside --------------------------------------------------------------------------

    def _client(self, account: Account) -> tuple[Mastodon, Session]:
        try:
            token = self._credentials(account.id)["access_token"]
        except KeyError:
            raise PublishError("expired", {"address": account.server}) from None
        session = self._session_factory()
        return client(account.server, token, session), session

    @staticmethod
    def _fit(path: Any, limits: Any) -> FittedImage:
        try:
            return fit_image(path, limits)
        except ImageError as error:
            raise PublishError("rejected", {"reason": error.code}) from None

    @staticmethod
    def _upload(api: Mastodon, draft: Draft, images: list[FittedImage]) -> list[str]:
        if not draft.images:
            return []
        # media_post asks the server's version; when that fails, Mastodon.py asks again from
        # inside its own retry, endlessly. Ask once, and fail as that answer did.
        api.retrieve_mastodon_version(fail_hard=True)
        return [
            api.media_post(
                fitted.data,
                mime_type=fitted.mime,
                description=image.alt or None,
                file_name=f"image-{number}{_suffix(fitted.mime)}",
            )["id"]
            for number, (image, fitted) in enumerate(zip(draft.images, images, strict=True), 1)
        ]

    def _post(
        self,
        api: Mastodon,
        session: Session,
        account: Account,
        text: str,
        *,
        key: str,
        fields: dict[str, Any],
    ) -> dict[str, Any]:
        try:
            posted: dict[str, Any] = api.status_post(text, idempotency_key=key, **fields)
            return posted
        except MastodonAPIError as error:
            duplicate = "idempotency" in session.last_message.lower()
            if status_of(error) != 400 or not duplicate:
                raise
        found = _find_posted(api, text, fields["in_reply_to_id"])
        if found is None:  # Pixelfed remembered the key, but no post came of it
            raise PublishError(
                "rejected",
                {"status": 400, "message": session.last_message, "address": account.server},
            )
        return found


class _KeptSession(Session):
    """A Session that keeps the last answer's body (read within safe_http's bounds)."""

    body = b""

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        answer = super().request(method, url, *args, **kwargs)
        self.body = answer.content
        return answer


def _linked(request: PublishRequest) -> Draft:
    """The draft as posted: with the website's page as its link back."""
    draft = request.draft
    return replace(draft, link=request.canonical_url) if request.canonical_url else draft


def _parts(draft: Draft, account: Account, images: list[FittedImage]) -> list[str]:
    """The texts of the statuses, the thread's parts in order."""
    limits, target = account.effective_limits(), account.kind.value
    return [part.text for part in analyze(draft, target, limits, images).parts]


def _find_posted(api: Mastodon, text: str, reply_to: str | None) -> dict[str, Any] | None:
    """The status Pixelfed says was posted with this key: the newest with the same text."""
    me = api.account_verify_credentials()
    wanted = marker_of(text)
    status: dict[str, Any]
    for status in api.account_statuses(me["id"], limit=LOOKUP_LIMIT):
        if str(status.get("in_reply_to_id") or "") != str(reply_to or ""):
            continue
        if marker_of(_status_text(status)) == wanted:
            return status
    return None


def marker_of(text: str) -> str:
    """What a part is recognised by when read back: a hash of its text as any server shows
    it again (see _comparable), so it holds when the server rewrites it into HTML."""
    return hashlib.sha256(_comparable(text).encode()).hexdigest()[:32]


def _comparable(text: str) -> str:
    """The text without what servers change: markup, spacing and line breaks, and a
    mention's domain (Mastodon and GoToSocial show `@name` for `@name@domain`)."""
    return _plain(_MENTION.sub(r"@\1", unicodedata.normalize("NFC", text)))


class _Reader:
    """The account's latest statuses, read back to find a part an earlier attempt may have
    posted: bounded by a limit (one page) and a time window around the attempt."""

    def __init__(self, api: Mastodon, session: Session, server: str) -> None:
        self._api, self._session, self._server = api, session, server
        self._me: str | None = None

    def find(
        self,
        marker: str,
        reply_to: str | None,
        pictures: int | None,
        started: datetime | None,
        taken: set[str],
    ) -> dict[str, Any] | None:
        """The oldest of the account's statuses since `started` (less the clocks' slack)
        with this marker, replying to `reply_to` (None: to nothing), with `pictures` photos
        (None: any), and not one of `taken`; None when there is none."""
        since = (started or datetime.now(UTC) - READ_BACK_WINDOW) - READ_BACK_SLACK
        try:
            with _publishing(self._server, self._session):
                if self._me is None:
                    self._me = str(self._api.account_verify_credentials()["id"])
                latest = self._api.account_statuses(self._me, limit=READ_BACK_LIMIT)
        except PublishError as error:
            if error.details.get("status") == 403:  # signed in without read:statuses
                raise PublishError(
                    "connect_again", {"reason": "read_scope", "address": self._server}
                ) from None
            raise
        found = [
            status
            for status in latest[:READ_BACK_LIMIT]
            if isinstance(status, dict)
            and str(status.get("id")) not in taken
            and str(status.get("in_reply_to_id") or "") == str(reply_to or "")
            and (pictures is None or len(status.get("media_attachments") or ()) == pictures)
            and _when(status.get("created_at")) >= since
            and marker_of(_status_text(status)) == marker
        ]
        return min(found, key=lambda status: _when(status.get("created_at")), default=None)


def _status_text(status: dict[str, Any]) -> str:
    """The text as typed where the server says it (GoToSocial's `text`), else its HTML."""
    said = status.get("text")
    if isinstance(said, str) and said:
        return said
    return _from_html(str(status.get("content") or ""))


def _when(value: Any) -> datetime:
    """A status's created_at (Mastodon.py makes it a datetime); unreadable: long ago."""
    if isinstance(value, str):
        with suppress(ValueError):
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.min.replace(tzinfo=UTC)


def _from_html(content: str) -> str:
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", content)))


def _plain(text: str) -> str:
    return " ".join(text.split())


def _own_replies(root: str, below: Sequence[Any]) -> list[str]:
    """The rest of our thread under `root`: the chain of self-replies, not others' answers."""
    ours, found = {str(root)}, []
    for status in below:  # the server lists them parents first
        account_id = str((status.get("account") or {}).get("id", ""))
        reply = str(status.get("in_reply_to_id"))
        if reply in ours and account_id == str(status.get("in_reply_to_account_id")):
            ours.add(str(status["id"]))
            found.append(str(status["id"]))
    return found


def _suffix(mime: str) -> str:
    return {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif"}.get(
        mime, "." + mime.rpartition("/")[2]
    )


def _update_status(api: Mastodon, remote_id: str, text: str, fields: dict[str, Any]) -> None:
    """PUT /api/v1/statuses/:id. Mastodon.py's status_update has no `language` (Mastodon
    takes it since 4.0): the same call, through the library's own status builder, with it."""
    if "language" not in fields:
        api.status_update(remote_id, text, **fields)
        return
    build = getattr(api, "_Mastodon__status_internal")  # what status_update calls  # noqa: B009
    build(text, edit=remote_id, **fields)


def _same_size(media: dict[str, Any], photo: FittedImage) -> bool:
    """Whether the status's photo may be this one: the same pixels wide and high where the
    server says (Mastodon's `meta.original`); a photo swapped for another is mostly seen so."""
    meta = media.get("meta")
    original = meta.get("original") if isinstance(meta, dict) else None
    if not isinstance(original, dict) or "width" not in original:
        return True  # the server does not say: the photo in this place is taken to stay
    return (original.get("width"), original.get("height")) == (photo.width, photo.height)


def _says(
    status: dict[str, Any],
    text: str,
    photos: Sequence[Any],
    fitted: Sequence[FittedImage],
    fields: dict[str, Any],
) -> bool:
    """Whether the status already is this part of the edit: its text, content warning and
    language, and the photos: their number, sizes and descriptions."""
    if marker_of(_status_text(status)) != marker_of(text):
        return False
    if str(status.get("spoiler_text") or "") != fields["spoiler_text"]:
        return False
    if "language" in fields and status.get("language") != fields["language"]:
        return False
    media = list(status.get("media_attachments") or [])
    said = [str(m.get("description") or "") for m in media]
    if len(media) != len(fitted) or not all(map(_same_size, media, fitted)):
        return False
    return said == [image.alt or "" for image in photos]


def _editing(server: str, session: Session) -> AbstractContextManager[None]:
    """As _publishing, with the refusals of an edit named: the status is gone (404:
    nothing to change), the server does not edit (Pixelfed without editing on: 404 with
    its words), the new content refused (422)."""
    return _EditFailures(server, session)


class _EditFailures:
    def __init__(self, server: str, session: Session) -> None:
        self._inner = _publishing(server, session)
        self._server = server

    def __enter__(self) -> None:
        self._inner.__enter__()

    def __exit__(self, kind: Any, error: Any, trace: Any) -> bool:
        try:
            return bool(self._inner.__exit__(kind, error, trace))
        except PublishError as failure:
            status = failure.details.get("status")
            message = str(failure.details.get("message") or "")
            where = {"address": self._server}
            if failure.code == "rejected" and status == 404:
                reason = "software" if "editing" in message.lower() else "gone"
                raise PublishError("cannot_edit", where | {"reason": reason}) from None
            if failure.code == "rejected" and status in (400, 422):
                raise PublishError(
                    "edit_refused", where | {"status": status, "message": message}
                ) from None
            raise


def _publishing(server: str, session: Session) -> AbstractContextManager[None]:
    """Mastodon.py's failures inside the block as PublishError codes."""
    return failing_as(publish_error, server, session)


def _address(status: dict[str, Any]) -> str:
    """The status's page (`url`), else its ActivityPub id (`uri`) when only that one is a safe
    link; neither: what the server said, for the publisher to store as no address."""
    said = [status.get("url"), status.get("uri")]
    return next((link for link in map(safe_link, said) if link), str(said[0] or said[1] or ""))
