"""Installing the Task Scheduler task, on Linux: the XML is written into a temporary local app
data folder for real, and the exact schtasks commands are checked without running them."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import xmlschema

from composer.core.scheduling.os_task.ensure import ensure_task
from composer.core.scheduling.os_task.runner import Ran
from composer.core.scheduling.os_task.task_scheduler import NAMESPACE
from composer.core.scheduling.os_task.windows import task_name
from tests.support.fake_scheduler import FakeScheduler

SCHEMA = xmlschema.XMLSchema10(Path(__file__).with_name("data") / "task_scheduler.xsd")
USER = "José van 't Hof"
NAME = "Omroeper\\Publish (José van 't Hof)"
QUERY = ["schtasks", "/Query", "/TN", NAME]
PROGRAM = r"C:\Users\José van 't Hof\AppData\Local\Programs\Omroeper\omroeper-cli.exe"
COMMAND = (PROGRAM, "publish", "--due")
MOVED = (r"D:\Programma's\Omroeper\omroeper-cli.exe", "publish", "--due")
ABSENT = Ran(1, "ERROR: The system cannot find the file specified.")


def ensure(wanted, tmp_path, run, command=COMMAND):
    environ = {"USERNAME": USER, "LOCALAPPDATA": str(tmp_path / "Local")}
    return ensure_task(
        wanted, command=command, platform="win32", run=run, environ=environ, home=tmp_path
    )


def xml_file(tmp_path):
    return tmp_path / "Local" / "Omroeper" / "omroeper-due.xml"


def create(tmp_path):
    return ["schtasks", "/Create", "/XML", str(xml_file(tmp_path)), "/TN", NAME, "/F"]


def test_installing_writes_the_xml_and_creates_the_task_for_this_user(tmp_path):
    tools = FakeScheduler({("schtasks", "/Query"): ABSENT})
    outcome = ensure(True, tmp_path, tools)
    assert (outcome.code, outcome.details) == ("installed", {"task": NAME})
    task = ElementTree.fromstring(xml_file(tmp_path).read_bytes())
    SCHEMA.validate(task)
    assert task.find(f"{{{NAMESPACE}}}RegistrationInfo/{{{NAMESPACE}}}URI").text == "\\" + NAME
    assert tools.taken() == [create(tmp_path)]  # a new file: no need to ask first


def test_installing_twice_leaves_one_task(tmp_path):
    tools = FakeScheduler({("schtasks", "/Query"): ABSENT})
    ensure(True, tmp_path, tools)
    tools.taken()
    tools.answer(("schtasks", "/Query"), Ran(0))
    assert ensure(True, tmp_path, tools).code == "up_to_date"
    assert tools.taken() == [QUERY]


def test_a_task_someone_deleted_is_created_again(tmp_path):
    tools = FakeScheduler({("schtasks", "/Query"): ABSENT})
    ensure(True, tmp_path, tools)
    tools.taken()
    assert ensure(True, tmp_path, tools).code == "up_to_date"
    assert tools.taken() == [QUERY, create(tmp_path)]


def test_a_program_that_moved_replaces_the_task(tmp_path):
    tools = FakeScheduler()
    ensure(True, tmp_path, tools)
    tools.taken()
    assert ensure(True, tmp_path, tools, command=MOVED).code == "installed"
    assert MOVED[0] in xml_file(tmp_path).read_bytes().decode("utf-16")
    assert tools.taken() == [create(tmp_path)]  # /F: the new one replaces the old


def test_removing_deletes_the_task_and_the_file_and_twice_is_fine(tmp_path):
    tools = FakeScheduler()
    ensure(True, tmp_path, tools)
    tools.taken()
    assert ensure(False, tmp_path, tools).code == "removed"
    assert not xml_file(tmp_path).exists()
    assert tools.taken() == [QUERY, ["schtasks", "/Delete", "/TN", NAME, "/F"]]
    tools.answer(("schtasks", "/Query"), ABSENT)
    assert ensure(False, tmp_path, tools).code == "absent"
    assert tools.taken() == [QUERY]


def test_a_refusal_is_a_code_with_what_schtasks_said(tmp_path):
    tools = FakeScheduler(
        {
            ("schtasks", "/Query"): ABSENT,
            ("schtasks", "/Create"): Ran(1, "ERROR: Access is denied."),
        }
    )
    outcome = ensure(True, tmp_path, tools)
    assert outcome.code == "scheduler_failed"
    assert outcome.details == {
        "tool": "schtasks",
        "status": 1,
        "output": "ERROR: Access is denied.",
    }


def test_the_task_name_is_the_persons_and_holds_nothing_a_name_may_not():
    assert task_name({"USERNAME": USER}) == NAME
    assert task_name({"USERNAME": 'a/b:c*"d'}) == "Omroeper\\Publish (a_b_c__d)"
    assert task_name({}) == "Omroeper\\Publish"


def test_without_localappdata_the_xml_goes_under_the_home_folder(tmp_path):
    ensure_task(
        True, command=COMMAND, platform="win32", run=FakeScheduler(), environ={}, home=tmp_path
    )
    assert (tmp_path / "AppData" / "Local" / "Omroeper" / "omroeper-due.xml").is_file()
