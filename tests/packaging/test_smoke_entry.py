"""packaging/omroeper_entry.py's smoke hook, in this process: what the frozen window check sees.

The app sets its icon after the first paint (composer/ui/app.py, started). On a slow machine
(Wine; a busy Windows runner) that came after the hook's fixed 300 ms and the check saw no icon.
"""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QWidget

from tests.packaging.packaging_scripts import load

entry = load("omroeper_entry")


@pytest.fixture
def no_icon(qapp):
    before = qapp.windowIcon()
    qapp.setWindowIcon(QIcon())
    yield qapp
    qapp.setWindowIcon(before)


def _icon() -> QIcon:
    pixmap = QPixmap(256, 256)
    pixmap.fill(QColor("darkorange"))
    return QIcon(pixmap)


def test_the_window_check_waits_for_an_icon_set_late(no_icon, qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowTitle("Omroeper")
    window.show()
    report = {}
    entry._smoke(report)
    QTimer.singleShot(1500, lambda: no_icon.setWindowIcon(_icon()))  # a slow first paint
    qtbot.waitUntil(lambda: "icon" in report, timeout=20_000)
    assert report["icon"] == {"null": False, "pixels_16": True, "pixels_256": True}
    assert report["waited_ms"] >= 1400
    assert report["qt_platform"] == "offscreen"  # tests/conftest.py's; the smoke test compares
    assert report["windows"] == [{"class": "QWidget", "title": "Omroeper"}]
    assert not window.isVisible()


def test_without_an_icon_the_window_check_gives_up_and_says_so(no_icon, qtbot, monkeypatch):
    monkeypatch.setattr(entry, "ICON_WAIT_MS", 700)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    report = {}
    entry._smoke(report)
    qtbot.waitUntil(lambda: "icon" in report, timeout=10_000)
    assert report["icon"]["null"] is True
    assert report["waited_ms"] >= 700
    assert not window.isVisible()
