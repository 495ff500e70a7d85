"""How a publish job stands as a whole, in plain words: a heading, a sentence, and what the
button that sends again should say (empty: no such button now)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject

from composer.core.destinations.errors import HELD_FOR_REVIEW
from composer.core.errors import CodedError
from composer.core.publishing.claim import BUSY
from composer.core.store.jobs import Job
from composer.core.store.store import StoreError
from composer.i18n.publish_errors import describe_publish_error
from composer.i18n.schedule_errors import describe_schedule_error
from composer.i18n.store_errors import describe_store_error

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class Publish(QObject):
    """lupdate (PySide6 6.11) reads a plural only from self.tr() inside a class named like
    its context."""

    def failed(self, count: int) -> str:
        return self.tr(
            "%Ln destination(s) did not work: the reason is next to each. Put it right if "
            "needed, then choose “Retry the failed ones”.",
            "",
            count,
        )

    def unknown(self, count: int) -> str:
        return self.tr(
            "For %Ln destination(s) it is unclear whether the message arrived: look there "
            "before sending it again.",
            "",
            count,
        )

    # what a screen reader hears (announce.py): short, for the ear

    def starting(self, count: int) -> str:
        return self.tr("Publishing to %Ln destination(s)…", "", count)

    def all_published(self, count: int) -> str:
        return self.tr("Published on all %Ln destination(s).", "", count)

    def published_of(self, done: int, count: int) -> str:
        return self.tr("{done} of %Ln published", "", count).format(done=done)

    def parts_online(self, online: int, total: str) -> str:
        """A thread sent partway: `online` of its `total` parts (already a locale number)."""
        return self.tr("%Ln of {total} parts are online.", "", online).format(total=total)

    def failed_count(self, count: int) -> str:
        return self.tr("%Ln failed", "", count)

    def unknown_count(self, count: int) -> str:
        return self.tr("%Ln unclear: look there before sending again", "", count)

    def unsent_count(self, count: int) -> str:
        return self.tr("%Ln not sent yet", "", count)


_PLURALS = Publish()


def parts_online_words(online: int, total: str) -> str:
    """ "2 of 3 parts are online." (`total` already written as the locale writes numbers)."""
    return _PLURALS.parts_online(online, total)


def no_connection() -> str:
    return translate(
        "Publish",
        "No internet connection. Omroeper sends it as soon as the connection is back — "
        "you can keep working.",
    )


def overall(
    job: Job | None, *, running: bool, offline: bool, failure: Exception | None
) -> tuple[str, str, str]:
    rows = job.destinations if job else ()
    if running:
        if offline:
            return translate("Publish", "Waiting for the connection"), no_connection(), ""
        words = translate(
            "Publish",
            "You can close this window and keep working: Omroeper carries on in the background.",
        )
        return translate("Publish", "Publishing…"), words, ""
    held = sum(row.held_for_review for row in rows)
    failed = sum(row.state == "failed" for row in rows) - held
    unknown = sum(row.state == "unknown" for row in rows)
    still = sum(row.state in ("pending", "sending") for row in rows)
    retry = translate("Publish", "&Retry the failed ones") if failed else ""
    if held and not failed:
        retry = translate("Publish", "&Check again")
    elif still and not failed:
        retry = translate("Publish", "&Continue sending")
    if failure is not None:
        return translate("Publish", "Publishing stopped"), _stopped(failure), retry
    if rows and all(row.state == "done" for row in rows):
        website = any(row.kind.is_own_site for row in rows)
        words = (
            translate("Publish", "Published everywhere. Each copy links back to your website.")
            if website and len(rows) > 1
            else translate("Publish", "Published everywhere.")
        )
        return translate("Publish", "Published"), words, ""
    sentences = []
    if held:
        sentences.append(describe_publish_error(HELD_FOR_REVIEW))
    if failed:
        sentences.append(_PLURALS.failed(failed))
    if unknown:
        sentences.append(_PLURALS.unknown(unknown))
    if still and not failed and not held:
        sentences.append(
            translate("Publish", "Not finished yet: choose “Continue sending” to send the rest.")
        )
    return translate("Publish", "Not everything was published"), " ".join(sentences), retry


def starting(count: int) -> str:
    """Said when sending begins (or begins again): `count` copies are on their way."""
    return _PLURALS.starting(count)


def connection_back() -> str:
    return translate("Publish", "The connection is back.")


def spoken_outcome(job: Job | None, failure: Exception | None) -> tuple[str, bool]:
    """The end of a run for the ear — “3 of 4 published; 1 failed” — and whether it must
    interrupt (only when sending stopped: each failed copy was announced as it failed)."""
    if failure is not None:
        reason = _stopped(failure)
        return translate("Publish", "Publishing stopped. {reason}").format(reason=reason), True
    rows = job.destinations if job else ()
    if not rows:
        return "", False
    done = sum(row.state == "done" for row in rows)
    if done == len(rows):
        return _PLURALS.all_published(done), False
    parts = [_PLURALS.published_of(done, len(rows))]
    failed = sum(row.state == "failed" and not row.held_for_review for row in rows)
    unknown = sum(row.state == "unknown" for row in rows)
    unsent = len(rows) - done - failed - unknown  # a post held for review too
    if failed:
        parts.append(_PLURALS.failed_count(failed))
    if unknown:
        parts.append(_PLURALS.unknown_count(unknown))
    if unsent:
        parts.append(_PLURALS.unsent_count(unsent))
    return "; ".join(parts), False


def _stopped(failure: Exception) -> str:
    if isinstance(failure, StoreError):
        return describe_store_error(failure)
    if isinstance(failure, CodedError) and failure.code == BUSY:  # sent by another run now
        return describe_schedule_error(failure)
    log.warning("publishing stopped: %s", type(failure).__name__)
    return translate(
        "Publish",
        "Something went wrong and Omroeper stopped sending. What was published stays "
        "published, and nothing is sent twice: try again.",
    )
