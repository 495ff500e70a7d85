"""`omroeper delete JOB`: remove a published message from every destination, the website last
(so the copies never point at a page that is already gone)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication

from composer.cli.output import print_json, scrubbed
from composer.core.profile import profile_dir
from composer.core.store.store import Store, StoreError
from composer.i18n.publish_errors import describe_publish_error
from composer.i18n.store_errors import describe_store_error

translate = QCoreApplication.translate


def add_parser(commands: Any) -> None:
    delete = commands.add_parser(
        "delete", help=translate("Cli", "delete a published message everywhere")
    )
    delete.add_argument("job", metavar="JOB", type=int)


def run(arguments: argparse.Namespace) -> int:
    """0 removed everywhere; 1 some copy could not be removed (the JSON says which)."""
    from composer.core.accounts.accounts import Accounts
    from composer.core.accounts.credentials import Credentials
    from composer.core.publishing.deleting import delete_everywhere

    try:
        with Store.open(profile_dir(arguments.profile)) as store:
            done = delete_everywhere(store, Accounts(store, Credentials()), arguments.job)
    except StoreError as failure:
        print(f"omroeper: {describe_store_error(failure)}", file=sys.stderr)
        return 2 if failure.code == "not_found" else 1
    results: dict[str, Any] = {
        account_id: {"state": "deleted", "error": None}
        if result.error is None
        else {
            "state": "failed",
            "error": scrubbed(
                {
                    "code": result.error.code,
                    **result.error.details,
                    "message": describe_publish_error(
                        result.error.code, result.error.details, result.kind.value, retries=False
                    ),
                }
            ),
        }
        for account_id, result in done.items()
    }
    print_json({"job": arguments.job, "destinations": results})
    return 0 if all(entry["state"] == "deleted" for entry in results.values()) else 1
