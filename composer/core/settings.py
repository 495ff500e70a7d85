"""The person's settings: each declared once, with its type and default, kept as JSON.

A damaged file never stops Omroeper: the defaults apply and the file is kept aside for support.
Keys this version does not know (a newer version's) survive every save.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, get_type_hints

from composer.core.drafts.draft import ThreadMode
from composer.core.store.errors import from_os_error

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"
INTERFACE_LANGUAGES = ("", "nl", "en")  # "": the system's language
THREAD_CHOICES: dict[str, ThreadMode] = {"off": False, "thread": True, "numbered": "numbered"}
_CODE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 or 639-3: what every network accepts
_BASE64 = re.compile(r"[A-Za-z0-9+/]{0,4096}={0,2}")  # Qt's saved splitter state, encoded
GRACE_MOST = 7 * 24 * 60  # minutes: a scheduled post a week late is news no longer
_PLACE = re.compile(r"(-?\d{1,6},){4}[01]|")  # x,y,width,height,maximised; "" not yet known


def is_language_code(value: object) -> bool:
    return isinstance(value, str) and _CODE.fullmatch(value) is not None


def is_folder_name(value: object) -> bool:
    return isinstance(value, str) and len(value) <= 4096 and value.isprintable()


def language_code(tag: str) -> str:
    """'nl_BE', 'nl-NL' or 'NL' → 'nl'; '' when the tag names no language ('C', '')."""
    base = tag.strip().replace("_", "-").split("-")[0].lower()
    return base if is_language_code(base) else ""


def _is_grace(value: object) -> bool:
    return isinstance(value, int) and 0 <= value <= GRACE_MOST


def _is_base64(value: object) -> bool:
    return isinstance(value, str) and _BASE64.fullmatch(value) is not None


def _is_place(value: object) -> bool:
    return isinstance(value, str) and _PLACE.fullmatch(value) is not None


def _setting(default: object, allowed: Callable[[object], bool]) -> Any:
    return field(default=default, metadata={"allowed": allowed})


@dataclass(frozen=True)
class Settings:
    """Change one with dataclasses.replace(settings, post_language="fr"), then save()."""

    # the language of Omroeper itself; takes effect at the next start
    interface_language: str = _setting("", INTERFACE_LANGUAGES.__contains__)
    # the language a new post is marked as (networks use it for filters and screen readers);
    # the default is the system's language, see defaults()
    post_language: str = _setting("en", is_language_code)
    # what a new post does when it is too long for a network: stay one post, become a thread,
    # or a thread numbered 1/3, 2/3…
    post_thread: str = _setting("off", THREAD_CHOICES.__contains__)
    # where the window was ("x,y,width,height,maximised") and its columns' widths (Qt's
    # splitter state, base64): restored at the next start, onto a screen that still exists
    window_geometry: str = _setting("", _is_place)
    window_columns: str = _setting("", _is_base64)
    # the folder photos were last added from: the photo dialog opens there
    photo_folder: str = _setting("", is_folder_name)
    # how late a scheduled post may still go out when the computer was off at its time
    # (minutes, up to a week); a later one waits for the person (core/scheduling/due.py)
    schedule_grace_minutes: int = _setting(120, _is_grace)
    # what the file held that this version does not use: written back untouched…
    kept: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # …unless the person chose another value than the default put in its place
    stand_ins: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def thread_mode(self) -> ThreadMode:
        """post_thread as Draft.thread takes it."""
        return THREAD_CHOICES[self.post_thread]

    @classmethod
    def defaults(cls, system_language: str = "") -> Settings:
        """`system_language` as the system gives it ('nl_BE'): the UI asks Qt, which knows."""
        return cls(post_language=language_code(system_language) or "en")

    @classmethod
    def load(cls, profile: Path, system_language: str = "") -> Settings:
        """The saved settings; the defaults for whatever is missing, unreadable or wrong."""
        defaults = cls.defaults(system_language)
        data = _read(Path(profile) / FILE_NAME)
        values, kept, stand_ins = {}, {}, {}
        for key, value in data.items():
            if key not in _declared():
                kept[key] = value
            elif _valid(key, value):
                values[key] = value
            else:  # a newer version's choice, perhaps: leave it in the file
                kept[key], stand_ins[key] = value, getattr(defaults, key)
                log.warning("setting %s: %r is not allowed, using %r", key, value, stand_ins[key])
        return replace(defaults, **values, kept=kept, stand_ins=stand_ins)

    def save(self, profile: Path) -> None:
        """Replace the file in one step, so a crash leaves the old or the new one, never half.

        Raises StoreError (disk_full, read_only, io_error) when it cannot be written."""
        path = Path(profile) / FILE_NAME
        data = dict(self.kept)
        for key in _declared():
            value = getattr(self, key)
            if key not in self.stand_ins or value != self.stand_ins[key]:
                data[key] = value
        _write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


@cache
def _declared() -> dict[str, tuple[type, Callable[[object], bool]]]:
    hints = get_type_hints(Settings)
    return {
        each.name: (hints[each.name], each.metadata["allowed"])
        for each in fields(Settings)
        if "allowed" in each.metadata
    }


def _valid(key: str, value: object) -> bool:
    kind, allowed = _declared()[key]
    return type(value) is kind and allowed(value)  # `is`: True must not pass for an int


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8")
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except FileNotFoundError:
        return {}
    except OSError as error:  # locked or unreadable: leave it where it is
        log.warning("could not read %s (%s): using the default settings", path, error.strerror)
        return {}
    except ValueError as error:  # not UTF-8, not JSON, not an object
        log.warning("%s is damaged (%s): using the default settings", path, error)
        _keep_aside(path)
        return {}
    return data


def _keep_aside(path: Path) -> None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    copy = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        os.replace(path, copy)
    except OSError as error:
        log.warning("could not keep the damaged %s aside: %s", path, error.strerror)
    else:
        log.warning("the damaged settings file was kept at %s", copy)


def _write_atomically(path: Path, text: str) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(text + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise from_os_error(error, path) from None
