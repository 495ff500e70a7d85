"""Words for a draft file that cannot be used: one line each, in the person's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.core.draft_file import DraftFileError

translate = QCoreApplication.translate


def _expected(kind: str) -> str:
    return {
        "text": translate("Input", "text"),
        "a list": translate("Input", "a list"),
        "an object": translate("Input", "an object"),
        "true or false": translate("Input", "true or false"),
    }[kind]


def draft_file_error(failure: DraftFileError) -> str:
    details = dict(failure.details)
    if "expected" in details:
        details["expected"] = _expected(details["expected"])
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
        "image_path_missing": translate("Input", "Image {position} has no “path”."),
        "invalid_link": translate(
            "Input", "The link “{link}” must be a web address starting with https://"
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
        "archive_too_large": translate(
            "Input", "The draft file unpacks to more than {limit} MB: not imported."
        ),
        "archive_too_many_files": translate(
            "Input", "The draft file holds {count} files, more than the {limit} a draft can have."
        ),
    }[failure.code]
    return words.format(**details)
