"""What went wrong with the drafts database, and what the person can do about it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.core.store.errors import StoreError

translate = QCoreApplication.translate


def describe_store_error(failure: StoreError, *, retrying: bool = False) -> str:
    """One line of words; `retrying` when the window keeps trying to save by itself."""
    if retrying and failure.code in ("disk_full", "read_only"):
        words = {
            "disk_full": translate(
                "Store", "The disk is full. Free some space; Omroeper keeps trying to save."
            ),
            "read_only": translate(
                "Store",
                "Omroeper may not write to its folder {path}. Check that the disk is not "
                "write-protected, or ask your IT support; Omroeper keeps trying to save.",
            ),
        }[failure.code]
    elif failure.code in _ONCE:
        words = _ONCE[failure.code]()
    else:
        words = translate("Store", "The drafts could not be used ({code}).")
    return words.format(**{"code": failure.code, "path": "", "copy": "", **failure.details})


_ONCE = {
    "damaged": lambda: translate(
        "Store",
        "The drafts database is damaged. A copy was kept at {copy}; "
        "contact your IT support with that file.",
    ),
    "read_only": lambda: translate(
        "Store", "Omroeper may not write to {path}: nothing was changed or saved."
    ),
    "disk_full": lambda: translate(
        "Store", "The disk is full: nothing was saved. Free some space and try again."
    ),
    "locked": lambda: translate(
        "Store", "The drafts are in use by another Omroeper window. Close it and try again."
    ),
    "newer_version": lambda: translate(
        "Store",
        "These drafts were saved by a newer version of Omroeper. Install that version "
        "to open them.",
    ),
    "not_found": lambda: translate("Store", "There is no draft {id}."),
    "image_missing": lambda: translate("Store", "Image {position} not found: {path}"),
    "io_error": lambda: translate("Store", "Could not read or write {path}: {reason}"),
}
