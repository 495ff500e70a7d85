"""The Windows task's XML: valid against the Task Scheduler schema (the part Omroeper uses,
written from Microsoft's documentation: data/task_scheduler.xsd), UTF-16 as schtasks reads it,
the settings the issue asks for, and the arguments reaching the program as they were."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.scheduling.os_task.outcome import OsTaskError
from composer.core.scheduling.os_task.task_scheduler import NAMESPACE, task_xml
from tests.support.command_lines import windows_argv

SCHEMA = xmlschema.XMLSchema10(Path(__file__).with_name("data") / "task_scheduler.xsd")
URI = "\\Omroeper\\Publish (José van 't Hof)"
PROGRAM = r"C:\Users\José van 't Hof\AppData\Local\Programs\Omroeper\omroeper-cli.exe"
# Windows paths hold neither control characters nor these
PATH_TEXT = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters='<>:"/\\|?*%\ufffe\uffff'
)
ARGUMENT = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="%\ufffe\uffff"
)


def parsed(data: bytes) -> ElementTree.Element:
    assert data.startswith(b"\xff\xfe")  # UTF-16 with its byte order mark
    assert data.decode("utf-16").startswith('<?xml version="1.0" encoding="UTF-16"?>')
    return ElementTree.fromstring(data)


def find(task: ElementTree.Element, path: str) -> str:
    element = task.find("/".join(f"t:{part}" for part in path.split("/")), {"t": NAMESPACE})
    assert element is not None, path
    return element.text or ""


def test_the_task_is_valid_against_the_schema_and_says_what_the_issue_asks():
    data = task_xml([PROGRAM, "publish", "--due"], URI)
    task = parsed(data)
    SCHEMA.validate(task)
    assert task.get("version") == "1.3"
    assert find(task, "Settings/StartWhenAvailable") == "true"  # a missed start runs later
    assert find(task, "Settings/DisallowStartIfOnBatteries") == "false"
    assert find(task, "Settings/StopIfGoingOnBatteries") == "false"
    assert find(task, "Settings/MultipleInstancesPolicy") == "IgnoreNew"
    assert find(task, "Triggers/TimeTrigger/Repetition/Interval") == "PT5M"
    assert task.find("t:Triggers/t:TimeTrigger/t:Repetition/t:Duration", {"t": NAMESPACE}) is None
    assert find(task, "Principals/Principal/LogonType") == "InteractiveToken"
    assert find(task, "Principals/Principal/RunLevel") == "LeastPrivilege"
    assert find(task, "Actions/Exec/Command") == PROGRAM
    assert find(task, "Actions/Exec/Arguments") == "publish --due"
    assert find(task, "RegistrationInfo/URI") == URI


def test_the_schema_refuses_what_windows_would():
    """The check can fail: the trigger's elements out of order, a privilege level that does
    not exist, an action without a command."""
    text = task_xml([PROGRAM, "publish", "--due"], URI).decode("utf-16")
    broken = [
        text.replace(
            "<Enabled>true</Enabled>\n      <StartBoundary>", "<StartBoundary>", 1
        ).replace("</StartBoundary>", "</StartBoundary><Enabled>true</Enabled>", 1),
        text.replace("LeastPrivilege", "Lowest"),
        text.replace(f"<Command>{PROGRAM}</Command>", ""),
        text.replace('version="1.3"', 'version="1.2"'),
    ]
    for variant in broken:
        assert variant != text
        assert not SCHEMA.is_valid(ElementTree.fromstring(variant.encode("utf-16")))


@settings(deadline=None)  # a busy CI machine: time is not what is tested
@given(
    folders=st.lists(st.text(PATH_TEXT, min_size=1, max_size=20), min_size=1, max_size=4),
    arguments=st.lists(st.text(ARGUMENT)),
)
def test_any_windows_path_and_arguments_make_a_valid_task_that_runs_them(folders, arguments):
    program = "C:\\" + "\\".join(folders) + "\\omroeper-cli.exe"
    task = parsed(task_xml([program, *arguments], URI))
    SCHEMA.validate(task)
    assert find(task, "Actions/Exec/Command") == program
    said = task.find("t:Actions/t:Exec/t:Arguments", {"t": NAMESPACE})
    assert windows_argv(said.text if said is not None else "") == arguments


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ([r"C:\Users\%USERNAME%\omroeper-cli.exe"], "percent_variable"),
        ([PROGRAM, "--profile", r"D:\%TEMP%\profiel"], "percent_variable"),
        (["C:\\" + "a" * 260 + "\\omroeper-cli.exe"], "too_long"),
    ],
)
def test_what_task_scheduler_would_change_or_refuse_is_a_code(command, reason):
    with pytest.raises(OsTaskError) as raised:
        task_xml(command, URI)
    assert raised.value.code == "unusable_path"
    assert raised.value.details["reason"] == reason


def test_a_lone_percent_sign_is_kept():
    program = r"C:\Users\Cultuur 100% Zeker\omroeper-cli.exe"
    task = parsed(task_xml([program, "publish", "--due"], URI))
    assert find(task, "Actions/Exec/Command") == program
