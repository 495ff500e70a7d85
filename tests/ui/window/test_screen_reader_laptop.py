"""The window read as a screen reader reads it (issue 13): through the Linux accessibility bus
(AT-SPI), with the app started as a person starts it on a 1366 × 768 and a 1280 × 720 screen,
in Dutch, with accessibility on. The test is the screen reader: it walks the tree over D-Bus,
and presses Tab on the X server as a keyboard does (xdotool).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.support.atspi import MISSING, Node, Reader, launcher, running_accessibility_bus
from tests.support.sample_profile import sample_profile
from tests.support.screens import RunningApp, Screens, inside

CATALOGUE = Path(__file__).parents[3] / "composer/resources/translations/omroeper_nl.ts"
MOST_TABS = 80  # the window has fewer stops than this; more means Tab never gets there
# words Qt itself gives controls, in case one of them shows untranslated
QT_ENGLISH = {"OK", "Cancel", "Close", "Apply", "Yes", "No", "Open", "Save", "Clear text"}


def plain(text: str) -> str:
    """A label as a screen reader says it: no mnemonic '&', no trailing dots, one space."""
    text = re.sub(r"&(?=\S)", "", text).replace("…", "").replace("...", "")
    return " ".join(text.split()).strip(" :")


def english_words() -> set[str]:
    """Every English source string the Dutch catalogue translates into something else."""
    english = set(QT_ENGLISH)
    for message in ElementTree.parse(CATALOGUE).getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or translation.find("numerusform") is not None:
            continue
        if source.text and translation.text and plain(source.text) != plain(translation.text):
            english.add(plain(source.text))
    return english


@pytest.fixture(scope="module")
def laptop_screens(tmp_path_factory):
    """Screens of their own: at-spi-bus-launcher marks its X server's root window."""
    if launcher() is None:  # fail, never skip: CI installs it and must run these
        pytest.fail(MISSING, pytrace=False)
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is needed: `apt-get install xdotool` (.ci/run installs it)")
    opened = Screens(tmp_path_factory.mktemp("a11y-screens"))
    yield opened
    opened.close()


@pytest.fixture(scope="module", params=[(1366, 768), (1280, 720)], ids=["1366x768", "1280x720"])
def read_aloud(request, laptop_screens, tmp_path_factory):
    """The app on that screen with a screen reader's view of it: (app, reader, its nodes)."""
    width, height = request.param
    folder = tmp_path_factory.mktemp(f"a11y-{width}x{height}")
    screen = laptop_screens.get(width, height)
    with running_accessibility_bus(folder, screen.display) as bus:
        app = RunningApp(screen, sample_profile(folder / "profile"), environment=bus.environment)
        reader = Reader(bus.environment["AT_SPI_BUS_ADDRESS"])
        try:
            nodes = reader.walk(*reader.application("Omroeper"))
            yield app, reader, nodes
        finally:
            reader.close()
            app.stop()


def the_one(nodes: list[Node], role: str, name: str) -> Node:
    found = [node for node in nodes if node.role == role and plain(node.name) == name]
    assert len(found) == 1, f"{len(found)} {role}s named {name!r}"
    return found[0]


def screen_of(app: RunningApp) -> list[int]:
    return [0, 0, app.screen.width, app.screen.height]


def test_publish_and_the_message_field_lie_inside_the_screen(read_aloud):
    app, _, nodes = read_aloud
    outside = []
    for role, name in (("push button", "Publiceren"), ("text", "Bericht")):
        node = the_one(nodes, role, name)
        if not (node.showing and node.extents and inside(list(node.extents), screen_of(app))):
            outside.append(f"{role} {name!r} at {node.extents} (showing: {node.showing})")
    assert not outside, f"outside the {screen_of(app)} screen: {outside}"


def test_every_focusable_control_has_a_dutch_name(read_aloud):
    _, _, nodes = read_aloud
    english = english_words()
    controls = [node for node in nodes if node.focusable and node.showing and node.depth > 1]
    assert len(controls) > 20  # the tree was read: the test can tell
    nameless = [f"{node.role} at {node.extents}" for node in controls if not plain(node.name)]
    in_english = [f"{node.role} {node.name!r}" for node in controls if plain(node.name) in english]
    assert not nameless, f"controls without a name: {nameless}"
    assert not in_english, f"controls named in English: {in_english}"


def focused(reader: Reader, nodes: list[Node]) -> frozenset[str]:
    """The paths of the objects that say they have the keyboard focus now."""
    now = set()
    for node in nodes:
        try:
            if 12 in reader.states(node.bus, node.path):  # STATE_FOCUSED
                now.add(node.path)
        except RuntimeError:
            continue
    return frozenset(now)


def test_tab_reaches_publish_and_shows_it_on_the_screen(read_aloud):
    app, reader, nodes = read_aloud
    publish = the_one(nodes, "push button", "Publiceren")
    stops = [node for node in nodes if node.focusable]
    app.ask("activate")  # the window has the keyboard, as after a click on it
    environment = {"DISPLAY": app.screen.display, "PATH": "/usr/bin:/bin"}
    before, path = focused(reader, stops), []
    for _ in range(MOST_TABS):
        subprocess.run(["xdotool", "key", "Tab"], env=environment, check=True, timeout=10)
        deadline = time.monotonic() + 10  # until the focus has moved: never press ahead of it
        now = before
        while now == before and time.monotonic() < deadline:
            time.sleep(0.05)
            now = focused(reader, stops)
        # not moved: it went to something made after the tree was read; press on
        path.append(sorted(node.name for node in stops if node.path in now - before) or ["?"])
        before = now
        if publish.path in now:
            break
    assert publish.path in before, f"{MOST_TABS} presses of Tab never reached Publiceren: {path}"
    (extents,) = reader.call(
        (publish.bus, publish.path), "org.a11y.atspi.Component", "GetExtents", 0
    )
    assert inside(list(extents), screen_of(app)), f"focused Publiceren at {extents}: off screen"
