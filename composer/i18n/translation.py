"""Loading the translations: the person's language, or the one they chose."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

LANGUAGES = ("en", "nl")
# beside the code, as importlib.resources.files("composer") finds it (also when packaged);
# importlib.resources itself costs ~5 ms of the window's start
TRANSLATIONS = Path(__file__).parents[1] / "resources" / "translations"

_installed: list[QTranslator] = []  # Qt does not own translators: keep them alive here


def choose_language(preferred: str | None = None) -> str:
    """The chosen language, else OMROEPER_LANGUAGE, else the system's, else English."""
    wanted = [preferred or os.environ.get("OMROEPER_LANGUAGE", "")]
    wanted += QLocale.system().uiLanguages()
    for tag in wanted:
        base = tag.replace("_", "-").split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return "en"


def install(preferred: str | None = None) -> str:
    """Install the translator for the chosen language on the running application."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the application before installing translations")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = choose_language(preferred)
    translator = QTranslator()
    # English has a file too: it holds the plural forms of the source strings
    if translator.load(str(TRANSLATIONS / f"omroeper_{language}.qm")):
        app.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return language


def number(value: int) -> str:
    """A number as people read it in the current language (3.000 in Dutch, 3,000 in English)."""
    return QLocale().toString(value)
