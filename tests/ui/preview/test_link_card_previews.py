"""The link card under a post in each preview: there exactly when the network shows one, with
the website's title, the start of its text and its domain."""

import pytest
from PIL import Image as PILImage

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.analysis.composing import analyze_destinations
from composer.core.drafts.draft import Draft, Image
from composer.core.images.probe import probe
from composer.ui.preview.link_text import ClampedText
from composer.ui.preview.panel import PreviewsPanel

SITE = Account("site", AccountKind.WEBSITE, Identity("Bieb Zuid"), "https://www.bieb.nl/hook")
MASTODON = Account(
    "m1", AccountKind.MASTODON, Identity("Bieb", "@bieb@mastodon.nl"), "https://mastodon.nl"
)
BLUESKY = Account("b1", AccountKind.BLUESKY, Identity("Bieb", "@bieb.bsky.social"))
PIXELFED = Account("p1", AccountKind.PIXELFED, Identity("Bieb", "@bieb@pix.nl"), "https://pix.nl")
DISCORD = Account("d1", AccountKind.DISCORD, Identity("Omroeper"))
ALL = [SITE, MASTODON, BLUESKY, PIXELFED, DISCORD]
NETWORKS = ALL[1:]
BODY = "Zaterdag zijn alle zalen open.\n\nKom langs met het hele gezin!"
DRAFT = Draft(text="Zaterdag open dag!", title="Open dag in de bibliotheek", body=BODY)


@pytest.fixture
def panel(qtbot, english):
    widget = PreviewsPanel()
    qtbot.addWidget(widget)
    widget.resize(600, 1000)
    widget.show()
    return widget


def _put(panel, draft, accounts=ALL):
    facts = [probe(image.path) for image in draft.images]
    panel.show_previews(draft, accounts, analyze_destinations(draft, accounts, lambda a: facts))


def _shown(panel, account_id):
    """Per post, the link cards a person sees under it."""
    return [
        [view for view in post.link_cards if view.isVisibleTo(panel)]
        for post in panel.previews[account_id].cards
    ]


def _photo(tmp_path, size=(1200, 800), name="zaal.jpg"):
    path = tmp_path / name
    PILImage.new("RGB", size, (40, 120, 200)).save(path, "JPEG")
    return Image(path, alt="De zaal")


def test_bluesky_card_shows_the_website_title_text_and_domain(panel):
    panel.select("b1")
    _put(panel, DRAFT)
    ((view,),) = _shown(panel, "b1")
    assert view.title.text() == "Open dag in de bibliotheek"
    assert view.description.text() == "Zaterdag open dag!"  # the message, as the page says
    assert view.domain.text() == "www.bieb.nl"
    assert view.hint.text() == "Made from your website page once it is published."
    assert not view.picture.isVisibleTo(panel)
    assert view.frame.accessibleName() == "Link preview"
    assert view.frame.accessibleDescription() == "Open dag in de bibliotheek, www.bieb.nl"
    # under the post's text, above its counter
    post = panel.previews["b1"].cards[0]
    assert post.text.y() < view.mapTo(post, view.rect().topLeft()).y() < post.counter.y()


def test_bluesky_card_goes_when_a_photo_is_added_and_comes_back_when_removed(panel, tmp_path):
    panel.select("b1")
    _put(panel, DRAFT)
    assert [len(cards) for cards in _shown(panel, "b1")] == [1]
    with_photo = Draft(text=DRAFT.text, title=DRAFT.title, body=BODY, images=(_photo(tmp_path),))
    _put(panel, with_photo)
    assert [len(cards) for cards in _shown(panel, "b1")] == [0]
    assert len(panel.previews["b1"].cards[0].images.tiles) == 1  # the photos instead
    _put(panel, DRAFT)
    assert [len(cards) for cards in _shown(panel, "b1")] == [1]


def test_the_card_follows_the_title_and_the_message_as_they_are_typed(panel):
    panel.select("b1")
    for typed in ("O", "Op", "Open dag"):
        _put(panel, Draft(text="Kom! " + typed, title=typed, body="Tekst"))
    ((view,),) = _shown(panel, "b1")
    assert view.title.text() == "Open dag"
    assert view.description.text() == "Kom! Open dag"
    _put(panel, Draft(text="Kom!", title="", body="Tekst"))
    assert view.title.text() == "Bieb Zuid"  # a page without a title: its site's name


def test_no_website_no_link_back_no_bluesky_card(panel):
    panel.select("b1")
    _put(panel, Draft(text="Programma: https://tickets.nl/open-dag"), NETWORKS)
    assert _shown(panel, "b1") == [[]]


def test_mastodon_card_is_for_the_first_link_and_says_where_it_comes_from(panel):
    panel.select("m1")
    _put(panel, Draft(text="Kaartjes: https://tickets.nl/open-dag", title="Open dag"))
    ((view,),) = _shown(panel, "m1")
    assert view.domain.text() == "tickets.nl"
    assert view.title.text() == "tickets.nl/open-dag"  # only its address is known
    assert view.hint.text() == "Made from that page when the post is published."
    assert view.frame.toolTip() == "https://tickets.nl/open-dag"
    assert view.side_picture.isVisibleTo(panel)  # Mastodon's sign for a page (no picture yet)


def test_mastodon_card_hides_behind_the_content_warning(panel):
    panel.select("m1")
    _put(panel, Draft(text="Spannend", title="Open dag", content_warning="Spoilers"))
    assert _shown(panel, "m1") == [[]]
    panel.previews["m1"].cards[0].more.click()
    ((view,),) = _shown(panel, "m1")
    assert view.title.text() == "Open dag"


def test_mastodon_thread_with_a_photo_has_the_card_on_the_post_with_the_link(panel, tmp_path):
    panel.select("m1")
    draft = Draft(text="woord " * 110, title="Open dag", images=(_photo(tmp_path),), thread=True)
    _put(panel, draft)
    shown = _shown(panel, "m1")
    assert len(shown) > 1
    assert [len(cards) for cards in shown] == [0] * (len(shown) - 1) + [1]
    (view,) = shown[-1]
    # the website's first photo, wide: on top of the card, as Mastodon shows a wide picture
    assert view.picture.isVisibleTo(panel) and view.picture.picture is not None
    assert not view.side_picture.isVisibleTo(panel)


def test_discord_embeds_the_link_back_beside_the_photos(panel, tmp_path):
    panel.select("d1")
    _put(panel, Draft(text="Kom!", title="Open dag", images=(_photo(tmp_path),)))
    ((view,),) = _shown(panel, "d1")
    assert view.title.text() == "Open dag"
    assert view.picture.isVisibleTo(panel)
    post = panel.previews["d1"].cards[0]
    assert post.images.y() < view.mapTo(post, view.rect().topLeft()).y()  # after the photos


def test_pixelfed_and_website_show_no_card(panel, tmp_path):
    _put(panel, Draft(text="Kom!", title="Open dag", images=(_photo(tmp_path),)))
    for key in ("p1", "site"):
        panel.select(key)
        assert _shown(panel, key) == [[]]


def test_bluesky_title_is_cut_after_three_lines(panel):
    panel.select("b1")
    _put(panel, Draft(text="Kom!", title="Een heel lange titel " * 30))
    ((view,),) = _shown(panel, "b1")
    lines = view.title.shown_lines()
    assert len(lines) == 3
    assert lines[-1].endswith("…")


def test_clamped_text_wraps_and_cuts_with_an_ellipsis(qtbot, english):
    text = ClampedText(None, 2)
    qtbot.addWidget(text)
    text.set_text("woord " * 50)
    lines = text.shown_lines(200)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert text.heightForWidth(200) == 2 * text.fontMetrics().lineSpacing()
    text.set_text("kort")
    assert text.shown_lines(200) == ["kort"]
    text.set_text("😀" * 80)  # counted as Qt counts: no broken characters
    assert all("\ufffd" not in line for line in text.shown_lines(120))


def test_the_hint_in_dutch(qtbot, dutch):
    panel = PreviewsPanel()
    qtbot.addWidget(panel)
    panel.select("b1")
    _put(panel, DRAFT)
    ((view,),) = _shown(panel, "b1")
    assert view.hint.text() == "Gemaakt van de pagina op je website zodra die gepubliceerd is."
    assert view.frame.accessibleName() == "Linkvoorbeeld"


def test_in_the_window_the_card_follows_title_and_photos(open_window, qtbot, english, store):
    from tests.support.images import photo, save

    for account in ALL:
        store.save_account(account)
    window = open_window()
    qtbot.keyClicks(window.writing.title, "Open dag")
    qtbot.keyClicks(window.editor, "Zaterdag open dag!")
    window.previews.select("b1")
    panel = window.previews
    ((view,),) = _shown(panel, "b1")
    assert (view.title.text(), view.domain.text()) == ("Open dag", "www.bieb.nl")
    qtbot.keyClicks(window.writing.title, " in de bibliotheek")
    assert view.title.text() == "Open dag in de bibliotheek"
    picture = save(photo(800, 600), store.path.parent / "zaal.jpg")
    window.images.add_files([picture])
    qtbot.waitUntil(lambda: len(window.draft.images) == 1)
    qtbot.waitUntil(lambda: _shown(panel, "b1") == [[]])
    window.images.cards[0].remove.click()
    qtbot.waitUntil(lambda: not window.draft.images)
    qtbot.waitUntil(lambda: [len(cards) for cards in _shown(panel, "b1")] == [1])
