"""The systemd user units: ExecStart's quoting holds any path (spaces, quotes, non-ASCII, `%`,
`$`), read back by the rules of systemd.service(5) and by the real `systemd-analyze verify`,
which checks that the program it names exists; the timer's calendar is systemd's own."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.core.scheduling.os_task import systemd
from composer.core.scheduling.os_task.systemd import exec_start, service_text, timer_text
from tests.support.command_lines import ran_by_systemd

# .ci/run installs systemd for it: fail, never skip, where it is missing
ANALYZE = shutil.which("systemd-analyze")

# what a path may hold that every format can carry (program.usable): no control characters,
# nothing that is not Unicode
# any character, and often those that mean something to systemd: %h is the home folder,
# $HOME the environment's, quotes and backslashes quote and escape
TEXT = st.one_of(
    st.sampled_from("%$hu{}'\"\\ "),
    st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"
    ),
)
NAME = st.text(TEXT, min_size=1, max_size=30).filter(
    lambda name: "/" not in name and name not in {".", ".."} and len(name.encode()) < 200
)


@settings(deadline=None)  # a busy CI machine: time is not what is tested
@given(program=st.lists(NAME, min_size=1, max_size=4), arguments=st.lists(st.text(TEXT)))
def test_any_path_and_argument_reach_the_program_as_they_were(program, arguments):
    command = ["/" + "/".join(program), *arguments]
    assert ran_by_systemd(exec_start(command)) == command


def test_a_dutch_name_with_an_apostrophe_goes_through_env():
    command = ["/home/José van 't Hof/.local/bin/omroeper", "--profile", "/srv/100% $HOME"]
    line = exec_start(command)
    assert line == (
        '"/usr/bin/env" "/home/José van \'t Hof/.local/bin/omroeper" "--profile" '
        '"/srv/100%% $$HOME"'
    )
    assert ran_by_systemd(line) == command


def verify(*units: Path, runtime: Path) -> subprocess.CompletedProcess[str]:
    assert ANALYZE, "systemd-analyze is missing (Debian's package systemd; see .ci/run)"
    return subprocess.run(
        [ANALYZE, "verify", "--user", *map(str, units)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        # a user manager's runtime folder, of its own: nothing of the machine's is asked
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "SYSTEMD_LOG_COLOR": "0"},
    )


def write_units(folder: Path, command: list[str]) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    service, timer = folder / systemd.SERVICE, folder / systemd.TIMER
    service.write_text(service_text(command), encoding="utf-8")
    timer.write_text(timer_text(), encoding="utf-8")
    return service, timer


def make_program(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(folder=NAME.filter(lambda name: not set(name) & set("'\"\\")))
def test_systemd_finds_the_program_at_a_path_with_spaces_percent_dollar_and_accents(
    tmp_path, folder
):
    """systemd-analyze verify fails when the executable it read does not exist: it read ours."""
    base = Path(tmp_path / "run")
    shutil.rmtree(base, ignore_errors=True)
    program = base / "programs" / folder / "omroeper"
    make_program(program)
    units = write_units(base / "units", [str(program), "publish", "--due"])
    (base / "runtime").mkdir()
    checked = verify(*units, runtime=base / "runtime")
    assert checked.returncode == 0, checked.stderr


def test_verify_fails_when_the_program_is_not_there(tmp_path):
    """The check above can fail: a unit whose program is missing does not pass."""
    units = write_units(tmp_path / "units", [str(tmp_path / "José van Hof" / "omroeper")])
    (tmp_path / "runtime").mkdir()
    checked = verify(*units, runtime=tmp_path / "runtime")
    assert checked.returncode != 0
    assert "José van Hof/omroeper" in checked.stderr


def test_a_path_with_an_apostrophe_passes_verify_through_env(tmp_path):
    program = tmp_path / "home" / "José van 't Hof" / "omroeper"
    make_program(program)
    units = write_units(tmp_path / "units", [str(program), "publish", "--due"])
    (tmp_path / "runtime").mkdir()
    checked = verify(*units, runtime=tmp_path / "runtime")
    assert checked.returncode == 0, checked.stderr
    # without env, systemd refuses it: the reason the route exists
    service = units[0]
    direct = service.read_text(encoding="utf-8").replace(f'"{systemd.ENV}" ', "")
    service.write_text(direct, encoding="utf-8")
    refused = verify(*units, runtime=tmp_path / "runtime")
    assert refused.returncode != 0
    assert "special characters" in refused.stderr


def test_the_service_runs_once_per_start_bounded_in_time():
    text = service_text(["/opt/Omroeper/omroeper-cli", "publish", "--due"])
    assert "Type=oneshot\n" in text
    assert 'ExecStart="/opt/Omroeper/omroeper-cli" "publish" "--due"\n' in text
    assert "TimeoutStartSec=1h\n" in text


def test_the_timer_fires_every_five_minutes_and_catches_up_missed_starts():
    text = timer_text()
    assert "Persistent=true\n" in text
    assert f"Unit={systemd.SERVICE}\n" in text
    assert "WantedBy=timers.target\n" in text
    calendar = subprocess.run(
        [ANALYZE or "systemd-analyze", "calendar", "--iterations=3", systemd.EVERY],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "TZ": "UTC", "SYSTEMD_LOG_COLOR": "0"},
    )
    assert "Normalized form: *-*-* *:00/5:00" in calendar.stdout
    minutes = [
        line.split(":")[-2]
        for line in calendar.stdout.splitlines()
        if "Next elapse" in line or "Iter." in line
    ]
    assert [int(minute) % 5 for minute in minutes] == [0, 0, 0]


@pytest.mark.parametrize(
    "program", ["/opt/a b/omroeper", "/opt/100%h/omroeper", "/opt/$HOME ${X}/omroeper", "/opt/é/o"]
)
def test_both_units_pass_verify_together(tmp_path, program):
    make_program(Path(program.replace("/opt", str(tmp_path))))
    units = write_units(tmp_path / "units", [program.replace("/opt", str(tmp_path)), "x"])
    (tmp_path / "runtime").mkdir()
    checked = verify(*units, runtime=tmp_path / "runtime")
    assert checked.returncode == 0, checked.stderr
