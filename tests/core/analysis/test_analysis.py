from composer.core.analysis.analysis import analyze, network_text
from composer.core.analysis.rules import Code
from composer.core.drafts.draft import Draft, Override
from composer.core.platforms import default_limits


def _analyze(draft: Draft, target: str, estimate_thread: bool = False):
    return analyze(draft, target, default_limits(target), (), estimate_thread=estimate_thread)


def test_link_back_is_added_once():
    draft = Draft(text="Open dag!", link="https://example.org/open-dag")
    assert network_text(draft, "mastodon", default_limits("mastodon")) == (
        "Open dag!\n\nhttps://example.org/open-dag"
    )
    already = Draft(text="Zie https://example.org/open-dag", link="https://example.org/open-dag")
    assert network_text(already, "mastodon", default_limits("mastodon")) == already.text


def test_mastodon_counts_the_content_warning_and_the_link_as_23():
    draft = Draft(
        text="Open dag!", content_warning="Drukte", link="https://example.org/" + "x" * 80
    )
    result = _analyze(draft, "mastodon")
    assert result.measured.length == len("Drukte") + len("Open dag!\n\n") + 23
    assert result.fits


def test_teaser_from_the_body_when_there_is_no_text():
    body = ("De bibliotheek viert haar verjaardag met een week vol activiteiten. " * 20).strip()
    draft = Draft(body=body, link="https://example.org/feest")
    result = _analyze(draft, "bluesky")
    assert result.fits
    assert result.measured.text.startswith("De bibliotheek viert")
    assert result.measured.facets[-1].value == "https://example.org/feest"
    assert result.measured.length <= 300


def test_too_long_without_thread_says_how_many_posts_a_thread_needs():
    draft = Draft(text="woord " * 100)
    assert _analyze(draft, "bluesky").problems[0].numbers["thread_parts"] == 0  # not asked
    result = _analyze(draft, "bluesky", estimate_thread=True)
    (problem,) = result.problems
    assert problem.code is Code.TEXT_TOO_LONG
    assert problem.numbers["over"] == 599 - 300
    assert problem.numbers["thread_parts"] == 2
    assert not result.fits
    pixelfed = analyze(
        Draft(text="a" * 501), "pixelfed", default_limits("pixelfed"), (), estimate_thread=True
    )
    assert [
        p.numbers.get("thread_parts") for p in pixelfed.problems if p.code is Code.TEXT_TOO_LONG
    ] == [0]


def test_thread_override_for_one_network():
    draft = Draft(text="woord " * 80, overrides={"bluesky": Override(thread=True)})
    mastodon = _analyze(draft, "mastodon")
    assert len(mastodon.parts) == 1 and mastodon.fits  # fits in 500 anyway
    bluesky = _analyze(draft, "bluesky")
    assert bluesky.fits
    assert len(bluesky.parts) == 2
    assert [part.length for part in bluesky.parts] == [299, 179]
    assert " ".join(part.text for part in bluesky.parts).split() == draft.text.split()


def test_bytes_alone_can_be_too_many():
    family = "👨‍👩‍👧‍👦"  # one grapheme, 25 UTF-8 bytes
    assert _analyze(Draft(text=family * 120), "bluesky").fits
    result = _analyze(Draft(text=family * 121), "bluesky")
    assert result.measured.length == 121
    assert [(p.code, p.numbers["over"]) for p in result.problems] == [
        (Code.TEXT_TOO_MANY_BYTES, 25)
    ]


def test_empty_message_and_website():
    assert [p.code for p in _analyze(Draft(), "mastodon").problems] == [Code.EMPTY_MESSAGE]
    assert [p.code for p in _analyze(Draft(), "website").problems] == [Code.EMPTY_MESSAGE]
    website = _analyze(Draft(title="Titel", body="Lange tekst " * 1000), "website")
    assert website.fits
    assert website.limits.max_characters is None
