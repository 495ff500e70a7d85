"""The settings a person can change: Omroeper's language, what a new message starts with, and
how late a scheduled message may still go out when the computer was off at its time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, QRegularExpression, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.settings import THREAD_CHOICES, Settings, is_language_code, language_code
from composer.core.store.errors import StoreError
from composer.core.text.languages import POST_LANGUAGES
from composer.i18n.store_errors import describe_store_error
from composer.i18n.translation import choose_language
from composer.ui import restart
from composer.ui.common import wheel_guard
from composer.ui.style.theme import error_color

OTHER = "other"  # the post-language item that opens the code field
GRACE_CHOICES = (30, 60, 120, 240, 720, 1440)  # minutes; two hours is the default


class SettingsDialog(QDialog):
    """After exec() returns Accepted, `settings` holds the choices, already saved."""

    def __init__(self, settings: Settings, profile: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.profile = settings, profile
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._omroeper_group())
        layout.addWidget(self._messages_group())
        layout.addWidget(self._scheduled_group())
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        # Qt's own words would stay English in Dutch: ours are translated
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._show(settings)
        self.interface.setFocus()

    def _omroeper_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Omroeper"), self)
        self.interface = QComboBox(group)
        self.interface.setAccessibleName(self.tr("Language of Omroeper"))
        system = {"nl": "Nederlands", "en": "English"}[choose_language(None)]
        self.interface.addItem(
            self.tr("Same as the computer ({language})").format(language=system), ""
        )
        self.interface.addItem("Nederlands", "nl")  # each in its own language: no translation
        self.interface.addItem("English", "en")
        self.restart_note = QLabel(
            self.tr("Omroeper switches to this language when it starts again."), group
        )
        self.restart_note.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("&Restart now"), group)
        self.restart_button.setAccessibleDescription(
            self.tr("Saves the settings and your draft, then starts Omroeper again")
        )
        self.restart_button.clicked.connect(self.restart_now)
        note = QHBoxLayout()
        note.addWidget(self.restart_note, 1)
        note.addWidget(self.restart_button)
        self.interface.currentIndexChanged.connect(self._interface_changed)
        wheel_guard.guard(self.interface)
        form = QFormLayout(group)
        form.addRow(_label(self.tr("&Language of Omroeper:"), self.interface), self.interface)
        form.addRow(note)
        return group

    def _messages_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("New messages"), self)
        self.post_language = QComboBox(group)
        self.post_language.setAccessibleName(self.tr("Language of new messages"))
        for code, name in POST_LANGUAGES.items():
            self.post_language.addItem(name, code)
        self.post_language.addItem(self.tr("Other language…"), OTHER)
        self.other_code = QLineEdit(group)
        self.other_code.setAccessibleName(self.tr("Language code"))
        self.other_code.setPlaceholderText(self.tr("code, e.g. pl"))
        self.other_code.setToolTip(self.tr("Two or three letters (ISO 639), e.g. pl for Polish"))
        self.other_code.setMaxLength(3)
        letters = QRegularExpression("[A-Za-z]{0,3}")
        self.other_code.setValidator(QRegularExpressionValidator(letters, self.other_code))
        self.post_language.currentIndexChanged.connect(self._post_language_changed)
        language = QHBoxLayout()
        language.addWidget(self.post_language, 1)
        language.addWidget(self.other_code)
        why = QLabel(
            self.tr(
                "Networks use it to show your message to people who read that language, "
                "and screen readers to pronounce it. You can change it for each message."
            ),
            group,
        )
        why.setWordWrap(True)
        self.thread_mode = QComboBox(group)
        self.thread_mode.setAccessibleName(self.tr("When a new message is too long"))
        names = {
            "off": self.tr("Don't split: I'll shorten it"),
            "thread": self.tr("Split into a thread"),
            "numbered": self.tr("Split into a numbered thread (1/3)"),
        }
        for choice in THREAD_CHOICES:
            self.thread_mode.addItem(names[choice], choice)
        wheel_guard.guard(self.post_language, self.thread_mode)
        self.problem = QLabel(group)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {error_color()}")
        self.problem.hide()
        form = QFormLayout(group)
        form.addRow(_label(self.tr("L&anguage:"), self.post_language), language)
        form.addRow(self.problem)
        form.addRow(why)
        form.addRow(_label(self.tr("&Too long for a network:"), self.thread_mode), self.thread_mode)
        return group

    def _scheduled_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Scheduled messages"), self)
        self.grace = QComboBox(group)
        self.grace.setAccessibleName(self.tr("How late a scheduled message is still sent"))
        for minutes in GRACE_CHOICES:
            if minutes < 60:
                name = self.tr("%n minute(s)", "", minutes)
            else:
                name = self.tr("%n hour(s)", "", minutes // 60)
            self.grace.addItem(name, minutes)
        wheel_guard.guard(self.grace)
        why = QLabel(
            self.tr(
                "When the computer was off at a message's time, Omroeper sends it afterwards"
                " up to this late, and tells you. Later than that, it asks you first: send"
                " now or cancel."
            ),
            group,
        )
        why.setWordWrap(True)
        form = QFormLayout(group)
        form.addRow(_label(self.tr("Still sent &up to:"), self.grace), self.grace)
        form.addRow(why)
        return group

    def _show(self, settings: Settings) -> None:
        self.interface.setCurrentIndex(max(0, self.interface.findData(settings.interface_language)))
        known = self.post_language.findData(settings.post_language)
        self.post_language.setCurrentIndex(
            known if known >= 0 else self.post_language.findData(OTHER)
        )
        self.other_code.setText("" if known >= 0 else settings.post_language)
        self.thread_mode.setCurrentIndex(self.thread_mode.findData(settings.post_thread))
        grace = settings.schedule_grace_minutes
        if self.grace.findData(grace) < 0:  # set by hand in the file: kept, shown as it is
            self.grace.addItem(self.tr("%n minute(s)", "", grace), grace)
        self.grace.setCurrentIndex(self.grace.findData(grace))
        self._interface_changed()
        self._post_language_changed()

    def chosen(self) -> Settings | None:
        """The settings as filled in; None (and the reason shown) when the code is not one."""
        code = self.post_language.currentData()
        if code == OTHER:
            code = self.other_code.text().strip().lower()
            if not is_language_code(code):
                self.problem.setText(
                    self.tr("Type the language's code: two or three letters, e.g. pl for Polish.")
                )
                self.problem.show()
                self._fit()
                self.other_code.setFocus()
                return None
        self.problem.hide()
        return replace(
            self.settings,
            interface_language=self.interface.currentData(),
            post_language=code,
            post_thread=self.thread_mode.currentData(),
            schedule_grace_minutes=self.grace.currentData(),
        )

    def accept(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        try:
            chosen.save(self.profile)
        except StoreError as failure:
            QMessageBox.warning(self, self.tr("Settings not saved"), describe_store_error(failure))
            return
        self.settings = chosen
        super().accept()

    def restart_now(self) -> None:
        self.accept()
        if self.result() == QDialog.DialogCode.Accepted:
            QTimer.singleShot(0, restart.restart)  # once this dialog's caller is done with it

    def _interface_changed(self) -> None:
        # the language Omroeper speaks now, against the one it would speak after a restart
        running = language_code(QLocale().name())
        later = choose_language(self.interface.currentData() or None)
        self.restart_note.setVisible(later != running)
        self.restart_button.setVisible(later != running)
        self._fit()

    def _post_language_changed(self) -> None:
        other = self.post_language.currentData() == OTHER
        self.other_code.setVisible(other)
        if not other:
            self.problem.hide()
        self._fit()

    def _fit(self) -> None:
        # grow (or shrink) with the note and the problem shown, never squeeze the words
        if (layout := self.layout()) is not None:
            layout.activate()
        self.adjustSize()


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text, buddy.parentWidget())
    label.setBuddy(buddy)
    return label
