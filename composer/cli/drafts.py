"""`omroeper drafts list|show|export|import`: the drafts, for automation and support."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from composer.core.drafts.archive import export_draft, import_draft
from composer.core.drafts.draft_file import draft_to_data
from composer.core.profile import profile_dir
from composer.core.store.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error

translate = QCoreApplication.translate
_INPUT_CODES = {"not_found", "image_missing"}  # the caller asked for something that is not there


class Drafts(QObject):
    """lupdate (PySide6 6.11) reads a plural only from self.tr() inside a class named like
    its context."""

    def images(self, count: int) -> str:
        return self.tr("%Ln image(s)", "", count)


def add_parser(commands: Any) -> None:
    drafts = commands.add_parser(
        "drafts", help=translate("Cli", "list, show, export and import the drafts")
    )
    actions = drafts.add_subparsers(dest="action", metavar="ACTION", required=True)
    as_json = translate("Cli", "print JSON")
    listing = actions.add_parser("list", help=translate("Cli", "the drafts, newest change first"))
    listing.add_argument(
        "--search", metavar="TEXT", default="", help=translate("Cli", "only drafts holding TEXT")
    )
    show = actions.add_parser("show", help=translate("Cli", "one draft, in the draft-file format"))
    show.add_argument("id", metavar="ID", type=int)
    export = actions.add_parser(
        "export", help=translate("Cli", "write one draft and its images to one file")
    )
    export.add_argument("id", metavar="ID", type=int)
    export.add_argument(
        "file", metavar="FILE", help=translate("Cli", "for example review.omroeper")
    )
    imported = actions.add_parser(
        "import", help=translate("Cli", "add a draft from an exported file or a draft file")
    )
    imported.add_argument("file", metavar="FILE")
    for action in (listing, show, export, imported):
        action.add_argument("--json", action="store_true", help=as_json)


def run(arguments: argparse.Namespace) -> int:
    """0 done; 1 the store refused (disk full, read-only, damaged…); 2 no such draft."""
    try:
        with Store.open(profile_dir(arguments.profile)) as store:
            return _ACTIONS[arguments.action](store, arguments)
    except StoreError as failure:
        print(f"omroeper: {describe_store_error(failure)}", file=sys.stderr)
        return 2 if failure.code in _INPUT_CODES else 1


def _list(store: Store, arguments: argparse.Namespace) -> int:
    summaries = store.list_drafts(arguments.search)
    if arguments.json:
        _print_json(
            [
                {
                    "id": summary.id,
                    "title": summary.title,
                    "text": summary.text,
                    "modified": summary.modified.isoformat(),
                }
                for summary in summaries
            ]
        )
        return 0
    if not summaries:
        print(translate("Drafts", "No drafts."))
    for summary in summaries:
        line = translate("Drafts", "{id}  {modified}  {title}")
        print(line.format(id=summary.id, modified=_when(summary.modified), title=_label(summary)))
    return 0


def _show(store: Store, arguments: argparse.Namespace) -> int:
    draft = store.load_draft(arguments.id)
    if arguments.json:
        _print_json(
            {"id": arguments.id, **draft_to_data(draft, lambda image: {"path": str(image.path)})}
        )
        return 0
    summary = store.summary(arguments.id)
    heading = translate("Drafts", "Draft {id}, last changed {modified}")
    print(heading.format(id=arguments.id, modified=_when(summary.modified)))
    if draft.title:
        print(translate("Drafts", "Title: {title}").format(title=draft.title))
    print(draft.text)
    if draft.images:
        print(Drafts().images(len(draft.images)))
    if draft.targets:
        print(translate("Drafts", "For: {targets}").format(targets=", ".join(draft.targets)))
    return 0


def _export(store: Store, arguments: argparse.Namespace) -> int:
    export_draft(store, arguments.id, Path(arguments.file))
    if arguments.json:
        _print_json({"id": arguments.id, "file": str(Path(arguments.file).absolute())})
    else:
        words = translate("Drafts", "Draft {id} exported to {file}.")
        print(words.format(id=arguments.id, file=arguments.file))
    return 0


def _import(store: Store, arguments: argparse.Namespace) -> int:
    draft_id = import_draft(store, Path(arguments.file))
    if arguments.json:
        _print_json({"id": draft_id})
    else:
        print(translate("Drafts", "Imported as draft {id}.").format(id=draft_id))
    return 0


_ACTIONS = {"list": _list, "show": _show, "export": _export, "import": _import}


def _label(summary: Any) -> str:
    first = next((line.strip() for line in summary.text.splitlines() if line.strip()), "")
    shown = summary.title.strip() or first or translate("Drafts", "(empty draft)")
    return shown if len(shown) <= 60 else shown[:59] + "…"


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
