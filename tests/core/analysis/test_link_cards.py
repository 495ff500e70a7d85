"""When each network shows a link card under a post, for which link, and what it says."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.analysis.analysis import LINK_BACK_PATH
from composer.core.analysis.composing import analyze_destinations, link_back_site
from composer.core.analysis.link_cards import (
    BLUESKY_DESCRIPTION,
    BLUESKY_TITLE,
    DISCORD_DESCRIPTION_BYTES,
    DISCORD_TITLE_BYTES,
    Page,
    bluesky_cut,
    discord_cut,
    link_cards,
    nice_domain,
    page_for,
    summary,
)
from composer.core.drafts.draft import Draft, Image
from composer.core.images.probe import ImageInfo
from composer.core.platforms import Platform, default_limits
from composer.core.text.measure import measure
from tests.support.strategies import text as typed_text

SITE = Account("site", AccountKind.WEBSITE, Identity("Bibliotheek Zuid"), "https://bieb.nl/hook")
MASTODON = Account(
    "m1", AccountKind.MASTODON, Identity("Bieb", "@bieb@social.nl"), "https://social.nl"
)
BLUESKY = Account("b1", AccountKind.BLUESKY, Identity("Bieb", "bieb.bsky.social"))
PIXELFED = Account("p1", AccountKind.PIXELFED, Identity("Bieb", "@bieb@pix.nl"), "https://pix.nl")
DISCORD = Account("d1", AccountKind.DISCORD, Identity("Bieb"))
NETWORKS = [MASTODON, BLUESKY, PIXELFED, DISCORD]
LINK_BACK = f"https://bieb.nl/{LINK_BACK_PATH}"
PHOTO = (Image(Path("photo.jpg"), alt="De leeszaal"),)
DRAFT = Draft(
    text="Zaterdag open dag!",
    title="Open dag in de bibliotheek",
    body="Zaterdag zijn alle zalen open.\n\nKom langs!",
)


def cards(draft, account, chosen=(SITE, *NETWORKS)):
    facts = [ImageInfo(image.path, 200_000, "image/jpeg", 1600, 1067) for image in draft.images]
    analysis = analyze_destinations(draft, list(chosen), lambda _account: facts)[account.id]
    page = page_for(draft, link_back_site(chosen), "Bibliotheek Zuid")
    platform = Platform(account.kind.value)
    found = link_cards(
        platform, analysis.parts, images=bool(draft.images), page=page, server=account.server
    )
    return found, analysis


def only(draft, account, chosen=(SITE, *NETWORKS)):
    (card,) = cards(draft, account, chosen)[0]
    return card


# -- Bluesky -------------------------------------------------------------------------------


def test_bluesky_shows_the_website_page_as_a_card_made_from_the_draft():
    card = only(DRAFT, BLUESKY)
    assert card.part == 0
    assert card.url == LINK_BACK
    assert card.domain == "bieb.nl"
    assert card.title == "Open dag in de bibliotheek"
    # the page's description is the message, as the reference receiver writes it
    assert card.description == "Zaterdag open dag!"
    assert card.forecast and not card.photo


def test_without_a_message_the_description_is_the_full_text():
    card = only(Draft(title=DRAFT.title, body=DRAFT.body), BLUESKY)
    assert card.description == "Zaterdag zijn alle zalen open. Kom langs!"


def test_bluesky_shows_no_card_when_the_post_has_photos():
    assert cards(Draft(text="Kijk", title="Open dag", images=PHOTO), BLUESKY)[0] == ()


def test_bluesky_shows_no_card_without_a_link_back_even_with_links_in_the_text():
    # The publisher builds the card for the link back only: no website, no card.
    draft = Draft(text="Programma: https://bieb.nl/agenda")
    assert cards(draft, BLUESKY, chosen=NETWORKS)[0] == ()


def test_bluesky_puts_the_card_on_the_first_post_of_a_thread():
    draft = Draft(text="woord " * 120, title="Lang verhaal", thread=True)
    found, analysis = cards(draft, BLUESKY)
    assert len(analysis.parts) > 1
    assert [card.part for card in found] == [0]  # as bluesky_publish embeds it
    assert "bieb.nl/" not in analysis.parts[0].text  # the link back is in the last post


def test_bluesky_card_for_an_existing_page_is_known_only_by_its_address():
    draft = Draft(text="Lees meer", title="Open dag", link="https://www.bieb.nl:8443/open-dag")
    card = only(draft, BLUESKY, chosen=NETWORKS)
    assert card.url == "https://www.bieb.nl:8443/open-dag"
    assert card.domain == "www.bieb.nl:8443"  # as toNiceDomain: the host, port and all
    assert not card.forecast and card.title == "" and card.description == ""


def test_bluesky_cuts_title_and_description_as_the_publisher_does():
    draft = Draft(text="b " * 800, title="T" * 400, thread=True)
    card = only(draft, BLUESKY)
    assert card.title == "T" * BLUESKY_TITLE
    assert len(card.description) == BLUESKY_DESCRIPTION


def test_the_cuts_are_the_bluesky_publishers_own():
    """The card the publisher builds from a real page is cut exactly as the preview cuts."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from composer.core.destinations.bluesky import card as bluesky_card

    title, description = "T" * 400, "d " * 800
    page = (
        f'<html><head><meta property="og:title" content="{title}">'
        f'<meta property="og:description" content="{description}"></head></html>'
    ).encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        card = bluesky_card.fetch_card(f"http://127.0.0.1:{server.server_address[1]}/open-dag")
    finally:
        server.shutdown()
        server.server_close()
    assert card is not None
    assert (card.title, card.description) == (
        "T" * BLUESKY_TITLE,
        description[:BLUESKY_DESCRIPTION],
    )


# -- Mastodon ------------------------------------------------------------------------------


def test_mastodon_shows_a_card_for_the_link_back_without_photos():
    card = only(DRAFT, MASTODON)
    assert (card.part, card.url, card.domain, card.title) == (
        0,
        LINK_BACK,
        "bieb.nl",
        "Open dag in de bibliotheek",
    )


def test_mastodon_shows_no_card_on_a_status_with_photos():
    assert cards(Draft(text="Kijk", title="Open dag", images=PHOTO), MASTODON)[0] == ()


def test_mastodon_thread_card_is_on_the_status_with_the_link_and_without_photos():
    draft = Draft(text="woord " * 110, title="Open dag", images=PHOTO, thread=True)
    found, analysis = cards(draft, MASTODON)
    last = len(analysis.parts) - 1
    assert last > 0
    assert [card.part for card in found] == [last]
    (card,) = found
    assert card.photo  # the website shows the photo: so does its card


def test_mastodon_card_is_for_the_first_link_of_the_status():
    draft = Draft(text="Kaartjes: https://tickets.example.com/open-dag", title="Open dag")
    card = only(draft, MASTODON)
    assert card.url == "https://tickets.example.com/open-dag"
    assert card.domain == "tickets.example.com"
    assert not card.forecast  # that page is not known before it is read


def test_mastodon_skips_links_to_its_own_server_and_other_schemes():
    draft = Draft(
        text="Volg https://social.nl/@bieb en gemini://bieb.example/ voor meer", title="Open dag"
    )
    card = only(draft, MASTODON)
    assert card.url == LINK_BACK


def test_mastodon_shows_no_card_without_a_link():
    assert cards(Draft(text="Geen link hier"), MASTODON, chosen=NETWORKS)[0] == ()


def test_mastodon_writes_an_international_domain_in_its_own_letters():
    assert nice_domain(Platform.MASTODON, "https://xn--bcher-kva.example/a") == "bücher.example"


# -- Discord, Pixelfed, the website --------------------------------------------------------


def test_discord_unfurls_every_link_once_also_with_photos():
    text = "Kaartjes https://tickets.nl/a <https://stil.nl/b> en nog eens https://tickets.nl/a"
    found, _ = cards(Draft(text=text, title="Open dag", images=PHOTO), DISCORD)
    assert [card.url for card in found] == ["https://tickets.nl/a", LINK_BACK]
    assert [card.forecast for card in found] == [False, True]
    assert found[1].photo


def test_discord_cuts_the_title_in_utf8_bytes():
    card = only(Draft(text="Kort", title="é" * 40), DISCORD)
    assert card.title == "é" * 33 + "..."


def test_pixelfed_and_the_website_show_no_card():
    assert cards(Draft(text="Kijk", title="Open dag", images=PHOTO), PIXELFED)[0] == ()
    assert cards(DRAFT, SITE)[0] == ()


# -- the page ------------------------------------------------------------------------------


def test_the_page_is_a_forecast_only_for_the_website_still_to_publish():
    assert page_for(DRAFT, None) is None
    assert page_for(Draft(text="x", link="https://a.nl/b"), None) == Page("https://a.nl/b")
    page = page_for(Draft(text="x", images=PHOTO), "https://bieb.nl", "Bibliotheek Zuid")
    assert page == Page(LINK_BACK, "Bibliotheek Zuid", "x", photo=True, forecast=True)


# -- the cuts, for any text -----------------------------------------------------------------


@given(typed_text())
def test_summary_keeps_every_word_on_one_line(text):
    made = summary(text)
    assert made.split() == text.split()
    assert made == made.strip() and "\n" not in made and "  " not in made


@given(typed_text(), typed_text())
def test_bluesky_cut_is_a_start_within_the_limits(title, description):
    cut_title, cut_description = bluesky_cut(title, description)
    assert title.startswith(cut_title) and description.startswith(cut_description)
    assert len(cut_title) == min(len(title), BLUESKY_TITLE)
    assert len(cut_description) == min(len(description), BLUESKY_DESCRIPTION)


@given(typed_text(max_size=200), st.sampled_from([DISCORD_TITLE_BYTES, DISCORD_DESCRIPTION_BYTES]))
def test_discord_cut_fits_its_bytes_and_keeps_as_much_as_fits(text, most):
    cut = discord_cut(text, most)
    assert len(cut.encode("utf-8")) <= most
    if len(text.encode("utf-8")) <= most:
        assert cut == text
    else:
        kept = cut.removesuffix("...")
        assert cut.endswith("...") and text.startswith(kept)
        room = most - 3
        assert len(text[: len(kept) + 1].encode("utf-8")) > room  # one more would not fit


@given(typed_text(max_size=300))
def test_bluesky_never_shows_a_card_beside_photos(text):
    part = measure(text, default_limits(Platform.BLUESKY))
    page = Page(LINK_BACK, "Titel", "Tekst", forecast=True)
    assert link_cards(Platform.BLUESKY, (part,), images=True, page=page) == ()
    assert len(link_cards(Platform.BLUESKY, (part,), images=False, page=page)) == 1


@given(typed_text(max_size=200))
def test_mastodon_card_is_for_a_link_written_in_the_status(text):
    part = measure(f"{text} {LINK_BACK}", default_limits(Platform.MASTODON))
    (card,) = link_cards(Platform.MASTODON, (part,), images=False, page=None)
    assert card.url in part.text
    assert card.url.startswith(("http://", "https://"))
    assert part.text.find(card.url) <= part.text.find(LINK_BACK)
