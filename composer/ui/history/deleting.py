"""The words around "Delete everywhere": the question that names every place, and each
place's result afterwards."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from composer.core.accounts.account import AccountKind
from composer.core.publishing.deleting import Deleted, deletable
from composer.core.store.jobs import Job
from composer.core.store.store import StoreError
from composer.i18n.publish_errors import describe_publish_error
from composer.i18n.store_errors import describe_store_error

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
NameOf = Callable[[str, AccountKind], str]  # (account id, kind) → "Mastodon @bieb@…"
# worth another go later; the publish words for these promise a retry deleting does not make
_PASSING = frozenset(
    {"offline", "unreachable", "timeout", "server_error", "rate_limited", "connection_lost"}
)


def question(job: Job, title: str, name_of: NameOf) -> str:
    online = [row for row in deletable(job) if row.deleted is None]
    names = ", ".join(name_of(row.account_id, row.kind) for row in online)
    text = translate("History", "Delete “{title}” everywhere? It will be removed from: {names}.")
    text = text.format(title=title, names=names)
    unclear = [name_of(r.account_id, r.kind) for r in job.destinations if r.state == "unknown"]
    if unclear:
        text += " " + translate(
            "History",
            "Omroeper cannot remove a copy it is not sure arrived ({names}): look there and "
            "remove it yourself if it is there.",
        ).format(names=", ".join(unclear))
    return text


def results(found: dict[str, Deleted], name_of: NameOf) -> str:
    lines = []
    for account_id, done in found.items():
        name = name_of(account_id, done.kind)
        if done.ok:
            lines.append(translate("History", "✓ Removed from {name}.").format(name=name))
        else:
            words = translate("History", "✗ Still on {name}: {reason}")
            lines.append(words.format(name=name, reason=_reason(done)))
    return "\n".join(lines)


def stopped(failure: Exception) -> str:
    if isinstance(failure, StoreError):
        return describe_store_error(failure)
    log.warning("deleting failed: %s", type(failure).__name__)
    return translate("History", "Something went wrong; nothing more was deleted.")


def _reason(done: Deleted) -> str:
    error = done.error
    if error is None:
        return ""
    if error.code in _PASSING:
        return translate(
            "History", "the server could not be reached or had a problem. Try again later."
        )
    if error.code == "not_found":  # the account was removed from Omroeper meanwhile
        return describe_publish_error("account_missing")
    return describe_publish_error(error.code, error.details, done.kind.value)
