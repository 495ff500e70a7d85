"""Where the message goes: the connected accounts as a checklist, remembered per draft."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from composer.core.accounts.account import Account, AccountKind
from composer.core.destinations.registry import publishes
from composer.core.platforms import NETWORK_NAMES, Platform


def destination_label(account: Account) -> str:
    """`Mastodon: @bieb@social.example`: the network first, as people think of it."""
    name = account.name or account.server
    if account.kind is AccountKind.WEBSITE:
        kind = QCoreApplication.translate("DestinationsPanel", "Your website")
    else:
        kind = NETWORK_NAMES[Platform(account.kind)]
    return f"{kind}: {name}" if name and name != kind else kind


class DestinationsPanel(QWidget):
    chosen_changed = Signal(tuple)
    connect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Where to publish"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("<b>Publish to:</b>"), self)
        self._layout.addWidget(self.heading)
        self.none_label = QLabel(
            self.tr(
                "No accounts connected yet. You can write and check your message now, "
                "and connect your website and networks when you are ready to publish."
            ),
            self,
        )
        self.none_label.setWordWrap(True)
        self.connect_button = QPushButton(self.tr("&Connect an account…"), self)
        self.connect_button.clicked.connect(self.connect_requested)
        self._layout.addWidget(self.none_label)
        self._layout.addWidget(self.connect_button)
        self.boxes: dict[str, QCheckBox] = {}

    def show_accounts(
        self, accounts: Sequence[Account], chosen: Sequence[str], *, fixed: bool = False
    ) -> None:
        """`fixed`: a change to a published message goes to its copies, no other: only those
        are shown, ticked and not to be unticked."""
        for box in self.boxes.values():
            self._layout.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        wanted = set(chosen)
        # a kind that connects but does not publish yet (WordPress) is no target
        accounts = [account for account in accounts if publishes(account.kind)]
        if fixed:
            accounts = [account for account in accounts if account.id in wanted]
        for position, account in enumerate(accounts):
            box = QCheckBox(destination_label(account), self)
            box.setChecked(account.id in wanted)
            box.setEnabled(not fixed)
            box.toggled.connect(self._toggled)
            self._layout.insertWidget(1 + position, box)
            self.boxes[account.id] = box
        self.heading.setText(
            self.tr("<b>The change goes to:</b>") if fixed else self.tr("<b>Publish to:</b>")
        )
        self.none_label.setVisible(not accounts and not fixed)
        self.connect_button.setVisible(not fixed)
        self.connect_button.setText(
            self.tr("&Connect an account…") if not accounts else self.tr("&Manage accounts…")
        )

    def chosen(self) -> tuple[str, ...]:
        return tuple(account_id for account_id, box in self.boxes.items() if box.isChecked())

    def _toggled(self) -> None:
        self.chosen_changed.emit(self.chosen())
