"""The window's menus: every action reachable from the keyboard, with the usual shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from composer.ui.window.composer_window import ComposerWindow

translate = QCoreApplication.translate


def build_menus(window: ComposerWindow) -> None:
    bar = window.menuBar()
    draft = bar.addMenu(translate("Menus", "&Draft"))
    draft.addAction(
        translate("Menus", "&New draft"), QKeySequence.StandardKey.New, window.new_draft
    )
    draft.addAction(translate("Menus", "D&uplicate"), window.duplicate_draft)
    draft.addAction(translate("Menus", "&Delete"), window.delete_draft)
    draft.addSeparator()
    publish = draft.addAction(translate("Menus", "&Publish…"), window.publish)
    # Return is the main keyboard's key, Enter the keypad's: people press either.
    publish.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    draft.addAction(
        translate("Menus", "Published &messages…"), QKeySequence("Ctrl+H"), window.open_history
    )
    draft.addSeparator()
    draft.addAction(translate("Menus", "&Export for a colleague…"), window.ask_export)
    draft.addAction(translate("Menus", "&Import…"), window.ask_import)
    draft.addSeparator()
    draft.addAction(translate("Menus", "&Quit"), QKeySequence.StandardKey.Quit, window.close)
    accounts = bar.addMenu(translate("Menus", "&Accounts"))
    accounts.addAction(translate("Menus", "Connect and manage accounts…"), window.open_accounts)
    settings = bar.addMenu(translate("Menus", "&Settings"))
    settings.addAction(
        translate("Menus", "&Settings…"),
        QKeySequence.StandardKey.Preferences,
        window.open_settings,
    )
