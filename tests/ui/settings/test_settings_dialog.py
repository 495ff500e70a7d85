"""The settings dialog: shows what is saved, saves what is chosen, offers a restart for a new
interface language, and works from the keyboard alone."""

import json
import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QMessageBox, QWidget

from composer.core.settings import FILE_NAME, Settings
from composer.core.store.errors import StoreError
from composer.ui import restart
from composer.ui.settings.dialog import SettingsDialog


@pytest.fixture
def open_dialog(qtbot, english, tmp_path):
    def open_it(settings=None):
        dialog = SettingsDialog(settings or Settings.defaults("nl_NL"), tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return open_it


def _saved(tmp_path):
    return json.loads((tmp_path / FILE_NAME).read_text("utf-8"))


def test_it_shows_the_saved_settings(open_dialog):
    dialog = open_dialog(
        Settings(interface_language="nl", post_language="fy", post_thread="thread")
    )
    assert dialog.interface.currentData() == "nl"
    assert dialog.post_language.currentText() == "Frysk"
    assert dialog.other_code.isHidden()
    assert dialog.thread_mode.currentData() == "thread"


def test_a_language_not_in_the_list_shows_as_other_with_its_code(open_dialog):
    dialog = open_dialog(replace(Settings.defaults(), post_language="pap"))
    assert dialog.post_language.currentData() == "other"
    assert dialog.other_code.isVisible() and dialog.other_code.text() == "pap"


def test_save_writes_the_choices_and_hands_them_back(open_dialog, tmp_path):
    dialog = open_dialog()
    dialog.interface.setCurrentIndex(dialog.interface.findData("en"))
    dialog.post_language.setCurrentIndex(dialog.post_language.findData("de"))
    dialog.thread_mode.setCurrentIndex(dialog.thread_mode.findData("numbered"))
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings == Settings(
        interface_language="en", post_language="de", post_thread="numbered"
    )
    assert Settings.load(tmp_path) == dialog.settings


def test_an_other_language_needs_a_real_code(open_dialog, tmp_path, qtbot):
    dialog = open_dialog()
    dialog.post_language.setCurrentIndex(dialog.post_language.findData("other"))
    assert dialog.other_code.isVisible()
    qtbot.keyClicks(dialog.other_code, "p")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "two or three letters" in dialog.problem.text() and dialog.problem.isVisible()
    assert not (tmp_path / FILE_NAME).exists()
    qtbot.keyClicks(dialog.other_code, "L1")  # the digit is refused as it is typed
    assert dialog.other_code.text() == "pL"
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _saved(tmp_path)["post_language"] == "pl"


def test_a_failed_save_says_why_and_keeps_the_dialog_open(open_dialog, monkeypatch, tmp_path):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, words: told.append(words))

    def full(_self, _profile):
        raise StoreError("disk_full", {"path": str(tmp_path)})

    monkeypatch.setattr(Settings, "save", full)
    dialog = open_dialog()
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and told == [
        "The disk is full: nothing was saved. Free some space and try again."
    ]


def test_a_new_interface_language_offers_a_restart(open_dialog, monkeypatch):
    monkeypatch.setenv("OMROEPER_LANGUAGE", "en")  # the system's language, for this test
    dialog = open_dialog()  # Omroeper speaks English now
    assert dialog.interface.currentText() == "Same as the computer (English)"
    assert dialog.restart_button.isHidden() and dialog.restart_note.isHidden()
    dialog.interface.setCurrentIndex(dialog.interface.findData("nl"))
    assert dialog.restart_button.isVisible() and dialog.restart_note.isVisible()
    dialog.interface.setCurrentIndex(dialog.interface.findData("en"))
    assert dialog.restart_button.isHidden()


def test_restart_now_saves_then_restarts(open_dialog, monkeypatch, tmp_path, qtbot):
    restarts = []
    monkeypatch.setattr(restart, "restart", lambda: restarts.append(1))
    dialog = open_dialog()
    dialog.interface.setCurrentIndex(dialog.interface.findData("nl"))
    dialog.restart_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _saved(tmp_path)["interface_language"] == "nl"
    qtbot.waitUntil(lambda: restarts == [1])  # after the dialog has closed


def test_restart_relaunches_the_same_command_line(qapp, monkeypatch):
    from PySide6.QtCore import QProcess

    started = []
    monkeypatch.setattr(
        QProcess, "startDetached", lambda *args: started.append(args) or (True, 4242)
    )
    monkeypatch.setattr(sys, "orig_argv", ["python", "-m", "composer", "--profile", "P"])
    assert restart.relaunch()
    program, arguments, _folder = started[0]
    assert program == sys.executable and arguments == ["-m", "composer", "--profile", "P"]


def test_restart_stops_when_a_window_stays_open(qtbot, monkeypatch):
    class Stubborn(QWidget):
        def closeEvent(self, event):  # as the window does when its draft cannot be saved
            event.ignore()

    window = Stubborn()
    qtbot.addWidget(window)
    window.show()
    quits = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.quit", lambda: quits.append(1))
    assert restart.restart() is False
    assert not restart.requested() and quits == []


def test_every_field_has_a_name_and_a_keyboard_shortcut(open_dialog):
    dialog = open_dialog()
    dialog.post_language.setCurrentIndex(dialog.post_language.findData("other"))
    fields = dialog.findChildren(QComboBox) + dialog.findChildren(QLineEdit)
    assert len(fields) == 5
    assert all(field.accessibleName() for field in fields)
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if "&" in label.text()}
    assert {dialog.interface, dialog.post_language, dialog.thread_mode, dialog.grace} <= buddies


def test_the_keyboard_alone_changes_and_saves(open_dialog, qtbot, tmp_path):
    dialog = open_dialog()
    assert dialog.focusWidget() is dialog.interface  # the first choice has the focus
    qtbot.keyClick(dialog.interface, Qt.Key.Key_Down)
    assert dialog.interface.currentData() == "nl"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Save is the default button
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _saved(tmp_path)["interface_language"] == "nl"


def test_escape_cancels_and_saves_nothing(open_dialog, qtbot, tmp_path):
    dialog = open_dialog()
    qtbot.keyClick(dialog.interface, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not (tmp_path / FILE_NAME).exists()


def test_how_late_a_scheduled_message_is_still_sent_is_saved(open_dialog, tmp_path):
    dialog = open_dialog()
    assert dialog.grace.currentText() == "2 hours"  # the default
    dialog.grace.setCurrentIndex(dialog.grace.findData(1440))
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _saved(tmp_path)["schedule_grace_minutes"] == 1440
    assert Settings.load(tmp_path).schedule_grace_minutes == 1440


def test_a_grace_period_set_in_the_file_is_shown_and_kept(open_dialog, tmp_path):
    dialog = open_dialog(replace(Settings.defaults("nl_NL"), schedule_grace_minutes=90))
    assert dialog.grace.currentText() == "90 minutes"
    dialog.buttons.accepted.emit()
    assert Settings.load(tmp_path).schedule_grace_minutes == 90
