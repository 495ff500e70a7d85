import pytest
from hypothesis import given, settings

from composer.core.text.facets import Facet, detect_facets
from composer.core.text.tlds import is_valid_domain, tlds
from tests.support import facets as support_facets
from tests.support import strategies

# Every expectation below was checked against detectFacets of @atproto/api 0.19.19 run in
# Node with tlds@1.261.0: (kind, visible text, value, byte_start, byte_end).
HARD_CASES = [
    # Links: a trailing ")" stays whenever the link holds any "(" (upstream quirk).
    (
        "(see https://example.org/a_(b))",
        [("link", "https://example.org/a_(b))", "https://example.org/a_(b))", 5, 31)],
    ),
    (
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        [
            (
                "link",
                "https://en.wikipedia.org/wiki/Foo_(bar)",
                "https://en.wikipedia.org/wiki/Foo_(bar)",
                0,
                39,
            )
        ],
    ),
    (
        "(https://example.org/x).",
        [("link", "https://example.org/x", "https://example.org/x", 1, 22)],
    ),
    (
        "Lees https://example.org/a.",
        [("link", "https://example.org/a", "https://example.org/a", 5, 26)],
    ),
    (
        "https://example.org/a, https://example.org/b; https://example.org/c: "
        "https://example.org/d! https://example.org/e?",
        [
            (
                "link",
                f"https://example.org/{name}",
                f"https://example.org/{name}",
                start,
                start + 21,
            )
            for name, start in zip("abcde", (0, 23, 46, 69, 92), strict=True)
        ],
    ),
    # Only one of .,;:!? goes.
    (
        "https://example.org/a?!",
        [("link", "https://example.org/a?", "https://example.org/a?", 0, 22)],
    ),
    ("zie example.nl/agenda", [("link", "example.nl/agenda", "https://example.nl/agenda", 4, 21)]),
    ("Kom naar bibliotheek.nl.", [("link", "bibliotheek.nl", "https://bibliotheek.nl", 9, 23)]),
    ("file.txt foo.bar123 e.g. v1.2", []),
    ("x\xa0example.com", [("link", "example.com", "https://example.com", 3, 14)]),
    # U+0085 is whitespace to Python's \s but not to JavaScript's.
    ("x\x85example.com", []),
    # Quirks kept: "http…" bare words skip the TLD check; scheme and TLD are case-sensitive.
    ("httpbin.org", [("link", "httpbin.org", "httpbin.org", 0, 11)]),
    ("HTTPS://EXAMPLE.COM", []),
    ("Example.COM", []),
    # Mentions
    ("@alice.bsky.social", [("mention", "@alice.bsky.social", "alice.bsky.social", 0, 18)]),
    ("cc (@bob.example.com)", [("mention", "@bob.example.com", "bob.example.com", 4, 20)]),
    ("email@example.com", []),
    ("@a@b.c", []),
    ("@alice.test", [("mention", "@alice.test", "alice.test", 0, 11)]),
    ("@Alice.BSKY.social", [("mention", "@Alice.BSKY.social", "Alice.BSKY.social", 0, 18)]),
    ("@handle.com!", [("mention", "@handle.com", "handle.com", 0, 11)]),
    ("@localhost", []),
    # Hashtags
    ("#POSSE", [("tag", "#POSSE", "POSSE", 0, 6)]),
    ("＃fullwidth", [("tag", "＃fullwidth", "fullwidth", 0, 12)]),
    ("#123", []),
    ("#1a", [("tag", "#1a", "1a", 0, 3)]),
    ("#tag!", [("tag", "#tag", "tag", 0, 4)]),
    ("#tag.", [("tag", "#tag", "tag", 0, 4)]),
    (
        "#🦋 #butter🦋fly",
        [("tag", "#🦋", "🦋", 0, 5), ("tag", "#butter🦋fly", "butter🦋fly", 6, 20)],
    ),
    ("a#b", []),
    ("🙂#tag", []),
    ("#️⃣tag", []),
    ("##️⃣tag", [("tag", "##️⃣tag", "#️⃣tag", 0, 11)]),
    ("#double#rainbow", [("tag", "#double#rainbow", "double#rainbow", 0, 15)]),
    ("#Ĳsselmeer", [("tag", "#Ĳsselmeer", "Ĳsselmeer", 0, 11)]),
    ("a\u3000#tag", [("tag", "#tag", "tag", 4, 8)]),
    ("#a\u200bb", [("tag", "#a", "a", 0, 2)]),
    # Cashtags are tag facets whose value keeps the "$" and is uppercased.
    ("$AAPL", [("tag", "$AAPL", "$AAPL", 0, 5)]),
    (
        "$aapl en $TOOLONG en ($GOOG) en $100",
        [("tag", "$aapl", "$AAPL", 0, 5), ("tag", "$GOOG", "$GOOG", 22, 27)],
    ),
    # Facets of different kinds may overlap, as upstream; here they even cross.
    (
        "#x(foo.com!)",
        [
            ("tag", "#x(foo.com", "x(foo.com", 0, 10),
            ("link", "foo.com!", "https://foo.com!", 3, 11),
        ],
    ),
    (
        "https://x.com/(@bob.com)",
        [
            ("link", "https://x.com/(@bob.com)", "https://x.com/(@bob.com)", 0, 24),
            ("mention", "@bob.com", "bob.com", 15, 23),
        ],
    ),
    # Byte offsets after ZWJ sequences, flags, skin tones, combining accents, ĳ, CJK, RTL.
    (
        "👨‍👩‍👧‍👦 🇳🇱 👍🏽 é ĳ 日本語 مرحبا שלום @alice.bsky.social #POSSE example.nl/agenda ＃één",
        [
            ("mention", "@alice.bsky.social", "alice.bsky.social", 80, 98),
            ("tag", "#POSSE", "POSSE", 99, 105),
            ("link", "example.nl/agenda", "https://example.nl/agenda", 106, 123),
            ("tag", "＃één", "één", 124, 132),
        ],
    ),
    (
        "Café e\u0301 ĳs: https://bücher.de/straße #Ĳs",
        [
            ("link", "https://bücher.de/straße", "https://bücher.de/straße", 15, 41),
            ("tag", "#Ĳs", "Ĳs", 42, 46),
        ],
    ),
    (
        "مرحبا بالعالم #مرحبا https://example.com/ar",
        [
            ("tag", "#مرحبا", "مرحبا", 26, 37),
            ("link", "https://example.com/ar", "https://example.com/ar", 38, 60),
        ],
    ),
    (
        "שלום (@bob.example.com) #עברית!",
        [
            ("mention", "@bob.example.com", "bob.example.com", 10, 26),
            ("tag", "#עברית", "עברית", 28, 39),
        ],
    ),
]


def _summary(text: str) -> list[tuple[str, str, str, int, int]]:
    return [
        (f.kind, text[f.start : f.end], f.value, f.byte_start, f.byte_end)
        for f in detect_facets(text)
    ]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_cases(text, expected):
    assert _summary(text) == expected


def test_facet_fields():
    assert detect_facets("hoi #POSSE") == [Facet("tag", 4, 10, 4, 10, "POSSE")]


@pytest.mark.parametrize(
    ("body", "is_tag"),
    [
        ("a" * 64, True),
        ("a" * 65, False),
        # The limit counts UTF-16 code units, as upstream's `tag.length > 64`: an emoji is 2.
        ("😀" * 32, True),
        ("😀" * 33, False),
        ("é" * 64, True),
        ("a" * 64 + "!!!", True),  # trailing punctuation is stripped before counting
    ],
)
def test_tag_length_limit(body, is_tag):
    facets = detect_facets(f"zie #{body}")
    assert bool(facets) is is_tag
    if is_tag:
        assert facets[0].value == body.rstrip("!")


def test_tld_list():
    assert "nl" in tlds()
    assert "bsky" not in tlds()
    assert "рф" in tlds()  # IDN TLDs are listed in Unicode form
    assert all(tld == tld.lower() and "." not in tld for tld in tlds())


@pytest.mark.parametrize(
    ("domain", "valid"),
    [
        ("example.nl", True),
        ("bsky.social", True),
        (".com", True),
        ("example.COM", False),
        ("file.txt", False),
        ("foo.bar123", False),
        ("nl", False),
        ("example.рф", True),
        ("", False),
    ],
)
def test_is_valid_domain(domain, valid):
    assert is_valid_domain(domain) is valid


# Text a person could type: anything but lone surrogates.
SNIPPETS = [
    "https://example.org/a_(b)",
    "(see https://example.org/a_(b))",
    "example.nl/agenda",
    "bibliotheek.nl.",
    "@alice.bsky.social",
    "(@bob.example.com)",
    "email@example.com",
    "#POSSE",
    "＃één",
    "#tag!",
    "#🦋",
    "$AAPL",
    "($GOOG)",
    "#x(foo.com!)",
    "https://x.com/(@bob.com)",
    "httpbin.org",
    "👨‍👩‍👧‍👦",
    "🇳🇱",
    "e\u0301",
    "ĳ",
    "مرحبا",
    " ",
    "\n",
    "\u3000",
    "\x85",
    "(",
    ")",
    ".",
    "!",
]
mixed_text = support_facets.mixed_text(SNIPPETS)


def check_facets(text: str, facets: list[Facet]) -> None:
    support_facets.check_offsets(text, facets)
    for index, first in enumerate(facets):
        for second in facets[index + 1 :]:
            if second.start >= first.end:
                continue
            # Facets of one sort never overlap; a link and a hashtag may cross; anything
            # else that overlaps is nested (a mention or cashtag in a link, a link or
            # cashtag in a hashtag).
            sorts = {_sort(text, first), _sort(text, second)}
            assert len(sorts) == 2
            assert second.end <= first.end or sorts == {"link", "hashtag"}


def _sort(text: str, facet: Facet) -> str:
    if facet.kind == "tag":
        return "cashtag" if text[facet.start] == "$" else "hashtag"
    return facet.kind


def check_values(text: str, facets: list[Facet]) -> None:
    for facet in facets:
        visible = text[facet.start : facet.end]
        if facet.kind == "mention":
            assert visible == f"@{facet.value}"
        elif facet.kind == "link":
            assert facet.value == (visible if visible.startswith("http") else f"https://{visible}")
        elif visible[0] == "$":
            assert facet.value == visible.upper()
        else:
            assert visible[0] in "#＃"
            assert visible[1:] == facet.value


@settings(max_examples=300, deadline=None)
@given(strategies.text(max_size=300))
def test_any_text(text):
    facets = detect_facets(text)
    check_facets(text, facets)
    check_values(text, facets)


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_text_with_facets(text):
    facets = detect_facets(text)
    check_facets(text, facets)
    check_values(text, facets)


@pytest.mark.parametrize(
    "text",
    [
        " ".join(SNIPPETS * 40)[:5000],
        "#" + "1" * 4999,
        "@" + "a" * 4999,
        "a." * 2500,
        "(" * 5000,
        "http://" + "x" * 4993,
        " #" * 2500,
    ],
    ids=["dense", "digits-tag", "long-handle", "dots", "parens", "long-url", "many-hashes"],
)
def test_hostile_5000_character_inputs(text):
    # Runaway backtracking would hang here; benchmarks/worst_cases.py reports the times.
    facets = detect_facets(text)
    check_facets(text, facets)
    check_values(text, facets)
