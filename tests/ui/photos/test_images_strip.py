"""The photos of a message: added by drop, paste or dialog; reordered, removed, described."""

import threading
import warnings
from pathlib import Path

import pytest
import shiboken6
from PIL import Image as PILImage
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from composer.core.drafts.draft import Image
from composer.core.platforms import default_limits
from composer.ui.photos import sources, thumbnails
from composer.ui.photos.strip import ImagesStrip
from composer.ui.style import theme
from tests.support.images import encoded, photo

MASTODON = ("Mastodon", default_limits("mastodon"))
PIXELFED = ("Pixelfed", default_limits("pixelfed"))
BLUESKY = ("Bluesky", default_limits("bluesky"))
DISCORD = ("Discord", default_limits("discord"))


@pytest.fixture
def strip(qtbot, tmp_path):
    made = ImagesStrip(tmp_path / "pasted")
    qtbot.addWidget(made)
    made.resize(1000, 420)
    made.show()
    made.activateWindow()  # shortcuts work in the active window only
    qtbot.waitActive(made)
    return made


@pytest.fixture
def emitted(strip):
    """Every tuple the strip emitted, in order."""
    seen: list[tuple[Image, ...]] = []
    strip.images_changed.connect(seen.append)
    return seen


@pytest.fixture
def photos(tmp_path):
    made = []
    for name, size in (("zaal", (900, 600)), ("boek", (400, 600)), ("poster", (500, 500))):
        path = tmp_path / f"{name}.jpg"
        photo(*size, seed=len(made)).save(path)
        made.append(path)
    return made


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drop(widget: QWidget, mime: QMimeData, at: QPoint | None = None) -> QDropEvent:
    """What the window system sends when something is dragged onto `widget` and let go."""
    point = at or widget.rect().center()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks the only constructor as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point, actions, mime, buttons, none)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(point), actions, mime, buttons, none)
    QApplication.sendEvent(widget, event)
    return event


def loaded(strip: ImagesStrip) -> bool:
    return all(card.thumb.pixmap is not None or card.problem for card in strip.cards)


def test_dropped_files_are_added_with_thumbnails(qtbot, strip, photos, monkeypatch, english):
    threads = []
    real = thumbnails.thumbnail

    def recording(path, size):
        threads.append(threading.get_ident())
        return real(path, size)

    monkeypatch.setattr(thumbnails, "thumbnail", recording)
    with qtbot.waitSignal(strip.images_changed) as changed:
        drop(strip, file_mime(*photos[:2]))
    assert changed.args == [(Image(photos[0]), Image(photos[1]))]
    assert strip.images == (Image(photos[0]), Image(photos[1]))
    assert strip.cards[0].thumb.placeholder == "Loading…" or strip.cards[0].thumb.pixmap
    qtbot.waitUntil(lambda: loaded(strip))
    pixmap = strip.cards[1].thumb.pixmap
    assert pixmap.height() > pixmap.width()  # upright, as the photo is
    assert strip.row.empty.isHidden()
    assert len(threads) == 2
    assert threading.get_ident() not in threads  # decoding never blocks the window


def test_the_file_dialog_adds_and_moves_on_to_describing(qtbot, strip, photos, monkeypatch):
    asked = []

    def choose(dialog):  # the person picks two photos in the dialog Omroeper opened
        asked.append(dialog)
        return 1

    monkeypatch.setattr(QFileDialog, "exec", choose)
    monkeypatch.setattr(
        QFileDialog, "selectedFiles", lambda dialog: [str(photos[1]), str(photos[2])]
    )
    chosen = []
    strip.folder_chosen.connect(chosen.append)
    strip.set_images((Image(photos[0], "eerst"),))
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert [image.path for image in strip.images] == photos
    filters = ";;".join(asked[0].nameFilters())
    assert "*.heic" in filters and "*.JPG" in filters
    # the platform's own dialog where there is one (Windows, macOS): Omroeper never refuses it
    assert not asked[0].testOption(QFileDialog.Option.DontUseNativeDialog)
    assert asked[0].fileMode() is QFileDialog.FileMode.ExistingFiles
    assert strip.cards[1].alt_edit.hasFocus()
    assert chosen == [str(photos[1].parent)]  # the window keeps it for the next time
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert Path(asked[1].directory().absolutePath()) == photos[1].parent


def test_the_file_dialog_starts_in_pictures(qtbot, strip, monkeypatch, tmp_path):
    pictures = tmp_path / "Afbeeldingen"
    pictures.mkdir()
    monkeypatch.setattr(sources, "pictures_folder", lambda: str(pictures))
    asked = []
    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: asked.append(dialog) or 0)
    strip.folder = ""  # nothing chosen before
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0].directory().absolutePath()) == pictures
    strip.folder = str(tmp_path / "gone")  # the last folder was removed since
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert Path(asked[1].directory().absolutePath()) == pictures
    assert not strip.images  # cancelled: nothing added


def test_what_the_window_can_forward(qtbot, strip, photos, tmp_path):
    text = QMimeData()
    text.setText("gewoon tekst")
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/foto.jpg")])
    picture = QMimeData()
    picture.setImageData(QImage(10, 10, QImage.Format.Format_RGB32))
    assert not strip.accepts(text)
    assert not strip.accepts(web)
    assert strip.accepts(file_mime(photos[0]))
    assert strip.accepts(picture)
    assert not strip.add_from_mime(text)
    with qtbot.waitSignal(strip.images_changed):
        assert strip.add_from_mime(file_mime(photos[2]))
    assert strip.images == (Image(photos[2]),)


def test_a_pasted_picture_is_saved_as_png_and_added(qtbot, strip, tmp_path):
    picture = QImage(320, 200, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    QGuiApplication.clipboard().setImage(picture)
    strip.add_button.setFocus()
    with qtbot.waitSignal(strip.images_changed, timeout=10_000) as changed:
        qtbot.keyClick(strip.add_button, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (image,) = changed.args[0]
    assert image.path.parent == tmp_path / "pasted"
    with PILImage.open(image.path) as saved:
        assert (saved.format, saved.size) == ("PNG", (320, 200))
        assert saved.convert("RGB").getpixel((5, 5)) == (0, 128, 128)
    assert [path.name for path in (tmp_path / "pasted").iterdir()] == [image.path.name]


def test_photos_move_by_keyboard_and_focus_follows(qtbot, strip, photos, english):
    strip.set_images(tuple(Image(path, path.stem) for path in photos))
    first = strip.cards[0]
    first.thumb.setFocus()
    with qtbot.waitSignal(strip.images_changed) as changed:
        qtbot.keyClick(first.thumb, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert [image.alt for image in changed.args[0]] == ["boek", "zaal", "poster"]
    assert first.thumb.hasFocus()
    assert first.thumb.accessibleName() == "Photo 2"
    first.later.setFocus()
    qtbot.keyClick(first.later, Qt.Key.Key_Space)  # now last: the button is disabled
    assert [image.alt for image in strip.images] == ["boek", "poster", "zaal"]
    assert first.thumb.hasFocus()
    # Tab goes through the cards in the order shown
    strip.cards[0].decorative.setFocus()
    qtbot.keyClick(strip.cards[0].decorative, Qt.Key.Key_Tab)
    assert strip.cards[1].thumb.hasFocus()


def test_ctrl_arrows_in_the_alt_text_move_the_cursor_not_the_photo(qtbot, strip, photos):
    strip.set_images((Image(photos[0], "twee woorden"), Image(photos[1])))
    edit = strip.cards[0].alt_edit
    edit.setFocus()
    with qtbot.assertNotEmitted(strip.images_changed):
        qtbot.keyClick(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert strip.images[0].path == photos[0]


def test_a_card_dragged_to_the_end(qtbot, strip, photos):
    strip.set_images(tuple(Image(path) for path in photos))
    end = strip.cards[-1].geometry().bottom() - 5  # the cards stand one under another
    at = strip.row.mapTo(strip, QPoint(50, end))
    with qtbot.waitSignal(strip.images_changed) as changed:
        drop(strip, sources.reorder_mime(0), at)
    assert [image.path for image in changed.args[0]] == [photos[1], photos[2], photos[0]]


def test_remove_then_undo_keeps_the_alt_text(qtbot, strip, photos, english):
    strip.set_images(tuple(Image(path, f"over {path.stem}") for path in photos))
    with qtbot.waitSignal(strip.images_changed) as changed:
        qtbot.mouseClick(strip.cards[1].remove, Qt.MouseButton.LeftButton)
    assert [image.path for image in changed.args[0]] == [photos[0], photos[2]]
    assert strip.undo_label.text() == "Photo 2 removed."
    assert strip.undo_button.isVisible()
    with qtbot.waitSignal(strip.images_changed) as changed:
        qtbot.mouseClick(strip.undo_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == tuple(Image(path, f"over {path.stem}") for path in photos)
    assert not strip.undo_button.isVisible()


def test_delete_key_removes_and_focus_stays_near(qtbot, strip, photos):
    strip.set_images(tuple(Image(path) for path in photos))
    strip.cards[2].thumb.setFocus()
    qtbot.keyClick(strip.cards[2].thumb, Qt.Key.Key_Delete)
    assert len(strip.images) == 2
    assert strip.cards[1].thumb.hasFocus()


def test_typing_alt_text_and_ticking_decorative(qtbot, strip, emitted, photos, english):
    strip.set_images((Image(photos[0]),))
    card = strip.cards[0]
    assert card.note.text() == "No description yet: write one, or tick “decorative”."
    qtbot.keyClicks(card.alt_edit, "Kinderen lezen")
    assert len(emitted) == len("Kinderen lezen")  # every keystroke, for the autosave
    assert emitted[-1] == (Image(photos[0], "Kinderen lezen"),)
    assert card.note.isHidden()
    card.alt_edit.clear()
    with qtbot.waitSignal(strip.images_changed) as changed:
        qtbot.mouseClick(card.decorative_label, Qt.MouseButton.LeftButton)  # the words tick it
    assert changed.args[0] == (Image(photos[0], "", decorative=True),)
    assert not card.alt_edit.isEnabled()
    assert card.note.isHidden()
    card.decorative.setFocus()
    with qtbot.waitSignal(strip.images_changed) as changed:
        qtbot.keyClick(card.decorative, Qt.Key.Key_Space)
    assert changed.args[0] == (Image(photos[0]),)


def test_set_images_emits_nothing(qtbot, strip, photos):
    with qtbot.assertNotEmitted(strip.images_changed):
        strip.set_images((Image(photos[0], "a"), Image(photos[1], "", True)))
    assert strip.cards[1].decorative.isChecked()
    assert strip.cards[0].alt_edit.toPlainText() == "a"


def test_alt_counter_follows_the_strictest_destination(qtbot, strip, photos, english):
    strip.set_images((Image(photos[0]),))
    strip.set_destinations([MASTODON, PIXELFED, BLUESKY])
    card = strip.cards[0]
    assert card.counter.text() == "0 / 1,000 — Pixelfed allows the least"
    card.alt_edit.setPlainText("a" * 1_000)
    assert not card.over
    card.alt_edit.setPlainText("a" * 1_001)
    assert card.over
    assert card.counter.text() == "⚠ 1,001 / 1,000: too long for Pixelfed"
    assert theme.error_color() in card.counter.styleSheet()
    strip.set_destinations([BLUESKY])
    assert card.counter.text() == "1,001 / 2,000 for Bluesky"
    assert not card.over
    assert theme.error_color() not in card.counter.styleSheet()
    # Discord counts an emoji as two: 600 of them leave less room there than on Mastodon.
    strip.set_destinations([MASTODON, DISCORD])
    card.alt_edit.setPlainText("😀" * 600)
    assert card.counter.text() == "⚠ 1,200 / 1,024: too long for Discord"


def test_alt_counter_in_dutch(qtbot, strip, photos, dutch):
    strip.set_images((Image(photos[0], "x" * 1_200),))
    strip.set_destinations([MASTODON])
    assert "1.200 / 1.500" in strip.cards[0].counter.text()


def test_unusable_files_say_why_and_are_kept(qtbot, strip, tmp_path, photos, english):
    damaged = tmp_path / "half.jpg"
    data = encoded(photo(400, 300), "JPEG", quality=90)
    damaged.write_bytes(data[: len(data) // 2])
    notes = tmp_path / "notes.txt"
    notes.write_text("Geen foto, wel tekst.")
    drawing = tmp_path / "logo.svg"
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    with qtbot.waitSignal(strip.images_changed) as changed:
        strip.add_files([photos[0], damaged, notes, drawing])
    assert [image.path for image in changed.args[0]] == [photos[0], damaged, notes, drawing]
    qtbot.waitUntil(lambda: loaded(strip), timeout=10_000)
    good, half, text, svg = strip.cards
    assert good.problem is None and good.note.text().startswith("No description yet")
    assert half.note.text() == (
        "Photo 2 is damaged or incomplete: save or export it again, then add it anew."
    )
    assert text.note.text() == (
        "Photo 3 is not a picture Omroeper can read, or the file is damaged."
    )
    assert svg.note.text() == (
        "Photo 4 is a SVG file, which Omroeper cannot convert: export it as JPEG or PNG."
    )
    assert "notes.txt" in text.thumb.placeholder  # which file it is, by its name
    assert text.thumb.accessibleDescription() == text.note.text()  # heard, not only seen
    assert text.alt_edit.isHidden() and text.remove.isVisible()
    assert theme.error_color() in text.note.styleSheet()
    assert len(strip.images) == 4  # nothing dropped silently
    qtbot.mouseClick(half.later, Qt.MouseButton.LeftButton)
    assert strip.cards[2].note.text().startswith("Photo 3 is damaged")


def test_a_dropped_folder_is_explained_not_added(qtbot, strip, tmp_path, english):
    folder = tmp_path / "Zomerfeest"
    folder.mkdir()
    with qtbot.assertNotEmitted(strip.images_changed):
        drop(strip, file_mime(folder))
    assert strip.images == ()
    assert strip.notice.text() == "“Zomerfeest” is a folder: open it and choose the photos in it."


def test_too_many_photos_for_a_destination(qtbot, strip, tmp_path, photos, english):
    strip.set_destinations([DISCORD, BLUESKY])
    strip.add_files([*photos, photos[0], photos[1]])
    assert strip.limit_note.text() == (
        "Bluesky: Too many images: this network takes at most 4. Remove 1."
    )
    strip.cards[0].thumb.setFocus()
    qtbot.keyClick(strip.cards[0].thumb, Qt.Key.Key_Delete)
    assert strip.limit_note.isHidden()


def test_every_control_has_a_name_for_screen_readers(qtbot, strip, photos, tmp_path):
    broken = tmp_path / "kapot.txt"
    broken.write_text("x")
    strip.add_files([photos[0], broken])
    qtbot.waitUntil(lambda: loaded(strip), timeout=10_000)
    focusable = [
        widget
        for widget in strip.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(strip)
    ]
    assert len(focusable) >= 10
    for widget in focusable:
        assert widget.accessibleName() or getattr(widget, "text", lambda: "")(), widget
    names = {widget.accessibleName() for widget in focusable}
    assert {"Move photo 1 later", "Remove photo 2", "Description of photo 1 (alt text)"} <= names


def test_closing_while_thumbnails_are_made_is_safe(qtbot, photos, tmp_path):
    for _ in range(20):  # each strip is gone before its worker delivers
        gone = ImagesStrip(tmp_path / "pasted")
        gone.set_images(tuple(Image(path) for path in photos))
        shiboken6.delete(gone)
    qtbot.wait(300)
    strip = ImagesStrip(tmp_path / "pasted")
    qtbot.addWidget(strip)
    strip.set_images((Image(photos[0]),))
    qtbot.waitUntil(lambda: loaded(strip))


def test_a_paste_that_cannot_be_saved_says_so(qtbot, tmp_path, english):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the paste folder should be")
    strip = ImagesStrip(blocked)
    qtbot.addWidget(strip)
    picture = QMimeData()
    picture.setImageData(QImage(20, 20, QImage.Format.Format_RGB32))
    with qtbot.assertNotEmitted(strip.images_changed, wait=200):
        assert strip.add_from_mime(picture)
        qtbot.waitUntil(lambda: strip.notice.text() != "")
    assert strip.notice.text() == "The pasted picture could not be saved. Is the disk full?"
    assert strip.images == ()
