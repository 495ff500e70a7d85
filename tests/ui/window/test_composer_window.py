from PySide6.QtCore import Qt

from composer.core.platforms import Platform


def test_window_opens_ready_to_type(open_window, qtbot, english, store):
    window = open_window()
    assert window.windowTitle().startswith("Omroeper")
    window.activateWindow()
    qtbot.waitUntil(window.editor.hasFocus)
    assert window.counters[Platform.BLUESKY].text() == "Bluesky  0 / 300"


def test_typing_updates_every_counter(open_window, qtbot, english, store):
    window = open_window()
    qtbot.keyClicks(window.editor, "Zie https://example.org/" + "a" * 40)
    counters = {platform: counter.text() for platform, counter in window.counters.items()}
    # Mastodon counts the URL as 23; Bluesky shows it shortened; Pixelfed and Discord in full.
    assert counters == {
        Platform.MASTODON: "Mastodon  27 / 500",
        Platform.BLUESKY: "Bluesky  31 / 300",
        Platform.PIXELFED: "Pixelfed  64 / 500",
        Platform.DISCORD: "Discord  64 / 2,000",
    }


def test_counter_turns_red_past_the_limit(open_window, qtbot, english, store):
    window = open_window()
    window.editor.setPlainText("ĳ" * 301)
    bluesky = window.counters[Platform.BLUESKY]
    assert bluesky.over
    assert bluesky.text() == "⚠ Bluesky  301 / 300"
    assert "1 character too long: shorten the text." in bluesky.toolTip()
    assert not window.counters[Platform.MASTODON].over
    window.editor.setPlainText("ĳ" * 300)
    assert not bluesky.over


def test_dutch_window(open_window, qtbot, dutch, store):
    window = open_window()
    window.editor.setPlainText("x" * 2_001)
    discord = window.counters[Platform.DISCORD]
    assert discord.text() == "⚠ Discord  2.001 / 2.000"
    assert "1 teken te lang" in discord.toolTip()


def test_counters_are_named_for_screen_readers(open_window, qtbot, english, store):
    window = open_window()
    qtbot.keyClick(window.editor, Qt.Key.Key_A)
    assert window.counters[Platform.MASTODON].accessibleName() == "Mastodon: 1 of 500 characters"
    assert window.editor.accessibleName() == "Message"


def test_advice_says_what_to_do_next(open_window, qtbot, english, store):
    window = open_window()
    assert window.advice.text().startswith("Start typing")
    window.editor.setPlainText("Kort bericht")
    assert window.advice.text() == "✓ The text fits on every network."
    window.editor.setPlainText("woord " * 60)
    assert window.advice.text() == "Bluesky: 59 characters too long: shorten the text."
    qtbot.waitUntil(lambda: "thread" in window.advice.text(), timeout=3000)
    assert window.advice.text() == (
        "Bluesky: 59 characters too long: shorten the text, or split it into a thread of 2 posts."
    )
