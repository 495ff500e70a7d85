"""Loading the translations: the person's language, or the one they chose."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("en", "nl")
# beside the code, as importlib.resources.files("composer") finds it (also when packaged);
# importlib.resources itself costs ~5 ms of the window's start
TRANSLATIONS = Path(__file__).parents[1] / "resources" / "translations"
# Qt's own catalogues (qtbase_nl.qm), shipped with PySide6 and kept in the bundle
QT_TRANSLATIONS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))

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


def catalogues(language: str) -> list[Path]:
    """The .qm files for `language`, most general first: Qt searches the last installed first.

    English has a file too: it holds the plural forms of the source strings. The words Qt draws
    itself (standard buttons, the text fields' context menu) come from our qt_<language>.qm,
    and what that leaves out (the macOS application menu, Qt's file dialog) from Qt's own
    qtbase_<language>.qm."""
    ours = TRANSLATIONS / f"omroeper_{language}.qm"
    if language == "en":
        return [ours]
    return [QT_TRANSLATIONS / f"qtbase_{language}.qm", TRANSLATIONS / f"qt_{language}.qm", ours]


def install(preferred: str | None = None) -> str:
    """Install the translators for the chosen language on the running application, in place
    of those installed before."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the application before installing translations")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = choose_language(preferred)
    for path in catalogues(language):
        translator = QTranslator()
        if translator.load(str(path)):  # a missing Qt catalogue leaves Qt's words to ours
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return language


def number(value: int) -> str:
    """A number as people read it in the current language (3.000 in Dutch, 3,000 in English)."""
    return QLocale().toString(value)
