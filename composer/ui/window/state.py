"""What the window's helpers share about the open draft: the draft, the accounts, the settings,
the store and the autosaver. They get this, not the window: what they change on screen goes
through the narrow callbacks and widgets each is given."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from composer.core.drafts.draft import Draft

if TYPE_CHECKING:
    from composer.core.accounts.account import Account
    from composer.core.accounts.accounts import Accounts
    from composer.core.analysis.analysis import TargetAnalysis
    from composer.core.analysis.composing import Readiness
    from composer.core.settings import Settings
    from composer.core.store.store import Store
    from composer.ui.window.autosave import Autosaver


@dataclass(eq=False)
class WindowState:
    store: Store
    settings: Settings
    accounts: Callable[[], Accounts]  # with their secrets: the keyring loads on first use
    draft: Draft = field(default_factory=Draft)  # as it is on screen, saved or not yet
    draft_id: int = 0
    untouched: bool = False  # a new, empty draft: no problems shown until it is used
    editing: int | None = None  # the published job the open draft changes, if it does
    autosaver: Autosaver | None = None  # saves the open draft
    analyses: dict[str, TargetAnalysis] = field(default_factory=dict)  # per chosen account
    _accounts_list: list[Account] | None = None

    @property
    def accounts_list(self) -> list[Account]:
        """The connected accounts, without secrets: read on first use, set after a change."""
        if self._accounts_list is None:
            self._accounts_list = self.store.list_accounts()
        return self._accounts_list

    @accounts_list.setter
    def accounts_list(self, accounts: list[Account]) -> None:
        self._accounts_list = accounts

    def chosen_accounts(self) -> list[Account]:
        """The accounts the open draft goes to (sample ones while none is connected)."""
        from composer.core.analysis.composing import chosen_accounts

        return chosen_accounts(self.accounts_list, self.draft.targets)

    def readiness(self) -> Readiness:
        """Whether the open draft may be published, as `analyses` last found it: the rule
        the Publish button shows and the Publish action checks."""
        from composer.core.analysis.composing import readiness

        chosen = self.chosen_accounts()
        return readiness(self.accounts_list, chosen, self.analyses, quiet=self.untouched)

    def save_now(self) -> bool:
        """Write the pending edits now; True when nothing is left unsaved."""
        return self.autosaver is None or self.autosaver.flush()


T = TypeVar("T")


class InState(Generic[T]):
    """A window attribute that lives in the window's `state`, under the name the window, the
    tests and scripts know: reading or setting one reads or sets the state's."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: Any, owner: type | None = None) -> T:
        value: T = getattr(window.state, self.name)
        return value

    def __set__(self, window: Any, value: T) -> None:
        setattr(window.state, self.name, value)
