"""The organisation's own website as a publish destination: Standard Webhooks events.

The job's idempotency key for the website is a `msg_…` webhook id: it is the event id, sent
unchanged on every attempt, so the site answers the same page instead of writing a second one.
An edit (`update`) is a `post.updated` event whose id is derived from the edit's key: every
retry of one edit is the same event, which the site applies once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import requests

from composer.core.accounts.account import Account
from composer.core.destinations.errors import PublishError
from composer.core.destinations.website.webhook import (
    WebhookAnswer,
    build_deleted,
    build_published,
    build_syndicated,
    build_updated,
    edit_event_id,
    new_event_id,
    send,
)
from composer.core.drafts.draft import Draft
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

SecretLookup = Callable[[str], Mapping[str, str]]


class WebsiteDestination(HeldLocally, NotEdited):
    # The site keeps each webhook id and answers a repeated event with the page it wrote, so
    # an attempt is simply made again; the webhook has no way to look a page up.
    capabilities = Capabilities(
        idempotent=True, can_read_back=False, is_own_site=True, can_edit=True
    )

    def __init__(self, secret_lookup: SecretLookup, session: requests.Session | None = None):
        self._secret_lookup = secret_lookup
        self._session = session

    def publish(self, request: PublishRequest) -> Published:
        account, draft = request.account, request.draft
        event_id = request.idempotency_key
        payload = build_published(draft, _fitted(account, draft), event_id)
        answer = send(account.server, self._secret(account), payload, event_id, self._session)
        return Published(remote_id=event_id, url=answer.url)

    def update(self, request: PublishRequest, copy: JobDestination) -> Published:
        """A `post.updated` event for the page at the copy's url: the page keeps its address.
        Exactly once: the event id comes from the edit's key, so a retry after an unclear
        attempt is the same event, and the site answers it without applying it again."""
        account, draft = request.account, request.draft
        event_id = edit_event_id(request.idempotency_key)
        payload = build_updated(draft, _fitted(account, draft), copy.url, event_id)
        send(account.server, self._secret(account), payload, event_id, self._session)
        return Published(remote_id=copy.remote_id, url=copy.url)

    def read_back(self, request: PublishRequest) -> Published | None:
        raise Unsupported("read_back")

    def tell(self, account: Account, page: JobDestination, copies: Copies) -> None:
        """Step 3 of the job: the page learns where its copies are ("also on Mastodon")."""
        self.syndicate(account, page.url, copies)

    def reception(self, account: Account, copy: JobDestination) -> Reception:
        raise Unsupported("reception")

    def delete(self, account: Account, copy: JobDestination) -> None:
        """Remove the copy's page; the site treats an already deleted page as deleted."""
        self.delete_page(account, copy.url)

    def syndicate(
        self,
        account: Account,
        canonical_url: str,
        copies: Iterable[tuple[str, str]],
        *,
        event_id: str | None = None,
    ) -> WebhookAnswer:
        """Tell the site where the copies are: (network, url) pairs. Keep `event_id` to retry."""
        event_id = event_id or new_event_id()
        payload = build_syndicated(canonical_url, copies, event_id)
        return send(account.server, self._secret(account), payload, event_id, self._session)

    def delete_page(
        self, account: Account, url: str, *, event_id: str | None = None
    ) -> WebhookAnswer:
        """Remove the page at `url`. Keep `event_id` to retry."""
        event_id = event_id or new_event_id()
        payload = build_deleted(url, event_id)
        return send(account.server, self._secret(account), payload, event_id, self._session)

    def _secret(self, account: Account) -> str:
        secret = self._secret_lookup(account.id).get("signing_secret", "")
        if not secret:
            raise PublishError("no_secret", {"account": account.id})
        return secret


def _fitted(account: Account, draft: Draft) -> list[FittedImage]:
    limits = account.effective_limits()
    images = []
    for number, image in enumerate(draft.images):
        try:
            images.append(fit_image(image.path, limits))
        except ImageError as failure:
            raise PublishError("image_failed", {"index": number, "reason": failure.code}) from None
    return images
