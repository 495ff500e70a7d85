import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.text.facets import Facet, detect_facets
from composer.core.text.shortlinks import shorten_links, to_short_url
from tests.support import facets as support_facets
from tests.support import strategies

# Text a person could type (no lone surrogates), mixed with snippets that make facets.
SNIPPETS = [
    "https://www.example.org/agenda/2025?x=1",
    "https://example.org/a_(b)",
    "(see https://example.org/a_(b))",
    "https://bücher.de/straße/über-uns",
    "https://[::1]:8080/a",
    "https://x.com/(@bob.com)/very/long/path",
    "#x(https://foo.com/long/long/path!)",
    "example.nl/agenda",
    "example.nl/straße",
    "@alice.bsky.social",
    "#POSSE",
    "＃één",
    "$AAPL",
    "👨‍👩‍👧‍👦",
    "🇳🇱",
    "e\u0301",
    "ĳ",
    "مرحبا",
    "\ufeff",
    " ",
    "\n",
    "(",
    ")",
    ".",
]
mixed_text = support_facets.mixed_text(SNIPPETS)


def check_facets(text: str, facets: list[Facet]) -> None:
    support_facets.check_offsets(text, facets)
    for index, first in enumerate(facets):
        for second in facets[index + 1 :]:
            # After shortening, whatever still overlaps is nested: a link or a cashtag
            # in a hashtag.
            if second.start < first.end:
                assert second.end <= first.end
                assert text[first.start] in "#＃"


# Expected values come from social-app's toShortUrl run in Node 20 (WHATWG URL by Ada).
SHORT_URLS = [
    ("https://example.org/", "example.org"),
    ("https://example.org", "example.org"),
    ("https://www.example.org/agenda/2025?x=1", "www.example.org/agenda/2025?..."),
    # The cut comes only past 15 characters of path, query and fragment.
    ("https://example.org/abcdefghijklmn", "example.org/abcdefghijklmn"),
    ("https://example.org/abcdefghijklmno", "example.org/abcdefghijkl..."),
    ("HTTPS://Example.COM:443/a", "example.com/a"),
    ("http://example.org:80/", "example.org"),
    ("http://example.org:8080/", "example.org:8080"),
    ("https://example.org:0443/", "example.org"),
    ("https://user:pw@example.org/a", "example.org/a"),
    ("https://a.com:65536/", "https://a.com:65536/"),
    ("https://bücher.de/straße", "xn--bcher-kva.de/stra%C3%9Fe"),
    ("https://straße.de", "xn--strae-oqa.de"),
    ("https://☃.net", "xn--n3h.net"),
    ("https://ａｂｃ.com", "abc.com"),
    ("https://a\xadb.com", "ab.com"),
    ("https://a%41.com", "aa.com"),
    ("https://xn--a.de", "https://xn--a.de"),
    ("https://0x7f.1/", "127.0.0.1"),
    ("https://1.2.3", "1.2.0.3"),
    ("https://999.1.1.1", "https://999.1.1.1"),
    ("https://example.123", "https://example.123"),
    ("https://[::ffff:1.2.3.4]:8443/", "[::ffff:102:304]:8443"),
    ("https://[1:0:0:2:0:0:0:3]/", "[1:0:0:2::3]"),
    ("https://example.org/a/../b/./c", "example.org/b/c"),
    ("https://example.org/%2e%2E/x", "example.org/x"),
    ("https:\\\\example.org\\p\\q", "example.org/p/q"),
    ("https:example.org", "example.org"),
    ("https://e.org/{}^|`", "e.org/%7B%7D^|%60"),
    ("https://e.org/?'\"", "e.org?%27%22"),
    ("https://e.org/#`'", "e.org#%60'"),
    ("https://example.org/?", "example.org"),
    ("https://example.org/#", "example.org"),
    ("https://example.org/😀", "example.org/%F0%9F%98%80"),
    ("https://example.org/ü?ö=ß#ñ", "example.org/%C3%BC?%C3%B..."),
    ("https://example.org/\ud800", "example.org/%EF%BF%BD"),
    ("https://example.org/a_(b))", "example.org/a_(b))"),
    ("https://en.wikipedia.org/wiki/Foo_(bar)", "en.wikipedia.org/wiki/Foo_(bar)"),
    # No http(s) URL: unchanged, including the bare domains detect_facets links.
    ("example.nl/agenda", "example.nl/agenda"),
    ("httpbin.org", "httpbin.org"),
    ("mailto:a@example.org", "mailto:a@example.org"),
    ("ftp://example.org/x", "ftp://example.org/x"),
    ("https://", "https://"),
    ("", ""),
]


@pytest.mark.parametrize(("url", "short"), SHORT_URLS)
def test_to_short_url(url, short):
    assert to_short_url(url) == short


# (text, shortened text, [(kind, visible text, value, byte_start, byte_end)]), checked
# against social-app's shortenLinks on @atproto/api 0.19.19's RichText.
SHORTENED = [
    (
        "Programma: https://www.example.org/agenda/2025?x=1 #POSSE @alice.bsky.social",
        "Programma: www.example.org/agenda/2025?... #POSSE @alice.bsky.social",
        [
            (
                "link",
                "www.example.org/agenda/2025?...",
                "https://www.example.org/agenda/2025?x=1",
                11,
                42,
            ),
            ("tag", "#POSSE", "POSSE", 43, 49),
            ("mention", "@alice.bsky.social", "alice.bsky.social", 50, 68),
        ],
    ),
    (
        "zie example.nl/agenda en https://example.org/",
        "zie example.nl/agenda en example.org",
        [
            ("link", "example.nl/agenda", "https://example.nl/agenda", 4, 21),
            ("link", "example.org", "https://example.org/", 25, 36),
        ],
    ),
    (
        "👨‍👩‍👧‍👦 ĳs مرحبا https://bücher.de/straße/über-uns 🇳🇱 #Ĳs",
        "👨‍👩‍👧‍👦 ĳs مرحبا xn--bcher-kva.de/stra%C3%9Fe/... 🇳🇱 #Ĳs",
        [
            (
                "link",
                "xn--bcher-kva.de/stra%C3%9Fe/...",
                "https://bücher.de/straße/über-uns",
                41,
                73,
            ),
            ("tag", "#Ĳs", "Ĳs", 83, 87),
        ],
    ),
    # A mention inside a shortened link goes, as upstream.
    (
        "https://x.com/(@bob.com)/very/long/path #na",
        "x.com/(@bob.com)/v... #na",
        [
            ("link", "x.com/(@bob.com)/v...", "https://x.com/(@bob.com)/very/long/path", 0, 21),
            ("tag", "#na", "na", 22, 25),
        ],
    ),
    # A tag holding a link ends with the link's short form.
    (
        "#x(https://foo.com/long/long/path!) @alice.test",
        "#x(foo.com/long/long/pa...) @alice.test",
        [
            ("tag", "#x(foo.com/long/long/pa...", "x(https://foo.com/long/long/path", 0, 26),
            ("link", "foo.com/long/long/pa...", "https://foo.com/long/long/path!", 3, 26),
            ("mention", "@alice.test", "alice.test", 28, 39),
        ],
    ),
    (
        "(see https://example.org/a_(b)) and https://en.wikipedia.org/wiki/Foo_(bar).",
        "(see example.org/a_(b)) and en.wikipedia.org/wiki/Foo_(bar).",
        [
            ("link", "example.org/a_(b))", "https://example.org/a_(b))", 5, 23),
            (
                "link",
                "en.wikipedia.org/wiki/Foo_(bar)",
                "https://en.wikipedia.org/wiki/Foo_(bar)",
                28,
                59,
            ),
        ],
    ),
    (
        "geen links #alleen @tags.nl",
        "geen links #alleen @tags.nl",
        [("tag", "#alleen", "alleen", 11, 18), ("mention", "@tags.nl", "tags.nl", 19, 27)],
    ),
    # Upstream moves the tag by the UTF-16 length of the unchanged link (to bytes 27-31,
    # covering " #ta"); the real length is used here.
    (
        "🙂 zie example.nl/straße #tag",
        "🙂 zie example.nl/straße #tag",
        [
            ("link", "example.nl/straße", "https://example.nl/straße", 9, 27),
            ("tag", "#tag", "tag", 28, 32),
        ],
    ),
    # Upstream's TextDecoder drops a U+FEFF that starts a slice and garbles the text.
    (
        "\ufeffhttps://example.org/ \ufeffx",
        "\ufeffexample.org \ufeffx",
        [("link", "example.org", "https://example.org/", 3, 14)],
    ),
]


@pytest.mark.parametrize(("text", "short_text", "expected"), SHORTENED)
def test_shorten_links(text, short_text, expected):
    new_text, facets = shorten_links(text, detect_facets(text))
    assert new_text == short_text
    summary = [
        (f.kind, new_text[f.start : f.end], f.value, f.byte_start, f.byte_end) for f in facets
    ]
    assert summary == expected


def test_shorten_links_without_facets():
    assert shorten_links("geen facetten", []) == ("geen facetten", [])


def test_shorten_links_sorts_and_drops_negative_facets():
    text = "#a https://example.org/"
    tag, link = detect_facets(text)
    broken = Facet("tag", 2, 1, 2, 1, "x")
    new_text, facets = shorten_links(text, [link, broken, tag])
    assert new_text == "#a example.org"
    assert facets == [tag, Facet("link", 3, 14, 3, 14, "https://example.org/")]


@settings(max_examples=300, deadline=None)
@given(strategies.text(max_size=60))
def test_to_short_url_never_fails(url):
    short = to_short_url(url)
    if not url.lstrip("".join(map(chr, range(0x21)))).lower().startswith("http"):
        assert short == url


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_shortened_facets_stay_consistent(text):
    facets = detect_facets(text)
    new_text, new_facets = shorten_links(text, facets)
    check_facets(new_text, new_facets)
    old_links = [f for f in facets if f.kind == "link"]
    new_links = [f for f in new_facets if f.kind == "link"]
    assert [f.value for f in new_links] == [f.value for f in old_links]
    for old, new in zip(old_links, new_links, strict=True):
        assert new_text[new.start : new.end] == to_short_url(text[old.start : old.end])
    # Facets clear of every link keep their text; those inside a link are dropped.
    for old in facets:
        if old.kind == "link":
            continue
        inside = any(link.start <= old.start and old.end <= link.end for link in old_links)
        touching = any(link.start < old.end and old.start < link.end for link in old_links)
        kept = [f for f in new_facets if f.kind == old.kind and f.value == old.value]
        if inside:
            continue
        if not touching:
            assert any(new_text[f.start : f.end] == text[old.start : old.end] for f in kept)


def _upstream_shorten(text: str, facets: list[Facet]) -> tuple[str, list[tuple[str, int, int]]]:
    """social-app's shortenLinks over RichText.insert/delete, step by step, in str indices."""
    kept = sorted((f for f in facets if f.start <= f.end), key=lambda f: f.start)
    ranges = [[f.kind, f.start, f.end] for f in kept]
    live = list(ranges)
    for entry in ranges:
        if entry[0] != "link" or not any(other is entry for other in live):
            continue
        start, end = entry[1], entry[2]
        short = to_short_url(text[start:end])
        text = text[:start] + short + text[end:]
        for other in live:  # insert(start, short)
            if start <= other[1]:
                other[1] += len(short)
                other[2] += len(short)
            elif other[1] <= start < other[2]:
                other[2] += len(short)
        entry[1], entry[2] = start, start + len(short)
        cut_start, cut_end, removed = start + len(short), end + len(short), end - start
        for other in live:  # delete(cut_start, cut_end), its six cases in order
            if cut_start <= other[1] and cut_end >= other[2]:
                other[1] = other[2] = 0
            elif cut_start > other[2]:
                pass
            elif other[1] < cut_start <= other[2] < cut_end:
                other[2] = cut_start
            elif cut_start >= other[1] and cut_end <= other[2]:
                other[2] -= removed
            elif cut_start < other[1] <= cut_end <= other[2]:
                other[1] = cut_start
                other[2] -= removed
            elif cut_end < other[1]:
                other[1] -= removed
                other[2] -= removed
        live = [other for other in live if other[1] < other[2]]
    return text, [(kind, start, end) for kind, start, end in live]


@st.composite
def text_with_any_facets(draw):
    text = draw(mixed_text)
    facets = []
    for number in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["link", "link", "mention", "tag"]))
        facets.append(Facet(kind, start, end, 0, 0, f"v{number}"))
    return text, facets


@settings(max_examples=300, deadline=None)
@given(text_with_any_facets())
def test_shorten_links_moves_any_facets_as_upstream(case):
    text, facets = case
    new_text, new_facets = shorten_links(text, facets)
    expected_text, expected = _upstream_shorten(text, facets)
    assert new_text == expected_text
    assert [(f.kind, f.start, f.end) for f in new_facets] == expected
    encoded = new_text.encode("utf-8")
    for facet in new_facets:
        visible = encoded[facet.byte_start : facet.byte_end].decode("utf-8")
        assert visible == new_text[facet.start : facet.end]
