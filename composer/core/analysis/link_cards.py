"""Link cards: whether a network shows a card for a link under a post, on which post, for which
link, and with what words — forecast before publishing, when the page does not exist yet.

When each network shows one, as Omroeper publishes:

- Bluesky: the publisher (destinations/bluesky/publish.py `_embed`) gives the first post of a
  thread either the photos or, without photos, an app.bsky.embed.external card for the link
  back (the website's page, or the draft's existing `link`), built from that page
  (bluesky/card.py fetch_card: the title cut to 300 characters, the description to 1,000). The
  app draws the title on at most 3 lines, the description on 2 (4 without a picture), and the
  host (social-app ExternalLinkEmbed, toNiceDomain).
- Mastodon: the server fetches a card for the first http(s) link in a status that is not on the
  server itself (FetchLinkCardService#parse_urls, #bad_url?), and saves none for a page without
  a title; the web app shows it only for a status without media (status.jsx: media first,
  "else if card"), behind the content warning like the text. The publisher attaches the photos
  to the first status of a thread only, so a later status (the one with the link back) can
  carry a card. The card shows the host, the title and the description (card.tsx).
- Discord: the webhook message is sent without the SUPPRESS_EMBEDS flag
  (destinations/discord/publish.py), so Discord unfurls every link of the message (one embed
  per address, photos or not; a link written as <https://…> stays plain).
- Pixelfed has no link cards (its statuses carry no `card`); the website is the page itself.

Before publishing, the link back's page is a forecast (`Page.forecast`): its title is the
draft's title, its description the message (the full text when there is none), its picture
the first photo when the website gets photos. Any other page is known only by its address.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from composer.core.analysis.analysis import reserve_link_back
from composer.core.drafts.draft import Draft
from composer.core.platforms import Platform
from composer.core.text.measure import Measured
from composer.core.text.preview_text import display_spans
from composer.core.text.twitter_urls import find_urls

# Bluesky: the app's own cuts (the lexicon sets none); destinations/bluesky/card.py cuts the
# card it sends with these too
BLUESKY_TITLE = 300
BLUESKY_DESCRIPTION = 1_000
# Discord cuts an unfurled page's title to 67 and its description to 347 UTF-8 bytes, then
# adds "...", when they are longer than 70 and 350 bytes (as observed; not documented).
DISCORD_TITLE_BYTES = 70
DISCORD_DESCRIPTION_BYTES = 350
DISCORD_ELLIPSIS = "..."
DISCORD_MOST_EMBEDS = 10  # a message holds at most 10 embeds
MASTODON_URL_BYTES = 2_692  # FetchLinkCardService::BYTESIZE_LIMIT: a longer link gets no card


@dataclass(frozen=True, slots=True)
class Page:
    """The page the networks link back to, as far as it is known before publishing."""

    url: str  # the link back, or its stand-in until the website has answered
    title: str = ""
    description: str = ""
    photo: bool = False  # the page will show the first photo (og:image)
    forecast: bool = False  # made from what Omroeper will publish; False: an existing page


@dataclass(frozen=True, slots=True)
class LinkCard:
    part: int  # the post of a thread that carries it, from 0
    url: str
    domain: str  # as the network writes it
    title: str  # cut as the network cuts it; "" when the page is not known beforehand
    description: str
    photo: bool  # the card's picture is the draft's first photo
    forecast: bool  # made from the page Omroeper will publish (else only its address is known)


def summary(text: str) -> str:
    """A page's description as a site makes it from its text: one line, blanks collapsed."""
    return " ".join(text.split())


def bluesky_cut(title: str, description: str) -> tuple[str, str]:
    return title[:BLUESKY_TITLE], description[:BLUESKY_DESCRIPTION]


def discord_cut(text: str, most_bytes: int) -> str:
    """`text` if it fits in `most_bytes` UTF-8 bytes, else as much of it as fits with "..."."""
    data = text.encode("utf-8")
    if len(data) <= most_bytes:
        return text
    room = most_bytes - len(DISCORD_ELLIPSIS)
    return data[:room].decode("utf-8", errors="ignore") + DISCORD_ELLIPSIS


def nice_domain(platform: Platform, url: str) -> str:
    """The host as the network writes it under a card: Bluesky as the URL has it (port and
    all), Mastodon its host name with punycode decoded, Discord the host name."""
    parts = urlsplit(url)
    if platform is Platform.BLUESKY:
        return parts.netloc.rpartition("@")[2] or url
    host = parts.hostname or ""
    if platform is Platform.MASTODON:
        host = ".".join(_unpunycode(label) for label in host.split("."))
    return host or url


def _unpunycode(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return label


def page_for(draft: Draft, site: str | None, site_name: str = "") -> Page | None:
    """The page the networks will link to: the website's new page (a forecast, with a
    stand-in address) when a website is chosen, the draft's own `link` when it has one (the
    website step is then skipped: nothing is known of that page), else none."""
    photos = bool(draft.images)
    # the page's description is the message: examples/webhook_receiver.py writes `text` as
    # the page's description, as static sites put front matter in their meta tags
    description = draft.text.strip() or draft.website_body
    return _page(draft.link, draft.title, description, photos, site, site_name=site_name)


@lru_cache(maxsize=32)
def _page(
    link: str, title: str, description: str, photos: bool, site: str | None, *, site_name: str
) -> Page | None:
    if link:
        return Page(link)
    if not site:
        return None
    url = reserve_link_back(Draft(), site).link
    # A page without a title of its own is titled by its site, as sites do.
    named = title.strip() or site_name.strip() or (urlsplit(url).hostname or "")
    return Page(url, named, summary(description), photos, forecast=True)


@lru_cache(maxsize=64)
def link_cards(
    platform: Platform,
    parts: tuple[Measured, ...],
    *,
    images: bool,
    page: Page | None,
    server: str = "",
) -> tuple[LinkCard, ...]:
    """The cards `platform` shows under the posts `parts` (a thread, or one post), in order.

    `images`: the post carries photos (the first post of a thread gets them); `page`: where
    the link back leads (page_for); `server`: the account's server, whose own links get no
    card on Mastodon.
    """
    if platform is Platform.BLUESKY:
        if images or page is None or not parts:
            return ()
        return (_card(platform, 0, page.url, page),)
    if platform is Platform.MASTODON:
        found = []
        for index, part in enumerate(parts):
            if index == 0 and images:
                continue  # a status with media shows them, not a card
            url = _first_mastodon_link(part.text, server)
            if url:
                found.append(_card(platform, index, url, page))
        return tuple(found)
    if platform is Platform.DISCORD and parts:
        urls = _discord_links(parts[0])
        return tuple(_card(platform, 0, url, page) for url in urls[:DISCORD_MOST_EMBEDS])
    return ()


def _card(platform: Platform, part: int, url: str, page: Page | None) -> LinkCard:
    domain = nice_domain(platform, url)
    if page is None or url != page.url or not page.forecast:
        return LinkCard(part, url, domain, "", "", photo=False, forecast=False)
    title, description = page.title, page.description
    if platform is Platform.BLUESKY:
        title, description = bluesky_cut(title, description)
    elif platform is Platform.DISCORD:
        title = discord_cut(title, DISCORD_TITLE_BYTES)
        description = discord_cut(description, DISCORD_DESCRIPTION_BYTES)
    return LinkCard(part, url, domain, title, description, page.photo, forecast=True)


def _first_mastodon_link(text: str, server: str) -> str:
    own = (urlsplit(server).hostname or "").lower() if server else ""
    for start, end in find_urls(text):
        url = text[start:end]
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            continue
        if parts.hostname.lower() == own or len(url.encode("utf-8")) > MASTODON_URL_BYTES:
            continue
        return url
    return ""


def _discord_links(part: Measured) -> list[str]:
    """Each address Discord links in the message, once, in order; not those in <…>."""
    urls: list[str] = []
    position = 0
    for span in display_spans(part, Platform.DISCORD):
        suppressed = part.text[position - 1 : position] == "<"
        position += len(span.text)
        if span.kind == "link" and not suppressed and span.href not in urls:
            urls.append(span.href)
    return urls
