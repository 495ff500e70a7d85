"""What scheduling says in the publish dialog: who holds the message until its time (one
sentence, before confirming), when it goes out, and per destination who holds its copy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from composer.core.accounts.account import Account
from composer.core.errors import CodedError
from composer.core.platforms import NETWORK_NAMES, Platform
from composer.core.scheduling.os_task.outcome import TaskOutcome
from composer.core.scheduling.times import zone_info
from composer.core.store.jobs import HeldBy, Job, JobDestination
from composer.i18n.publish_errors import describe_publish_error
from composer.i18n.task_errors import describe_task_failure
from composer.ui.publish.rows import destination_name

translate = QCoreApplication.translate


class SchedulePlan(QObject):
    """lupdate (PySide6 6.11) reads a plural only from self.tr() inside a class named like
    its context; the count picks "holds" or "hold" (Dutch "houdt" or "houden")."""

    def held(self, names: str, count: int) -> str:
        return self.tr("{names} holds the message until its time", "", count).format(names=names)

    def sent(self, names: str, count: int) -> str:
        return self.tr("{names} is sent by this computer", "", count).format(names=names)


_PLURALS = SchedulePlan()


def short_name(account: Account) -> str:
    """ "your website", "Mastodon": as a sentence names a destination."""
    if account.kind.is_own_site:  # a WordPress site too
        return translate("SchedulePlan", "your website")
    return NETWORK_NAMES[Platform(account.kind)]


def names_of(accounts: Sequence[Account]) -> dict[str, str]:
    """Each account's short name; the full one where two would read the same."""
    short = {account.id: short_name(account) for account in accounts}
    twice = {name for name, count in Counter(short.values()).items() if count > 1}
    return {
        account.id: destination_name(account.kind, account)
        if short[account.id] in twice
        else short[account.id]
        for account in accounts
    }


def listed(names: Sequence[str]) -> str:
    """ "A, B en C" as the person's language joins a list."""
    return QLocale().createSeparatedList(list(names))


def holders_sentence(accounts: Sequence[Account], holders: Mapping[str, HeldBy]) -> str:
    """ "Mastodon and your website hold the message until its time; Bluesky and Discord are
    sent by this computer: leave it on, or open Omroeper afterwards." """
    names = names_of(accounts)
    server = [names[a.id] for a in accounts if holders.get(a.id) == "server"]
    computer = [names[a.id] for a in accounts if holders.get(a.id, "computer") == "computer"]
    held = _PLURALS.held(listed(server), len(server)) if server else ""
    sent = _PLURALS.sent(listed(computer), len(computer)) if computer else ""
    if held and sent:
        sentence = translate(
            "SchedulePlan", "{held}; {sent}: leave it on, or open Omroeper afterwards."
        ).format(held=held, sent=sent)
    elif held:
        sentence = translate(
            "SchedulePlan", "{held}: this computer may be switched off then."
        ).format(held=held)
    elif sent:
        sentence = translate(
            "SchedulePlan", "{sent}: leave it on, or open Omroeper afterwards."
        ).format(sent=sent)
    else:
        return ""
    return sentence[:1].upper() + sentence[1:]


def moment_words(at: datetime, zone: str, now: datetime) -> str:
    """ "Saturday 24 December 09:00" in the person's format, in `zone` (this computer's when
    ""); with the year only when it is not this year's."""
    place: ZoneInfo | None = None
    if zone:
        try:
            place = zone_info(zone)
        except CodedError:
            place = None
    local = at.astimezone(place) if place is not None else at.astimezone()
    locale = QLocale()
    date_format = locale.dateFormat(QLocale.FormatType.LongFormat)
    if local.year == now.astimezone(local.tzinfo or UTC).year:
        date_format = _without_year(date_format)
    date = locale.toString(local.date(), date_format)  # type: ignore[call-overload]
    time = locale.toString(local.time(), locale.timeFormat(QLocale.FormatType.ShortFormat))  # type: ignore[call-overload]
    return f"{date} {time}"


def _without_year(date_format: str) -> str:
    """ "dddd d MMMM yyyy" → "dddd d MMMM"; "dddd, MMMM d, yyyy" → "dddd, MMMM d"."""
    for year in ("yyyy", "yy"):
        if year in date_format:
            before, _, after = date_format.partition(year)
            return (before.rstrip(" ,./-") + after.lstrip(" ,./-")).strip()
    return date_format


def scheduled_heading(job: Job, now: datetime) -> str:
    assert job.scheduled_at is not None
    when = moment_words(job.scheduled_at, job.zone, now)
    return translate("SchedulePlan", "Scheduled for {when}").format(when=when)


def scheduled_summary(job: Job, task: TaskOutcome | None) -> str:
    """What the person needs to know now: the computer may be off, must be on (or Omroeper
    opened afterwards), or cannot send by itself at all (the OS task failed)."""
    waiting = [row for row in job.destinations if row.state == "scheduled"]
    if task is not None and not task.ok:
        return describe_task_failure(task)
    if any(row.held_by == "computer" for row in waiting):
        return translate(
            "SchedulePlan",
            "This computer sends what it holds at that time: leave it on, or open Omroeper"
            " afterwards. You can close Omroeper now.",
        )
    if waiting:
        return translate(
            "SchedulePlan", "The servers hold the message: this computer may be switched off."
        )
    return ""


def held_words(row: JobDestination, network: str) -> str:
    """One scheduled copy: who holds it, and why this computer does when its server would
    not (a clear refusal, such as a time too soon for it)."""
    if row.held_by == "server":
        return translate("SchedulePlan", "Held by {network} until its time.").format(
            network=network
        )
    words = translate("SchedulePlan", "This computer sends it at its time.")
    if row.error_code:
        reason = describe_publish_error(row.error_code, row.error_details, row.kind.value)
        return f"{words} {reason}"
    return words


def network_of(row: JobDestination, account: Account | None) -> str:
    """The server that holds a copy, as the row names it: "Mastodon", "WordPress"."""
    if account is not None:
        return short_name(account)
    return NETWORK_NAMES[Platform(row.kind)]
