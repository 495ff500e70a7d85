"""A first-time user alone with the window (issue 13): nothing red before they start, the
too-long advice leads to the setting, lists that ignore a passing wheel, a new draft from the
top, numbers as their language writes them, the photo's description in view."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from composer.core.drafts.draft import Draft, Image
from composer.core.settings import Settings
from tests.support.images import photo, save
from tests.ui.window.test_window_composing import ALL, connect_all


def _problems_shown(window) -> list[str]:
    tabs = window.previews.tabs
    marked = [tabs.tabText(tab) for tab in range(tabs.count())]
    return [text for text in marked if "⚠" in text]


def test_a_new_empty_draft_is_not_red_until_used(open_window, qtbot, english, store):
    connect_all(store)
    window = open_window()
    window.new_draft()
    assert window.untouched
    assert _problems_shown(window) == []
    assert "empty" not in window.publish_bar.status.text().lower()
    assert window.publish_bar.status.text() == (
        "Write your message: the previews show how it will look."
    )
    # trying to publish shows what is missing, and opens nothing
    qtbot.mouseClick(window.publish_bar.button, Qt.MouseButton.LeftButton)
    assert not window.untouched
    assert _problems_shown(window)
    assert "Before publishing" in window.publish_bar.status.text()
    assert getattr(window, "publish_dialog", None) is None
    # typing also ends the quiet: an emptied text is an empty message again
    qtbot.keyClicks(window.editor, "Eerste bericht")
    window.new_draft()
    assert _problems_shown(window) == []
    qtbot.keyClicks(window.editor, "x")
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert _problems_shown(window)


def test_the_too_long_advice_offers_the_thread(open_window, qtbot, english, store):
    connect_all(store)
    window = open_window()
    button = window.fit.split_button
    assert button.isHidden()  # nothing too long yet
    window.editor.setPlainText("woord " * 120)
    qtbot.waitUntil(button.isVisible)  # shown once the window's parts are on screen
    # once typing pauses, the advice says how long the thread would be, beside the button
    qtbot.waitUntil(lambda: "split it into a thread of" in window.fit.advice.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.draft.thread is True
    assert window.writing.thread_mode.currentIndex() == 1
    assert button.isHidden()
    assert window.editor.hasFocus()
    qtbot.waitUntil(lambda: store.load_draft(window.draft_id).thread is True)


def test_the_wheel_scrolls_past_a_list_without_changing_it(open_window, qtbot, english, store):
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for box in (window.writing.language, window.writing.thread_mode):
        box.setCurrentIndex(1)
        window.editor.setFocus()
        before = box.currentIndex()
        scroll = window.writing_scroll.verticalScrollBar()
        centre = QPointF(box.rect().center())
        turn = QWheelEvent(
            centre,
            QPointF(box.mapToGlobal(box.rect().center())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(box, turn)
        assert box.currentIndex() == before, box.accessibleName()
        assert not box.hasFocus()
        assert scroll is not None
        # with the focus, the wheel is the person's choice again
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        QApplication.sendEvent(box, turn)
        assert box.currentIndex() != before


def test_a_new_draft_starts_at_the_top(open_window, qtbot, english, store, tmp_path):
    connect_all(store)
    pictures = [save(photo(800, 600), tmp_path / f"{n}.jpg") for n in range(4)]
    store.create_draft(Draft(text="met foto's", images=tuple(Image(p) for p in pictures)))
    window = open_window()
    window.resize(900, 500)
    bar = window.writing_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.new_draft()
    assert bar.value() == 0
    assert window.writing.title.visibleRegion().boundingRect().height() > 0


def test_numbers_are_written_as_the_language_writes_them(open_window, dutch, store):
    from PySide6.QtCore import QLocale

    connect_all(store)
    QLocale.setDefault(QLocale("nl_NL"))
    try:
        window = open_window()
        window.editor.setPlainText("a" * 2390)
        length = window.parts.analyses["mastodon-1"].measured.length  # with the link back
        dutch_length = f"{length:,}".replace(",", ".")
        dutch_over = f"{length - 500:,}".replace(",", ".")
        assert f"{dutch_length} / 500" in window.counters["mastodon-1"].text()
        advice = window.fit.advice.text()
        assert f"Mastodon: {dutch_over} tekens te lang" in advice, advice
        assert str(length - 500) not in advice
    finally:
        QLocale.setDefault(QLocale("en_US"))


def test_a_new_photo_brings_its_description_into_view(open_window, qtbot, english, store, tmp_path):
    connect_all(store)
    window = open_window()
    window.resize(1000, 560)  # a laptop's height: the photos are below the message
    window.editor.setPlainText("Kijk")
    first = save(photo(800, 600), tmp_path / "een.jpg")
    second = save(photo(600, 800), tmp_path / "twee.jpg")
    window.images.add_files([first])
    window.images.add_files([second])
    card = window.images.cards[1]
    qtbot.waitUntil(card.alt_edit.hasFocus)
    viewport = window.writing_scroll.viewport()

    def in_view() -> bool:
        edit = card.alt_edit
        top_left = edit.mapTo(viewport, QPoint(0, 0))
        bottom = top_left.y() + edit.height()
        return top_left.y() >= 0 and bottom <= viewport.height()

    qtbot.waitUntil(in_view)
    qtbot.keyClicks(card.alt_edit, "Twee kinderen lezen")
    assert window.draft.images[1].alt == "Twee kinderen lezen"


def test_the_photo_folder_is_remembered_across_starts(qtbot, store, tmp_path):
    from composer.ui.window.composer_window import ComposerWindow

    folder = tmp_path / "Foto's van de open dag"
    folder.mkdir()
    window = ComposerWindow(store)
    qtbot.addWidget(window)
    window.images.folder_chosen.emit(str(folder))
    assert Settings.load(store.profile).photo_folder == str(folder)
    again = ComposerWindow(store, settings=Settings.load(store.profile))
    qtbot.addWidget(again)
    assert again.images.folder == str(folder)


def test_the_window_comes_back_where_it_was(qtbot, store):
    from composer.ui.window.composer_window import ComposerWindow

    window = ComposerWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(20, 10, 770, 560)  # the offscreen screen is 800 × 600
    window.columns.setSizes([120, 380, 270])
    sizes = window.columns.sizes()
    window.close()
    settings = Settings.load(store.profile)
    assert settings.window_geometry and settings.window_columns
    again = ComposerWindow(store, settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert again.size().toTuple() == (770, 560)
    assert again.columns.sizes() == sizes


def test_a_damaged_saved_place_falls_back_to_the_screen(qtbot, store):
    from composer.ui.window.composer_window import ComposerWindow

    settings = replace(Settings(), window_geometry="1,2,3", window_columns="AAAA")
    window = ComposerWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    available = window.screen().availableGeometry()
    assert window.width() <= available.width()
    assert window.height() <= available.height()
    assert all(size > 0 for size in window.columns.sizes())
    assert ALL  # the same accounts as the composing tests


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_keyboard_focus_is_clearly_visible(open_window, qtbot, english, store, scheme):
    """WCAG 2.4.7: a ring of at least 3:1 against the window around what has the focus,
    read from the pixels the window really shows."""
    from composer.ui.style.appearance import dark_palette, light_palette
    from composer.ui.style.focus_ring import contrast, install

    app = QApplication.instance()
    before = app.palette()
    app.setPalette(dark_palette() if scheme == "dark" else light_palette())
    try:
        window = open_window()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        ring = install().ring
        for widget in (window.writing.title, window.drafts.new_button, window.writing.thread_mode):
            widget.setFocus()
            qtbot.waitUntil(widget.hasFocus)
            qtbot.waitUntil(ring.isVisible)
            around = ring.geometry()
            place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            assert around.contains(place), widget.accessibleName()
            assert ring.parentWidget() is window
            picture = window.grab().toImage()
            edge = ring.mapTo(window, QPoint(ring.width() // 2, 1))
            drawn = picture.pixelColor(edge.x() * round(picture.devicePixelRatio()), edge.y())
            background = window.palette().color(window.backgroundRole())
            assert contrast(drawn, background) >= 3, (scheme, drawn.name(), background.name())
        window.writing.title.setFocus()
        title = window.writing.title
        place = QRect(title.mapTo(window, QPoint(0, 0)), title.size())
        qtbot.waitUntil(lambda: ring.geometry().contains(place))
    finally:
        app.setPalette(before)


def test_the_first_start_takes_a_laptop_screen_and_part_of_a_big_one():
    from composer.ui.window.place import PREFERRED, first_size

    laptop = QRect(0, 0, 1366, 728)  # 768 less a task bar
    assert first_size(laptop) == laptop
    monitor = QRect(0, 0, 1920, 1040)
    frame = first_size(monitor)
    assert frame.size() == PREFERRED and frame.center() == monitor.center()
