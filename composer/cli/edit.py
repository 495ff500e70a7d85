"""`omroeper edit JOB FILE [--repost-bluesky]`: change a published message everywhere, the
own site first (its page keeps its address), then every network; the result per copy as
JSON.

The same command again (the same job and file) after an unclear failure finishes the same
edit under the same keys: the job's latest edit is taken up when its draft is this file's
(core/publishing/editing.start_edit), so no copy is ever changed twice. While another run
holds the message (the window, or another command editing or sending it), nothing is sent:
one line, exit 2.

Test hook: the hidden `--now TIME` (cli/now.py), as `publish` has: the backoff between
attempts moves that clock instead of sleeping.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from composer.cli.now import add_now, clock_from
from composer.cli.output import fail, print_json, scrubbed
from composer.core.drafts.draft_file import read_draft_file
from composer.core.errors import CodedError
from composer.core.profile import profile_dir
from composer.core.store.edits import EditCopy
from composer.core.store.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error

translate = QCoreApplication.translate
_SHOWN = {"done": "edited", "unchanged": "unchanged"}  # anything else: "failed"


def add_parser(commands: Any) -> None:
    edit = commands.add_parser(
        "edit", help=translate("Cli", "change a published message everywhere it is online")
    )
    edit.add_argument("job", metavar="JOB", type=int)
    edit.add_argument("file", metavar="FILE", help=translate("Cli", "the changed draft file"))
    edit.add_argument(
        "--repost-bluesky",
        action="store_true",
        help=translate(
            "Cli",
            "Bluesky cannot change a post: delete it there and post the change anew"
            " (its likes and replies are lost)",
        ),
    )
    add_now(edit)


def run(arguments: argparse.Namespace) -> int:
    """0 every copy edited (or left unchanged, as asked); 1 a copy failed (the JSON says
    why); 2 an unknown job, one not published, one another run is editing or sending right
    now, or an unusable file: nothing is sent."""
    from composer.core.accounts.accounts import Accounts
    from composer.core.accounts.credentials import Credentials
    from composer.core.publishing.editing import BUSY, Editor
    from composer.core.publishing.publisher import publisher_for
    from composer.i18n.publish_errors import describe_publish_error
    from composer.i18n.schedule_errors import describe_schedule_error

    try:
        clock = clock_from(arguments.now)
    except CodedError as failure:
        return fail(describe_schedule_error(failure), 2)
    draft = read_draft_file(Path(arguments.file))  # an unusable file: one line, exit 2
    try:
        with Store.open(profile_dir(arguments.profile)) as store:
            accounts = Accounts(store, Credentials())
            publisher = publisher_for(store, accounts, sleep=clock.sleep)
            try:
                edit = Editor(publisher).edit(
                    arguments.job, draft, repost_bluesky=arguments.repost_bluesky
                )
            except CodedError as failure:
                if failure.code == "not_published":
                    words = translate(
                        "Cli",
                        "message {job} is not online (scheduled, cancelled or deleted): there is"
                        " nothing to change; use “publish --change” for a scheduled one",
                    )
                    return fail(words.format(job=arguments.job), 2)
                if failure.code != BUSY:
                    raise
                words = describe_publish_error(BUSY, failure.details, retries=False)
                return fail(words, 2)
    except StoreError as failure:
        return fail(describe_store_error(failure), 2 if failure.code == "not_found" else 1)
    destinations = {copy.account_id: _report(copy) for copy in edit.copies}
    print_json({"job": arguments.job, "edit": edit.number, "destinations": destinations})
    return 0 if all(entry["state"] != "failed" for entry in destinations.values()) else 1


def _report(copy: EditCopy) -> dict[str, Any]:
    from composer.i18n.publish_errors import describe_publish_error

    error = None
    if copy.error_code:
        words = describe_publish_error(
            copy.error_code, copy.error_details, copy.kind.value, retries=False
        )
        error = scrubbed({"code": copy.error_code, **copy.error_details, "message": words})
    return {"state": _SHOWN.get(copy.state, "failed"), "url": copy.url, "error": error}
