"""Autosave: every edit reaches the disk within half a second, without the person asking."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from composer.core.drafts.draft import Draft
from composer.core.store.store import Store, StoreError

SAVE_WITHIN_MS = 500
RETRY_MS = 5_000


class SaveState(Enum):
    SAVED = "saved"
    PENDING = "pending"
    FAILED = "failed"


class Autosaver(QObject):
    """Saves the latest version of one draft; a failed save keeps it and tries again."""

    state_changed = Signal(object, object)  # SaveState, StoreError | None

    def __init__(self, store: Store, draft_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.draft_id = draft_id
        self.pending: Draft | None = None
        self.state = SaveState.SAVED
        self.saves = 0
        # Throttle, not debounce: steady typing must not postpone saving indefinitely.
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.flush)

    def changed(self, draft: Draft) -> None:
        self.pending = draft
        if self.state is not SaveState.FAILED:
            self._set(SaveState.PENDING, None)
        if not self.timer.isActive():
            self.timer.start(SAVE_WITHIN_MS)

    def flush(self) -> bool:
        """Write what is pending now; True when nothing is left unsaved."""
        self.timer.stop()
        if self.pending is None:
            return True
        try:
            self.store.save_draft(self.draft_id, self.pending)
        except StoreError as failure:
            self._set(SaveState.FAILED, failure)
            self.timer.start(RETRY_MS)
            return False
        self.pending = None
        self.saves += 1
        self._set(SaveState.SAVED, None)
        return True

    def _set(self, state: SaveState, failure: StoreError | None) -> None:
        changed = state is not self.state or failure is not None
        self.state = state
        if changed:
            self.state_changed.emit(state, failure)
