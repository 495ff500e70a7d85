import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from composer.core.drafts.draft import Draft
from composer.ui.window.autosave import SAVE_WITHIN_MS, SaveState

ROOT = Path(__file__).resolve().parents[3]


def test_typing_is_saved_within_half_a_second_and_shown(open_window, qtbot, english, store):
    window = open_window()
    qtbot.keyClicks(window.editor, "Open dag")
    assert window.save_label.text() == "Saving…"
    qtbot.waitUntil(lambda: window.autosaver.state is SaveState.SAVED, timeout=SAVE_WITHIN_MS + 500)
    assert window.save_label.text() == "✓ Saved"
    assert store.load_draft(window.draft_id).text == "Open dag"
    assert window.windowTitle() == "Omroeper — Open dag"


def test_steady_typing_still_saves(open_window, qtbot, english, store):
    window = open_window()
    for letter in "abcdefghij":
        qtbot.keyClick(window.editor, letter)
        qtbot.wait(SAVE_WITHIN_MS // 4)  # never a pause long enough for a debounce
    assert window.autosaver.saves >= 1
    assert store.load_draft(window.draft_id).text.startswith("abcdef")


def test_opens_on_the_last_draft_with_the_cursor_in_the_message(open_window, qtbot, english, store):
    store.create_draft(Draft(text="Oud"))
    newest = store.create_draft(Draft(text="Nieuwste"))
    window = open_window()
    assert window.draft_id == newest
    assert window.editor.toPlainText() == "Nieuwste"
    window.activateWindow()
    qtbot.waitUntil(window.editor.hasFocus)
    assert window.editor.textCursor().position() == len("Nieuwste")


def test_new_duplicate_delete_undo_and_search(open_window, qtbot, english, store):
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(window.editor.hasFocus)
    qtbot.keyClicks(window.editor, "Eerste bericht")
    qtbot.keyClick(window.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    first = store.list_drafts()[-1].id
    assert window.editor.toPlainText() == ""
    assert store.load_draft(first).text == "Eerste bericht"  # flushed before switching
    qtbot.keyClicks(window.editor, "Tweede bericht over ")
    window.editor.insertPlainText("ĳsvogels")  # QTest types ASCII only
    window.duplicate_draft()
    assert len(store.list_drafts()) == 3
    assert window.editor.toPlainText() == "Tweede bericht over ĳsvogels"
    window.delete_draft()
    assert len(store.list_drafts()) == 2
    assert window.drafts.undo_bar.isVisibleTo(window)
    assert "Tweede bericht" in window.drafts.undo_label.text()
    window.draft_actions.undo_delete()
    assert len(store.list_drafts()) == 3
    assert not window.drafts.undo_bar.isVisibleTo(window)
    window.drafts.search.setText("IJSVOGELS")
    assert window.drafts.list.count() == 2  # "IJ" finds the ĳ ligature: the original and its copy
    window.drafts.search.setText("tweede")
    assert window.drafts.list.count() == 2


def test_text_survives_a_killed_window(tmp_path):
    profile = tmp_path / "profile"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    typer = subprocess.Popen(
        [sys.executable, "-m", "tests.support.gui_child", str(profile), "type", "Niet kwijt 🎉"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert typer.stdout.readline().strip() == "saved"
    finally:
        typer.send_signal(signal.SIGKILL)
        typer.wait(timeout=30)
        typer.stdout.close()
    reader = subprocess.run(
        [sys.executable, "-m", "tests.support.gui_child", str(profile), "read"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert json.loads(reader.stdout) == "Niet kwijt 🎉"


def test_export_and_import_through_the_window(open_window, qtbot, english, store, tmp_path):
    from PIL import Image as PILImage

    from composer.core.drafts.draft import Image

    photo = tmp_path / "leeszaal.jpg"
    PILImage.new("RGB", (40, 30), "teal").save(photo)
    draft_id = store.create_draft(
        Draft(text="Voor de collega", images=(Image(photo, alt="De leeszaal"),))
    )
    window = open_window()
    assert window.draft_id == draft_id
    file = tmp_path / "review.omroeper"
    assert window.draft_actions.export_to(file)
    photo.unlink()  # the export carries its own copy
    assert window.draft_actions.import_from(file)
    assert window.draft_id != draft_id
    imported = store.load_draft(window.draft_id)
    assert imported.text == "Voor de collega"
    assert [image.alt for image in imported.images] == ["De leeszaal"]
    assert (
        imported.images[0].path.read_bytes()
        == store.load_draft(draft_id).images[0].path.read_bytes()
    )


@pytest.mark.usefixtures("english")
def test_importing_a_broken_file_explains_and_keeps_the_draft(open_window, qtbot, store, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    window = open_window()
    qtbot.keyClicks(window.editor, "Nog bezig")
    broken = tmp_path / "kapot.omroeper"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert not window.draft_actions.import_from(broken)
    shown = [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(shown) == 1 and "kapot.omroeper" in shown[0]
    assert window.editor.toPlainText() == "Nog bezig"
    assert store.load_draft(window.draft_id).text == "Nog bezig"


def test_a_full_disk_is_explained_and_the_text_kept_until_it_saves(
    open_window, qtbot, english, store, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    window = open_window()
    qtbot.keyClicks(window.editor, "Eerste versie")
    qtbot.waitUntil(lambda: window.autosaver.state is SaveState.SAVED)
    # SQLite's own page limit: its real "database or disk is full" answer, without a real disk.
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    long_text = "Een lange tekst over de open dag. " * 600
    window.editor.setPlainText(long_text)
    qtbot.waitUntil(lambda: window.autosaver.state is SaveState.FAILED)
    assert window.save_label.text() == "⚠ Not saved yet. Omroeper keeps trying."
    assert window.statusBar().currentMessage().startswith("The disk is full.")
    assert window.editor.toPlainText() == long_text
    assert store.load_draft(window.draft_id).text == "Eerste versie"

    # Closing now would lose the text: the person is asked, and "Cancel" keeps the window.
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()

    store._db.execute("PRAGMA max_page_count = 1073741823")
    assert window.autosaver.flush()  # what the retry timer does a few seconds later
    assert window.save_label.text() == "✓ Saved"
    assert store.load_draft(window.draft_id).text == long_text
