"""One photo of the draft: its thumbnail, buttons to move or remove it, and its alt text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.analysis.rules import Code, Problem, Severity
from composer.core.drafts.draft import Image
from composer.core.images.probe import ImageError
from composer.core.platforms import Limits, Unit
from composer.core.text.measure import length_in
from composer.i18n.problems import describe
from composer.i18n.translation import number
from composer.ui.photos.widgets import ClickLabel, Thumb
from composer.ui.style import theme


class ImageCard(QFrame):
    """Emits `changed` when the alt text or "decorative" changes; asks the strip to move it."""

    changed = Signal()
    move_requested = Signal(int)  # -1 earlier, +1 later
    remove_requested = Signal()
    drag_started = Signal()

    def __init__(self, image: Image, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._image = image
        self._destinations: Sequence[tuple[str, Limits]] = ()
        self.position = 1
        self.problem: Problem | None = None
        self.over = False  # the alt text is longer than the strictest destination takes
        self.thumb_key = ""  # under which the strip's thumbnailer reports this picture
        metrics = self.fontMetrics()  # sizes follow the font: readable at any scaling
        self.thumb = Thumb(self)
        self.thumb.setFixedSize(metrics.averageCharWidth() * 16, metrics.height() * 7)
        self.thumb.setToolTip(str(image.path))
        self.earlier = QPushButton("▲", self)
        self.later = QPushButton("▼", self)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.alt_label = QLabel(self.tr("Description (alt text)"), self)
        self.alt_edit = QPlainTextEdit(image.alt, self)
        self.alt_edit.setTabChangesFocus(True)
        self.alt_edit.setAcceptDrops(False)  # a photo dropped here is added, not typed as a path
        self.alt_edit.setFixedHeight(metrics.lineSpacing() * 4 + 12)
        self.alt_label.setBuddy(self.alt_edit)
        self.counter = QLabel(self)
        # A check box cannot wrap its words: the box, and beside it a label that can.
        self.decorative = QCheckBox(self)
        self.decorative.setChecked(image.decorative)
        self.decorative_label = ClickLabel(
            self.tr("This image is decorative (no description needed)"), self.decorative, self
        )
        self.note = QLabel(self)
        for label in (self.counter, self.note, self.alt_label, self.decorative_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self._layout()
        self.earlier.clicked.connect(lambda: self.move_requested.emit(-1))
        self.later.clicked.connect(lambda: self.move_requested.emit(1))
        self.remove.clicked.connect(self.remove_requested)
        self.thumb.remove_pressed.connect(self.remove_requested)
        self.thumb.drag_started.connect(self.drag_started)
        self.alt_edit.textChanged.connect(self._edited)
        self.decorative.toggled.connect(self._edited)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # The alt text field keeps Ctrl+←/→ for moving by word: it claims them first.
        for keys, step in (("Ctrl+Left", -1), ("Ctrl+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self, context=context)
            shortcut.activated.connect(lambda step=step: self.move_requested.emit(step))
        self.thumb.show_picture(None, self.tr("Loading…"))
        self._refresh()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.earlier)
        buttons.addWidget(self.later)
        buttons.addStretch(1)
        buttons.addWidget(self.remove)
        for button in (self.earlier, self.later):
            button.setFixedWidth(self.fontMetrics().height() * 2 + 8)
        decorative = QHBoxLayout()
        decorative.addWidget(self.decorative, 0, Qt.AlignmentFlag.AlignTop)
        decorative.addWidget(self.decorative_label, 1)
        # the photo on the left, what it shows beside it: both in view at once
        photo = QVBoxLayout()
        photo.setSpacing(4)
        photo.addWidget(self.thumb)
        photo.addLayout(buttons)
        photo.addStretch(1)
        words = QVBoxLayout()
        words.setSpacing(4)
        for widget in (self.alt_label, self.alt_edit, self.counter):
            words.addWidget(widget)
        words.addLayout(decorative)
        words.addWidget(self.note)
        words.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 8, 8, 8)
        row.addLayout(photo)
        row.addLayout(words, 1)

    @property
    def image(self) -> Image:
        return self._image

    def set_position(self, position: int, count: int) -> None:
        self.position = position
        self.earlier.setEnabled(position > 1)
        self.later.setEnabled(position < count)
        self._refresh()

    def set_destinations(self, destinations: Sequence[tuple[str, Limits]]) -> None:
        self._destinations = tuple(destinations)
        self._refresh()

    def show_thumbnail(self, result: QImage | ImageError) -> None:
        if isinstance(result, ImageError):
            known = result.code in {code.value for code in Code}
            code = result.code if known else Code.IMAGE_DAMAGED.value
            numbers: dict[str, int | str] = {"image": 0}
            if code == Code.IMAGE_FORMAT_UNSUPPORTED:
                numbers["type"] = result.kind or "?"
            self.problem = Problem(Code(code), Severity.ERROR, numbers)
            self.thumb.show_picture(None, f"⚠\n{self._image.path.name}")
        else:
            self.problem = None
            pixmap = QPixmap.fromImage(result)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.thumb.show_picture(pixmap)
        self._refresh()

    def _edited(self) -> None:
        self._image = replace(
            self._image, alt=self.alt_edit.toPlainText(), decorative=self.decorative.isChecked()
        )
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        problem = self.problem
        usable = problem is None
        for widget in (self.alt_label, self.alt_edit, self.decorative, self.decorative_label):
            widget.setVisible(usable)
        self.alt_edit.setEnabled(not self._image.decorative)
        decorative = self.tr("Decorative: no description needed.")
        self.alt_edit.setPlaceholderText(decorative if self._image.decorative else hint())
        self._name_for_screen_readers()
        self._show_count()
        if problem is not None:
            problem = replace(problem, numbers={**problem.numbers, "image": self.position})
            self._show_note(describe(problem), theme.error_color())
            self.thumb.setAccessibleDescription(describe(problem))  # heard on reaching the card
        elif not self._image.alt.strip() and not self._image.decorative:
            words = self.tr("No description yet: write one, or tick “decorative”.")
            self._show_note(words, theme.warning_color())
        else:
            self._show_note("", "")

    def _show_note(self, words: str, colour: str) -> None:
        self.note.setText(words)
        _restyle(self.note, f"color: {colour};" if colour else "")
        self.note.setVisible(bool(words))

    def _show_count(self) -> None:
        alt, limited = self._image.alt, [d for d in self._destinations if d[1].alt_text_limit]
        self.counter.setVisible(self.problem is None and not self._image.decorative)
        if not limited:
            words, over = self.tr("%Ln character(s)", "", length_in(alt, Unit.GRAPHEMES)), False
        else:
            counts = [
                (name, length_in(alt, lim.alt_text_unit), lim.alt_text_limit or 0)
                for name, lim in limited  # each with a limit
            ]
            name, length, limit = min(counts, key=lambda count: count[2] - count[1])
            over = length > limit
            fields = {"length": number(length), "limit": number(limit), "network": name}
            if over:
                words = self.tr("⚠ {length} / {limit}: too long for {network}").format(**fields)
            elif len(limited) > 1:
                words = self.tr("{length} / {limit} — {network} allows the least").format(**fields)
            else:
                words = self.tr("{length} / {limit} for {network}").format(**fields)
        self.over = over
        self.counter.setText(words)
        _restyle(self.counter, f"color: {theme.error_color()}; font-weight: bold;" if over else "")
        self.alt_edit.setAccessibleDescription(f"{words}. {hint()}")

    def _name_for_screen_readers(self) -> None:
        fields = {"position": self.position}
        self.thumb.setAccessibleName(self.tr("Photo {position}").format(**fields))
        self.thumb.setAccessibleDescription(
            self.tr("Ctrl+Left and Ctrl+Right move it, Delete removes it.")
        )
        self.earlier.setAccessibleName(self.tr("Move photo {position} earlier").format(**fields))
        self.later.setAccessibleName(self.tr("Move photo {position} later").format(**fields))
        self.earlier.setToolTip(self.tr("Move earlier (Ctrl+Left)"))
        self.later.setToolTip(self.tr("Move later (Ctrl+Right)"))
        self.remove.setAccessibleName(self.tr("Remove photo {position}").format(**fields))
        self.alt_edit.setAccessibleName(
            self.tr("Description of photo {position} (alt text)").format(**fields)
        )
        self.decorative.setAccessibleName(
            self.tr("Photo {position} is decorative (no description needed)").format(**fields)
        )


def _restyle(label: QLabel, style: str) -> None:
    if label.styleSheet() != style:  # restyling on every keystroke would cost a polish each
        label.setStyleSheet(style)


def hint() -> str:
    """The short advice on good alt text, shown in the strip and in each empty field."""
    return QCoreApplication.translate(
        "ImageCard",
        "Describe what matters in the photo for someone who cannot see it: who, what, where. "
        "Don’t start with “image of”.",
    )
