"""Languages a post can be written in, by their own names (endonyms need no translation)."""

from __future__ import annotations

# The languages heard most in Dutch and Flemish libraries and town halls, Dutch first.
POST_LANGUAGES = {
    "nl": "Nederlands",
    "en": "English",
    "fr": "Français",
    "de": "Deutsch",
    "fy": "Frysk",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
    "uk": "Українська",
    "es": "Español",
}


def language_name(code: str) -> str:
    return POST_LANGUAGES.get(code, code)
