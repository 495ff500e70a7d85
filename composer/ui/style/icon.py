"""The app's own icon, drawn once as SVG (composer/resources/icons/omroeper.svg)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICON = Path(__file__).parents[2] / "resources" / "icons" / "omroeper.svg"  # see TRANSLATIONS


def app_icon() -> QIcon:
    """Every size drawn from the vector source, by Qt's SVG icon engine (the qsvgicon plugin)."""
    return QIcon(str(ICON))
