"""The draft file format of docs/design.md, in full in docs/draft-file.md: strict JSON in, a
Draft out.

Unknown keys and wrong types are errors, never silently ignored: a typo in an automation
script must not publish something other than what was meant.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.core.drafts.draft import Draft, Image, Override, ThreadMode

_TOP_KEYS = {
    "text": str,
    "title": str,
    "body": str,
    "link": str,
    "language": str,
    "content_warning": str,
    "images": list,
    "targets": list,
    "overrides": dict,
    "thread": (bool, str),
}
_IMAGE_KEYS = {"path": str, "alt": str, "decorative": bool}
_OVERRIDE_KEYS = {"text": str, "content_warning": str, "thread": (bool, str)}
_LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*")
# One web address on one line: no whitespace, no control characters, no plain http
_LINK = re.compile(r"https://[^\s/?#\x00-\x1f\x7f-\x9f][^\s\x00-\x1f\x7f-\x9f]*")
MAX_LINK = 2048
_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_DRAFT_BYTES = 10 << 20  # a draft is text: a few KB; this leaves room for a book
MAX_DEPTH = 16  # the format nests three deep (draft → images → image)
_TYPE_NAMES = {str: "text", list: "a list", dict: "an object", bool: "true or false"}


@dataclass
class DraftFileError(ValueError):
    """Why a draft file cannot be used. `code` is stable; `details` feed the message."""

    code: str
    details: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}: {self.details}"


def read_draft_file(source: Path | None, text: str | None = None) -> Draft:
    """Parse a draft file; with `text` given (stdin), image paths are relative to `source`."""
    if text is None:
        if source is None:
            raise DraftFileError("file_missing", {"path": ""})
        text = _read(source)
        base = source.parent
    else:
        base = source or Path.cwd()
    return draft_from_data(parse_json(text), base)


def decode_draft(data: bytes, path: str) -> str:
    """A draft file's bytes (read as at most MAX_DRAFT_BYTES + 1) as text; raises DraftFileError."""
    if len(data) > MAX_DRAFT_BYTES:
        raise DraftFileError("file_too_large", {"path": path, "limit": MAX_DRAFT_BYTES >> 20})
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DraftFileError("not_utf8", {"path": path}) from None


def parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DraftFileError(
            "invalid_json", {"line": error.lineno, "column": error.colno, "reason": error.msg}
        ) from None
    except RecursionError:  # nested thousands deep: no draft looks like that
        raise DraftFileError("too_deep", {"limit": MAX_DEPTH}) from None


def draft_from_data(data: Any, base: Path) -> Draft:
    if not isinstance(data, dict):
        raise DraftFileError("not_an_object", {"where": "draft"})
    _check_shape(data)
    _check_keys(data, _TOP_KEYS, "draft")
    images = tuple(
        _image(item, base, position) for position, item in enumerate(data.get("images", []), 1)
    )
    targets = data.get("targets", [])
    for target in targets:
        if not isinstance(target, str) or not target:
            raise DraftFileError("wrong_type", {"key": "targets", "expected": "text"})
    overrides = {}
    for target, values in data.get("overrides", {}).items():
        where = f"overrides.{target}"
        if not isinstance(values, dict):
            raise DraftFileError("wrong_type", {"key": where, "expected": _TYPE_NAMES[dict]})
        _check_keys(values, _OVERRIDE_KEYS, where)
        overrides[target] = Override(
            text=values.get("text"),
            content_warning=values.get("content_warning"),
            thread=_thread(values["thread"], f"{where}.thread") if "thread" in values else None,
        )
    link = data.get("link", "")
    if link and (len(link) > MAX_LINK or not _LINK.fullmatch(link)):
        raise DraftFileError("invalid_link", {"link": link})
    language = data.get("language", "")
    if language and not _LANGUAGE.fullmatch(language):
        raise DraftFileError("invalid_language", {"language": language})
    return Draft(
        text=data.get("text", ""),
        title=data.get("title", ""),
        body=data.get("body", ""),
        link=link,
        language=language,
        content_warning=data.get("content_warning", ""),
        images=images,
        targets=tuple(dict.fromkeys(targets)),
        overrides=overrides,
        thread=_thread(data.get("thread", False), "thread"),
    )


def _read(source: Path) -> str:
    try:
        with source.open("rb") as file:  # bounded: /dev/zero has no end
            return decode_draft(file.read(MAX_DRAFT_BYTES + 1), str(source))
    except FileNotFoundError:
        raise DraftFileError("file_missing", {"path": str(source)}) from None
    except IsADirectoryError:
        raise DraftFileError("file_is_folder", {"path": str(source)}) from None
    except OSError as error:
        raise DraftFileError(
            "file_unreadable", {"path": str(source), "reason": error.strerror or ""}
        ) from None


def _check_shape(data: Any) -> None:
    """No nesting deeper than MAX_DEPTH, and only text that can be stored and shown.

    JSON may spell a lone surrogate ("\\ud800"): it is no character, and would fail later,
    in the database or on the screen.
    """
    waiting = [(data, 1)]
    while waiting:
        value, depth = waiting.pop()
        if depth > MAX_DEPTH:
            raise DraftFileError("too_deep", {"limit": MAX_DEPTH})
        if isinstance(value, dict):
            waiting.extend((key, depth) for key in value)
            waiting.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            waiting.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and _SURROGATE.search(value):
            raise DraftFileError("not_text", {})


def _check_keys(data: dict[str, Any], allowed: dict[str, Any], where: str) -> None:
    for key, value in data.items():
        if key not in allowed:
            raise DraftFileError("unknown_key", {"key": key, "where": where})
        expected = allowed[key]
        # bool is an int in Python, but never text or a list; check it like any other type
        if not isinstance(value, expected):
            first = expected[0] if isinstance(expected, tuple) else expected
            name = f"{where}.{key}" if where != "draft" else key
            raise DraftFileError("wrong_type", {"key": name, "expected": _TYPE_NAMES[first]})


def _image(item: Any, base: Path, position: int) -> Image:
    where = f"images[{position}]"
    if not isinstance(item, dict):
        raise DraftFileError("wrong_type", {"key": where, "expected": _TYPE_NAMES[dict]})
    _check_keys(item, _IMAGE_KEYS, where)
    if not item.get("path"):
        raise DraftFileError("image_path_missing", {"position": position})
    path = Path(item["path"])
    if not path.is_absolute():
        path = base / path
    if not path.is_file():
        code = "image_missing"
        if path.is_dir():
            code = "image_is_folder"
        elif path.exists():
            code = "image_not_a_file"  # a device or a pipe: no photo, and maybe no end
        raise DraftFileError(code, {"position": position, "path": str(path)})
    return Image(path=path, alt=item.get("alt", ""), decorative=item.get("decorative", False))


def _thread(value: Any, where: str) -> ThreadMode:
    if value is True or value is False or value == "numbered":
        return True if value is True else False if value is False else "numbered"
    raise DraftFileError("invalid_thread", {"key": where, "value": value})


def draft_to_data(draft: Draft, image_fields: Callable[[Image], dict[str, Any]]) -> dict[str, Any]:
    """The draft in the draft-file format; `image_fields` says where each image's file is
    (its `path`, or for a publish job its stored copy's hash)."""
    return {
        "text": draft.text,
        "title": draft.title,
        "body": draft.body,
        "link": draft.link,
        "language": draft.language,
        "content_warning": draft.content_warning,
        "images": [
            {**image_fields(image), "alt": image.alt, "decorative": image.decorative}
            for image in draft.images
        ],
        "targets": list(draft.targets),
        "overrides": {
            target: {
                key: value
                for key, value in (
                    ("text", own.text),
                    ("content_warning", own.content_warning),
                    ("thread", own.thread),
                )
                if value is not None
            }
            for target, own in draft.overrides.items()
        },
        "thread": draft.thread,
    }
