"""A draft as WordPress block markup: what the block editor itself saves, so an editor can open
and change the post in WordPress without a "this block contains unexpected content" warning.

Text is escaped; a blank line starts a new paragraph block, a single line break is `<br>`;
only safe http(s) links (outside_url.safe_link) become links, everything else (hashtags,
mentions, a `javascript:`) stays text. The syndication links ("Ook op: Mastodon, Bluesky") are
one paragraph with its own class, replaced as a whole each time the post is told again.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from composer.core.destinations.wordpress.words import also_on, language_class, language_of
from composer.core.outside_url import safe_link
from composer.core.platforms import NETWORK_NAMES, Platform

SYNDICATION_CLASS = "omroeper-syndication"
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
_LINK = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\u2019\u201d"  # punctuation after a link belongs to the sentence
_SYNDICATION = re.compile(
    r"\n*<!-- wp:paragraph \{\"className\":\"" + SYNDICATION_CLASS + r"\"\} -->"
    r".*?<!-- /wp:paragraph -->\n*",
    re.DOTALL,
)
_MARK = re.compile(r"(?<![\w-])omroeper-[0-9a-f]{10}(?![\w-])")
_IMAGE_ID = re.compile(r"<!-- wp:image \{\"id\": ?(\d{1,19})[,}]")
SLUG_WORDS = 50  # characters of the title kept in the post's address


@dataclass(frozen=True, slots=True)
class Picture:
    """An uploaded photo as the body shows it."""

    media_id: int
    url: str  # the media's `source_url`, a safe link
    alt: str  # "" for a decorative photo


def paragraphs(text: str, mark: str = "") -> str:
    """Paragraph blocks of `text`: escaped, line breaks as `<br>`, safe links as links. A
    `mark` is the first paragraph's class (or classes): a later attempt finds the post by it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks: list[str] = []
    for paragraph in _PARAGRAPHS.split(text):
        if paragraph.strip():
            lines = "<br>".join(_linked(line) for line in paragraph.strip().split("\n"))
            if mark and not blocks:
                blocks.append(
                    f'<!-- wp:paragraph {{"className":"{mark}"}} -->\n'
                    f'<p class="{mark}">{lines}</p>\n<!-- /wp:paragraph -->'
                )
                continue
            blocks.append(f"<!-- wp:paragraph -->\n<p>{lines}</p>\n<!-- /wp:paragraph -->")
    return "\n\n".join(blocks)


def image_block(picture: Picture) -> str:
    attributes = json.dumps({"id": picture.media_id, "sizeSlug": "large"})
    src, alt = html.escape(picture.url), html.escape(picture.alt)
    return (
        f"<!-- wp:image {attributes} -->\n"
        f'<figure class="wp-block-image size-large"><img src="{src}" alt="{alt}"'
        f' class="wp-image-{picture.media_id}"/></figure>\n'
        "<!-- /wp:image -->"
    )


def post_content(text: str, pictures: Sequence[Picture], mark: str = "", language: str = "") -> str:
    """The post's blocks; its first paragraph carries `mark` and the class that records the
    post's `language` (words.py: the syndication words follow it)."""
    classes = " ".join(filter(None, [mark, language_class(language)]))
    return "\n\n".join(filter(None, [paragraphs(text, classes), *map(image_block, pictures)]))


def syndication_block(copies: Iterable[tuple[str, str]], language: str = "") -> str:
    """One paragraph linking each copy by its network's name, after the words for "also on"
    in the post's `language`; "" when none is a safe link."""
    links: list[str] = []
    for network, url in dict.fromkeys(copies):
        if link := safe_link(url):
            name = _network_name(network)
            links.append(
                f'<a class="u-syndication" rel="syndication" href="{html.escape(link)}">'
                f"{html.escape(name)}</a>"
            )
    if not links:
        return ""
    return (
        f'<!-- wp:paragraph {{"className":"{SYNDICATION_CLASS}"}} -->\n'
        f'<p class="{SYNDICATION_CLASS}">{html.escape(also_on(language))} {", ".join(links)}</p>\n'
        "<!-- /wp:paragraph -->"
    )


def with_syndication(content: str, copies: Iterable[tuple[str, str]]) -> str:
    """`content` with its syndication paragraph (if any) replaced by one for `copies`, in the
    language the content records."""
    kept = _SYNDICATION.sub("\n\n", content).rstrip("\n")
    block = syndication_block(copies, language_of(kept))
    return f"{kept}\n\n{block}" if block and kept else (block or kept)


def syndication_of(content: str) -> str:
    """The post's syndication paragraph as it is ("" when it has none): an edit keeps it."""
    found = _SYNDICATION.search(content)
    return found.group().strip("\n") if found else ""


def mark_of(content: str) -> str:
    """The mark a post's first paragraph carries (mark_for), "" when none."""
    found = _MARK.search(content)
    return found.group() if found else ""


def image_ids(content: str) -> list[int]:
    """The media ids of the post's image blocks, in order."""
    return [int(found) for found in _IMAGE_ID.findall(content)]


def slug_for(title: str, key: str) -> str:
    """The post's address name: the title's words (ASCII, as WordPress would make them) and
    a mark made from the job's idempotency key, by which a later attempt finds the post."""
    # WordPress ignores the slug a contributor gives (the post then also carries mark_for)
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:SLUG_WORDS].strip("-")
    mark = _hashed(key)
    return f"{words}-{mark}" if words else f"omroeper-{mark}"


def mark_for(key: str) -> str:
    """The class the post's first paragraph carries, made from the job's idempotency key."""
    return f"omroeper-{_hashed(key)}"


def _hashed(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def _network_name(network: str) -> str:
    try:
        return NETWORK_NAMES[Platform(network)]
    except (ValueError, KeyError):
        return network[:40]


def _linked(line: str) -> str:
    out: list[str] = []
    position = 0
    for found in _LINK.finditer(line):
        start, url = found.start(), found.group().rstrip(_TRAILING)
        end = start + len(url)
        if start > 0 and not line[start - 1].isspace() and line[start - 1] not in "(<[\"'":
            continue  # inside a word: not a link of its own
        link = safe_link(url)
        if not link:
            continue
        out.append(html.escape(line[position:start], quote=False))
        out.append(f'<a href="{html.escape(link)}">{html.escape(url, quote=False)}</a>')
        position = end
    out.append(html.escape(line[position:], quote=False))
    return "".join(out)
