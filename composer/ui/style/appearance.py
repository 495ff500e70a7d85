"""Light and dark mode: follow the system, or a scheme forced for screenshots.

OMROEPER_COLOR_SCHEME=dark (or light) forces one; where the platform cannot switch (offscreen,
some Linux desktops) Omroeper paints that scheme with Fusion and its own palette.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ENVIRONMENT = "OMROEPER_COLOR_SCHEME"


def follow_system_scheme(app: QApplication) -> None:
    forced_name = os.environ.get(ENVIRONMENT, "").strip().lower()
    if forced_name not in ("dark", "light") and sys.platform != "win32":
        return  # the platform follows the system by itself; Qt's namespace loads later (18 ms)
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    forced = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}.get(forced_name)
    if forced is not None:
        hints.setColorScheme(forced)
    if sys.platform == "win32":
        # Windows 10's default style ("windowsvista") stays light in dark mode; Fusion follows
        # the dark palette. Windows 11's default ("windows11") follows it by itself: kept.
        _fusion_when_dark(app)
        hints.colorSchemeChanged.connect(lambda _scheme: _fusion_when_dark(app))
    if forced is not None and hints.colorScheme() != forced:
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if forced == Qt.ColorScheme.Dark else light_palette())


def _fusion_when_dark(app: QApplication) -> None:
    from PySide6.QtCore import Qt

    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    if dark and app.style().name().lower() == "windowsvista":
        app.setStyle("Fusion")


def light_palette() -> QPalette:
    return QApplication.style().standardPalette()


def dark_palette() -> QPalette:
    """Contrast as in the system dark modes: text at least 7:1 on its background."""
    colors = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#f0f0f0",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#333333",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#a6a6a6",
        QPalette.ColorRole.Text: "#f0f0f0",
        QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#f0f0f0",
        QPalette.ColorRole.BrightText: "#ff8a8a",
        QPalette.ColorRole.Light: "#505050",
        QPalette.ColorRole.Midlight: "#444444",
        QPalette.ColorRole.Mid: "#303030",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3f7fcf",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#79b8ff",
        QPalette.ColorRole.LinkVisited: "#c6a0ff",
    }
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return palette
