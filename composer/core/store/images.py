"""The store's side of the photo copies: which copy each draft image uses, and the cleanup.

Copies are made before the write transaction (so the lock is held briefly) and checked again
inside it, where no garbage collection can run at the same time.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from composer.core.drafts.draft import Draft
from composer.core.images.copies import TEMPORARY, ImageFiles, StoredImage
from composer.core.store.errors import StoreError, from_os_error
from composer.core.store.rows import ImageRow

ORPHAN_GRACE = 3600.0  # seconds; a copy this young may belong to a save still under way
_TRASH = f"-gc{TEMPORARY}"


def copy_in(
    files: ImageFiles, db: sqlite3.Connection, draft_id: int | None, draft: Draft, profile: Path
) -> list[ImageRow]:
    rows = []
    for position, image in enumerate(draft.images, 1):
        own = files.own(image.path)
        source = _source_of(db, draft_id, own.hash) if own else str(image.path)
        try:
            stored = files.add(image.path)
        except FileNotFoundError:
            # the original is gone, but this draft already holds its copy
            kept = _copy_of(files, db, draft_id, str(image.path))
            if kept is None:
                raise _missing(position, image.path) from None
            stored = kept
        except OSError as error:
            if error.filename and Path(error.filename) == image.path:
                raise _missing(position, image.path) from None
            raise from_os_error(error, profile) from None
        rows.append(ImageRow(stored, image.alt, image.decorative, source))
    return rows


def ensure(files: ImageFiles, rows: list[ImageRow], profile: Path) -> tuple[ImageRow, ...]:
    """Inside the transaction: another process may have collected a copy since it was made."""
    kept = []
    for position, item in enumerate(rows, 1):
        stored = files.find(item.image.hash) or _copy_again(files, item, position, profile)
        kept.append(ImageRow(stored, item.alt, item.decorative, item.source))
    return tuple(kept)


def _copy_again(files: ImageFiles, item: ImageRow, position: int, profile: Path) -> StoredImage:
    source = Path(item.source)
    if not item.source or not source.is_file():
        raise _missing(position, source)
    try:
        return files.copy(source)
    except OSError as error:
        if error.filename == item.source:
            raise _missing(position, source) from None
        raise from_os_error(error, profile) from None


# Photos a draft shows, or a publish job may still have to send (its draft may be long gone).
_USED = (
    "SELECT hash FROM draft_images UNION"
    " SELECT json_extract(value, '$.hash') FROM jobs, json_each(jobs.draft, '$.images')"
)


def trash_unused(files: ImageFiles, db: sqlite3.Connection) -> list[tuple[Path, Path]]:
    """Inside the transaction: drop unused image rows and move their files to a trash name.

    Returns (path, trash) pairs; the caller deletes the trash after COMMIT, or moves it back.
    """
    unused = f"SELECT hash, extension, bytes FROM images WHERE hash NOT IN ({_USED})"
    doomed = [files.path(StoredImage(*row)) for row in db.execute(unused)]
    db.execute(f"DELETE FROM images WHERE hash NOT IN ({_USED})")
    keep = {row[0] for row in db.execute("SELECT hash FROM images")}
    doomed += files.unreferenced(keep, ORPHAN_GRACE)
    trashed = []
    try:
        for path in dict.fromkeys(doomed):
            if path.exists():
                trash = path.with_name(f"{path.name}{_TRASH}")
                os.replace(path, trash)
                trashed.append((path, trash))
    except OSError:
        restore(trashed)
        raise
    return trashed


def restore(trashed: list[tuple[Path, Path]]) -> None:
    for path, trash in trashed:
        os.replace(trash, path)


def repair(files: ImageFiles, db: sqlite3.Connection) -> None:
    """At open: finish a collection cut short by a crash.

    Trash whose row is still there was renamed by a transaction that never committed.
    """
    if not files.folder.is_dir() or not any(files.folder.glob(f"*/*{_TRASH}")):
        return
    db.execute("BEGIN IMMEDIATE")  # no collection can be under way meanwhile
    try:
        rows = {row[0] for row in db.execute("SELECT hash FROM images")}
        for trash in files.folder.glob(f"*/*{_TRASH}"):
            path = trash.with_name(trash.name.removesuffix(_TRASH))
            if path.name[:64] in rows and not path.exists():
                os.replace(trash, path)
            else:
                trash.unlink(missing_ok=True)
    finally:
        db.execute("COMMIT")


def _source_of(db: sqlite3.Connection, draft_id: int | None, digest: str) -> str:
    row = db.execute(
        "SELECT source FROM draft_images WHERE draft_id = ? AND hash = ?", (draft_id, digest)
    ).fetchone()
    return row[0] if row else ""


def _copy_of(
    files: ImageFiles, db: sqlite3.Connection, draft_id: int | None, source: str
) -> StoredImage | None:
    row = db.execute(
        "SELECT hash FROM draft_images WHERE draft_id = ? AND source = ?", (draft_id, source)
    ).fetchone()
    return files.find(row[0]) if row else None


def _missing(position: int, path: Path) -> StoreError:
    return StoreError("image_missing", {"position": position, "path": str(path)})
