"""A Bluesky link card, built as the official app builds it: from the page's own metadata.

The app asks the page (its <title> or og:title, og:description, og:image); the thumbnail is
uploaded by the poster as a blob. Any failure means a post without a card, never no post.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from composer.core import net
from composer.core.analysis.link_cards import bluesky_cut
from composer.core.destinations.errors import ConnectError
from composer.core.destinations.http.remote_image import fetch_image
from composer.core.images.fit import fit_data
from composer.core.images.probe import FittedImage, ImageError
from composer.core.outside_url import safe_link
from composer.core.platforms import Platform, default_limits

MAX_PAGE_BYTES = 1_000_000  # enough for any <head>
MAX_SOURCE_IMAGE_BYTES = 20_000_000
THUMB_BYTES = 1_000_000  # app.bsky.embed.external#main thumb maxSize


@dataclass(frozen=True, slots=True)
class Card:
    uri: str
    title: str
    description: str
    thumb: FittedImage | None = None


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            found = dict(attrs)
            key = (found.get("property") or found.get("name") or "").strip().lower()
            content = found.get("content")
            if key and content is not None and key not in self.meta:
                self.meta[key] = content.strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def fetch_card(url: str) -> Card | None:
    """The page's card, or None when the page cannot be read."""
    import requests

    if not safe_link(url):
        return None
    from composer.core.destinations.http.safe_http import SafeSession

    try:
        url = net.checked_url(url)
        with SafeSession(max_bytes=MAX_PAGE_BYTES, keep_head=True) as http:
            answer = http.get(url, timeout=net.TIMEOUT)
            answer.raise_for_status()
            raw, encoding = answer.content, answer.encoding or "utf-8"
    except (ConnectError, requests.RequestException, OSError):
        return None
    head = _Head()
    try:
        head.feed(raw.decode(encoding, errors="replace"))
        head.close()
    except (LookupError, ValueError):  # an unknown charset name; broken markup
        return None
    meta = head.meta
    title = meta.get("og:title") or " ".join(head.title.split())
    description = meta.get("og:description") or meta.get("description") or ""
    image = meta.get("og:image") or meta.get("og:image:url") or ""
    try:
        thumb = _thumb(safe_link(urljoin(url, image))) if image else None
    except ValueError:  # a broken [IPv6] host in the page's image address
        thumb = None
    return Card(url, *bluesky_cut(title, description), thumb)


def _thumb(url: str) -> FittedImage | None:
    if not url:
        return None
    data = fetch_image(url, MAX_SOURCE_IMAGE_BYTES)
    if not data:
        return None
    limits = default_limits(Platform.BLUESKY).replace(image_bytes=THUMB_BYTES)
    try:
        fitted = fit_data(data, limits)
    except ImageError:
        return None
    return fitted if fitted.bytes <= THUMB_BYTES else None
