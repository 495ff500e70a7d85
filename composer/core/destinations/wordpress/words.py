"""The few words Omroeper writes into the website's post itself ("Ook op: Mastodon, Bluesky"):
in the post's language (the draft's), not the app's, because the site's visitors read them.
So they live here in the core, not in the Qt translations.

The post records its language as a class of its first paragraph (`omroeper-lang-en`): telling
the post where its copies are happens later, maybe after a restart, from the post alone; the
class survives an editor's changes in the block editor.
"""

from __future__ import annotations

import re

# Before the links to the copies. A draft without a language, or in one not listed, gets
# Dutch: the organisations Omroeper is made for write Dutch (README), and an unset language
# is almost always Dutch; a wrong guess in another language would be worse.
ALSO_ON = {
    "nl": "Ook op:",
    "en": "Also on:",
    "de": "Auch auf:",
    "fr": "Également sur\u00a0:",  # French puts a (no-break) space before the colon
}
DEFAULT = "nl"
LANGUAGE_CLASS = "omroeper-lang-"
_PRIMARY = re.compile(r"[a-z]{2,3}")
_CLASSES = re.compile(r'class="([^"<>]{0,500})"')


def primary(language: str) -> str:
    """The language's primary subtag ("nl-BE" → "nl"), or "" for anything that is not one."""
    first = language.strip().lower().replace("_", "-").split("-", 1)[0]
    return first if _PRIMARY.fullmatch(first) else ""


def also_on(language: str) -> str:
    return ALSO_ON.get(primary(language), ALSO_ON[DEFAULT])


def language_class(language: str) -> str:
    """The class that records the post's language; "" when the draft has none."""
    found = primary(language)
    return f"{LANGUAGE_CLASS}{found}" if found else ""


def classes(html: str) -> list[str]:
    """Every class named in `html`'s class attributes, in order."""
    return [name for found in _CLASSES.findall(html) for name in found.split()]


def language_of(html: str) -> str:
    """The language a post's content records (its first language class), or ""."""
    for name in classes(html):
        if name.startswith(LANGUAGE_CLASS):
            return primary(name.removeprefix(LANGUAGE_CLASS))
    return ""
