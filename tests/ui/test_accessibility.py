"""Keyboard alone and screen readers: every control can be reached and has a name."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from composer.core.drafts.draft import Draft, Image
from tests.support.images import photo, save
from tests.ui.window.test_window_composing import ALL, connect_all


def spoken_name(widget: QWidget, buddies: dict[int, str]) -> str:
    """What a screen reader announces: its own name, a button's text, or its label's."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().strip("&"):
        return widget.text()
    return buddies.get(id(widget), "")


def focus_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in order, once around."""
    start = window.editor
    seen, widget = [], start
    for _ in range(400):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        tab_stop = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tab_stop and widget.isVisible() and widget.isEnabled():
            seen.append(widget)
    return seen


def test_every_control_is_reachable_by_tab_and_named(open_window, qtbot, english, store, tmp_path):
    connect_all(store)
    picture = save(photo(400, 300), tmp_path / "zaal.jpg")
    store.create_draft(
        Draft(text="Open dag", images=(Image(picture),), targets=tuple(a.id for a in ALL))
    )
    window = open_window()
    qtbot.waitUntil(lambda: window.images.cards and window.images.cards[0].thumb.pixmap)
    qtbot.waitUntil(window.destinations.boxes["bluesky-1"].isVisible)  # shown on the next turn
    buddies = {
        id(label.buddy()): label.text()
        for label in window.findChildren(QLabel)
        if label.buddy() is not None
    }
    chain = focus_chain(window)
    nameless = [
        f"{type(widget).__name__} {widget.objectName()}"
        for widget in chain
        if not spoken_name(widget, buddies)
    ]
    assert not nameless
    reached = set(map(id, chain))
    must = [
        window.writing.title,
        window.writing.body,
        window.writing.language,
        window.images.cards[0].alt_edit,
        window.images.cards[0].decorative,
        window.destinations.boxes["bluesky-1"],
    ]
    assert all(id(widget) in reached for widget in must)
    # in the order they are on screen: writing, photos, where to, previews, publish
    order = [chain.index(widget) for widget in must[2:]]
    assert order == sorted(order)


def test_tab_moves_out_of_the_message_instead_of_typing_a_tab(open_window, qtbot, english):
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(window.editor.hasFocus)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.toPlainText() == ""
    assert QApplication.focusWidget() is not window.editor
