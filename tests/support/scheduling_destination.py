"""A destination for the scheduling tests that records every call: one whose server can
hold a post until its time (`schedules_on_server`), or one that cannot. It keeps its
posts in memory like a server: a scheduled post becomes published when `clock` passes its
time, which `settle_scheduled` then reads back. A real class meeting the Destination
protocol, not a mock."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from datetime import datetime

from composer.core.accounts.account import Account
from composer.core.errors import CodedError
from composer.core.publishing.destination import Capabilities, Copies, Published, PublishRequest
from composer.core.scheduling.clock import Clock
from composer.core.store.jobs import JobDestination


@dataclass
class Post:
    id: str
    text: str
    link: str | None
    at: datetime | None = None  # its time, when scheduled
    cancelled: bool = False


@dataclass
class RecordingDestination:
    clock: Clock
    own_site: bool = False
    on_server: bool = False
    base: str = "https://example.test"
    calls: list[tuple[str, str]] = field(default_factory=list)  # (method, key or id)
    posts: dict[str, Post] = field(default_factory=dict)
    refuse: dict[str, str] = field(default_factory=dict)  # method: the code it raises

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            idempotent=True,
            can_read_back=False,
            is_own_site=self.own_site,
            schedules_on_server=self.on_server,
        )

    def can_schedule(self, request: PublishRequest) -> bool:
        return self.on_server

    @property
    def published(self) -> list[Post]:
        """What readers see now: sent posts, and scheduled ones whose time has come."""
        now = self.clock.now()
        return [
            post
            for post in self.posts.values()
            if not post.cancelled and (post.at is None or post.at <= now)
        ]

    def _new(self, method: str, request: PublishRequest, at: datetime | None) -> Published:
        with self._lock:
            self.calls.append((method, request.idempotency_key))
            if method in self.refuse:
                raise CodedError(self.refuse[method])
            post_id = str(next(self._ids))
            text = request.draft.title or request.draft.text
            self.posts[post_id] = Post(post_id, text, request.canonical_url, at)
        return Published(post_id, f"{self.base}/{post_id}")

    def publish(self, request: PublishRequest) -> Published:
        return self._new("publish", request, None)

    def schedule(self, request: PublishRequest, at: datetime) -> Published:
        assert self.on_server, "schedule() called without schedules_on_server"
        return self._new("schedule", request, at)

    def unschedule(self, account: Account, copy: JobDestination) -> None:
        assert self.on_server
        self.calls.append(("unschedule", copy.remote_id))
        if "unschedule" in self.refuse:
            raise CodedError(self.refuse["unschedule"])
        self.posts[copy.remote_id].cancelled = True

    def settle_scheduled(self, account: Account, copy: JobDestination) -> Published | None:
        assert self.on_server
        self.calls.append(("settle_scheduled", copy.remote_id))
        post = self.posts[copy.remote_id]
        if post.at is not None and post.at > self.clock.now():
            return None
        return Published(post.id, f"{self.base}/{post.id}")

    def read_back(self, request: PublishRequest) -> Published | None:
        return None

    def delete(self, account: Account, copy: JobDestination) -> None:
        self.posts.pop(copy.remote_id, None)

    def tell(self, account: Account, page: JobDestination, copies: Copies) -> None:
        self.calls.append(("tell", page.url))
