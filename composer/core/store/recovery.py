"""After "damaged": rescue every draft SQLite can still read into a fresh database.

The damaged file stays, byte for byte, in the copy kept beside it; the rescue reads from a
private copy of that, so even a failed rescue changes nothing support might need.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from composer.core.images.copies import ImageFiles
from composer.core.store.errors import StoreError
from composer.core.store.opening import DATABASE, keep_copy
from composer.core.store.rows import (
    DRAFT_COLUMNS,
    DraftFields,
    DraftRows,
    ImageRow,
    OverrideRow,
    write_rows,
)
from composer.core.store.schema import migrate
from composer.core.store.store import Store

_GIVE_UP_AFTER = 2000  # unreadable ids in a row: past the damaged pages, or nothing left


@dataclass(frozen=True)
class Recovery:
    store: Store
    copy: Path  # the damaged database as it was found
    drafts: int  # how many drafts were rescued


def recover(profile: Path) -> Recovery:
    profile = Path(profile).absolute()
    path = profile / DATABASE
    copy = keep_copy(path)
    if copy == path:
        raise StoreError("read_only", {"path": str(profile)})
    files = ImageFiles(profile / "images")
    with tempfile.TemporaryDirectory(prefix="omroeper-rescue-") as scratch:
        damaged = Path(scratch) / DATABASE
        for suffix in ("", "-wal"):
            if Path(f"{copy}{suffix}").exists():
                shutil.copyfile(f"{copy}{suffix}", f"{damaged}{suffix}")
        source = sqlite3.connect(damaged, isolation_level=None)
        try:
            rescued = [
                (draft_id, *found)
                for draft_id in _ids(source)
                if (found := _rescue(source, draft_id, files))
            ]
        finally:
            source.close()
    fresh = path.with_name(f"{DATABASE}.rescued")
    _remove(fresh)  # left by an earlier rescue that did not finish: only ever our own output
    target = sqlite3.connect(fresh, isolation_level=None)
    try:
        target.execute("PRAGMA journal_mode = WAL")
        migrate(target)
        target.execute("BEGIN IMMEDIATE")
        for draft_id, rows, deleted in rescued:
            target.execute(
                "INSERT INTO drafts (id, created, modified, deleted) VALUES (?, ?, ?, ?)",
                (draft_id, rows.created, rows.modified, deleted),
            )
            write_rows(target, draft_id, rows)
        target.execute("COMMIT")
    finally:
        target.close()
    # the damaged files live on in the kept copy; the rescued database takes their place
    _remove(path, keep_main=True)
    os.replace(fresh, path)
    return Recovery(Store.open(profile), copy, len(rescued))


def _ids(db: sqlite3.Connection) -> list[int]:
    """Every draft id that can be reached, stepping over ids on unreadable pages."""
    found: list[int] = []
    after, misses = 0, 0
    while misses < _GIVE_UP_AFTER:
        try:
            row = db.execute(
                "SELECT id FROM drafts WHERE id > ? ORDER BY id LIMIT 1", (after,)
            ).fetchone()
        except sqlite3.DatabaseError:
            after, misses = after + 1, misses + 1
            continue
        if row is None:
            break
        found.append(row[0])
        after, misses = row[0], 0
    return found


def _rescue(
    db: sqlite3.Connection, draft_id: int, files: ImageFiles
) -> tuple[DraftRows, str | None] | None:
    try:
        row = db.execute(
            f"SELECT {DRAFT_COLUMNS}, created, modified, deleted FROM drafts WHERE id = ?",
            (draft_id,),
        ).fetchone()
    except sqlite3.DatabaseError:
        return None
    if row is None:
        return None
    # the text is what matters most: keep it even when its images or overrides are unreadable
    images = [
        ImageRow(stored, alt, bool(decorative), source)
        for digest, alt, decorative, source in _all(
            db,
            "SELECT hash, alt, decorative, source FROM draft_images"
            " WHERE draft_id = ? ORDER BY position",
            draft_id,
        )
        if (stored := files.find(digest))
    ]
    overrides = _all(
        db,
        "SELECT target, text, content_warning, thread FROM overrides"
        " WHERE draft_id = ? ORDER BY rowid",
        draft_id,
    )
    *fields, created, modified, deleted = row
    rows = DraftRows(
        DraftFields(*fields),
        tuple(images),
        tuple(OverrideRow(*override) for override in overrides),
        created,
        modified,
    )
    return rows, deleted


def _all(db: sqlite3.Connection, query: str, draft_id: int) -> list[tuple[Any, ...]]:
    try:
        return db.execute(query, (draft_id,)).fetchall()
    except sqlite3.DatabaseError:
        return []


def _remove(path: Path, *, keep_main: bool = False) -> None:
    for suffix in ("-wal", "-shm") if keep_main else ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
