"""Which program the OS task runs: the frozen omroeper-cli, this environment's console script,
or this interpreter with -m composer; and paths no scheduler format can carry give a code."""

from __future__ import annotations

import plistlib
import subprocess
import sys
import sysconfig
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer import __version__
from composer.core.scheduling.os_task.launchd import agent_plist
from composer.core.scheduling.os_task.outcome import OsTaskError
from composer.core.scheduling.os_task.program import chosen_profile, due_command
from composer.core.scheduling.os_task.systemd import exec_start
from composer.core.scheduling.os_task.task_scheduler import NAMESPACE, task_xml
from tests.support.command_lines import ran_by_systemd, windows_argv


def test_a_frozen_build_runs_the_console_program_beside_it():
    command = due_command(executable="/opt/Omroeper/Omroeper", frozen=True, windows=False)
    assert command == ("/opt/Omroeper/omroeper-cli", "publish", "--due")


def test_a_frozen_windows_build_runs_omroeper_cli_exe():
    executable = r"C:\Users\José van 't Hof\AppData\Local\Programs\Omroeper\Omroeper.exe"
    command = due_command(executable=executable, frozen=True, windows=True)
    folder = r"C:\Users\José van 't Hof\AppData\Local\Programs\Omroeper"
    assert command == (folder + r"\omroeper-cli.exe", "publish", "--due")


def test_the_macos_app_runs_omroeper_cli_inside_the_bundle():
    executable = "/Applications/Omroeper.app/Contents/MacOS/Omroeper"
    command = due_command(executable=executable, frozen=True, windows=False)
    assert command[0] == "/Applications/Omroeper.app/Contents/MacOS/omroeper-cli"


def test_otherwise_the_console_script_of_this_environment(tmp_path):
    scripts = tmp_path / "José van 't Hof" / "bin"
    scripts.mkdir(parents=True)
    script = scripts / "omroeper"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    profile = tmp_path / "Mijn profiel"
    python = "/usr/bin/python3"
    command = due_command(profile, executable=python, frozen=False, scripts=str(scripts))
    assert command == (str(script), "--profile", str(profile), "publish", "--due")


def test_without_a_console_script_this_interpreter_runs_the_package(tmp_path):
    command = due_command(executable="/usr/bin/python3", frozen=False, scripts=str(tmp_path))
    assert command == ("/usr/bin/python3", "-m", "composer", "publish", "--due")


def test_the_chosen_program_here_is_this_environments_omroeper_and_it_runs():
    command = due_command()
    assert Path(command[0]).parent == Path(sysconfig.get_path("scripts")).absolute()
    assert command[1:] == ("publish", "--due")
    shown = subprocess.run(
        [command[0], "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert shown.stdout.strip() == f"omroeper {__version__}"


def test_the_fallback_runs_the_package_with_this_interpreter(tmp_path):
    command = due_command(frozen=False, scripts=str(tmp_path))
    shown = subprocess.run(
        [*command[:-2], "--version"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,  # not the checkout: the installed package answers
    )
    assert command[:3] == (sys.executable, "-m", "composer")
    assert shown.stdout.strip() == f"omroeper {__version__}"


@pytest.mark.parametrize(
    ("profile", "reason"),
    [
        ("/home/a\nb", "control_character"),
        ("/home/a\x7fb", "control_character"),
        ("/home/jos\udce9", "not_unicode"),  # a byte that was not UTF-8, read by os.fsdecode
        ("/home/\uffff", "not_a_character"),
    ],
)
def test_a_path_no_format_can_carry_is_a_code(profile, reason):
    with pytest.raises(OsTaskError) as raised:
        due_command(Path(profile), executable="/opt/O/Omroeper", frozen=True, windows=False)
    assert (raised.value.code, raised.value.details["reason"]) == ("unusable_path", reason)


def test_a_relative_program_is_a_code(tmp_path):
    with pytest.raises(OsTaskError) as raised:
        due_command(executable="python3", frozen=False, scripts=str(tmp_path))
    assert raised.value.details == {"reason": "not_absolute"}


def test_the_task_names_a_profile_only_when_one_was_chosen(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert chosen_profile(None, {}) is None
    assert chosen_profile("Mijn profiel", {}) == tmp_path / "Mijn profiel"
    assert chosen_profile(None, {"OMROEPER_PROFILE": "/srv/omroeper"}) == Path("/srv/omroeper")
    chosen = chosen_profile("/a", {"OMROEPER_PROFILE": "/b"})
    assert chosen == Path("/a")  # --profile wins, as in profile.profile_dir


@settings(deadline=None)  # a busy CI machine: time is not what is tested
@given(profile=st.text(st.characters(codec="utf-8"), min_size=1))
def test_whatever_is_usable_every_format_carries_and_the_rest_is_a_code(profile):
    """Any profile path at all (control characters, non-characters, undecodable bytes): either
    a code, or a command that the plist, the Task Scheduler XML and ExecStart all hold as is."""
    try:
        command = due_command(Path("/p") / profile, executable="/o/Omroeper", frozen=True)
    except OsTaskError as refused:
        assert refused.code == "unusable_path"
        return
    assert plistlib.loads(agent_plist(command))["ProgramArguments"] == list(command)
    try:
        task = ElementTree.fromstring(task_xml(command, "\\Omroeper\\Publish"))
    except OsTaskError as refused:  # what Task Scheduler would expand (%NAME%)
        assert refused.details["reason"] == "percent_variable"
    else:
        exec_ = f"{{{NAMESPACE}}}Actions/{{{NAMESPACE}}}Exec/{{{NAMESPACE}}}"
        assert task.findtext(exec_ + "Command") == command[0]
        assert windows_argv(task.findtext(exec_ + "Arguments") or "") == list(command[1:])
    assert ran_by_systemd(exec_start(command)) == list(command)
