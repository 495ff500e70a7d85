from dataclasses import replace

import pytest
from PIL import Image as PILImage
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.analysis.composing import analyze_destinations
from composer.core.drafts.draft import Draft, Image, Override
from composer.core.images.probe import probe
from composer.ui.preview.panel import PreviewsPanel
from composer.ui.style.theme import link_color
from composer.ui.writing.override_editor import OverrideEditor

LONG = "https://www.bibliotheek-utrecht.nl/agenda/2026/open-dag-in-de-bibliotheek"
ACCOUNTS = [
    Account("site", AccountKind.WEBSITE, Identity("bieb.nl"), server="https://bieb.nl"),
    Account("m1", AccountKind.MASTODON, Identity("Bieb", "@bieb@mastodon.nl"), "https://mastodon.nl"),
    Account("b1", AccountKind.BLUESKY, Identity("Bieb Utrecht", "@bieb.bsky.social")),
    Account("p1", AccountKind.PIXELFED, Identity("Bieb", "@bieb@pixelfed.social")),
    Account("d1", AccountKind.DISCORD, Identity("Omroeper")),
]  # fmt: skip
NETWORKS = [account for account in ACCOUNTS if account.id != "site"]


def _analyses(draft, accounts=NETWORKS, facts=lambda account: ()):
    return analyze_destinations(draft, accounts, facts, estimate_thread=True)


@pytest.fixture
def panel(qtbot, english):
    widget = PreviewsPanel()
    qtbot.addWidget(widget)
    widget.resize(600, 800)
    widget.show()
    return widget


def _put(panel, draft, accounts=NETWORKS, facts=lambda account: ()):
    panel.show_previews(draft, accounts, _analyses(draft, accounts, facts))


def _cards(panel, account_id):
    return panel.previews[account_id].cards


def _marks(card):
    """(text, href) of every coloured run in a card's text, as the reader sees it."""
    document = card.text.document()
    marks, block = [], document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.foreground().color().name() == link_color():
                marks.append((fragment.text(), fmt.anchorHref()))
            iterator += 1
        block = block.next()
    return marks


def _spoken(panel, account_id):
    return panel.tabs.tabBar().accessibleTabName(panel._ids.index(account_id))


def _tab_text(panel, account_id):
    return panel.tabs.tabText(panel._ids.index(account_id))


def test_typing_updates_the_counter_and_text_of_the_visible_preview(panel):
    panel.select("b1")
    _put(panel, Draft(text="Hallo"))
    assert panel.current_account_id() == "b1"
    (card,) = _cards(panel, "b1")
    assert card.counter.text() == "5 / 300"
    assert card.text.toPlainText() == "Hallo"
    _put(panel, Draft(text="Hallo wereld"))
    assert card.counter.text() == "12 / 300"
    assert card.text.toPlainText() == "Hallo wereld"
    assert _tab_text(panel, "b1") == "Bluesky"
    assert _spoken(panel, "b1") == "Bluesky, @bieb.bsky.social, 12 of 300 characters, fits"


def test_only_the_visible_tab_is_drawn_the_others_when_shown(panel):
    _put(panel, Draft(text="Eerste"))
    panel.select("b1")
    _put(panel, Draft(text="Tweede versie"))
    assert _cards(panel, "b1")[0].text.toPlainText() == "Tweede versie"
    # Not drawn while hidden, but its label is current.
    assert _cards(panel, "d1") == []
    assert _tab_text(panel, "d1") == "Discord"
    assert _spoken(panel, "d1").startswith("Discord, Omroeper, 13 of 2,000 characters")
    panel.select("d1")
    assert _cards(panel, "d1")[0].text.toPlainText() == "Tweede versie"


def test_bluesky_link_shows_shortened_with_the_full_url_behind_it(panel):
    panel.select("b1")
    _put(panel, Draft(text=f"Programma: {LONG}"))
    (card,) = _cards(panel, "b1")
    assert card.text.toPlainText() == "Programma: www.bibliotheek-utrecht.nl/agenda/2026/..."
    assert _marks(card) == [("www.bibliotheek-utrecht.nl/agenda/2026/...", LONG)]


def test_mastodon_highlights_hashtags_mentions_and_cuts_links(panel):
    panel.select("m1")
    _put(panel, Draft(text=f"Kom! #opendag met @jan@mastodon.social {LONG}"))
    (card,) = _cards(panel, "m1")
    assert _marks(card) == [
        ("#opendag", "https://mastodon.nl/tags/opendag"),
        ("@jan", "https://mastodon.social/@jan"),
        ("bibliotheek-utrecht.nl/agenda/…", LONG),
    ]


def test_discord_highlights_only_links(panel):
    panel.select("d1")
    _put(panel, Draft(text=f"#opendag @jan {LONG}"))
    assert _marks(_cards(panel, "d1")[0]) == [(LONG, LONG)]


def test_markup_in_the_text_is_shown_literally(panel):
    panel.select("b1")
    _put(panel, Draft(text="<b>vet</b> & <a href='x'>y</a>"))
    card = _cards(panel, "b1")[0]
    assert card.text.toPlainText() == "<b>vet</b> & <a href='x'>y</a>"
    assert _marks(card) == []


def test_a_thread_shows_one_card_per_post_with_markers(panel):
    panel.select("b1")
    draft = Draft(text="woord " * 120, thread=True)
    analyses = _analyses(draft)
    panel.show_previews(draft, NETWORKS, analyses)
    cards = _cards(panel, "b1")
    assert len(cards) == len(analyses["b1"].parts) == 3
    assert [card.marker.text() for card in cards] == ["1/3", "2/3", "3/3"]
    assert [card.text.toPlainText() for card in cards] == [p.text for p in analyses["b1"].parts]
    # "posts" once the English plural forms are compiled
    assert _spoken(panel, "b1").startswith("Bluesky, @bieb.bsky.social, 3 post")


def test_problems_are_shown_in_plain_words_with_the_network(panel):
    panel.select("b1")
    _put(panel, Draft(text="woord " * 60))
    problems = panel.previews["b1"].problems
    document = QTextDocument()
    document.setHtml(problems.text())
    assert document.toPlainText() == (
        "⚠ Bluesky: 59 characters too long: shorten the text, or split it into a thread of 2 posts."
    )
    panel.select("m1")
    assert "Fits on Mastodon" in panel.previews["m1"].problems.text()


def test_tab_labels_warn_when_a_destination_does_not_fit(panel):
    _put(panel, Draft(text="x" * 301))
    assert _tab_text(panel, "b1") == "⚠ Bluesky"
    assert not _tab_text(panel, "m1").startswith("⚠")
    bar = panel.tabs.tabBar()
    assert bar.accessibleTabName(panel._ids.index("b1")) == (
        "Bluesky, @bieb.bsky.social, 301 of 300 characters, does not fit"
    )
    assert bar.accessibleTabName(panel._ids.index("m1")).endswith(", fits")


def test_dutch_problems_and_numbers(qtbot, dutch):
    panel = PreviewsPanel()
    qtbot.addWidget(panel)
    panel.select("d1")
    _put(panel, Draft(text="x" * 2_001))
    panel.select("d1")
    card = _cards(panel, "d1")[0]
    assert card.counter.text() == "⚠ 2.001 / 2.000"
    assert "Discord: 1 teken te lang" in panel.previews["d1"].problems.text()


def test_content_warning_hides_the_mastodon_text_until_show_more(panel):
    panel.select("m1")
    _put(panel, Draft(text="Spannend verhaal", content_warning="Spoilers"))
    card = _cards(panel, "m1")[0]
    assert card.warning.text() == "Spoilers"
    assert card.more.text() == "Show more"
    assert not card.text.isVisibleTo(card)
    card.more.click()
    assert card.text.isVisibleTo(card)
    assert card.more.text() == "Show less"
    panel.select("b1")  # Bluesky has no warnings: it says so
    assert not _cards(panel, "b1")[0].warning.isVisibleTo(_cards(panel, "b1")[0])
    assert "no content warnings" in panel.previews["b1"].problems.text()


def _picture(path, size, kind):
    PILImage.new("RGB", size, (200, 80, 40)).save(path, kind)
    return path


def test_images_in_the_network_grid_with_fit_marks(panel, tmp_path):
    jpeg = _picture(tmp_path / "a.jpg", (300, 200), "JPEG")
    webp = _picture(tmp_path / "b.webp", (200, 300), "WEBP")  # Pixelfed takes no WebP
    draft = Draft(text="Foto's", images=(Image(jpeg, alt="Hal"), Image(webp, alt="Zaal")))
    _put(panel, draft, facts=lambda account: [probe(image.path) for image in draft.images])
    panel.select("m1")
    tiles = _cards(panel, "m1")[0].images.tiles
    assert [tile.view.fits for tile in tiles] == [True, True]
    size = jpeg.stat().st_size
    assert tiles[0].toolTip() == f"Photo 1: 300 × 200 pixels, {size / 1024:.1f} kB"
    assert tiles[0].picture is not None and tiles[0].picture.width() == 300
    assert tiles[0].width() == tiles[1].width()  # side by side
    panel.select("p1")
    tiles = _cards(panel, "p1")[0].images.tiles
    assert [tile.view.fits for tile in tiles] == [True, False]
    assert "does not fit" in tiles[1].toolTip()
    assert "WEBP file" in tiles[1].toolTip()
    assert tiles[0].isVisibleTo(panel) and not tiles[1].isVisibleTo(panel)  # a carousel
    assert "⚠" in _tab_text(panel, "p1")


def test_website_preview_has_title_body_and_no_override_button(panel):
    draft = Draft(text="Kort", title="Open dag", body="Lange tekst\n\nmet alinea's")
    _put(panel, draft, ACCOUNTS)
    panel.select("site")
    card = _cards(panel, "site")[0]
    assert card.title.text() == "Open dag"
    assert card.text.toPlainText() == "Lange tekst\n\nmet alinea's"
    assert not panel.previews["site"].edit.isVisibleTo(panel)
    assert _tab_text(panel, "site") == "Website"
    # The networks get the link back: a stand-in until the website has published.
    panel.select("b1")
    assert _cards(panel, "b1")[0].text.toPlainText() == "Kort\n\nbieb.nl/…"


def test_empty_state_until_a_destination_is_chosen(panel):
    panel.show_previews(Draft(text="Hallo"), NETWORKS, {})
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.text().startswith("Tick above where to publish")
    assert panel.current_account_id() is None
    _put(panel, Draft(text="Hallo"))
    assert panel.stack.currentWidget() is panel.tabs


def test_override_dialog_round_trip(panel, qtbot):
    draft = Draft(text="Gedeelde tekst")
    _put(panel, draft)
    panel.select("b1")
    panel.previews["b1"].edit.click()
    editor = panel.editor
    assert editor.text.toPlainText() == "Gedeelde tekst"
    assert editor.counter.text() == "14 / 300"
    assert not editor.use_shared.isEnabled()
    assert editor.thread_mode.isVisibleTo(editor) and not editor.warning.isVisibleTo(editor)
    editor.text.setPlainText("x" * 301)
    assert editor.counter.text() == "⚠ 301 / 300"
    editor.thread_mode.setCurrentIndex(1)  # split into a thread
    assert editor.counter.text().startswith("301 / 300 · 2 post")
    editor.text.setPlainText("Alleen voor Bluesky")
    editor.thread_mode.setCurrentIndex(0)
    with qtbot.waitSignal(panel.override_changed) as signal:
        editor.ok.click()
    assert signal.args == ["b1", Override(text="Alleen voor Bluesky")]

    own = replace(draft, overrides={"b1": Override(text="Alleen voor Bluesky")})
    _put(panel, own)
    assert panel.previews["b1"].shared.isVisibleTo(panel)
    assert _cards(panel, "b1")[0].text.toPlainText() == "Alleen voor Bluesky"
    editor = panel.edit_override("b1")
    assert editor.text.toPlainText() == "Alleen voor Bluesky"
    with qtbot.waitSignal(panel.override_changed) as signal:
        editor.use_shared.click()
    assert signal.args == ["b1", None]


def test_override_editor_fields_follow_the_network(qtbot, english):
    draft = Draft(text="Tekst", content_warning="Let op")
    analyses = _analyses(draft)
    editors = {
        key: OverrideEditor(draft, account, analyses[key], None)
        for key, account in zip(["m1", "p1", "d1"], NETWORKS[:1] + NETWORKS[2:], strict=True)
    }
    for editor in editors.values():
        qtbot.addWidget(editor)
    shown = {
        key: (e.warning.isVisibleTo(e), e.thread_mode.isVisibleTo(e)) for key, e in editors.items()
    }
    assert shown == {"m1": (True, True), "p1": (True, False), "d1": (False, False)}
    mastodon = editors["m1"]
    mastodon.warning.setText("Spoilers")
    assert mastodon.override() == Override(content_warning="Spoilers")
    mastodon.warning.setText("Let op")
    assert mastodon.override() is None  # nothing differs from the shared values
    assert mastodon.text.accessibleName() == "Text for Mastodon"


def test_shared_text_button_emits_none(panel, qtbot):
    draft = Draft(text="Tekst", overrides={"m1": Override(text="Eigen")})
    _put(panel, draft)
    panel.select("m1")
    preview = panel.previews["m1"]
    assert preview.own_text.isVisibleTo(panel)
    with qtbot.waitSignal(panel.override_changed) as signal:
        preview.shared.click()
    assert signal.args == ["m1", None]


def test_keyboard_reaches_the_edit_button(panel, qtbot):
    panel.select("b1")
    _put(panel, Draft(text="Hallo"))
    edit = panel.previews["b1"].edit
    assert edit.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert edit.accessibleName() == "Edit the text for this network only"
    assert panel.tabs.accessibleName() == "Previews"


def test_typing_never_decodes_an_image_again(panel, tmp_path, monkeypatch):
    from composer.ui.preview import pixmaps

    decodes = []
    real = pixmaps._decode
    monkeypatch.setattr(pixmaps, "_decode", lambda facts: decodes.append(1) or real(facts))
    jpeg = _picture(tmp_path / "c.jpg", (1200, 800), "JPEG")
    images = (Image(jpeg, alt="Hal"),)
    facts = [probe(jpeg)]
    panel.select("b1")
    for text in ("F", "Fo", "Foto", "Foto's"):
        _put(panel, Draft(text=text, images=images), facts=lambda account: facts)
    assert len(decodes) == 1
    panel.select("m1")  # the same file on another network: decoded already
    assert len(_cards(panel, "m1")[0].images.tiles) == 1
    assert len(decodes) == 1
    (tile,) = _cards(panel, "b1")[0].images.tiles
    assert max(tile.picture.width(), tile.picture.height()) == pixmaps.DECODED_SIDE


def test_choosing_fewer_destinations_keeps_the_rest_and_the_selection(panel):
    _put(panel, Draft(text="Hallo"))
    panel.select("p1")
    kept = panel.previews["p1"]
    chosen = [account for account in NETWORKS if account.id in ("b1", "p1")]
    _put(panel, Draft(text="Hallo"), chosen)
    assert panel.tabs.count() == 2
    assert panel.current_account_id() == "p1"
    assert panel.previews["p1"] is kept
    assert "m1" not in panel.previews
