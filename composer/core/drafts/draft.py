"""A draft: what the person writes, before any network has seen it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ThreadMode = Literal[False, True, "numbered"]


@dataclass(frozen=True, slots=True)
class Image:
    path: Path
    alt: str = ""
    # An explicit choice that an image needs no description (a border, a logo beside its name).
    decorative: bool = False


@dataclass(frozen=True, slots=True)
class Override:
    """What one destination gets instead of the shared values; None means "the shared one"."""

    text: str | None = None
    content_warning: str | None = None
    thread: ThreadMode | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    text: str = ""
    title: str = ""
    body: str = ""
    link: str = ""
    language: str = ""
    content_warning: str = ""
    images: tuple[Image, ...] = ()
    targets: tuple[str, ...] = ()
    overrides: dict[str, Override] = field(default_factory=dict)
    thread: ThreadMode = False

    def override(self, target: str) -> Override:
        return self.overrides.get(target, Override())

    def text_for(self, target: str) -> str:
        own = self.override(target).text
        return self.text if own is None else own

    def content_warning_for(self, target: str) -> str:
        own = self.override(target).content_warning
        return self.content_warning if own is None else own

    def thread_for(self, target: str) -> ThreadMode:
        own = self.override(target).thread
        return self.thread if own is None else own

    @property
    def website_body(self) -> str:
        return self.body or self.text

    @property
    def blank(self) -> bool:
        """Nothing written and no photo yet: a new draft, or one emptied again."""
        written = (self.title, self.body, self.text, self.content_warning)
        return not any(part.strip() for part in written) and not self.images
