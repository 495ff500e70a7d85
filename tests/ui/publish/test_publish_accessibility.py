"""What a screen reader is told while publishing, against the real servers on loopback.

`heard` installs Qt's own accessibility update handler (QAccessible::installUpdateHandler,
reached through ctypes: PySide does not wrap it), so the tests see every event exactly as a
platform bridge (UI Automation, NSAccessibility, AT-SPI) would get it: announcements with
their politeness, and the NameChanged/DescriptionChanged that Qt sends when a row's words
change. Nothing in the app is wrapped or replaced."""

from __future__ import annotations

import ctypes
import itertools
from datetime import UTC, datetime
from pathlib import Path

import PySide6
import pytest
import shiboken6
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QWidget

from composer.core.accounts.account import AccountKind
from composer.core.drafts.draft import Draft
from composer.core.publishing import publisher as publishing
from composer.core.publishing.publisher import Publisher
from composer.core.store.jobs import Job, JobDestination
from composer.i18n.answer_words import no_internet
from composer.ui.publish import run as publish_run
from composer.ui.publish.dialog import PublishDialog
from composer.ui.publish.outcome import no_connection, spoken_outcome, starting
from tests.support.publish_servers import (
    WAIT,
    Site,
    add_discord,
    add_mastodon,
    add_website,
    free_port,
)

pytest_plugins = ["tests.support.publish_fixtures"]

DRAFT = Draft(
    title="Open dag in de bibliotheek",
    text="Zaterdag open dag in de bibliotheek!\nVoorlezen, knutselen en koffie.",
    language="nl",
)
REFUSED = "The server refused the message (422): Validation failed: Text is too long"
POLITE, ASSERTIVE = "Polite", "Assertive"
SYMBOLS = set("✓✗⟳")  # read out as "check mark", "ballot x"…: never in what is heard
INSTALL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"
Handler = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
NAMED = (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged)


def _address(thing) -> int:
    return shiboken6.getCppPointer(thing)[0]


def _object_of(event_address: int) -> int:
    """The QObject an event is about, as an address: QAccessibleEvent holds its vtable, its
    type, then the object (checked by the fixture). Asking event.object() instead would make
    Python wrappers for objects still being built or owned by C++, which can outlive them."""
    return ctypes.c_void_p.from_address(event_address + 2 * ctypes.sizeof(ctypes.c_void_p)).value


class Heard:
    """Announcements (source, message, politeness), and the new words of watched widgets each
    time Qt says their name or description changed."""

    def __init__(self) -> None:
        self.said: list[tuple[QWidget | int, str, str]] = []
        self.changed: list[tuple[str, QWidget, str]] = []
        self.broken: list[BaseException] = []
        self._watched: dict[int, QWidget] = {}

    def watch(self, dialog: PublishDialog) -> None:
        """The dialog (announcements come from it), its rows and their words."""
        rows = list(dialog.rows.values())
        for widget in [dialog, *rows, *(row.status for row in rows)]:
            self._watched[_address(widget)] = widget

    def announcements(self, source: QWidget | None = None) -> list[tuple[str, str]]:
        return [(words, how) for who, words, how in self.said if source in (None, who)]

    def changes(self, widget: QWidget, what: str) -> list[str]:
        return [words for kind, who, words in self.changed if who is widget and kind == what]

    def clear(self) -> None:
        self.said.clear()
        self.changed.clear()

    def event(self, address: int) -> None:
        event = shiboken6.wrapInstance(address, QAccessibleEvent)
        kind, about = event.type(), _object_of(address)
        widget = self._watched.get(about)
        if kind == QAccessible.Event.Announcement:
            said = shiboken6.wrapInstance(address, QAccessibleAnnouncementEvent)
            source = widget if widget is not None else about
            self.said.append((source, said.message(), said.politeness().name))
        elif kind in NAMED and widget is not None:
            if kind == QAccessible.Event.NameChanged:
                self.changed.append(("name", widget, widget.accessibleName()))
            else:
                self.changed.append(("description", widget, widget.accessibleDescription()))


@pytest.fixture
def heard(qapp):
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libQt6Gui.so*"))
    if not found:
        pytest.skip("Qt's update handler is reached through libQt6Gui.so (Linux wheels)")
    probe = QWidget()
    event = QAccessibleEvent(probe, QAccessible.Event.Focus)
    assert _object_of(_address(event)) == _address(probe), "QAccessibleEvent's layout changed"
    del event, probe
    install = getattr(ctypes.CDLL(str(found[0])), INSTALL)
    install.argtypes, install.restype = [ctypes.c_void_p], ctypes.c_void_p
    record = Heard()

    def handle(address: int) -> None:
        try:  # ctypes would only print an exception raised here: keep it for the test
            record.event(address)
        except BaseException as error:
            record.broken.append(error)

    callback = Handler(handle)
    before = install(ctypes.cast(callback, ctypes.c_void_p))
    yield record
    install(before)
    assert record.broken == []


@pytest.fixture
def opened(qtbot, english):
    def show(dialog: PublishDialog) -> PublishDialog:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return show


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(publishing, "BACKOFF_FIRST", 0.05)
    monkeypatch.setattr(publishing, "OFFLINE_POLL", 0.2)


def _without_repeats(words: list[str]) -> bool:
    return all(a != b for a, b in itertools.pairwise(words))


def test_each_outcome_is_heard_once_and_each_row_says_its_state_in_words(
    qtbot, opened, heard, accounts, store, *, site, toot, quick, monkeypatch
):
    web, masto = add_website(accounts, site), add_mastodon(accounts, toot)
    too_long = {"error": "Validation failed: Text is too long"}
    toot.fail("POST", "/api/v1/statuses", 422, too_long, times=2)
    dialog = opened(PublishDialog(store, accounts, DRAFT, [web, masto]))
    heard.watch(dialog)
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        dialog.confirm.publish_button.click()

    ok, refused = dialog.rows[web.id], dialog.rows[masto.id]
    url = dialog.job.destination(web.id).url
    assert ok.accessibleName() == "Your website (127.0.0.1)"
    assert ok.accessibleDescription() == f"Published: {url}"
    assert ok.status.accessibleName() == f"Your website (127.0.0.1): Published: {url}"
    assert refused.accessibleName() == "Mastodon @omroep@social.example"
    assert refused.accessibleDescription() == f"Not published. {REFUSED}"
    assert "✓" in ok.status.text() and "✗" in refused.status.text()  # seen, but not heard:
    for row in (ok, refused):
        assert not SYMBOLS & set(row.accessibleDescription() + row.status.accessibleName())

    # announced once each, in order, though the dialog read the store many times meanwhile
    assert heard.announcements() == [
        ("Publishing to 2 destinations…", POLITE),
        ("Your website (127.0.0.1): published", POLITE),
        (f"Mastodon @omroep@social.example: failed — {REFUSED}", ASSERTIVE),
        ("1 of 2 published; 1 failed", POLITE),
    ]
    assert {source for source, _words, _how in heard.said} == {dialog}
    # Qt told the reader each time a row's words changed, and only then
    for row in (ok, refused):
        descriptions = heard.changes(row, "description")
        assert descriptions[-1] == row.accessibleDescription()
        assert _without_repeats(descriptions)
        names = heard.changes(row.status, "name")
        assert names[-1] == row.status.accessibleName() and _without_repeats(names)

    # refused again: the same words, but a new outcome, so heard again (and only that one),
    # even when the dialog's first look at the store finds it all over, no step seen between
    heard.clear()
    start = publish_run.start

    def start_and_finish(*args, **kwargs) -> publish_run.PublishRun:
        run = start(*args, **kwargs)
        assert run.done.wait(WAIT / 1000)
        return run

    with monkeypatch.context() as busy, qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        busy.setattr(publish_run, "start", start_and_finish)
        dialog.retry_button.click()
    assert heard.announcements() == [
        ("Publishing to 1 destination…", POLITE),
        (f"Mastodon @omroep@social.example: failed — {REFUSED}", ASSERTIVE),
        ("1 of 2 published; 1 failed", POLITE),
    ]

    # and once it goes through: only the copy sent again is news, then the new end
    heard.clear()
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        dialog.retry_button.click()
    assert heard.announcements() == [
        ("Publishing to 1 destination…", POLITE),
        ("Mastodon @omroep@social.example: published", POLITE),
        ("Published on all 2 destinations.", POLITE),
    ]
    copy = dialog.job.destination(masto.id).url
    assert copy and refused.accessibleDescription() == f"Published: {copy}"
    assert heard.changes(ok, "description") == []  # the website's row did not change


def test_a_retry_from_the_history_is_heard_once_the_window_is_shown(
    qtbot, opened, heard, accounts, store, *, site, toot
):
    from composer.core.destinations.registry import destinations_for

    web, masto = add_website(accounts, site), add_mastodon(accounts, toot)
    toot.fail("POST", "/api/v1/statuses", 422, {"error": "Validation failed: Text is too long"})
    job_id = store.create_job(DRAFT, [web.id, masto.id])
    Publisher(store, destinations_for(accounts), accounts).publish(job_id)
    assert [r.state for r in store.job(job_id).destinations] == ["done", "failed"]

    dialog = PublishDialog.for_job(store, accounts, job_id, retry=True)
    heard.watch(dialog)
    assert heard.said == []  # not shown yet: nobody can hear it
    with qtbot.waitSignal(dialog.finished_job, timeout=WAIT):
        opened(dialog)
    qtbot.waitUntil(lambda: len(heard.said) == 3, timeout=WAIT)
    # what was there before it opened (the website's copy, the old failure) is not news
    assert heard.announcements(dialog) == [
        ("Publishing to 1 destination…", POLITE),
        ("Mastodon @omroep@social.example: published", POLITE),
        ("Published on all 2 destinations.", POLITE),
    ]


def test_offline_waiting_is_heard_and_a_closed_window_keeps_quiet(
    qtbot, opened, heard, accounts, store, *, hook, tmp_path, quick, no_network
):
    site = Site(tmp_path / "content", port=free_port())  # nothing listens there yet
    web, disc = add_website(accounts, site), add_discord(accounts, hook)
    dialog = opened(PublishDialog(store, accounts, DRAFT, [web, disc]))
    heard.watch(dialog)
    dialog.confirm.publish_button.click()
    qtbot.waitUntil(lambda: len(heard.said) == 2, timeout=WAIT)
    assert heard.announcements() == [
        ("Publishing to 2 destinations…", POLITE),
        (no_connection(), POLITE),
    ]
    waiting = dialog.rows[web.id]
    qtbot.waitUntil(lambda: waiting.accessibleDescription().startswith("Trying"), timeout=WAIT)
    assert waiting.accessibleDescription() == "Trying again. " + no_internet()
    assert dialog.rows[disc.id].accessibleDescription() == (
        "Waits for your website: it links back to its page."
    )
    qtbot.wait(3 * 150)  # several more reads of the store while offline: nothing new is said
    assert len(heard.said) == 2

    # closed, it goes on quietly; opened again, it says only what happens from then on
    dialog.close()
    again = opened(PublishDialog.for_job(store, accounts, dialog.job_id, retry=True))
    heard.watch(again)
    assert again.overall.text() == no_connection()
    heard.clear()
    try:
        with qtbot.waitSignal(again.finished_job, timeout=WAIT):
            site.start()  # the connection is back
        qtbot.waitUntil(lambda: dialog.run is None, timeout=WAIT)  # the hidden one saw it too
    finally:
        site.stop()
    assert heard.announcements() == [
        ("The connection is back.", POLITE),
        ("Your website (127.0.0.1): published", POLITE),
        ("Discord (Omroeper-test): published", POLITE),
        ("Published on all 2 destinations.", POLITE),
    ]
    assert {source for source, _words, _how in heard.said} == {again}


def _job(*states: str) -> Job:
    kinds = [AccountKind.WEBSITE, AccountKind.MASTODON, AccountKind.DISCORD, AccountKind.BLUESKY]
    now = datetime.now(UTC)
    rows = tuple(
        JobDestination(f"{kind.value}-1", kind, n, state, "", "", None, {}, False, 1, "k", now)
        for n, (kind, state) in enumerate(zip(kinds, states, strict=False))
    )
    return Job(1, DRAFT, now, None, "finished", rows)


def test_counts_are_said_with_the_right_plural_in_both_languages(dutch):
    from composer.i18n.translation import install

    some = _job("done", "done", "failed", "unknown")
    assert starting(1) == "Bezig met publiceren op 1 bestemming…"
    assert starting(3) == "Bezig met publiceren op 3 bestemmingen…"
    assert spoken_outcome(_job("done"), None) == ("Gepubliceerd op 1 bestemming.", False)
    assert spoken_outcome(_job("done", "done"), None) == (
        "Gepubliceerd op alle 2 bestemmingen.",
        False,
    )
    assert spoken_outcome(some, None) == (
        "2 van 4 gepubliceerd; 1 mislukt; 1 onduidelijk: kijk daar voordat je opnieuw verstuurt",
        False,
    )
    install("en")
    assert starting(1) == "Publishing to 1 destination…"
    assert starting(3) == "Publishing to 3 destinations…"
    assert spoken_outcome(_job("done"), None) == ("Published on 1 destination.", False)
    assert spoken_outcome(_job("done", "done"), None) == (
        "Published on all 2 destinations.",
        False,
    )
    assert spoken_outcome(some, None) == (
        "2 of 4 published; 1 failed; 1 unclear: look there before sending again",
        False,
    )
    words, urgent = spoken_outcome(_job("done", "pending"), RuntimeError("a bug"))
    assert words.startswith("Publishing stopped. Something went wrong") and urgent
    assert spoken_outcome(_job("done", "failed", "pending"), None) == (
        "1 of 3 published; 1 failed; 1 not sent yet",
        False,
    )
