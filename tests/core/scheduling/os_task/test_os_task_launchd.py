"""The LaunchAgent plist, read back with plistlib: the keys launchd needs, the program's path
exactly as given (spaces, quotes, `&`, `<`, non-ASCII), every five minutes, at login."""

from __future__ import annotations

import plistlib
from xml.etree import ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.scheduling.os_task import launchd
from composer.core.scheduling.os_task.launchd import agent_plist

# what program.usable lets through
TEXT = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"
)
WORDS = st.lists(st.text(TEXT, min_size=1), min_size=1, max_size=5)


def read_agent(data: bytes) -> dict:
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    ElementTree.fromstring(data)  # well-formed XML, as launchd's parser wants it
    agent = plistlib.loads(data, fmt=plistlib.FMT_XML)
    assert set(agent) == {
        "Label",
        "ProgramArguments",
        "StartCalendarInterval",
        "RunAtLoad",
        "ProcessType",
    }
    assert agent["Label"] == launchd.LABEL == "nl.omroeper.due"
    assert agent["RunAtLoad"] is True
    assert agent["ProcessType"] == "Background"
    assert agent["StartCalendarInterval"] == [{"Minute": minute} for minute in range(0, 60, 5)]
    return agent


@settings(deadline=None)  # a busy CI machine: time is not what is tested
@given(words=WORDS)
def test_any_program_and_arguments_read_back_as_they_were(words):
    command = ["/" + words[0], *words[1:]]
    assert read_agent(agent_plist(command))["ProgramArguments"] == command


def test_a_dutch_name_and_xml_characters_are_escaped():
    program = "/Users/José van 't Hof/Apps & <Tools>/Omroeper.app/Contents/MacOS/omroeper-cli"
    data = agent_plist([program, "publish", "--due"])
    assert "José van 't Hof/Apps &amp; &lt;Tools&gt;".encode() in data
    assert read_agent(data)["ProgramArguments"] == [program, "publish", "--due"]


def test_the_file_is_named_after_its_label():
    assert launchd.FILE == "nl.omroeper.due.plist"
