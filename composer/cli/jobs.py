"""`omroeper jobs list [--json]`: every publish job, newest first, with its time if it was
scheduled and each copy's state (and who holds a scheduled one)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from composer.cli.output import print_json
from composer.core.profile import profile_dir
from composer.core.store.jobs import Job
from composer.core.store.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error

translate = QCoreApplication.translate


def add_parser(commands: Any) -> None:
    jobs = commands.add_parser(
        "jobs", help=translate("Cli", "the published and scheduled messages")
    )
    actions = jobs.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help=translate("Cli", "every message sent or scheduled, newest first")
    )
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))


def run(arguments: argparse.Namespace) -> int:
    """0 listed; 1 the store could not be read."""
    from composer.cli.publish import destination_report

    try:
        with Store.open(profile_dir(arguments.profile)) as store:
            jobs = store.list_jobs()
    except StoreError as failure:
        print(f"omroeper: {describe_store_error(failure)}", file=sys.stderr)
        return 1
    if arguments.json:
        print_json(
            {
                "jobs": [
                    {
                        "job": job.id,
                        "title": _title(job),
                        "state": job.state,
                        "scheduled_at": job.scheduled_at and job.scheduled_at.isoformat(),
                        "zone": job.zone,
                        "sent_late": job.sent_late,
                        "destinations": {
                            row.account_id: destination_report(row) for row in job.destinations
                        },
                    }
                    for job in jobs
                ]
            }
        )
        return 0
    if not jobs:
        print(translate("Jobs", "No messages sent or scheduled yet."))
    for job in jobs:
        line = translate("Jobs", "{job}  {state}  {when}  {title}")
        when = _when(job)
        state = _state(job.state)
        if job.sent_late:  # the computer was off at its time: the person is told
            state += " " + translate("Jobs", "(sent after its time)")
        print(line.format(job=job.id, state=state, when=when, title=_title(job)))
        for row in job.destinations:
            held = {
                "server": translate("Jobs", "held by its server"),
                "computer": translate("Jobs", "sent by this computer"),
            }.get(row.held_by or "", "")
            shown = _state(row.state) + (f" ({held})" if held and row.state == "scheduled" else "")
            print(f"    {row.account_id}: {shown}")
    return 0


def _state(state: str) -> str:
    words: dict[str, Callable[[], str]] = {
        "open": lambda: translate("Jobs", "being sent"),
        "finished": lambda: translate("Jobs", "finished"),
        "scheduled": lambda: translate("Jobs", "scheduled"),
        "late": lambda: translate("Jobs", "too late: send now or cancel"),
        "cancelled": lambda: translate("Jobs", "cancelled"),
        "pending": lambda: translate("Jobs", "waiting"),
        "sending": lambda: translate("Jobs", "sending"),
        "done": lambda: translate("Jobs", "published"),
        "failed": lambda: translate("Jobs", "failed"),
        "unknown": lambda: translate("Jobs", "unclear: check the network"),
    }
    make = words.get(state)
    return make() if make else state


def _when(job: Job) -> str:
    """The scheduled time in the person's zone (else this computer's), or when it was sent."""
    moment = job.scheduled_at or job.created
    if job.scheduled_at is not None and job.zone:
        from composer.core.errors import CodedError
        from composer.core.scheduling.times import zone_info

        try:
            return _clock_time(moment.astimezone(zone_info(job.zone))) + f" ({job.zone})"
        except CodedError:
            pass
    return _clock_time(moment.astimezone())


def _clock_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _title(job: Job) -> str:
    draft = job.draft
    first = next((line.strip() for line in draft.text.splitlines() if line.strip()), "")
    shown = " ".join((draft.title.strip() or first).split())  # one line, whatever it holds
    return shown if len(shown) <= 60 else shown[:59] + "…"
