"""How a published copy was received: its replies, reposts (boosts) and likes (favourites),
as its network counted them at `read_at`. Read on demand (the history), never while
publishing; the last figures are kept in the store so they can be shown offline.

A count is what a server said, so it is untrusted: anything but a whole number from 0 to
MAX_COUNT is "unknown" (None), never a crash and never a made-up zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from composer.core.outside_url import safe_link

__all__ = ["MAX_COUNT", "Reception", "counted"]

MAX_COUNT = 1_000_000_000  # more than any post has had; above it, the answer is nonsense


def counted(value: object) -> int | None:
    """A server's count as a number, or None (unknown) when it is no plausible count: not an
    int (a bool, a float, a string), negative or above MAX_COUNT."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value <= MAX_COUNT else None


@dataclass(frozen=True, slots=True)
class Reception:
    replies: int | None
    reposts: int | None  # boosts on Mastodon and Pixelfed
    likes: int | None  # favourites on Mastodon and Pixelfed
    read_at: datetime  # aware, UTC
    replies_url: str = ""  # where the replies can be read: a safe link, or "" (none)

    def __post_init__(self) -> None:
        for name in ("replies", "reposts", "likes"):
            object.__setattr__(self, name, counted(getattr(self, name)))
        if self.read_at.tzinfo is None:
            raise ValueError("read_at must be aware")
        object.__setattr__(self, "read_at", self.read_at.astimezone(UTC))
        object.__setattr__(self, "replies_url", safe_link(self.replies_url))

    @classmethod
    def now(cls, replies: object, reposts: object, likes: object, replies_url: object) -> Reception:
        """Figures as a server gave them, read this moment; each checked (see counted)."""
        return cls(
            counted(replies),
            counted(reposts),
            counted(likes),
            datetime.now(UTC),
            safe_link(replies_url),
        )
