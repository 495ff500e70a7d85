"""`omroeper publish FILE --to ID[,ID…]` and `omroeper publish --resume JOB`: own site first,
then every network, exactly once; the per-destination result as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from composer.cli.output import fail, print_json, scrubbed
from composer.core.drafts.draft_file import DraftFileError, read_draft_file
from composer.core.profile import profile_dir
from composer.core.store.jobs import JobDestination
from composer.core.store.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error

translate = QCoreApplication.translate


def add_parser(commands: Any) -> None:
    publish = commands.add_parser(
        "publish",
        help=translate("Cli", "publish a draft file: your website first, then the networks"),
    )
    publish.add_argument("file", metavar="FILE", nargs="?", help=translate("Cli", "the draft file"))
    publish.add_argument(
        "--to", metavar="ID[,ID…]", help=translate("Cli", "the accounts to publish to")
    )
    publish.add_argument(
        "--resume", metavar="JOB", type=int, help=translate("Cli", "continue an interrupted job")
    )
    publish.add_argument(
        "--wait",
        action="store_true",
        help=translate("Cli", "offline, wait for the connection to return instead of stopping"),
    )


def run(arguments: argparse.Namespace) -> int:
    """0 everything done; 1 a destination failed or is unknown (the JSON says why); 2 bad input."""
    from composer.core.accounts.accounts import Accounts
    from composer.core.accounts.credentials import Credentials
    from composer.core.publishing.publisher import publisher_for

    if (arguments.resume is None) == (arguments.file is None) or (
        arguments.file is not None and not arguments.to
    ):
        return _fail(translate("Cli", "give a FILE with --to ID[,ID…], or --resume JOB"), 2)
    try:
        with Store.open(profile_dir(arguments.profile)) as store:
            accounts = Accounts(store, Credentials())
            job_id = arguments.resume
            if job_id is None:
                draft = read_draft_file(Path(arguments.file))
                ids = [item.strip() for item in arguments.to.split(",") if item.strip()]
                job_id = store.create_job(draft, ids)
            publisher = publisher_for(store, accounts, wait_offline=arguments.wait)
            job = publisher.publish(job_id)
    except StoreError as failure:
        return _fail(describe_store_error(failure), 2 if failure.code == "not_found" else 1)
    except DraftFileError:
        raise  # one line from composer/__main__.py
    destinations: dict[str, dict[str, Any]] = {
        row.account_id: {
            "state": row.state,
            "url": row.url,
            "remote_id": row.remote_id,
            "error": _error(row.state, row.error_code, row.error_details, row.kind.value),
        }
        | _parts(row)
        for row in job.destinations
    }
    print_json({"job": job.id, "destinations": destinations})
    done = all(entry["state"] == "done" for entry in destinations.values())
    return 0 if done else 1


def _parts(row: JobDestination) -> dict[str, Any]:
    """A thread's parts, how many are online of how many: {} for a single post."""
    if row.parts_total < 2:
        return {}
    return {"parts": {"online": row.parts_online, "total": row.parts_total}}


def _error(state: str, code: str | None, details: dict | None, kind: str = "") -> dict | None:
    """The code and numbers for scripts, and the words for people."""
    from composer.i18n.publish_errors import (
        describe_no_address,
        describe_publish_error,
        describe_unknown,
    )

    if not code:
        return None
    if state == "done":  # published: only its address was unusable (unsafe_url)
        words = describe_no_address()
    elif state == "unknown":
        words = describe_unknown()
    else:
        words = describe_publish_error(code, details, kind, retries=False)
    return scrubbed({"code": code, **(details or {}), "message": words})


_fail = fail
