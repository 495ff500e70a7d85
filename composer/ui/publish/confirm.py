"""The step before publishing: a short summary to confirm, so nothing goes out by a slip; and
when: now, or at a time (then who holds the message until its time, in one sentence)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from composer.core.accounts.account import Account
from composer.core.analysis.composing import analyze_destinations
from composer.core.drafts.draft import Draft
from composer.core.scheduling.clock import Clock
from composer.core.store.jobs import HeldBy
from composer.ui.publish.rows import destination_name
from composer.ui.publish.schedule_words import holders_sentence
from composer.ui.publish.when import WhenChoice

FIRST_LINE_SHOWN = 90  # characters


def website_first(chosen: Sequence[Account]) -> list[Account]:
    """The order the job sends in: the website, then the networks as chosen."""
    return sorted(chosen, key=lambda account: not account.kind.is_own_site)


def first_line(draft: Draft) -> str:
    text = draft.text or draft.body or draft.title
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= FIRST_LINE_SHOWN else line[: FIRST_LINE_SHOWN - 1] + "…"


class ConfirmPage(QWidget):
    """`holders()`: who would hold each copy (plan.who_holds), asked once a time is chosen."""

    def __init__(
        self,
        draft: Draft,
        chosen: Sequence[Account],
        parent: QWidget,
        *,
        holders: Callable[[], Mapping[str, HeldBy]] | None = None,
        clock: Clock | None = None,
        zone: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.chosen = website_first(chosen)
        self._holders = holders
        self.holders: Mapping[str, HeldBy] | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h3>{self.tr('Publish this message?')}</h3>", self)
        layout.addWidget(heading)
        layout.setSpacing(6)
        self.lines: list[QLabel] = []
        for group in self.summary(draft, chosen):
            layout.addSpacing(8)
            for words in group:
                label = QLabel(words, self)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                layout.addWidget(label)
                self.lines.append(label)
        layout.addSpacing(8)
        self.when = WhenChoice(self, clock=clock, zone=zone)
        layout.addWidget(self.when)
        layout.addSpacing(4)
        self.who = QLabel(self)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.who)
        layout.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.publish_button = QPushButton(self.tr("&Publish now"), self)
        self.publish_button.setDefault(True)
        self.publish_button.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.publish_button)
        layout.addLayout(buttons)
        self.setAccessibleName(self.tr("Publish this message?"))
        self.when.changed.connect(self._when_changed)
        self._when_changed()

    def _when_changed(self) -> None:
        """The button says what it does; at a time, who holds the message is said too."""
        later = self.when.later
        self.publish_button.setText(self.tr("&Schedule") if later else self.tr("&Publish now"))
        if later and self.holders is None and self._holders is not None:
            self.holders = self._holders()  # asks no server: the accounts and the post
        sentence = holders_sentence(self.chosen, self.holders or {}) if later else ""
        self.who.setText(sentence)
        self.who.setVisible(bool(sentence))
        lines = [label.text() for label in self.lines] + ([sentence] if sentence else [])
        self.setAccessibleDescription(" ".join(lines))

    def summary(self, draft: Draft, chosen: Sequence[Account]) -> tuple[list[str], list[str]]:
        """Short lines: where it goes, in order (one per line, to scan), then what goes."""
        ordered = website_first(chosen)
        site = next((a for a in ordered if a.kind.is_own_site), None)
        networks = [f"   • {destination_name(a.kind, a)}" for a in ordered if a is not site]
        lines = [self.tr("Where it goes, in this order:")]
        if site is not None and not draft.link:
            name = destination_name(site.kind, site)
            lines.append(self.tr("1. {website}").format(website=name))
            if networks:
                lines.append(self.tr("2. Then, each with a link to it:"))
        elif draft.link and networks:
            lines.append(
                self.tr("At the same time, each with a link to {link}:").format(link=draft.link)
            )
        elif networks:
            lines.append(self.tr("At the same time:"))
        lines += networks
        where, lines = lines, [self.tr("Message: “{line}”").format(line=first_line(draft))]
        if draft.images:
            lines.append(self.tr("With %Ln photo(s).", "", len(draft.images)))
        analyses = analyze_destinations(replace(draft, images=()), ordered, lambda _a: ())
        for account in ordered:
            parts = len(analyses[account.id].parts)
            if not account.kind.is_own_site and parts > 1:
                lines.append(
                    self.tr("On {network} it becomes a thread of %Ln post(s).", "", parts).format(
                        network=destination_name(account.kind, account)
                    )
                )
        return where, lines
