"""An unexpected error shows one dialog with a report to copy, never a secret, and the log."""

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton

from composer.core.logs import REDACTOR, setup_logging, stop_logging
from composer.ui.errors.hooks import install_error_dialog
from tests.support.canary import assert_no_secret_anywhere

REGISTERED = "registered-canary-Zq81vX"  # as credentials.py registers what it reads
LOOKS_SECRET = "unregistered-canary-Pw42"  # caught by the patterns: password=…
IN_A_LOCAL = "local-canary-Lm77"  # only ever in a variable


@pytest.fixture
def reporter(qapp, english, tmp_path):
    saves = []
    log_file = tmp_path / "logs" / "omroeper.log"
    errors = install_error_dialog(lambda: None, lambda: saves.append(1) or True, log_file)
    errors.saves = saves
    yield errors
    errors.uninstall()
    if errors.dialog is not None:
        errors.dialog.close()


def _wait_for_dialog(qtbot, reporter):
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    return reporter.dialog


def _publish_with_secrets():
    token = IN_A_LOCAL  # noqa: F841 (a local the report must not show)
    try:
        raise ConnectionError(f"the server refused {REGISTERED}")
    except ConnectionError as cause:
        raise RuntimeError(f"login failed: password={LOOKS_SECRET}") from cause


def test_an_error_in_a_qt_slot_shows_the_dialog_and_saves_the_draft_first(qtbot, reporter):
    button = QPushButton()
    button.clicked.connect(lambda: 1 / 0)
    button.click()
    dialog = _wait_for_dialog(qtbot, reporter)
    assert reporter.saves == [1]
    assert "Your draft is saved" in dialog.words.text()
    report = dialog.report.toPlainText()
    assert "ZeroDivisionError" in report and "Omroeper 0.1.0" in report and "Qt " in report


def test_an_error_in_a_worker_thread_reaches_the_window_thread(qtbot, reporter):
    shown_in = []
    original = reporter.show_error
    reporter.caught.disconnect()
    reporter.caught.connect(lambda *a: shown_in.append(QThread.currentThread()) or original(*a))

    def work():
        raise LookupError("no such account")

    worker = threading.Thread(target=work, name="publish-worker")
    worker.start()
    worker.join()
    dialog = _wait_for_dialog(qtbot, reporter)
    assert shown_in == [QThread.currentThread()]  # widgets are made on the window's thread only
    assert "in thread publish-worker" in dialog.report.toPlainText()
    assert "LookupError: no such account" in dialog.report.toPlainText()


def test_the_report_and_the_log_never_hold_a_secret(qtbot, reporter, tmp_path):
    REDACTOR.register(REGISTERED)
    log_file = setup_logging(tmp_path / "profile")
    try:
        QTimer.singleShot(0, _publish_with_secrets)
        dialog = _wait_for_dialog(qtbot, reporter)
        dialog.copy_button.click()
        copied = QGuiApplication.clipboard().text()
    finally:
        stop_logging()
    assert "RuntimeError: login failed: password=[redacted]" in copied  # the report is whole
    assert "ConnectionError: the server refused [redacted]" in copied  # with its cause
    (tmp_path / "report.txt").write_text(copied + dialog.report.toPlainText(), "utf-8")
    assert log_file.read_text("utf-8").count("RuntimeError") >= 1  # the error is logged too
    assert_no_secret_anywhere(
        [REGISTERED, LOOKS_SECRET, IN_A_LOCAL], tmp_path / "report.txt", log_file
    )


def test_copy_puts_the_report_on_the_clipboard_and_says_so(qtbot, reporter):
    QGuiApplication.clipboard().setText("something else")
    QTimer.singleShot(0, [].pop)
    dialog = _wait_for_dialog(qtbot, reporter)
    assert dialog.copied.text() == ""
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report.toPlainText()
    assert "IndexError" in QGuiApplication.clipboard().text()
    assert "copied" in dialog.copied.text()


def test_fifty_errors_make_one_dialog_and_a_closed_one_does_not_come_back(qtbot, reporter, caplog):
    def paint_fault():
        raise ValueError("bad geometry")

    for _ in range(50):
        QTimer.singleShot(0, paint_fault)
    dialog = _wait_for_dialog(qtbot, reporter)
    qtbot.waitUntil(lambda: reporter.happened == 50)
    assert caplog.text.count("ValueError: bad geometry") == 3  # the log is not flooded either
    assert "the same unexpected error, 10 times now" in caplog.text
    assert "happened 50 times" in dialog.repeats.text()
    assert dialog.report.toPlainText().count("ValueError: bad geometry") == 5  # the first few
    dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    QTimer.singleShot(0, paint_fault)  # the same fault again: logged only
    qtbot.wait(50)
    assert reporter.dialog is None
    QTimer.singleShot(0, lambda: {}["other"])  # a different one: shown
    assert "KeyError" in _wait_for_dialog(qtbot, reporter).report.toPlainText()


def test_the_error_is_logged_with_its_traceback(qtbot, reporter, caplog):
    with caplog.at_level(logging.ERROR):
        QTimer.singleShot(0, lambda: int("twelve"))
        _wait_for_dialog(qtbot, reporter)
    assert "unexpected error" in caplog.text and "invalid literal for int()" in caplog.text


def test_when_the_draft_cannot_be_saved_the_dialog_says_so(qtbot, qapp, english, tmp_path):
    def failing_save():
        raise OSError("disk gone")

    errors = install_error_dialog(lambda: None, failing_save, None)
    try:
        QTimer.singleShot(0, lambda: 1 / 0)
        dialog = _wait_for_dialog(qtbot, errors)
        assert "not saved yet" in dialog.words.text()
        assert dialog.folder_button.isHidden()  # no log file to open
    finally:
        errors.uninstall()
        dialog.close()


def test_the_log_folder_opens_and_its_path_is_shown(qtbot, reporter, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    QTimer.singleShot(0, lambda: 1 / 0)
    dialog = _wait_for_dialog(qtbot, reporter)
    assert str(tmp_path / "logs" / "omroeper.log") in dialog.location.text()
    dialog.folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "logs"))]
    assert Path(opened[0].toLocalFile()) == tmp_path / "logs"


def test_ctrl_c_goes_to_the_previous_hook_and_uninstall_restores_the_hooks(qapp, monkeypatch):
    passed_on = []
    monkeypatch.setattr(sys, "excepthook", lambda *error: passed_on.append(error[0]))
    before = (sys.excepthook, threading.excepthook)
    errors = install_error_dialog()
    try:
        assert sys.excepthook != before[0]
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
        assert passed_on == [KeyboardInterrupt] and errors.dialog is None
    finally:
        errors.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
