import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.text.graphemes import grapheme_boundaries, grapheme_count, graphemes, utf8_length
from composer.core.text.threads import UnsplittableError, split_thread


def graphemes_at_most(limit):
    return lambda part: grapheme_count(part) <= limit


def bluesky_like(limit):
    return lambda part: grapheme_count(part) <= limit and utf8_length(part) <= 3 * limit


FAMILY = "👩\u200d👩\u200d👧\u200d👦"

# Arbitrary Unicode (no lone surrogates) mixed with the material that makes splitting hard.
tricky = st.sampled_from(
    [
        " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u00a0", "\u3000", "\u2029",
        ". ", "! ", "? ", "… ", ".) ", "。", "！", "」", "e\u0301", " \u0301", "\u0600", "\u0600 ",
        FAMILY, "🇳🇱", "🇧🇪", "🏳️\u200d🌈", "👍🏽", "क्षि", "日本語",
        "bibliotheek", "https://example.org/a-b", "@jan@example.social", "#Omroeper",
    ]
)  # fmt: skip
chunks = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=25), tricky)
texts = st.lists(chunks, min_size=3, max_size=100).map("".join)
fits_makers = st.sampled_from([graphemes_at_most, bluesky_like])
# Mostly small limits, so that most texts need splitting.
limits = st.one_of(st.integers(10, 40), st.integers(10, 300))

NUMBER = re.compile(r" (\d+)/(\d+)\Z")


def bodies(parts, numbered):
    """The parts without their ' k/n' suffix, checking that suffix."""
    if not numbered or len(parts) == 1:
        return parts
    result = []
    for k, part in enumerate(parts, 1):
        match = NUMBER.search(part)
        assert match, part
        assert (int(match[1]), int(match[2])) == (k, len(parts))
        result.append(part[: match.start()])
    return result


def assert_words_kept(text, parts):
    """The words of the parts, in order, are text.split(); a word may run on into the next part."""
    expected, i, pending = text.split(), 0, ""
    for part in parts:
        words = part.split()
        for j, word in enumerate(words):
            assert not pending or j == 0, "a cut word must continue at the start of the next part"
            piece = pending + word
            if piece == expected[i]:
                i, pending = i + 1, ""
            else:
                assert j == len(words) - 1 and expected[i].startswith(piece), (piece, expected[i])
                pending = piece
    assert not pending
    assert i == len(expected)


def locate(text, parts):
    """(start, end) of each part in text; what lies between consecutive parts is whitespace."""
    spans, position = [], 0
    for part in parts:
        start = text.find(part, position)
        assert start >= 0 and text[position:start].strip() == ""
        spans.append((start, start + len(part)))
        position = start + len(part)
    assert text[position:].strip() == ""
    return spans


def assert_good_thread(text, parts, fits, numbered):
    assert all(fits(part) for part in parts)
    if not text.strip():
        assert parts == []
        return []
    if fits(text.strip()):
        assert parts == [text.strip()]
    plain = bodies(parts, numbered)
    assert all(body and body == body.strip() for body in plain)
    assert_words_kept(text, plain)
    bounds = set(grapheme_boundaries(text))
    for start, end in locate(text, plain):
        # A cut lies between clusters; whitespace glued into a cluster may be dropped with it.
        assert start in bounds or text[start - 1].isspace()
        assert end in bounds or text[end].isspace()
    return plain


@settings(max_examples=400, deadline=None)
@given(texts, fits_makers, limits, st.booleans())
def test_any_text_splits_into_good_parts(text, make_fits, limit, numbered):
    fits = make_fits(limit)
    try:
        parts = split_thread(text, fits, numbered=numbered)
    except UnsplittableError as error:
        # Without protected spans, only a single cluster too big for the byte limit can do this.
        piece = text[error.start : error.end]
        assert error.length == grapheme_count(piece) == 1
        assert not fits(piece) or numbered
        return
    assert_good_thread(text, parts, fits, numbered)


@st.composite
def texts_with_urls(draw):
    """Words and protected URLs (some longer than any limit), and the URLs' spans."""
    word = st.text(st.characters(exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1)
    path = st.text("abcdefghijklmnopqrstuvwxyz0123456789-/", max_size=60)
    separator = st.sampled_from([" ", "\n", "\n\n", ". ", ", ", " — ", "! "])
    text, spans = "", []
    for is_url in draw(st.lists(st.booleans(), max_size=40)):
        text += draw(separator)
        token = "https://example.org/" + draw(path) if is_url else draw(word)
        if is_url:
            spans.append((len(text), len(text) + len(token)))
        text += token
    return text, spans


@settings(max_examples=300, deadline=None)
@given(texts_with_urls(), limits, st.booleans())
def test_protected_spans_are_never_cut(text_and_spans, limit, numbered):
    text, spans = text_and_spans
    fits = graphemes_at_most(limit)
    urls = {text[a:b] for a, b in spans}
    too_long = {url for url in urls if not fits(url)}
    try:
        parts = split_thread(text, fits, protected=spans, numbered=numbered)
    except UnsplittableError as error:
        piece = text[error.start : error.end]
        assert piece in urls
        assert piece in too_long or numbered  # numbered: the ' k/n' suffix did not fit beside it
        assert error.length == grapheme_count(piece)
        return
    assert not too_long
    plain = assert_good_thread(text, parts, fits, numbered)
    located = locate(text, plain)
    for a, b in spans:
        assert sum(start <= a and b <= end for start, end in located) == 1


def test_blank_and_fitting_texts():
    fits = graphemes_at_most(20)
    assert split_thread("", fits) == []
    assert split_thread(" \n\t ", fits) == []
    assert split_thread("  Tot zaterdag!\n", fits) == ["Tot zaterdag!"]
    assert split_thread("  Tot zaterdag!\n", fits, numbered=True) == ["Tot zaterdag!"]


def test_dutch_text_splits_at_the_paragraph():
    first = "De bibliotheek is zaterdag gesloten vanwege een verbouwing van de leeszaal."
    second = "Maandag zijn we weer open, met langere openingstijden en een nieuwe koffiehoek."
    parts = split_thread(f"{first}\n\n{second}", graphemes_at_most(120))
    assert parts == [first, second]


def test_sentence_end_preferred_over_a_fuller_part():
    text = (
        "Het museum opent op zaterdag een nieuwe tentoonstelling. "
        "Kinderen mogen gratis naar binnen en er is een speurtocht."
    )
    assert split_thread(text, graphemes_at_most(80)) == [
        "Het museum opent op zaterdag een nieuwe tentoonstelling.",
        "Kinderen mogen gratis naar binnen en er is een speurtocht.",
    ]


def test_line_break_preferred_over_sentence_end():
    # Both ends keep the part over half full (the longest that fits ends at "Zaterdag").
    text = "Open dag in de bieb. Alle zalen\nZaterdag van tien tot vier uur"
    assert split_thread(text, graphemes_at_most(40)) == [
        "Open dag in de bieb. Alle zalen",
        "Zaterdag van tien tot vier uur",
    ]


def test_word_boundary_when_the_sentence_end_comes_too_early():
    text = (
        "Ja. Het museum opent op zaterdag een nieuwe tentoonstelling over de geschiedenis "
        "van de stad."
    )
    assert split_thread(text, graphemes_at_most(50)) == [
        "Ja. Het museum opent op zaterdag een nieuwe",
        "tentoonstelling over de geschiedenis van de stad.",
    ]


def test_long_url_is_kept_whole():
    url = "https://bieb.example.nl/agenda/2025/open-dag-met-rondleidingen-en-voorlezen"
    text = f"Kom naar onze open dag! Alles staat op {url} en de toegang is gratis."
    span = [(text.index(url), text.index(url) + len(url))]
    parts = split_thread(text, graphemes_at_most(len(url) + 5), protected=span)
    assert parts == [
        "Kom naar onze open dag!",
        "Alles staat op",
        url + " en",
        "de toegang is gratis.",
    ]
    # Unprotected, the same URL is just a long word, cut between clusters.
    assert url not in split_thread(text, graphemes_at_most(40))


def test_protected_span_too_long_for_one_part():
    url = "https://example.org/" + "a" * 60
    text = f"Lees meer op {url} over de verbouwing."
    start = text.index(url)
    with pytest.raises(UnsplittableError) as caught:
        split_thread(text, graphemes_at_most(40), protected=[(start, start + len(url))])
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.start, error.end, error.length) == (start, start + len(url), len(url))


@pytest.mark.parametrize("cluster", [FAMILY, "🇳🇱", "🏳️\u200d🌈", "👍🏽", "e\u0301", "क्षि"])
def test_clusters_are_never_cut(cluster):
    text = cluster * 23
    parts = split_thread(text, graphemes_at_most(10))
    assert parts == [cluster * 10, cluster * 10, cluster * 3]


def test_flags_are_never_split_into_other_flags():
    # Regional indicators pair up from the start of a run: an odd cut would change the flags.
    flags = "🇳🇱🇧🇪🇩🇪" * 5
    assert all(
        set(graphemes(part)) <= {"🇳🇱", "🇧🇪", "🇩🇪"}
        for part in split_thread(flags, graphemes_at_most(4))
    )


def test_emoji_next_to_a_word_boundary():
    text = f"Feest 🎉 in de bieb {FAMILY}{FAMILY} voor het hele gezin"
    parts = split_thread(text, graphemes_at_most(20))
    assert parts == [
        "Feest 🎉 in de bieb",
        f"{FAMILY}{FAMILY} voor het hele",
        "gezin",
    ]


def test_cjk_splits_at_sentence_ends_then_between_clusters():
    fits = graphemes_at_most(10)
    text = "今天天气很好。我们去公园散步吧。明天可能会下雨，所以今天出去玩。"
    assert split_thread(text, fits) == [
        "今天天气很好。",
        "我们去公园散步吧。",
        "明天可能会下雨，所以",
        "今天出去玩。",
    ]
    plain = "今天天气很好我们去公园散步吧明天可能会下雨所以今天出去玩"
    assert split_thread(plain, fits) == [
        "今天天气很好我们去公",
        "园散步吧明天可能会下",
        "雨所以今天出去玩",
    ]


def test_numbering_counts_toward_the_limit():
    text = "een twee drie vier vijf zes zeven acht"
    assert split_thread(text, graphemes_at_most(16)) == [
        "een twee drie",
        "vier vijf zes",
        "zeven acht",
    ]
    assert split_thread(text, graphemes_at_most(16), numbered=True) == [
        "een twee 1/4",
        "drie vier 2/4",
        "vijf zes 3/4",
        "zeven acht 4/4",
    ]


def test_numbering_grows_to_two_digits():
    parts = split_thread("woord " * 30, graphemes_at_most(12), numbered=True)
    assert parts == [f"woord {k}/30" for k in range(1, 31)]


def test_five_thousand_characters_split_quickly():
    sentence = "De bibliotheek opent zaterdag een nieuwe leeszaal met koffie. "
    text = (sentence * 100)[:5000]
    calls = 0

    def fits(part):
        nonlocal calls
        calls += 1
        return grapheme_count(part) <= 300 and utf8_length(part) <= 3000

    parts = split_thread(text, fits)
    assert len(parts) == 20
    assert all(part.endswith("koffie.") for part in parts[:-1])  # whole sentences
    assert calls < 120  # galloping, not a call per prefix
