"""One destination's preview: its post (or thread) as the network shows it, what is wrong in
plain words, and the way to give this network a text of its own."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.core.accounts.account import Account
from composer.core.analysis.analysis import LINK_BACK_PATH, TargetAnalysis
from composer.core.analysis.link_cards import Page, link_cards
from composer.core.analysis.rules import Problem, Severity
from composer.core.drafts.draft import Draft
from composer.core.platforms import NETWORK_NAMES, Limits, Platform
from composer.core.text.measure import Measured
from composer.core.text.preview_text import Span, display_spans
from composer.i18n.problems import describe
from composer.i18n.translation import number
from composer.ui.preview.card import PostCard
from composer.ui.preview.images import ImageView
from composer.ui.style.theme import error_color, ok_color, warning_color


def platform_name(platform: Platform) -> str:
    if platform is Platform.WEBSITE:
        return QCoreApplication.translate("Preview", "Website")
    return NETWORK_NAMES[platform]


class Preview(QObject):
    """lupdate (PySide6 6.11) reads a plural only from self.tr() inside a class named like
    its context."""

    def characters(self, count: int) -> str:
        return self.tr("%Ln character(s)", "", count)


_PLURALS = Preview()


def over(part: Measured, limits: Limits) -> bool:
    return not part.fits(limits)


def count_words(part: Measured, limits: Limits) -> str:
    """`287 / 300`, or just the length where there is no limit (the website)."""
    if limits.max_characters is None:
        return _PLURALS.characters(part.length)
    return f"{number(part.length)} / {number(limits.max_characters)}"


def spoken_count(part: Measured, limits: Limits) -> str:
    if limits.max_characters is None:
        return count_words(part, limits)
    return QCoreApplication.translate("Preview", "{length} of {limit} characters").format(
        length=number(part.length), limit=number(limits.max_characters)
    )


def page_to_come(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The stand-in for the website's page address (counted at a typical length) shown as
    "bibliotheek.nl/…": its real path is known once the website has published."""
    if not any(span.href.endswith(LINK_BACK_PATH) for span in spans):
        return spans
    marker = LINK_BACK_PATH[:4]
    return tuple(
        Span("link", span.text.partition(marker)[0] + "…", span.href.partition(marker)[0])
        if span.kind == "link" and span.href.endswith(LINK_BACK_PATH)
        else span
        for span in spans
    )


def problem_lines(platform: Platform, problems: tuple[Problem, ...]) -> list[tuple[str, bool]]:
    """Each problem in plain words after the network's name, and whether it is an error."""
    name = platform_name(platform)
    return [(f"{name}: {describe(p)}", p.severity is Severity.ERROR) for p in problems]


class DestinationPreview(QWidget):
    """A tab's content: problems first, then the posts, scrollable."""

    edit_requested = Signal()
    shared_requested = Signal()

    def __init__(self, platform: Platform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.cards: list[PostCard] = []
        self._key: tuple = ()
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Preview"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(scroll)
        self.column = QVBoxLayout(content)
        self.problems = QLabel(content)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.problems.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.problems.setAccessibleName(self.tr("Problems"))
        self.column.addWidget(self.problems)
        self.column.addLayout(self._override_row(content))
        self.column.addStretch(1)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _override_row(self, parent: QWidget) -> QHBoxLayout:
        self.own_text = QLabel(self.tr("This network gets its own text."), parent)
        # Created in the order they stand, so Tab goes left to right.
        self.shared = QPushButton(self.tr("Use the common message again"), parent)
        self.shared.clicked.connect(self.shared_requested)
        self.edit = QPushButton(self.tr("Edit for this network only…"), parent)
        self.edit.setAccessibleName(self.tr("Edit the text for this network only"))
        self.edit.clicked.connect(self.edit_requested)
        row = QHBoxLayout()
        row.addWidget(self.own_text)
        row.addStretch(1)
        row.addWidget(self.shared)
        row.addWidget(self.edit)
        website = self.platform.is_own_site  # the own site has its own title and body
        self.edit.setVisible(not website)
        self.own_text.hide()
        self.shared.hide()
        return row

    def show_analysis(
        self, draft: Draft, account: Account, analysis: TargetAnalysis, page: Page | None = None
    ) -> None:
        """`page`: where the link back leads (link_cards.page_for), for the link cards."""
        target, limits = analysis.target, analysis.limits
        override = draft.override(target)
        warning = draft.content_warning_for(target) if limits.content_warning else ""
        key = (draft.title, draft.images, warning, override, account, analysis, page)
        if key == self._key:
            return
        self._key = key
        self._show_problems(analysis.problems)
        own = override.text is not None or override.content_warning is not None
        own = own or override.thread is not None
        self.own_text.setVisible(own)
        self.shared.setVisible(own)
        self._show_parts(draft, account, analysis, warning, page)

    def _show_problems(self, problems: tuple[Problem, ...]) -> None:
        lines = problem_lines(self.platform, problems)
        if not lines:
            words = self.tr("✓ Fits on {network}.").format(network=platform_name(self.platform))
            self.problems.setText(f'<span style="color:{ok_color()}">{escape(words)}</span>')
            self.problems.setAccessibleDescription(words)
            return
        html = "<br>".join(
            f'<span style="color:{error_color() if error else warning_color()}">'
            f"{'⚠' if error else 'ℹ'} {escape(line)}</span>"
            for line, error in lines
        )
        self.problems.setText(html)
        self.problems.setAccessibleDescription(" ".join(line for line, _ in lines))

    def _show_parts(
        self,
        draft: Draft,
        account: Account,
        analysis: TargetAnalysis,
        warning: str,
        page: Page | None,
    ) -> None:
        parts, limits = analysis.parts, analysis.limits
        while len(self.cards) < len(parts):
            card = PostCard(self.platform, self.problems.parentWidget())
            self.column.insertWidget(self.column.count() - 1, card)
            card.show()  # at once, not when the event loop next runs
            self.cards.append(card)
        while len(self.cards) > len(parts):
            self.cards.pop().deleteLater()
        views = self._image_views(draft, analysis)
        name = platform_name(self.platform)
        found = link_cards(
            self.platform, parts, images=bool(draft.images), page=page, server=account.server
        )
        first_photo = analysis.images[0][0] if analysis.images else None
        for index, (card, part) in enumerate(zip(self.cards, parts, strict=True)):
            card.set_author(account.identity, name)
            card.set_marker(index + 1, len(parts))
            card.set_warning(warning)
            spans = page_to_come(display_spans(part, self.platform, account.server))
            card.set_text(spans, self._caption_by(account))
            card.set_count(
                count_words(part, limits), over(part, limits), spoken_count(part, limits)
            )
            card.set_images(views if index == 0 else [])
            card.set_link_cards(tuple(c for c in found if c.part == index), first_photo)
            card.title.setText(draft.title)
            card.title.setVisible(self.platform.is_own_site and bool(draft.title))

    def _caption_by(self, account: Account) -> str:
        """Pixelfed puts the username before the caption."""
        if self.platform is not Platform.PIXELFED:
            return ""
        handle = account.identity.handle.lstrip("@").split("@")[0]
        return handle or account.identity.name

    def _image_views(self, draft: Draft, analysis: TargetAnalysis) -> list[ImageView]:
        words: dict[int, list[str]] = {}
        for problem in analysis.problems:
            if "image" in problem.numbers:
                words.setdefault(int(problem.numbers["image"]), []).append(describe(problem))
        views = []
        for position, (facts, fits) in enumerate(analysis.images, 1):
            alt = draft.images[position - 1].alt if position <= len(draft.images) else ""
            size = QLocale().formattedDataSize(
                facts.bytes, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            )
            about = self.tr("Photo {number}: {width} × {height} pixels, {size}").format(
                number=position, width=number(facts.width), height=number(facts.height), size=size
            )
            if not fits:
                about = self.tr("⚠ {about} — does not fit here.").format(about=about)
            views.append(ImageView(facts, fits, alt, "\n".join([about, *words.get(position, [])])))
        return views
