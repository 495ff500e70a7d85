"""ensure_task, the one entry point: on this Linux machine with the real program it picks,
the units it writes pass the real `systemd-analyze verify`; what a computer lacks is a code."""

from __future__ import annotations

import os
import shutil
import subprocess

from composer.core.scheduling.os_task import systemd
from composer.core.scheduling.os_task.ensure import ensure_task
from composer.core.scheduling.os_task.outcome import DONE, FAILURES
from composer.core.scheduling.os_task.program import due_command
from tests.support.fake_scheduler import FakeScheduler


def test_the_task_for_this_installation_passes_systemd_analyze_verify(tmp_path):
    config, runtime = tmp_path / "config", tmp_path / "runtime"
    runtime.mkdir()
    profile = tmp_path / "José van 't Hof" / "profiel 100%"
    outcome = ensure_task(
        True,
        profile=profile,
        platform="linux",
        run=FakeScheduler(),
        environ={"XDG_CONFIG_HOME": str(config)},
        home=tmp_path,
    )
    assert outcome.code == "installed"
    folder = config / "systemd" / "user"
    service = (folder / systemd.SERVICE).read_text(encoding="utf-8")
    assert systemd.exec_start(due_command(profile)) in service
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is missing (Debian's package systemd; see .ci/run)"
    checked = subprocess.run(
        [analyze, "verify", "--user", str(folder / systemd.SERVICE), str(folder / systemd.TIMER)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "SYSTEMD_LOG_COLOR": "0"},
    )
    assert checked.returncode == 0, checked.stderr


def test_an_unusable_path_is_a_code_and_nothing_is_written(tmp_path):
    tools = FakeScheduler()
    outcome = ensure_task(
        True,
        profile=tmp_path / "a\nb",
        platform="linux",
        run=tools,
        environ={"XDG_CONFIG_HOME": str(tmp_path / "config")},
        home=tmp_path,
    )
    assert (outcome.code, outcome.ok) == ("unusable_path", False)
    assert not (tmp_path / "config").exists()
    assert tools.taken() == []


def test_another_platform_is_a_code(tmp_path):
    for wanted in (True, False):
        outcome = ensure_task(
            wanted, command=("/usr/local/bin/omroeper",), platform="freebsd14", home=tmp_path
        )
        assert outcome.code == "unsupported_platform"


def test_a_folder_that_cannot_be_written_is_a_code(tmp_path):
    blocked = tmp_path / "config"
    blocked.write_text("a file where the folder should be")
    outcome = ensure_task(
        True,
        command=("/opt/Omroeper/omroeper-cli", "publish", "--due"),
        platform="linux",
        run=FakeScheduler(),
        environ={"XDG_CONFIG_HOME": str(blocked)},
        home=tmp_path,
    )
    assert outcome.code == "io_error"
    assert outcome.details["path"].startswith(str(blocked))


def test_the_codes_are_apart():
    assert DONE.isdisjoint(FAILURES)
    assert {"installed", "up_to_date", "removed", "absent"} == DONE


def test_by_default_the_environment_says_where_the_units_go(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "from the environment"))
    outcome = ensure_task(
        True, command=("/opt/Omroeper/omroeper-cli",), platform="linux", run=FakeScheduler()
    )
    assert outcome.code == "installed"
    folder = tmp_path / "from the environment" / "systemd" / "user"
    assert sorted(path.name for path in folder.iterdir()) == [systemd.SERVICE, systemd.TIMER]


def test_a_file_that_cannot_be_replaced_is_a_code_and_leaves_nothing_behind(tmp_path):
    folder = tmp_path / "config" / "systemd" / "user"
    (folder / systemd.SERVICE).mkdir(parents=True)  # a folder where the unit should be
    outcome = ensure_task(
        True,
        command=("/opt/Omroeper/omroeper-cli", "publish", "--due"),
        platform="linux",
        run=FakeScheduler(),
        environ={"XDG_CONFIG_HOME": str(tmp_path / "config")},
        home=tmp_path,
    )
    assert (outcome.code, outcome.details["path"]) == ("io_error", str(folder / systemd.SERVICE))
    assert sorted(path.name for path in folder.iterdir()) == [systemd.SERVICE]
