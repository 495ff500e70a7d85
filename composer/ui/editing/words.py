"""What an edit says in words: what will happen to each copy before it is sent, and how the
edit stands as a whole afterwards (a heading, a sentence, whether "Try again" helps)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject

from composer.core.errors import CodedError
from composer.core.publishing.destination import Capabilities
from composer.core.store.edits import Edit
from composer.core.store.store import StoreError
from composer.i18n.publish_errors import describe_publish_error
from composer.i18n.store_errors import describe_store_error

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class Editing(QObject):
    """lupdate (PySide6 6.11) reads a plural only from self.tr() inside a class named like
    its context."""

    def changed(self, count: int) -> str:
        return self.tr("Changed on %Ln destination(s).", "", count)

    def failed(self, count: int) -> str:
        return self.tr(
            "%Ln destination(s) could not be changed: the reason is next to each.", "", count
        )

    def going(self, count: int) -> str:
        return self.tr("Sending the change to %Ln destination(s)…", "", count)


_PLURALS = Editing()


def what_happens(capabilities: Capabilities | None, *, repost: bool) -> str:
    """What the change does to one copy (None: its account is no longer connected)."""
    if capabilities is None:
        return translate("Editing", "stays as it was: its account is no longer connected.")
    if capabilities.is_own_site:
        return translate("Editing", "the page is changed and keeps its address.")
    if capabilities.can_edit:
        return translate("Editing", "changed where it is; its replies, boosts and likes stay.")
    if capabilities.replaces_instead and repost:
        return translate(
            "Editing",
            "deleted and posted again with the change, at a new address; its likes and "
            "replies are lost.",
        )
    if capabilities.replaces_instead:
        return translate(
            "Editing",
            "stays as it was: Bluesky cannot change a post that is already online.",
        )
    return translate(
        "Editing", "stays as it was: this server cannot change a message that is already online."
    )


def repost_choice() -> str:
    return translate("Editing", "Post again on Bluesky — likes and replies are lost")


def going(count: int) -> str:
    return _PLURALS.going(count)


def overall(
    edit: Edit | None, *, running: bool, failure: Exception | None
) -> tuple[str, str, bool]:
    """The heading, a sentence and whether trying again can help."""
    if running:
        words = translate(
            "Editing", "Your website first, then the networks. This takes a few seconds."
        )
        return translate("Editing", "Publishing the changes…"), words, False
    copies = edit.copies if edit else ()
    again = any(copy.open for copy in copies)
    if failure is not None:
        return translate("Editing", "The changes were not sent"), stopped(failure), True
    done = sum(copy.state == "done" for copy in copies)
    failed = sum(copy.state == "failed" for copy in copies)
    left = sum(copy.state == "unchanged" for copy in copies)
    if copies and done == len(copies):
        return (
            translate("Editing", "Changes published"),
            translate("Editing", "Every copy now shows the change."),
            False,
        )
    sentences = [_PLURALS.changed(done)] if done else []
    if left:
        sentences.append(translate("Editing", "The others stay as they were: see below."))
    if failed:
        sentences.append(_PLURALS.failed(failed))
    if again:
        sentences.append(translate("Editing", "Choose “Try again”: nothing is changed twice."))
    heading = (
        translate("Editing", "Not everything was changed")
        if failed
        else translate("Editing", "Changes published")
    )
    return heading, " ".join(sentences), again


def stopped(failure: Exception) -> str:
    if isinstance(failure, StoreError):
        return describe_store_error(failure)
    if isinstance(failure, CodedError):
        return describe_publish_error(failure.code, failure.details)
    log.warning("editing stopped: %s", type(failure).__name__)
    return translate(
        "Editing",
        "Something went wrong and Omroeper stopped sending the change. Nothing is changed "
        "twice: try again.",
    )
