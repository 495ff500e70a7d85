"""The Qt binding itself must hold up in a long session: one that miscounts references to
None (PySide6 6.12.0 on Python 3.11) kills the app after enough keystrokes."""

import sys

from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(10_000):
        label.setVisible(False)
        label.setText("a")
    # a healthy binding holds at most a few extra references; a broken one drops 20,000
    assert sys.getrefcount(None) - before > -100
