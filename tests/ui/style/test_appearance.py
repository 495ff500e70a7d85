"""Light and dark mode: OMROEPER_COLOR_SCHEME forces one, also where the platform cannot."""

import os
import subprocess
import sys

import pytest

SHOW_SCHEME = """
from composer.ui.app import create_application
from composer.ui.style import theme
from PySide6.QtGui import QPalette
app = create_application("en")
window = app.palette().color(QPalette.ColorRole.Window).lightness()
text = app.palette().color(QPalette.ColorRole.WindowText).lightness()
print(theme.is_dark(), window < text)
"""


@pytest.mark.parametrize(("scheme", "dark"), [("dark", "True"), ("light", "False"), ("", "False")])
def test_a_forced_scheme_paints_the_whole_application(scheme, dark):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OMROEPER_COLOR_SCHEME": scheme}
    done = subprocess.run(
        [sys.executable, "-c", SHOW_SCHEME],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == [dark, dark]  # the colours agree with what theme.py reads
