"""Where the person writes: the website's title and full text, the message for the networks,
its language, a content warning and what to do when the message is too long."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.drafts.draft import Draft, ThreadMode
from composer.core.text.languages import POST_LANGUAGES, language_name
from composer.ui.common import wheel_guard

THREAD_MODES: tuple[ThreadMode, ...] = (False, True, "numbered")
BODY_LINES_RESTING = 4  # the full text's height in lines when another field is in use
BODY_LINES_IN_USE = 8
BODY_LINES_MOST = 14
_REFIT = (QEvent.Type.FocusIn, QEvent.Type.FocusOut, QEvent.Type.Resize)  # lines wrap anew


class MessageEdit(QPlainTextEdit):
    """The message field; a photo pasted or dropped into it goes to the photos, not lost."""

    photos_given = Signal(QMimeData)

    def __init__(self, parent: QWidget, holds_photos: Callable[[QMimeData], bool]) -> None:
        super().__init__(parent)
        self._holds_photos = holds_photos

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return self._holds_photos(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # A copied picture, or photo files dragged in (not their paths as text); text copied
        # with a picture beside it (from a word processor) stays text.
        if self._holds_photos(source) and (source.hasUrls() or not source.hasText()):
            self.photos_given.emit(source)
        else:
            super().insertFromMimeData(source)


def _form() -> QFormLayout:
    """Labels beside their fields, or above them when the column is narrow (a laptop at
    125 %): never a column that scrolls sideways."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class WritingPanel(QWidget):
    edited = Signal()
    teaser_requested = Signal()

    def __init__(
        self, holds_photos: Callable[[QMimeData], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("The headline on your website"))
        self.title.setAccessibleName(self.tr("Title for your website"))
        self.body = QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(
            self.tr("The whole story, as it appears on your own website. Optional.")
        )
        self.body.setAccessibleName(self.tr("Full text for your website"))
        self.body.installEventFilter(self)  # grows while in use, small otherwise
        self.body.textChanged.connect(self._fit_body)
        website = _form()
        website.addRow(self._label(self.tr("&Title:"), self.title), self.title)
        website.addRow(self._label(self.tr("&Full text:"), self.body), self.body)

        self.message = MessageEdit(self, holds_photos)
        self.message.setTabChangesFocus(True)  # Tab moves on, so the keyboard alone gets around
        self.message.setPlaceholderText(
            self.tr(
                "Write your message here. Links, hashtags and mentions count "
                "as each network counts them."
            )
        )
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 5 + 16)
        self.teaser_button = QPushButton(self.tr("Make from the full te&xt"), self)
        self.teaser_button.setToolTip(
            self.tr("Shorten the full text into a message that fits every chosen network")
        )
        self.teaser_button.clicked.connect(self.teaser_requested)
        heading = QHBoxLayout()
        message_label = self._label(self.tr("&Message for the networks:"), self.message)
        message_label.setWordWrap(True)  # two lines rather than a column too wide for a laptop
        heading.addWidget(message_label, 1)
        heading.addWidget(self.teaser_button)

        options = self._options()

        layout.addLayout(website)
        layout.addLayout(heading)
        layout.addWidget(self.message, 1)
        # the window puts the counters here, right under the text they count
        self.below_message = QVBoxLayout()
        layout.addLayout(self.below_message)
        layout.addLayout(options)

        for field in (self.title, self.warning):
            field.textChanged.connect(self.edited)
        for editor in (self.body, self.message):
            editor.textChanged.connect(self.edited)
        for box in (self.language, self.thread_mode):
            box.currentIndexChanged.connect(self.edited)
        wheel_guard.guard(self.language, self.thread_mode)
        for box in (self.language, self.thread_mode):  # as wide as the column allows, not wider
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
        self._fit_body()

    def _options(self) -> QFormLayout:
        """The language, the content warning and what to do when the message is too long."""
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of the message"))
        for code, name in POST_LANGUAGES.items():
            self.language.addItem(name, code)
        self.warning = QLineEdit(self)
        self.warning.setPlaceholderText(self.tr("None"))
        self.warning.setAccessibleName(self.tr("Content warning"))
        self.warning.setToolTip(
            self.tr("Networks that support it hide the message behind this line until opened")
        )
        self.thread_mode = QComboBox(self)
        self.thread_mode.setAccessibleName(self.tr("When the message is too long"))
        self.thread_mode.addItems(
            [
                self.tr("Don't split: I'll shorten it"),
                self.tr("Split into a thread"),
                self.tr("Split into a numbered thread (1/3)"),
            ]
        )
        options = _form()
        options.addRow(self._label(self.tr("&Language:"), self.language), self.language)
        options.addRow(self._label(self.tr("Content &warning:"), self.warning), self.warning)
        options.addRow(self._label(self.tr("Too lon&g:"), self.thread_mode), self.thread_mode)
        return options

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() in _REFIT:
            # after a resize, once the text has been wrapped anew at the new width
            QTimer.singleShot(0, self, self._fit_body)
        return False

    def _fit_body(self) -> None:
        """The full text stays two lines high until it is used, so the message field and its
        counters fit on a laptop's screen; while it has the focus it grows with the text."""
        body = self.body
        lines = max(1, round(body.document().size().height()))
        if body.hasFocus():
            shown = min(max(lines, BODY_LINES_IN_USE), BODY_LINES_MOST)
        else:
            shown = min(lines, BODY_LINES_RESTING) if body.document().characterCount() > 1 else 2
        height = body.fontMetrics().lineSpacing() * max(shown, 2)
        height += 2 * round(body.document().documentMargin()) + 2 * body.frameWidth()
        if body.height() != height or body.minimumHeight() != height:
            body.setFixedHeight(height)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def show_draft(self, draft: Draft) -> None:
        """Fill the fields without reporting an edit: opening a draft changes nothing."""
        widgets = (
            self.title,
            self.body,
            self.message,
            self.language,
            self.warning,
            self.thread_mode,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.title.setText(draft.title)
        self.body.setPlainText(draft.body)
        self.message.setPlainText(draft.text)
        self.warning.setText(draft.content_warning)
        self.set_language(draft.language)
        self.thread_mode.setCurrentIndex(THREAD_MODES.index(draft.thread))
        for widget in widgets:
            widget.blockSignals(False)
        self._fit_body()

    def set_language(self, code: str) -> None:
        if code and self.language.findData(code) < 0:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))

    def apply(self, draft: Draft) -> Draft:
        """`draft` with what the fields now say."""
        return replace(
            draft,
            title=self.title.text(),
            body=self.body.toPlainText(),
            text=self.message.toPlainText(),
            language=self.language.currentData() or "",
            content_warning=self.warning.text(),
            thread=THREAD_MODES[max(0, self.thread_mode.currentIndex())],
        )
