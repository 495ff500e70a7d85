"""Publishing on Mastodon and Pixelfed with Mastodon.py: images with alt text, the link back,
content warning, language, threads as replies, and an Idempotency-Key on every status.

Mastodon answers a repeated key (within the hour) with the original status, so an attempt cut
short is simply made again. Pixelfed answers 400 "Duplicate idempotency key": the post is
there, and is looked up among the account's latest statuses.

Everything here blocks: the publish job calls it from its worker threads.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, suppress
from dataclasses import replace
from typing import Any

from mastodon import Mastodon
from mastodon.errors import MastodonAPIError, MastodonNotFoundError

from composer.core.accounts.account import Account, AccountKind
from composer.core.analysis.analysis import analyze
from composer.core.destinations.errors import PublishError, publish_error
from composer.core.destinations.mastodon.client import Session, client
from composer.core.destinations.mastodon.failures import failing_as, status_of
from composer.core.drafts.draft import Draft
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
from composer.core.store.jobs import JobDestination

__all__ = ["MastodonDestination", "capabilities_of", "part_key"]

LOOKUP_LIMIT = 20  # the account's latest statuses searched for a post Pixelfed says exists
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)


def part_key(key: str, number: int) -> str:
    """The Idempotency-Key of a thread's part `number` (from 1): the post's own for the first."""
    return key if number == 1 else f"{key}-{number}"


def capabilities_of(kind: AccountKind) -> Capabilities:
    """Mastodon deduplicates by Idempotency-Key; a post Pixelfed says exists is read back
    among the account's latest statuses. Mastodon's sign-in asks no scope to list them
    (connect.SCOPES), so there it cannot read back. Pixelfed posts photos: one is needed."""
    pixelfed = kind is AccountKind.PIXELFED
    return Capabilities(idempotent=True, can_read_back=pixelfed, needs_image=pixelfed)


class MastodonDestination:
    """The Destination for Mastodon and Pixelfed accounts (`kind`: which of the two its
    capabilities describe). `credentials_lookup(account_id)` gives the account's secret
    (`access_token`), as Credentials.load does."""

    def __init__(
        self,
        credentials_lookup: Callable[[str], dict[str, str]],
        *,
        kind: AccountKind = AccountKind.MASTODON,
        session_factory: Callable[[], Session] = Session,
    ) -> None:
        self._credentials = credentials_lookup
        self._session_factory = session_factory
        self.capabilities = capabilities_of(kind)

    # -- publishing ----------------------------------------------------------------------

    def publish(self, request: PublishRequest) -> Published:
        account = request.account
        limits = account.effective_limits()
        draft = _linked(request)
        if capabilities_of(account.kind).needs_image and not draft.images:
            raise PublishError("rejected", {"reason": "image_required", "address": account.server})
        images = [self._fit(image.path, limits) for image in draft.images]
        parts = _parts(draft, account, images)
        warning = draft.content_warning_for(account.kind.value).strip()
        api, session = self._client(account)
        with _publishing(account.server, session):
            if draft.images:
                # media_post asks the server's version; when that fails, Mastodon.py asks again
                # from inside its own retry, endlessly. Ask once, and fail as that answer did.
                api.retrieve_mastodon_version(fail_hard=True)
            media_ids = [
                api.media_post(
                    fitted.data,
                    mime_type=fitted.mime,
                    description=image.alt or None,
                    file_name=f"image-{number}{_suffix(fitted.mime)}",
                )["id"]
                for number, (image, fitted) in enumerate(zip(draft.images, images, strict=True), 1)
            ]
            first: dict[str, Any] | None = None
            previous: str | None = None
            for number, text in enumerate(parts, 1):
                key = part_key(request.idempotency_key, number)
                fields = {
                    "in_reply_to_id": previous,
                    "media_ids": media_ids if number == 1 else None,
                    "spoiler_text": warning or None,
                    "sensitive": bool(warning),
                    "language": draft.language or None,
                    "visibility": "public",
                }
                status = self._post(api, session, account, text, key=key, fields=fields)
                first = first or status
                previous = str(status["id"])
        assert first is not None
        return Published(str(first["id"]), _address(first))

    def read_back(self, request: PublishRequest) -> Published | None:
        """The post's first status, looked up among the account's latest by its text (not
        by the key, which the server does not show). Needs a token that may read statuses."""
        account, draft = request.account, _linked(request)
        images = [self._fit(image.path, account.effective_limits()) for image in draft.images]
        first = _parts(draft, account, images)[0]  # split as publish() splits it
        api, session = self._client(account)
        with _publishing(account.server, session):
            found = _find_posted(api, first, None)
        return None if found is None else Published(str(found["id"]), _address(found))

    def delete(self, account: Account, copy: JobDestination) -> None:
        """Delete everywhere: the status and the rest of its thread (our own replies below
        it). One already gone counts as deleted."""
        self.delete_statuses(account, [copy.remote_id])

    def tell(self, account: Account, page: str, copies: Copies) -> None:
        raise Unsupported("tell")

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
    wanted = _plain(text)
    status: dict[str, Any]
    for status in api.account_statuses(me["id"], limit=LOOKUP_LIMIT):
        if str(status.get("in_reply_to_id") or "") != str(reply_to or ""):
            continue
        if _plain(_from_html(str(status.get("content") or ""))) == wanted:
            return status
    return None


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


def _publishing(server: str, session: Session) -> AbstractContextManager[None]:
    """Mastodon.py's failures inside the block as PublishError codes."""
    return failing_as(publish_error, server, session)


def _address(status: dict[str, Any]) -> str:
    """The status's page (`url`), else its ActivityPub id (`uri`) when only that one is a safe
    link; neither: what the server said, for the publisher to store as no address."""
    said = [status.get("url"), status.get("uri")]
    return next((link for link in map(safe_link, said) if link), str(said[0] or said[1] or ""))
