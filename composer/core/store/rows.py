"""Drafts to rows and back. Shared by the store and by the rescue of a damaged database."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from composer.core.drafts.draft import Draft, Image, Override, ThreadMode
from composer.core.images.copies import StoredImage

_THREAD_TO_TEXT: dict[ThreadMode, str] = {False: "false", True: "true", "numbered": "numbered"}
_THREAD_FROM_TEXT: dict[str, ThreadMode] = {text: mode for mode, text in _THREAD_TO_TEXT.items()}
DRAFT_COLUMNS = "text, title, body, link, language, content_warning, targets, thread"


@dataclass(frozen=True, slots=True)
class ImageRow:
    image: StoredImage
    alt: str
    decorative: bool
    source: str


class DraftFields(NamedTuple):
    """The drafts table's DRAFT_COLUMNS, in that order."""

    text: str
    title: str
    body: str
    link: str
    language: str
    content_warning: str
    targets: str  # JSON list
    thread: str  # _THREAD_TO_TEXT


class OverrideRow(NamedTuple):
    """One row of the overrides table, without its draft id."""

    target: str
    text: str | None
    content_warning: str | None
    thread: str | None  # _THREAD_TO_TEXT, None for the shared one


@dataclass(frozen=True, slots=True)
class DraftRows:
    """One draft as the tables hold it: the fields, its images, its overrides."""

    fields: DraftFields
    images: tuple[ImageRow, ...]
    overrides: tuple[OverrideRow, ...]
    created: str
    modified: str


@dataclass(frozen=True)
class DraftSummary:
    id: int
    title: str
    text: str
    modified: datetime
    created: datetime
    published: datetime | None = None  # last published (somewhere), if ever


def fold(text: str | None) -> str:
    """For searching: case and accents ignored, so "een" finds "Één" and "strasse" "Straße"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def draft_fields(draft: Draft) -> DraftFields:
    return DraftFields(
        draft.text,
        draft.title,
        draft.body,
        draft.link,
        draft.language,
        draft.content_warning,
        json.dumps(list(draft.targets), ensure_ascii=False),
        _THREAD_TO_TEXT[draft.thread],
    )


def override_rows(draft: Draft) -> tuple[OverrideRow, ...]:
    return tuple(
        OverrideRow(
            target,
            own.text,
            own.content_warning,
            None if own.thread is None else _THREAD_TO_TEXT[own.thread],
        )
        for target, own in draft.overrides.items()
    )


def read_rows(connection: sqlite3.Connection, draft_id: int) -> DraftRows | None:
    row = connection.execute(
        f"SELECT {DRAFT_COLUMNS}, created, modified FROM drafts WHERE id = ?", (draft_id,)
    ).fetchone()
    if row is None:
        return None
    images = tuple(
        ImageRow(StoredImage(digest, extension, size), alt, bool(decorative), source)
        for digest, extension, size, alt, decorative, source in connection.execute(
            "SELECT i.hash, i.extension, i.bytes, d.alt, d.decorative, d.source"
            " FROM draft_images d JOIN images i ON i.hash = d.hash"
            " WHERE d.draft_id = ? ORDER BY d.position",
            (draft_id,),
        )
    )
    overrides = tuple(
        OverrideRow(*override)
        for override in connection.execute(
            "SELECT target, text, content_warning, thread FROM overrides"
            " WHERE draft_id = ? ORDER BY rowid",
            (draft_id,),
        )
    )
    *fields, created, modified = row
    return DraftRows(DraftFields(*fields), images, overrides, created, modified)


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (sqlite3 types lastrowid as optional)."""
    if cursor.lastrowid is None:
        raise sqlite3.DatabaseError("no row was inserted")
    return cursor.lastrowid


def write_rows(connection: sqlite3.Connection, draft_id: int, rows: DraftRows) -> None:
    """Replace the draft's fields, images and overrides (inside the caller's transaction)."""
    connection.execute(
        "UPDATE drafts SET text = ?, title = ?, body = ?, link = ?, language = ?,"
        " content_warning = ?, targets = ?, thread = ?, created = ?, modified = ? WHERE id = ?",
        (*rows.fields, rows.created, rows.modified, draft_id),
    )
    connection.execute("DELETE FROM draft_images WHERE draft_id = ?", (draft_id,))
    for position, item in enumerate(rows.images, 1):
        connection.execute(
            "INSERT OR IGNORE INTO images (hash, extension, bytes) VALUES (?, ?, ?)",
            (item.image.hash, item.image.extension, item.image.bytes),
        )
        connection.execute(
            "INSERT INTO draft_images (draft_id, position, hash, alt, decorative, source)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (draft_id, position, item.image.hash, item.alt, int(item.decorative), item.source),
        )
    connection.execute("DELETE FROM overrides WHERE draft_id = ?", (draft_id,))
    connection.executemany(
        "INSERT INTO overrides (draft_id, target, text, content_warning, thread)"
        " VALUES (?, ?, ?, ?, ?)",
        [(draft_id, *override) for override in rows.overrides],
    )


def to_draft(rows: DraftRows, image_path: Callable[[StoredImage], Path]) -> Draft:
    fields = rows.fields
    return Draft(
        text=fields.text,
        title=fields.title,
        body=fields.body,
        link=fields.link,
        language=fields.language,
        content_warning=fields.content_warning,
        images=tuple(
            Image(path=image_path(item.image), alt=item.alt, decorative=item.decorative)
            for item in rows.images
        ),
        targets=tuple(json.loads(fields.targets)),
        overrides={
            own.target: Override(
                text=own.text,
                content_warning=own.content_warning,
                thread=None if own.thread is None else _thread(own.thread),
            )
            for own in rows.overrides
        },
        thread=_thread(fields.thread),
    )


def _thread(text: str) -> ThreadMode:
    return _THREAD_FROM_TEXT[text]


def edited_job(db: sqlite3.Connection, draft_id: int) -> int | None:
    """The published job a draft changes (drafts.edits_job), read when a draft opens: here,
    not in edits.py, so the first paint does not load the jobs' code."""
    found = db.execute("SELECT edits_job FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    return int(found[0]) if found and found[0] is not None else None
