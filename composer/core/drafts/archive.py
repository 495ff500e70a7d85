"""One draft as one file, so a colleague can review it: a zip (`.omroeper`) holding
draft.json (the draft-file format, image paths relative to it) and the images.

Import also takes a plain draft JSON file. An archive comes from someone else: names that
leave the folder, links, and sizes no draft can have (zip bombs) are refused before any byte
is written.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from composer.core.drafts.draft import Draft, Image
from composer.core.drafts.draft_file import (
    MAX_DRAFT_BYTES,
    DraftFileError,
    decode_draft,
    draft_from_data,
    draft_to_data,
    parse_json,
    read_draft_file,
)
from composer.core.images.probe import probe
from composer.core.store.errors import from_os_error
from composer.core.store.store import Store

SUFFIX = ".omroeper"
DRAFT_NAME = "draft.json"
MAX_FILES = 200
MAX_FILE_BYTES = 256 << 20
MAX_TOTAL_BYTES = 1 << 30
MAX_RATIO = 100  # photos hardly compress; text a few times; a bomb a thousand times
_CHUNK = 1 << 20


def export_draft(store: Store, draft_id: int, file: Path) -> None:
    draft = store.load_draft(draft_id)
    members: dict[str, Path] = {}

    def member(image: Image) -> dict[str, str]:
        name = f"images/{image.path.name}"  # the copy's name is its content hash: unique
        members[name] = image.path
        return {"path": name}

    data = draft_to_data(draft, member)
    # what cannot be imported must not be exported: say so now, to the one who can fix it
    draft_from_data({**data, "images": []}, Path.cwd())
    file = Path(file)
    temporary = file.with_name(f".{file.name}.{os.getpid()}.partial")
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            text = json.dumps(data, ensure_ascii=False, indent=2)
            archive.writestr(DRAFT_NAME, text, compress_type=zipfile.ZIP_DEFLATED)
            for name, path in members.items():
                archive.write(path, name, compress_type=zipfile.ZIP_STORED)
        os.replace(temporary, file)
    except OSError as error:
        raise from_os_error(error, file) from None
    finally:
        temporary.unlink(missing_ok=True)


def import_draft(store: Store, file: Path) -> int:
    """Store the draft in `file` (an archive or a draft JSON file) as a new draft."""
    file = Path(file)
    if not _is_archive(file):
        return store.create_draft(_pictures_only(read_draft_file(file), file.parent))
    with tempfile.TemporaryDirectory(prefix="omroeper-import-") as folder:
        return store.create_draft(_pictures_only(read_archive(file, Path(folder)), Path(folder)))


def _pictures_only(draft: Draft, base: Path) -> Draft:
    """Every photo must be a picture Omroeper can read: a draft file could name any file
    (`/etc/shadow`, a private key), which export would then hand to a colleague."""
    for position, image in enumerate(draft.images, 1):
        info = probe(image.path)
        if info.error:
            shown = image.path.relative_to(base) if image.path.is_relative_to(base) else image.path
            details = {"position": position, "path": str(shown), "reason": info.error}
            raise DraftFileError("image_not_a_picture", details)
    return draft


def read_archive(file: Path, folder: Path) -> Draft:
    """The draft in an archive, its images unpacked into `folder`."""
    try:
        with zipfile.ZipFile(file) as archive:
            members = _checked(archive.infolist())
            if DRAFT_NAME not in members:
                raise DraftFileError("archive_no_draft", {"path": str(file)})
            text = _unpack(archive, members[DRAFT_NAME], MAX_DRAFT_BYTES + 1, whole=False)
            data = parse_json(decode_draft(text, f"{file}/{DRAFT_NAME}"))
            for name in _image_names(data):
                if name and not _safe(name):
                    raise DraftFileError("archive_unsafe_path", {"name": name})
                if name in members:
                    target = folder / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(_unpack(archive, members[name]))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError):
        # RuntimeError: encrypted; NotImplementedError: an unknown compression method
        raise DraftFileError("archive_damaged", {"path": str(file)}) from None
    except FileNotFoundError:
        raise DraftFileError("file_missing", {"path": str(file)}) from None
    except IsADirectoryError:
        raise DraftFileError("file_is_folder", {"path": str(file)}) from None
    return draft_from_data(data, folder)


def _is_archive(file: Path) -> bool:
    if file.suffix.lower() == SUFFIX:
        return True
    try:
        with file.open("rb") as reader:
            return reader.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
    except OSError:
        return False  # the draft-file reader says what is wrong with it


def _checked(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_FILES:
        raise DraftFileError("archive_too_many_files", {"count": len(infos), "limit": MAX_FILES})
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        kind = stat.S_IFMT(info.external_attr >> 16)
        if not _safe(info.filename.rstrip("/")) or kind == stat.S_IFLNK:
            raise DraftFileError("archive_unsafe_path", {"name": info.filename})
        if info.filename in members:
            raise DraftFileError("archive_repeated_name", {"name": info.filename})
        total += info.file_size
        if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DraftFileError("archive_bomb", {"name": info.filename, "ratio": MAX_RATIO})
        if info.file_size > MAX_FILE_BYTES:
            details = {"name": info.filename, "limit": MAX_FILE_BYTES >> 20}
            raise DraftFileError("archive_file_too_large", details)
        if total > MAX_TOTAL_BYTES:
            raise DraftFileError("archive_too_large", {"limit": MAX_TOTAL_BYTES >> 20})
        members[info.filename] = info
    _no_file_is_a_folder(members)
    return members


def _no_file_is_a_folder(members: dict[str, zipfile.ZipInfo]) -> None:
    """`images` as a file and `images/a.jpg`: one of them could not be unpacked."""
    folders = {
        str(parent) for name in members for parent in PurePosixPath(name.rstrip("/")).parents
    }
    for name, info in members.items():
        if not info.is_dir() and name in folders:
            raise DraftFileError("archive_name_clash", {"name": name})


def _safe(name: str) -> bool:
    """A plain relative path that stays inside the folder it is unpacked into."""
    if not name or "\\" in name or name.startswith("/") or ":" in name or "\0" in name:
        return False
    return all(part not in ("", ".", "..") for part in PurePosixPath(name).parts) and (
        "//" not in name
    )


def _unpack(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    most: int = MAX_FILE_BYTES,
    *,
    whole: bool = True,
) -> bytes:
    """The member's bytes, at most `most` of them (all of them, or refused, when `whole`)."""
    # never trust the sizes in the directory alone: count what actually comes out
    chunks, size = [], 0
    with archive.open(info) as reader:
        while size < most and (chunk := reader.read(min(_CHUNK, most - size))):
            size += len(chunk)
            if size > info.file_size:  # more than the directory says: it lies
                raise DraftFileError("archive_damaged", {"path": info.filename})
            chunks.append(chunk)
        if whole and reader.read(1):
            details = {"name": info.filename, "limit": MAX_FILE_BYTES >> 20}
            raise DraftFileError("archive_file_too_large", details)
    return b"".join(chunks)


def _image_names(data: Any) -> list[str]:
    images = data.get("images") if isinstance(data, dict) else None
    if not isinstance(images, list):
        return []
    return [
        item["path"]
        for item in images
        if isinstance(item, dict) and isinstance(item.get("path"), str)
    ]
