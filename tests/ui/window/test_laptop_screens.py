"""The real window on the laptop screens Omroeper's people have (issue 13): 1366 × 768 and
1280 × 720, at 100 % and 125 %. Each runs the app as a person starts it, on an Xvfb screen of
that size, first start (no saved geometry), in Dutch, with four accounts and a draft with two
described photos. What a person needs to publish must be in view without scrolling.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.support.sample_profile import sample_profile
from tests.support.screens import RunningApp, inside

LAPTOPS = [
    pytest.param((1366, 768, 1.0), id="1366x768"),
    pytest.param((1366, 768, 1.25), id="1366x768-125"),
    pytest.param((1280, 720, 1.0), id="1280x720"),
    pytest.param((1280, 720, 1.25), id="1280x720-125"),
]
# what a person must see to write and publish (the attributes on ComposerWindow)
IN_VIEW = {
    "editor": "the message field",
    "counters": "the counters",
    "destinations": "the destinations",
    "publish_bar.button": "Publiceren…",
    "save_label": "the save status",
    "drafts.new_button": "Nieuw (a new draft)",
}


@pytest.fixture(scope="module", params=LAPTOPS)
def first_start(request, screens, tmp_path_factory):
    """The window's first start on that laptop, as the probe saw it once it had settled."""
    width, height, scale = request.param
    folder = tmp_path_factory.mktemp(f"laptop-{width}x{height}")
    app = RunningApp(screens.get(width, height), sample_profile(folder / "profile"), scale=scale)
    try:
        yield app
    finally:
        app.stop()


def test_the_first_start_fits_the_window_on_the_screen(first_start):
    ready = first_start.ready
    available, frame = ready["screen"]["available"], ready["window"]["frame"]
    assert inside(frame, available), f"window {frame} does not fit the screen's {available}"


def test_what_a_person_needs_is_in_view_without_scrolling(first_start):
    ready = first_start.ready
    available = ready["screen"]["available"]
    hidden = []
    for name, what in IN_VIEW.items():
        seen = ready["widgets"][name]
        if not seen["exists"]:
            hidden.append(f"{what} (window.{name}) does not exist")
        elif not seen["fully_shown"]:
            hidden.append(
                f"{what} is not wholly in view: {seen['shown_in_window']} of "
                f"{seen['in_window']} in the window"
            )
        elif not inside(seen["global"], available):
            hidden.append(f"{what} at {seen['global']} lies outside the screen {available}")
    assert not hidden, "\n".join(hidden)


def test_the_middle_column_never_scrolls_sideways(first_start):
    """Not as it starts, nor filling the screen as maximised (where at 125 % it did). Last of
    this laptop's tests: it leaves the window resized. (Xvfb has no window manager to size a
    maximised window: the probe gives it the screen's available area, as one would.)"""
    x, y, width, height = first_start.ready["screen"]["available"]
    for how in ("at the start", "filling the screen"):
        if how == "at the start":
            seen = first_start.ready
        else:
            seen = first_start.ask("geometry", x=x, y=y, width=width, height=height)
        middle = [area for area in seen["scroll_areas"] if area["holds_editor"]]
        assert middle, "no scroll area holds the message field"
        # (a photo strip may scroll sideways by design: only the column is held to this)
        assert not middle[0]["sideways_bar"], f"{how}, the middle column scrolls: {middle[0]}"


# -- the next start: as the person left it, and on a screen that still exists ---------------------


@pytest.fixture
def profile(tmp_path):
    return sample_profile(tmp_path / "profile")


def start(screens, profile, width=1366, height=768) -> RunningApp:
    return RunningApp(screens.get(width, height), profile)


def test_the_next_start_brings_back_size_and_position(screens, profile):
    app = start(screens, profile)
    try:
        moved = app.ask("geometry", x=60, y=40, width=1000, height=620)["window"]["geometry"]
        assert moved == [60, 40, 1000, 620]  # the probe could move it: the test can tell
        app.close()
    finally:
        app.stop()
    again = start(screens, profile)
    try:
        assert again.ready["window"]["geometry"] == [60, 40, 1000, 620], again.ready["settings"]
        assert not again.ready["window"]["maximized"]
    finally:
        again.stop()


def test_the_next_start_brings_back_the_maximised_window(screens, profile):
    app = start(screens, profile)
    try:
        assert app.ask("maximize")["window"]["maximized"]
        app.close()
    finally:
        app.stop()
    again = start(screens, profile)
    try:
        ready = again.ready
        assert ready["window"]["maximized"], ready["settings"]
        assert inside(ready["window"]["frame"], ready["screen"]["available"])
    finally:
        again.stop()


def test_the_next_start_brings_back_the_columns_widths(screens, profile):
    app = start(screens, profile)
    try:
        before = app.report()["splitter_sizes"]
        assert before, "no splitter holds the message field"
        dragged = app.ask("drag_splitter", handle=len(before) - 1, by=-60)["splitter_sizes"]
        assert dragged != before  # the drag moved the columns: the test can tell
        app.close()
    finally:
        app.stop()
    again = start(screens, profile)
    try:
        assert again.ready["splitter_sizes"] == dragged, again.ready["settings"]
    finally:
        again.stop()


def test_a_window_left_beside_the_screen_comes_back_onto_it(screens, profile):
    """Left at x = 3000 on a 1366-wide screen (a second monitor, unplugged since)."""
    app = start(screens, profile)
    try:
        app.ask("geometry", x=3000, y=100, width=900, height=600)
        app.close()
    finally:
        app.stop()
    again = start(screens, profile)
    try:
        ready = again.ready
        frame, available = ready["window"]["frame"], ready["screen"]["available"]
        assert inside(frame, available), f"window {frame} is not on the screen {available}"
        assert ready["window"]["geometry"][2:] == [900, 600]  # its size fits: it keeps it
    finally:
        again.stop()


def test_a_window_from_a_bigger_screen_fits_the_smaller_one(screens, profile):
    """Left wide on a 1920 × 1080 monitor, started again on the 1280 × 720 laptop."""
    app = start(screens, profile, 1920, 1080)
    try:
        app.ask("geometry", x=700, y=300, width=1200, height=760)
        app.close()
    finally:
        app.stop()
    again = start(screens, profile, 1280, 720)
    try:
        ready = again.ready
        frame, available = ready["window"]["frame"], ready["screen"]["available"]
        assert inside(frame, available), f"window {frame} is not on the screen {available}"
    finally:
        again.stop()


def test_the_title_bar_names_omroeper_once(first_start):
    """The title as the window manager reads it from the X server: Qt adds an application
    display name to every title when one is set."""
    found = subprocess.run(
        ["xdotool", "search", "--name", "Omroeper", "getwindowname", "%@"],
        env={**os.environ, "DISPLAY": first_start.screen.display},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    names = found.stdout.splitlines()  # Qt's helper windows are named too
    assert "Omroeper — Open dag in de bibliotheek" in names, names
    assert not [name for name in names if name.count("Omroeper") > 1], names
