"""The window's menus: every action reachable from the keyboard, with the usual shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar

translate = QCoreApplication.translate
Action = Callable[[], object]


@dataclass(frozen=True)
class MenuActions:
    """What each menu item does."""

    new_draft: Action
    duplicate_draft: Action
    delete_draft: Action
    publish: Action
    open_history: Action
    ask_export: Action
    ask_import: Action
    quit: Action
    open_accounts: Action
    open_settings: Action


def build_menus(bar: QMenuBar, do: MenuActions) -> None:
    draft = bar.addMenu(translate("Menus", "&Draft"))
    draft.addAction(translate("Menus", "&New draft"), QKeySequence.StandardKey.New, do.new_draft)
    draft.addAction(translate("Menus", "D&uplicate"), do.duplicate_draft)
    draft.addAction(translate("Menus", "&Delete"), do.delete_draft)
    draft.addSeparator()
    publish = draft.addAction(translate("Menus", "&Publish…"), do.publish)
    # Return is the main keyboard's key, Enter the keypad's: people press either.
    publish.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    draft.addAction(
        translate("Menus", "Published &messages…"), QKeySequence("Ctrl+H"), do.open_history
    )
    draft.addSeparator()
    draft.addAction(translate("Menus", "&Export for a colleague…"), do.ask_export)
    draft.addAction(translate("Menus", "&Import…"), do.ask_import)
    draft.addSeparator()
    draft.addAction(translate("Menus", "&Quit"), QKeySequence.StandardKey.Quit, do.quit)
    accounts = bar.addMenu(translate("Menus", "&Accounts"))
    accounts.addAction(translate("Menus", "Connect and manage accounts…"), do.open_accounts)
    settings = bar.addMenu(translate("Menus", "&Settings"))
    settings.addAction(
        translate("Menus", "&Settings…"), QKeySequence.StandardKey.Preferences, do.open_settings
    )
