"""`omroeper publish FILE --to ID[,ID…]` and `omroeper publish --resume JOB`: own site first,
then every network, exactly once; the per-destination result as JSON.

Scheduling (core/scheduling): `--at TIME` makes the job wait for its time (each copy held by
its server where it can, else by this computer); `--due` sends what is due, as the
operating system's task runs it; `--cancel JOB` and `--send-now JOB` (a late one). Each
keeps the OS task in step (core/scheduling/task.py): installed while a copy waits for this
computer, removed when none does; the JSON's `task` says what came of it, and a failure is
one line on stderr (the job itself is scheduled all the same: the exit status is the job's).

Test hook: the hidden `--now TIME` (cli/now.py) sets the moment the command takes as now (an
ISO time with its offset), so tests move time instead of sleeping; its waits move that clock.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from composer.cli.now import add_now, clock_from
from composer.cli.output import fail, print_json, scrubbed
from composer.core.drafts.draft_file import DraftFileError, read_draft_file
from composer.core.errors import CodedError
from composer.core.profile import profile_dir
from composer.core.scheduling.clock import Clock
from composer.core.store.jobs import Job, JobDestination
from composer.core.store.store import Store, StoreError
from composer.i18n.store_errors import describe_store_error

if TYPE_CHECKING:
    from composer.core.publishing.publisher import Publisher
    from composer.core.scheduling.os_task.outcome import TaskOutcome

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
    publish.add_argument(
        "--at",
        metavar="TIME",
        help=translate(
            "Cli", "publish at this time instead of now, such as 2026-12-24T09:00:00+01:00"
        ),
    )
    publish.add_argument(
        "--zone",
        metavar="ZONE",
        help=translate(
            "Cli", "the time zone of --at, such as Europe/Amsterdam (default: this computer’s)"
        ),
    )
    publish.add_argument(
        "--due",
        action="store_true",
        help=translate("Cli", "send every scheduled message whose time has come"),
    )
    publish.add_argument(
        "--cancel", metavar="JOB", type=int, help=translate("Cli", "cancel a scheduled message")
    )
    publish.add_argument(
        "--send-now",
        metavar="JOB",
        type=int,
        help=translate("Cli", "send a scheduled message now (one found too late, for instance)"),
    )
    publish.add_argument(
        "--change",
        metavar="JOB",
        type=int,
        help=translate(
            "Cli", "change a scheduled message: its text (FILE), its time (--at), or both"
        ),
    )
    add_now(publish)


def run(arguments: argparse.Namespace) -> int:
    """0 everything done; 1 a destination failed or is unknown (the JSON says why); 2 bad input."""
    from composer.core.accounts.accounts import Accounts
    from composer.core.accounts.credentials import Credentials
    from composer.core.publishing.claim import BUSY, held
    from composer.core.publishing.publisher import publisher_for
    from composer.i18n.schedule_errors import describe_schedule_error

    problem = _usage_problem(arguments)
    if problem:
        return _fail(problem, 2)
    if arguments.resume is None and (
        arguments.file is None or arguments.at is not None or arguments.change is not None
    ):
        return _scheduling(arguments)
    try:
        with Store.open(profile_dir(arguments.profile)) as store:
            accounts = Accounts(store, Credentials())
            job_id = arguments.resume
            if job_id is None:
                draft = read_draft_file(Path(arguments.file))
                ids = [item.strip() for item in arguments.to.split(",") if item.strip()]
                job_id = store.create_job(draft, ids)
            publisher = publisher_for(store, accounts, wait_offline=arguments.wait)
            # a window or another command may be sending it too (resuming it): one at a time
            with held(store, job_id):
                job = publisher.publish(job_id)
    except StoreError as failure:
        return _fail(describe_store_error(failure), 2 if failure.code == "not_found" else 1)
    except CodedError as failure:
        if failure.code != BUSY:
            raise
        return _fail(describe_schedule_error(failure), 2)
    except DraftFileError:
        raise  # one line from composer/__main__.py
    destinations = {row.account_id: destination_report(row) for row in job.destinations}
    print_json({"job": job.id, "destinations": destinations})
    done = all(entry["state"] == "done" for entry in destinations.values())
    return 0 if done else 1


def _usage_problem(arguments: argparse.Namespace) -> str:
    """What is wrong with how `publish` was asked for, in words; "" when nothing is."""
    changing = arguments.change is not None
    file_without_to = arguments.file is not None and not arguments.to and not changing
    to_without_file = bool(arguments.to) and arguments.file is None
    if _modes(arguments) != 1 or file_without_to or to_without_file:
        return translate(
            "Cli",
            "give a FILE with --to ID[,ID…] (and --at TIME to schedule it),"
            " or one of --resume JOB, --due, --cancel JOB, --send-now JOB",
        )
    timed = arguments.at is not None or arguments.zone is not None
    if timed and arguments.file is None and not changing:
        return translate("Cli", "--at and --zone go with a FILE to schedule")
    if changing and ((arguments.file is None and arguments.at is None) or arguments.to):
        return translate(
            "Cli", "--change JOB takes a FILE with the new text, --at with the new time, or both"
        )
    return ""


def _modes(arguments: argparse.Namespace) -> int:
    """How many of the ways to run `publish` were asked for (exactly one may be)."""
    return sum(
        (
            arguments.file is not None and arguments.change is None,
            arguments.change is not None,
            arguments.resume is not None,
            arguments.due,
            arguments.cancel is not None,
            arguments.send_now is not None,
        )
    )


def _scheduling(arguments: argparse.Namespace) -> int:
    """--at, --due, --cancel, --send-now. 0 done; 1 a copy failed or waits (the JSON says
    which); 2 an unusable time or job."""
    from composer.core.accounts.accounts import Accounts
    from composer.core.accounts.credentials import Credentials
    from composer.core.publishing.publisher import publisher_for
    from composer.core.scheduling import changes
    from composer.core.scheduling.due import send_due
    from composer.core.scheduling.os_task.program import chosen_profile
    from composer.core.scheduling.plan import schedule_job
    from composer.core.scheduling.task import drop_task_if_idle, keep_task
    from composer.core.scheduling.times import read_time, system_zone
    from composer.core.settings import Settings
    from composer.i18n.schedule_errors import describe_schedule_error, has_words

    try:
        clock = clock_from(arguments.now)
        profile = profile_dir(arguments.profile)
        chosen = chosen_profile(arguments.profile)
        with Store.open(profile) as store:
            publisher = publisher_for(store, Accounts(store, Credentials()), sleep=clock.sleep)
            if arguments.due:
                grace = Settings.load(profile).schedule_grace_minutes
                # before anything is sent: removing the task may end this very run
                dropped = drop_task_if_idle(store, chosen)
                handled = send_due(publisher, clock, grace=timedelta(minutes=grace))
                report: dict[str, Any] = {"jobs": [_job_report(job) for job in handled]}
                if dropped is not None:
                    report["task"] = _task(dropped, wanted=False)
                print_json(report)
                return 0 if all(_went_well(job) for job in handled) else 1
            if arguments.cancel is not None:
                job = changes.cancel(publisher, arguments.cancel, clock)
            elif arguments.send_now is not None:
                job = changes.send_now(publisher, arguments.send_now, clock)
            elif arguments.change is not None:
                job = _change(publisher, arguments, clock)
            else:
                zone = arguments.zone or system_zone()
                when = read_time(arguments.at, zone, clock.now())
                draft = read_draft_file(Path(arguments.file))
                ids = [item.strip() for item in arguments.to.split(",") if item.strip()]
                job = schedule_job(publisher, draft, ids, when)
            task = keep_task(store, chosen)
    except StoreError as failure:
        return _fail(describe_store_error(failure), 2 if failure.code == "not_found" else 1)
    except CodedError as failure:
        if has_words(failure.code):
            return _fail(describe_schedule_error(failure), 2)
        words = _error("failed", failure.code, failure.details) or {}
        return _fail(str(words.get("message", failure.code)), 1)
    print_json(_job_report(job) | {"task": _task(task.outcome, wanted=task.wanted)})
    return 0 if _went_well(job) else 1


def _task(outcome: TaskOutcome, *, wanted: bool) -> str:
    """The outcome's code for the JSON; a failure also as one line on stderr."""
    from composer.i18n.task_errors import describe_task_failure

    words = describe_task_failure(outcome.code, wanted=wanted)
    if words:
        fail(words, 0)
    return outcome.code


def _change(publisher: Publisher, arguments: argparse.Namespace, clock: Clock) -> Job:
    """--change JOB: the new text first (a refusal changes nothing), then the new time."""
    from composer.core.scheduling import changes
    from composer.core.scheduling.times import read_time, system_zone

    job_id: int = arguments.change
    when = None
    if arguments.at is not None:
        when = read_time(arguments.at, arguments.zone or system_zone(), clock.now())
    if arguments.file is not None:
        changes.change_text(publisher, job_id, read_draft_file(Path(arguments.file)), clock)
    if when is not None:
        changes.reschedule(publisher, job_id, when, clock)
    return publisher.store.job(job_id)


def _job_report(job: Job) -> dict[str, Any]:
    report: dict[str, Any] = {"job": job.id, "state": job.state}
    if job.scheduled_at is not None:
        report |= {
            "scheduled_at": job.scheduled_at.isoformat(),
            "zone": job.zone,
            "sent_late": job.sent_late,
        }
    report["destinations"] = {row.account_id: destination_report(row) for row in job.destinations}
    return report


def destination_report(row: JobDestination) -> dict[str, Any]:
    """One copy's outcome as the command line prints it."""
    entry: dict[str, Any] = {
        "state": row.state,
        "url": row.url,
        "remote_id": row.remote_id,
        "error": _error(row.state, row.error_code, row.error_details, row.kind.value),
    }
    if row.held_by is not None:
        entry["held_by"] = row.held_by
    return entry | _parts(row)


def _went_well(job: Job) -> bool:
    """Nothing failed and nothing is unclear. A late job is no failure of the run: it waits
    for the person, and `jobs list` says so (the OS task would otherwise report an error)."""
    return all(row.state not in ("failed", "unknown") for row in job.destinations)


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
