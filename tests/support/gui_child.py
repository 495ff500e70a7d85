"""A real Omroeper window in its own process, for tests that kill it.

python -m tests.support.gui_child PROFILE type TEXT   # types TEXT, prints "saved", waits
python -m tests.support.gui_child PROFILE read        # prints the message field as JSON
"""

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from composer.core.store.store import Store
from composer.ui.app import create_application
from composer.ui.window.autosave import SaveState
from composer.ui.window.composer_window import ComposerWindow


def main() -> None:
    profile, mode = Path(sys.argv[1]), sys.argv[2]
    app = create_application("en")
    window = ComposerWindow(Store.open(profile))
    window.show()
    if mode == "read":
        print(json.dumps(window.editor.toPlainText()), flush=True)
        return
    window.editor.insertPlainText(sys.argv[3])  # as a paste would; QTest types ASCII only
    while window.autosaver.state is not SaveState.SAVED:
        QTest.qWait(20)
    print("saved", flush=True)
    app.exec()  # until killed


if __name__ == "__main__":
    main()
