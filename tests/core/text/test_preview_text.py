from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.platforms import Platform, default_limits
from composer.core.text.mastodon_count import find_entities
from composer.core.text.measure import measure
from composer.core.text.preview_text import Span, display_spans, displayed, mastodon_link_text
from tests.support import strategies

LONG = "https://www.bibliotheek-utrecht.nl/agenda/2026/open-dag-in-de-bibliotheek"


def _spans(text: str, platform: Platform, server: str = "") -> tuple[Span, ...]:
    return display_spans(measure(text, default_limits(platform)), platform, server)


def _marked(spans: tuple[Span, ...]) -> list[tuple[str, str, str]]:
    return [(span.kind, span.text, span.href) for span in spans if span.kind != "text"]


# -- examples -------------------------------------------------------------------------------


def test_bluesky_shows_the_shortened_link_with_the_full_url_as_href():
    spans = _spans(f"Kom langs! {LONG} #opendag @bieb.bsky.social", Platform.BLUESKY)
    assert _marked(spans) == [
        ("link", "www.bibliotheek-utrecht.nl/agenda/2026/...", LONG),
        ("tag", "#opendag", "https://bsky.app/hashtag/opendag"),
        ("mention", "@bieb.bsky.social", "https://bsky.app/profile/bieb.bsky.social"),
    ]
    assert displayed(spans).startswith("Kom langs! www.bibliotheek-utrecht.nl/agenda/2026/...")


def test_bluesky_bare_domain_links_to_https():
    assert _marked(_spans("Zie bieb.nl.", Platform.BLUESKY)) == [
        ("link", "bieb.nl", "https://bieb.nl")
    ]


def test_bluesky_shows_the_first_of_overlapping_facets_as_its_app_does():
    spans = _spans("#opendag(https://example.org/a", Platform.BLUESKY)
    assert [(span.kind, span.text) for span in spans] == [("tag", "#opendag(example.org/a")]


def test_mastodon_link_without_scheme_and_www_cut_to_30_with_ellipsis():
    assert mastodon_link_text(LONG) == "bibliotheek-utrecht.nl/agenda/…"
    assert mastodon_link_text("https://example.org/a") == "example.org/a"
    assert mastodon_link_text("http://www.example.org/" + "x" * 18) == "example.org/" + "x" * 18
    assert mastodon_link_text("http://www.example.org/" + "x" * 19) == (
        "example.org/" + "x" * 18 + "…"
    )
    spans = _spans(f"Zie {LONG}", Platform.MASTODON)
    assert _marked(spans) == [("link", "bibliotheek-utrecht.nl/agenda/…", LONG)]


def test_mastodon_mentions_show_the_user_and_tags_link_to_the_server():
    spans = _spans("Met @jan@mastodon.social en @piet #Opendag", Platform.MASTODON, "https://x.nl/")
    assert _marked(spans) == [
        ("mention", "@jan", "https://mastodon.social/@jan"),
        ("mention", "@piet", "https://x.nl/@piet"),
        ("tag", "#Opendag", "https://x.nl/tags/Opendag"),
    ]
    assert displayed(spans) == "Met @jan en @piet #Opendag"


def test_mastodon_needs_a_scheme_for_a_link():
    assert _marked(_spans("Zie bieb.nl/agenda", Platform.MASTODON)) == []


def test_pixelfed_shows_everything_as_written():
    text = f"Foto's! {LONG} @jan@pixelfed.social #opendag"
    spans = _spans(text, Platform.PIXELFED, "https://pixelfed.nl")
    assert displayed(spans) == text
    assert _marked(spans) == [
        ("link", LONG, LONG),
        ("mention", "@jan@pixelfed.social", "https://pixelfed.nl/jan@pixelfed.social"),
        ("tag", "#opendag", "https://pixelfed.nl/discover/tags/opendag"),
    ]


def test_discord_highlights_links_only_without_trailing_punctuation():
    spans = _spans(f"#opendag met @jan: {LONG}.", Platform.DISCORD)
    assert _marked(spans) == [("link", LONG, LONG)]
    assert displayed(spans).endswith(f"{LONG}.")


def test_website_is_plain_text_and_empty_is_nothing():
    text = f"Titel\n\n{LONG} #opendag"
    assert _spans(text, Platform.WEBSITE) == (Span("text", text),)
    assert _spans("", Platform.BLUESKY) == ()


# -- properties -----------------------------------------------------------------------------

_words = st.sampled_from(
    [" ", "\n", "bieb", "Café", "!", ".", "(", ")", "#opendag", "＃tag", "#1", "@jan",
     "@jan@mastodon.social", "@bieb.bsky.social", "bieb.nl", "www.bieb.nl/agenda",
     "https://example.org/a", LONG, "http://www.x.nl/p?q=1.", "👩🏽‍💻", "$AAPL", "<b>"]
)  # fmt: skip
texts = st.one_of(strategies.text(max_size=80), st.lists(_words, max_size=30).map("".join))


def _check_shape(spans: tuple[Span, ...]) -> None:
    assert all(span.text for span in spans)
    assert all(span.kind in ("text", "link", "mention", "tag") for span in spans)
    assert all(span.href == "" for span in spans if span.kind == "text")
    pairs = pairwise(spans)
    assert not any(a.kind == b.kind == "text" for a, b in pairs)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([Platform.BLUESKY, Platform.PIXELFED, Platform.DISCORD]))
def test_spans_show_the_text_as_sent_and_links_come_from_it(text, platform):
    sent = measure(text, default_limits(platform))
    spans = display_spans(sent, platform, "https://s.nl")
    _check_shape(spans)
    assert displayed(spans) == sent.text
    for span in spans:
        if span.kind == "link":
            bare = span.href.removeprefix("https://")
            assert span.href in text or (platform is Platform.BLUESKY and bare in text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_mastodon_spans_keep_the_text_between_entities(text):
    spans = display_spans(measure(text, default_limits("mastodon")), Platform.MASTODON)
    _check_shape(spans)
    entities = find_entities(text)
    marked = [span for span in spans if span.kind != "text"]
    assert len(marked) == len(entities)
    # The plain text is the sent text with each entity taken out.
    gaps, cursor = [], 0
    for entity in entities:
        gaps.append(text[cursor : entity.start])
        cursor = entity.end
    gaps.append(text[cursor:])
    assert "".join(span.text for span in spans if span.kind == "text") == "".join(gaps)
    for span, entity in zip(marked, entities, strict=True):
        if span.kind == "link":
            assert span.href == entity.value and span.href in text
            assert span.text == mastodon_link_text(span.href)
            assert len(span.text) <= 31
