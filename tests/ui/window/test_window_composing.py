"""The window's main path: write, see every destination, fix what blocks publishing."""

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QImage

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.drafts.draft import Draft
from tests.support.images import photo, save

SITE = Account(
    "website-1", AccountKind.WEBSITE, Identity("Bieb"), "https://www.bieb-aan-zee.nl/hook"
)
NETWORKS = [
    Account("mastodon-1", AccountKind.MASTODON, Identity("Bieb", "@bieb@social.example")),
    Account("bluesky-1", AccountKind.BLUESKY, Identity("Bieb", "bieb.example")),
    Account("pixelfed-1", AccountKind.PIXELFED, Identity("Bieb", "@bieb@pix.example")),
    Account("discord-1", AccountKind.DISCORD, Identity("Bieb-server")),
]
ALL = [SITE, *NETWORKS]


def connect_all(store):
    for account in ALL:
        store.save_account(account)


def test_typing_updates_every_counter_and_preview(open_window, qtbot, english, store):
    connect_all(store)
    window = open_window()
    assert set(window.destinations.chosen()) == {account.id for account in ALL}
    qtbot.keyClicks(window.editor, "Zie https://example.org/" + "a" * 40 + " #OpenDag")
    # the link back to the site's own page is counted on every network
    texts = {key: counter.text() for key, counter in window.counters.items()}
    assert set(texts) == {account.id for account in NETWORKS}
    assert texts["mastodon-1"].startswith("Mastodon  ")
    for account in NETWORKS:
        analysis = window.parts.analyses[account.id]
        assert "bieb-aan-zee.nl" in analysis.measured.text
        preview = window.previews.previews[account.id]
        window.previews.select(account.id)
        assert "#OpenDag" in preview_text(preview)
    bluesky = window.previews.previews["bluesky-1"]
    window.previews.select("bluesky-1")
    assert "example.org/aaaaaaaaaaaa..." in preview_text(bluesky)  # shortened as the app shows it
    before = window.counters["discord-1"].text()
    qtbot.keyClicks(window.editor, "!")
    assert window.counters["discord-1"].text() != before


def preview_text(preview) -> str:
    from PySide6.QtWidgets import QLabel, QTextBrowser

    labels = [label.text() for label in preview.findChildren(QLabel)]
    posts = [view.toPlainText() for view in preview.findChildren(QTextBrowser)]
    return "\n".join(labels + posts)


def test_an_image_without_alt_text_blocks_publishing_until_fixed(
    open_window, qtbot, english, store, tmp_path
):
    connect_all(store)
    window = open_window()
    qtbot.keyClicks(window.editor, "Open dag in de bibliotheek")
    assert window.publish_bar.button.isEnabled() is False  # Pixelfed wants a photo
    picture = save(photo(800, 600), tmp_path / "zaal.jpg")
    window.images.add_files([picture])
    qtbot.waitUntil(lambda: len(window.draft.images) == 1)
    assert not window.publish_bar.button.isEnabled()
    assert "alt" in window.publish_bar.status.text().lower()
    card = window.images.cards[0]
    card.alt_edit.setFocus()
    qtbot.keyClicks(card.alt_edit, "Kinderen lezen voor in de zaal")
    qtbot.waitUntil(window.publish_bar.button.isEnabled)
    assert window.draft.images[0].alt == "Kinderen lezen voor in de zaal"
    assert window.publish_bar.status.text() == "Ready to publish to 5 destinations."


def test_a_decorative_image_may_go_without_alt_text(open_window, qtbot, english, store, tmp_path):
    connect_all(store)
    window = open_window()
    qtbot.keyClicks(window.editor, "Open dag")
    window.images.add_files([save(photo(400, 300), tmp_path / "rand.png")])
    qtbot.waitUntil(lambda: len(window.draft.images) == 1)
    assert not window.publish_bar.button.isEnabled()
    window.images.cards[0].decorative.setChecked(True)
    qtbot.waitUntil(window.publish_bar.button.isEnabled)


def test_destinations_are_remembered_per_draft(open_window, qtbot, english, store):
    connect_all(store)
    first = store.create_draft(Draft(text="Eerste", targets=("mastodon-1",)))
    second = store.create_draft(Draft(text="Tweede", targets=tuple(a.id for a in ALL)))
    window = open_window()
    assert window.draft_id == second
    window.destinations.boxes["discord-1"].setChecked(False)
    assert "discord-1" not in window.draft.targets
    assert set(window.counters) == {"mastodon-1", "bluesky-1", "pixelfed-1"}
    window.open_draft(first)
    assert window.destinations.chosen() == ("mastodon-1",)
    assert list(window.counters) == ["mastodon-1"]
    window.open_draft(second)
    assert "discord-1" not in window.destinations.chosen()
    assert store.load_draft(second).targets == window.draft.targets


def test_the_message_can_be_made_from_the_websites_full_text(open_window, qtbot, english, store):
    connect_all(store)
    window = open_window()
    window.writing.title.setText("Open dag")
    window.writing.body.setPlainText(
        "Zaterdag is de bibliotheek open van tien tot vier. " * 20 + "\n\nTweede alinea."
    )
    qtbot.mouseClick(window.writing.teaser_button, Qt.MouseButton.LeftButton)
    message = window.editor.toPlainText()
    assert message.startswith("Zaterdag is de bibliotheek open")
    assert "Tweede alinea" not in message
    analyses = window.parts.analyses
    too_long = [p for a in analyses.values() for p in a.problems if "too_long" in p.code]
    assert not too_long
    for account in NETWORKS[:2]:  # the link back follows the teaser
        last_line = analyses[account.id].measured.text.splitlines()[-1]
        assert "bieb-aan-zee.nl/" in last_line


def test_a_picture_pasted_into_the_message_becomes_a_photo(open_window, qtbot, english, store):
    window = open_window()
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    mime = QMimeData()
    mime.setImageData(picture)
    window.editor.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: len(window.draft.images) == 1, timeout=5000)
    assert window.editor.toPlainText() == ""
    assert window.draft.images[0].path.suffix == ".png"


def test_ctrl_enter_publishes_and_is_in_the_menu(open_window, qtbot, english, store):
    window = open_window()
    shortcuts = {
        action.text(): [key.toString() for key in action.shortcuts()]
        for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
        for action in menu.actions()
    }
    assert shortcuts["&Publish…"] == ["Ctrl+Return", "Ctrl+Enter"]
    assert shortcuts["&New draft"] == ["Ctrl+N"]


def test_a_wordpress_site_is_shown_as_the_own_site(open_window, qtbot, english, store):
    """No counter of its own (no limit), the post in full in its preview, and its host in
    every network's link back: as the webhook website."""
    wordpress = Account(
        "wordpress-1",
        AccountKind.WORDPRESS,
        Identity("Redactie", "communicatie"),
        "https://www.bieb-aan-zee.nl",
    )
    store.save_account(wordpress)
    store.save_account(NETWORKS[0])
    store.create_draft(
        Draft(
            title="Open dag",
            body="De deuren gaan open.",
            text="Kom langs",
            targets=("wordpress-1", "mastodon-1"),
        )
    )
    window = open_window()
    qtbot.keyClicks(window.editor, "!")
    assert list(window.counters) == ["mastodon-1"]
    assert "bieb-aan-zee.nl" in window.parts.analyses["mastodon-1"].measured.text
    window.previews.select("wordpress-1")
    shown = preview_text(window.previews.previews["wordpress-1"])
    assert "Open dag" in shown and "De deuren gaan open." in shown
    assert "Kom langs" not in shown
