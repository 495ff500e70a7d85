"""How a worker thread hands a result to a window part that may be gone by then.

Emitting a signal of the part itself from the worker races with Qt deleting that part (the
window closes, a test ends): a crash, not an exception. The worker emits through one relay
that is never deleted instead; Qt drops queued deliveries to a receiver that no longer exists.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

# what start() delivers: (result, None), or (None, the failure)
Outcome = tuple[Any, Exception | None]


class Relay(QObject):
    # (token of the receiving part, what the worker made)
    delivered = Signal(object, object)


_relay: Relay | None = None


def relay() -> Relay:
    """The relay; call it first on the GUI thread (a window part's constructor), so it lives
    there and deliveries are queued to that thread."""
    global _relay  # noqa: PLW0603 (one per process, on purpose: it must outlive every window)
    if _relay is None:
        _relay = Relay()
    return _relay


def start(token: object, work: Callable[[], object]) -> None:
    """Run `work` on a thread of its own; the relay delivers `(token, (result, failure))`."""
    channel = relay()

    def job() -> None:
        payload: Outcome
        try:
            payload = (work(), None)
        except Exception as failure:  # delivered to the window, never raised in a thread
            payload = (None, failure)
        channel.delivered.emit(token, payload)

    threading.Thread(target=job, name="omroeper-work", daemon=True).start()
