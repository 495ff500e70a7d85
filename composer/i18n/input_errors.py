"""Words for a draft file that cannot be used: one line each, in the person's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.core.drafts.draft_file import DraftFileError

translate = QCoreApplication.translate


def _expected(kind: str) -> str:
    return {
        "text": translate("Input", "text"),
        "a list": translate("Input", "a list"),
        "an object": translate("Input", "an object"),
        "true or false": translate("Input", "true or false"),
    }[kind]


def draft_file_error(failure: DraftFileError) -> str:
    """One line, whatever the file holds: its names and addresses are shown escaped."""
    details = {key: _one_line(value) for key, value in failure.details.items()}
    if "expected" in details:
        details["expected"] = _expected(str(details["expected"]))
    if "reason" in details and failure.code == "image_not_a_picture":
        details["reason"] = _picture_reason(str(details["reason"]))
    words = {
        "invalid_json": translate(
            "Input", "The draft file is not valid JSON (line {line}, column {column}: {reason})."
        ),
        "not_an_object": translate("Input", "The draft file must hold one JSON object {{…}}."),
        "unknown_key": translate("Input", "Unknown field “{key}” in {where}: check its spelling."),
        "wrong_type": translate("Input", "The field “{key}” must be {expected}."),
        "file_missing": translate("Input", "File not found: {path}"),
        "file_is_folder": translate("Input", "This is a folder, not a draft file: {path}"),
        "not_utf8": translate("Input", "The draft file is not UTF-8 text: {path}"),
        "file_unreadable": translate("Input", "Cannot read {path}: {reason}"),
        "image_missing": translate("Input", "Image {position} not found: {path}"),
        "image_is_folder": translate("Input", "Image {position} is a folder, not a photo: {path}"),
        "image_not_a_file": translate(
            "Input", "Image {position} is a device or other special file, not a photo: {path}"
        ),
        "image_not_a_picture": translate(
            "Input", "Image {position} is not a photo Omroeper can use ({reason}): {path}"
        ),
        "file_too_large": translate(
            "Input", "The draft file is larger than {limit} MB, far more than a draft: {path}"
        ),
        "too_deep": translate(
            "Input", "The draft file nests more than {limit} levels deep: it is not a draft."
        ),
        "not_text": translate(
            "Input",
            "The draft file holds a broken character (such as \\ud800): "
            "save it again as ordinary text.",
        ),
        "image_path_missing": translate("Input", "Image {position} has no “path”."),
        "invalid_link": translate(
            "Input",
            "The link “{link}” must be one web address starting with https://, without spaces "
            "or line breaks.",
        ),
        "invalid_language": translate(
            "Input", "“{language}” is not a language code such as nl or en."
        ),
        "invalid_thread": translate("Input", '“{key}” must be true, false or "numbered".'),
        "unknown_target": translate(
            "Input",
            "Unknown target “{target}”: use website, mastodon, bluesky, pixelfed or discord.",
        ),
        "archive_damaged": translate(
            "Input", "{path} is damaged, or is not a draft exported by Omroeper."
        ),
        "archive_no_draft": translate("Input", "{path} holds no draft.json: it is not a draft."),
        "archive_unsafe_path": translate(
            "Input", "The draft file holds “{name}”, which points outside it: not imported."
        ),
        "archive_repeated_name": translate(
            "Input", "The draft file holds “{name}” more than once: not imported."
        ),
        "archive_name_clash": translate(
            "Input", "The draft file holds “{name}” both as a file and as a folder: not imported."
        ),
        "archive_bomb": translate(
            "Input",
            "The draft file holds “{name}”, packed more than {ratio} times smaller than it "
            "unpacks (a trap): not imported.",
        ),
        "archive_file_too_large": translate(
            "Input", "The draft file holds “{name}”, larger than {limit} MB: not imported."
        ),
        "archive_too_large": translate(
            "Input", "The draft file unpacks to more than {limit} MB: not imported."
        ),
        "archive_too_many_files": translate(
            "Input", "The draft file holds {count} files, more than the {limit} a draft can have."
        ),
    }[failure.code]
    return words.format(**details)


def _picture_reason(code: str) -> str:
    return {
        "image_file_too_large": translate("Input", "too large"),
        "image_too_many_frames": translate("Input", "too many animation frames"),
        "image_too_many_pixels": translate("Input", "too many pixels"),
        "image_format_unsupported": translate("Input", "a format Omroeper cannot convert"),
        "image_damaged": translate("Input", "damaged"),
        "image_empty": translate("Input", "an empty file"),
    }.get(code, translate("Input", "not a picture"))


def _one_line(value: object) -> object:
    """Text from a file, shown without its line breaks and control characters (escaped), cut
    short: the message stays one line a person can read."""
    if not isinstance(value, str):
        return value
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in value)
    return shown if len(shown) <= 200 else shown[:199] + "…"
