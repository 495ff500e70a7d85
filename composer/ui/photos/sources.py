"""Where photos come from: dropped or pasted files, pasted picture data, the file dialog."""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QStandardPaths
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

# A card dragged to another place in the strip (never leaves the window).
REORDER = "application/x-omroeper-photo-position"
PATTERNS = "*.jpg *.jpeg *.png *.gif *.webp *.heic *.heif *.avif *.bmp *.tif *.tiff"


def dialog_filter(photos: str, everything: str) -> str:
    """The file dialog's choices; the two names come translated."""
    # Upper-case variants too: some file dialogs match the pattern case-sensitively.
    return f"{photos} ({PATTERNS} {PATTERNS.upper()});;{everything} (*)"


def pictures_folder() -> str:
    """Where photos usually are: the system's Pictures folder, else the home folder."""
    location = QStandardPaths.StandardLocation
    for kind in (location.PicturesLocation, location.HomeLocation):
        folder = QStandardPaths.writableLocation(kind)
        if folder and os.path.isdir(folder):
            return folder
    return ""


def photo_dialog(parent: QWidget, title: str, folder: str, name_filter: str) -> QFileDialog:
    """Choose photos in `folder` (the last one used, else Pictures), in the platform's own
    dialog on Windows and macOS: people know that one."""
    if not folder or not os.path.isdir(folder):
        folder = pictures_folder()
    dialog = QFileDialog(parent, title, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return dialog


def local_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def picture(mime: QMimeData) -> QImage | None:
    """Picture data (a screenshot, an image copied in a browser), as a QImage of its own."""
    if not mime.hasImage():
        return None
    data = mime.imageData()
    image = data.toImage() if isinstance(data, QPixmap) else QImage(data)
    return None if image.isNull() else image.copy()  # a copy no other thread shares


def holds_images(mime: QMimeData) -> bool:
    return bool(local_files(mime)) or picture(mime) is not None


def split_folders(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """(files, folders): a folder is refused with a word; any file gets a card."""
    files = [Path(path) for path in paths if not Path(path).is_dir()]
    return files, [Path(path) for path in paths if Path(path).is_dir()]


def save_png(image: QImage, folder: Path) -> Path:
    """Save pasted picture data as a PNG file of its own; for a worker thread. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"pasted-{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}.png"
    target = folder / name
    temporary = target.with_suffix(".partial")
    try:
        # PySide6 takes the format as text (bytes raise ValueError), though its stubs say bytes
        if not image.save(str(temporary), "PNG"):  # type: ignore[call-overload]
            raise OSError(f"could not write {temporary}")
        os.replace(temporary, target)  # never a half-written photo under its real name
    finally:
        temporary.unlink(missing_ok=True)
    return target


def reorder_mime(position: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(REORDER, QByteArray(str(position).encode()))
    return mime


def reorder_index(mime: QMimeData) -> int | None:
    if not mime.hasFormat(REORDER):
        return None
    try:
        return int(bytes(mime.data(REORDER).data()).decode())
    except ValueError:
        return None
