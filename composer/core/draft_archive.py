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

from composer.core.draft import Draft, Image
from composer.core.draft_file import DraftFileError, draft_from_data, draft_to_data, read_draft_file
from composer.core.store import Store
from composer.core.store_errors import from_os_error

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
        return store.create_draft(read_draft_file(file))
    with tempfile.TemporaryDirectory(prefix="omroeper-import-") as folder:
        return store.create_draft(read_archive(file, Path(folder)))


def read_archive(file: Path, folder: Path) -> Draft:
    """The draft in an archive, its images unpacked into `folder`."""
    try:
        with zipfile.ZipFile(file) as archive:
            members = _checked(archive.infolist())
            if DRAFT_NAME not in members:
                raise DraftFileError("archive_no_draft", {"path": str(file)})
            try:
                data = json.loads(_unpack(archive, members[DRAFT_NAME]).decode("utf-8"))
            except UnicodeDecodeError:
                raise DraftFileError("not_utf8", {"path": str(file)}) from None
            except json.JSONDecodeError as error:
                raise DraftFileError(
                    "invalid_json",
                    {"line": error.lineno, "column": error.colno, "reason": error.msg},
                ) from None
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
            raise DraftFileError("archive_unsafe_path", {"name": info.filename})
        total += info.file_size
        bomb = info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if bomb or info.file_size > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            raise DraftFileError("archive_too_large", {"limit": MAX_TOTAL_BYTES >> 20})
        members[info.filename] = info
    return members


def _safe(name: str) -> bool:
    """A plain relative path that stays inside the folder it is unpacked into."""
    if not name or "\\" in name or name.startswith("/") or ":" in name or "\0" in name:
        return False
    return all(part not in ("", ".", "..") for part in PurePosixPath(name).parts) and (
        "//" not in name
    )


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # never trust the sizes in the directory alone: count what actually comes out
    chunks, size = [], 0
    with archive.open(info) as reader:
        while chunk := reader.read(_CHUNK):
            size += len(chunk)
            if size > info.file_size or size > MAX_FILE_BYTES:
                raise DraftFileError("archive_too_large", {"limit": MAX_TOTAL_BYTES >> 20})
            chunks.append(chunk)
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
