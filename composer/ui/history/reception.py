"""How each copy was received, under its row in the history: the counts in plain words in the
network's own terms (Mastodon and Pixelfed: boosts and favourites; Bluesky: reposts and
likes), with their date when they are not fresh, and "View replies" opening the copy on its
network. The reading itself runs in the core (publishing/receiving.py), off this thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from composer.core.accounts.account import AccountKind
from composer.core.errors import CodedError
from composer.core.outside_url import safe_link
from composer.core.publishing.reception import Reception
from composer.ui.common.local_time import moment_text
from composer.ui.common.safe_display import open_link

translate = QCoreApplication.translate
_PASSING = frozenset({"offline", "unreachable", "timeout", "rate_limited", "connection_lost"})


class Counts(QObject):
    """The plural forms (lupdate finds them only as self.tr in a class, whose name is the
    context). Mastodon and Pixelfed say boosts and favourites; Bluesky reposts and likes."""

    def replies(self, n: int) -> str:
        return self.tr("%Ln reply(ies)", "", n)

    def reposts(self, n: int, bluesky: bool) -> str:
        return self.tr("%Ln repost(s)", "", n) if bluesky else self.tr("%Ln boost(s)", "", n)

    def likes(self, n: int, bluesky: bool) -> str:
        return self.tr("%Ln like(s)", "", n) if bluesky else self.tr("%Ln favourite(s)", "", n)


_COUNTS = Counts()


def counts_words(seen: Reception, kind: AccountKind) -> str:
    """ "3 replies, 5 boosts, 12 favourites" (Bluesky: reposts, likes); a count the server did
    not give sensibly is left out; none at all: "no figures"."""
    bluesky = kind is AccountKind.BLUESKY
    parts = []
    if seen.replies is not None:
        parts.append(_COUNTS.replies(seen.replies))
    if seen.reposts is not None:
        parts.append(_COUNTS.reposts(seen.reposts, bluesky))
    if seen.likes is not None:
        parts.append(_COUNTS.likes(seen.likes, bluesky))
    if not parts:
        return translate("Reception", "No figures from the network.")
    return ", ".join(parts)


def shown_words(seen: Reception, kind: AccountKind, *, fresh: bool) -> str:
    """The counts; not just read: with the moment they were read, "(on 3-5-26 14:02)"."""
    words = counts_words(seen, kind)
    if fresh:
        return words
    return translate("Reception", "{counts} (on {date})").format(
        counts=words, date=moment_text(seen.read_at)
    )


def trouble_words(failed: dict[str, CodedError], *, kept: bool) -> str:
    """One plain line when figures could not be read: `failed` by the copy's name (Mastodon
    @bieb@…); `kept`: their last figures are shown instead."""
    if not failed:
        return ""
    names = ", ".join(failed)
    if all(failure.code in _PASSING for failure in failed.values()):
        if kept:
            words = translate(
                "Reception", "No connection to {names} just now: the last figures are shown."
            )
        else:
            words = translate("Reception", "No connection to {names} just now: try again later.")
    elif kept:
        words = translate(
            "Reception",
            "The figures of {names} could not be read just now: the last ones are shown.",
        )
    else:
        words = translate("Reception", "The figures of {names} could not be read just now.")
    return words.format(names=names)


def failed_words() -> str:
    """The reading itself failed (not one network): no figures are new."""
    return translate("Reception", "The figures could not be read just now.")


class ReceptionLine(QWidget):
    """A copy's counts and its "View replies" button; hidden until there is something."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        self.replies = QPushButton(translate("Reception", "View replies"), self)
        self.replies.setAccessibleName(
            translate("Reception", "View the replies on {name} in your browser").format(name=name)
        )
        self.replies.setAutoDefault(False)
        self.replies.clicked.connect(lambda: open_link(self.link))
        layout.addWidget(self.counts, 1)
        layout.addWidget(self.replies, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_reception(self, seen: Reception | None, kind: AccountKind, *, fresh: bool) -> None:
        if seen is None:
            self.hide()
            return
        self.counts.setText(shown_words(seen, kind, fresh=fresh))
        self.link = safe_link(seen.replies_url)
        self.replies.setVisible(bool(self.link))
        self.show()
