""" "Edit for this network only": a text (and warning, and thread) for one destination."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.accounts.account import Account
from composer.core.analysis.analysis import TargetAnalysis, analyze
from composer.core.analysis.rules import Code
from composer.core.drafts.draft import Draft, Override, ThreadMode
from composer.core.platforms import Platform
from composer.ui.common import wheel_guard
from composer.ui.preview.preview import (
    count_words,
    over,
    platform_name,
    problem_lines,
    spoken_count,
)
from composer.ui.style.theme import error_color

_THREAD_MODES: tuple[ThreadMode, ...] = (False, True, "numbered")
# Only what this dialog changes: image problems belong to the images strip.
_TEXT_CODES = {
    Code.EMPTY_MESSAGE,
    Code.TEXT_TOO_LONG,
    Code.TEXT_TOO_MANY_BYTES,
    Code.THREAD_PART_TOO_LONG,
    Code.CONTENT_WARNING_TOO_LONG,
}


class OverrideEditor(QDialog):
    """Prefilled with this destination's own text, else the shared one; counts as it types.

    After OK, `override()` is the new Override, or None when nothing differs from the shared
    values; "Use the common message again" also accepts with None.
    """

    def __init__(
        self, draft: Draft, account: Account, analysis: TargetAnalysis, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.draft, self.target, self.limits = draft, analysis.target, analysis.limits
        self._reset = False
        network = platform_name(Platform(account.kind.value))
        self.setWindowTitle(self.tr("Text for {network} only").format(network=network))
        own = draft.override(self.target)
        form = QFormLayout()
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(draft.text_for(self.target))
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Text for {network}").format(network=network))
        form.addRow(self.tr("&Text:"), self.text)
        self.warning = QLineEdit(draft.content_warning_for(self.target), self)
        self.warning.setAccessibleName(self.tr("Content warning"))
        self.warning.setPlaceholderText(self.tr("None"))
        if self.limits.content_warning:
            form.addRow(self.tr("Content &warning:"), self.warning)
        else:
            self.warning.hide()
        self.thread_mode = self._thread_choice(form, draft.thread_for(self.target))
        self.counter = QLabel(self)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        note = QLabel(self)
        note.setWordWrap(True)
        if draft.link:
            note.setText(self.tr("The link to the website is added at the end."))
        note.setVisible(bool(draft.link))

        buttons = self._buttons(own != Override())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.counter)
        layout.addWidget(self.advice)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self.text.textChanged.connect(self._count)
        self.warning.textChanged.connect(self._count)
        self.thread_mode.currentIndexChanged.connect(self._count)
        self._count()
        self.text.setFocus()

    def _thread_choice(self, form: QFormLayout, mode: ThreadMode) -> QComboBox:
        choice = QComboBox(self)
        choice.addItems(
            [
                self.tr("Off: one post"),
                self.tr("Split into a thread when too long"),
                self.tr("Split and number the posts (1/3)"),
            ]
        )
        choice.setCurrentIndex(_THREAD_MODES.index(mode))
        wheel_guard.guard(choice)
        choice.setAccessibleName(self.tr("Thread"))
        if self.limits.threads:
            form.addRow(self.tr("T&hread:"), choice)
        else:
            choice.hide()  # kept, so override() reads one place
        return choice

    def _buttons(self, has_own: bool) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.use_shared = buttons.addButton(
            self.tr("Use the common message again"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.use_shared.setEnabled(has_own)
        self.use_shared.clicked.connect(self._use_shared)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        return buttons

    def override(self) -> Override | None:
        if self._reset:
            return None
        text = self.text.toPlainText()
        # A field this network does not have overrides nothing.
        warning = self.warning.text() if self.limits.content_warning else None
        thread = _THREAD_MODES[self.thread_mode.currentIndex()] if self.limits.threads else None
        chosen = Override(
            text=None if text == self.draft.text else text,
            content_warning=None if warning == self.draft.content_warning else warning,
            thread=None if thread == self.draft.thread else thread,
        )
        return None if chosen == Override() else chosen

    def _use_shared(self) -> None:
        self._reset = True
        self.accept()

    def _count(self) -> None:
        own = self.override()
        overrides = {k: v for k, v in self.draft.overrides.items() if k != self.target}
        if own is not None:
            overrides[self.target] = own
        draft = replace(self.draft, images=(), overrides=overrides)
        result = analyze(draft, self.target, self.limits, ())
        whole = result.measured
        too_long = over(whole, self.limits) and len(result.parts) == 1
        count = count_words(whole, self.limits)
        if len(result.parts) > 1:
            count = self.tr("{count} · %Ln post(s)", "", len(result.parts)).format(count=count)
        self.counter.setText(f"⚠ {count}" if too_long else count)
        self.counter.setStyleSheet(
            f"color: {error_color()}; font-weight: bold;" if too_long else ""
        )
        self.counter.setAccessibleName(spoken_count(whole, self.limits))
        # Images are left out of this count: a text-less post with photos is not empty.
        codes = _TEXT_CODES - {Code.EMPTY_MESSAGE} if self.draft.images else _TEXT_CODES
        problems = tuple(p for p in result.problems if p.code in codes)
        lines = problem_lines(self.limits.platform, problems)
        self.advice.setText(
            "<br>".join(
                f'<span style="color:{error_color()}">⚠ {escape(line)}</span>' for line, _ in lines
            )
        )
        self.advice.setVisible(bool(lines))
        # Heard while typing in the field, as the counter is seen.
        spoken = [spoken_count(whole, self.limits), *(line for line, _ in lines)]
        self.text.setAccessibleDescription(" ".join(spoken))
