"""What Omroeper writes on a WordPress site, chosen once the account is checked: one of the
post types this user may create (by the name the site gives it) and, optionally, a category.
Each choice is kept with the account at once; publishing uses it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from composer.core.accounts.account import Account
from composer.core.accounts.accounts import Accounts
from composer.core.accounts.credentials import CredentialError
from composer.core.destinations.errors import ConnectError
from composer.core.destinations.wordpress.connect import chosen_settings
from composer.core.store.store import StoreError


class WordPressChoices(QWidget):
    """Two choices for one account; `chosen(account)` after each kept change."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts: Accounts | None = None
        self.account: Account | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 8, 0, 0)
        self.post_type = QComboBox(self)
        self.post_type.setAccessibleName(self.tr("Post type"))
        form.addRow(self.tr("&Post type:"), self.post_type)
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Category"))
        form.addRow(self.tr("&Category:"), self.category)
        hint = QLabel(
            self.tr("What Omroeper writes on your site, and where it is listed."),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("font-style: italic")
        form.addRow("", hint)
        self.post_type.currentIndexChanged.connect(self._keep)
        self.category.currentIndexChanged.connect(self._keep)

    def show_account(self, accounts: Accounts, account: Account) -> None:
        """Fill the choices from what the site offered this user when it was checked."""
        self.accounts, self.account = None, None  # no saving while filling
        settings = account.settings
        self.post_type.clear()
        for found in settings.get("post_types") or []:
            if isinstance(found, dict) and isinstance(found.get("slug"), str):
                self.post_type.addItem(str(found.get("name") or found["slug"]), found["slug"])
        self.post_type.setCurrentIndex(max(0, self.post_type.findData(settings.get("post_type"))))
        self.category.clear()
        self.category.addItem(self.tr("None (the site’s default)"), 0)
        for found in settings.get("categories") or []:
            if isinstance(found, dict) and isinstance(found.get("id"), int):
                self.category.addItem(str(found.get("name") or found["id"]), found["id"])
        self.category.setCurrentIndex(max(0, self.category.findData(settings.get("category", 0))))
        self.category.setEnabled(self.category.count() > 1)
        self.accounts, self.account = accounts, account

    def _keep(self) -> None:
        accounts, account = self.accounts, self.account
        if accounts is None or account is None or self.post_type.currentIndex() < 0:
            return
        try:
            settings = chosen_settings(
                account.settings, self.post_type.currentData(), self.category.currentData() or 0
            )
            self.account = accounts.change_settings(account.id, settings)
        except (ConnectError, CredentialError, StoreError):
            return  # the earlier choice stays kept; the combo shows what was offered
        self.chosen.emit(self.account)
