"""The README's two commands are the ones CI and new users run: keep them true."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)


def test_readme_gives_start_and_test_commands():
    start, test = _commands()[:2]
    assert start.endswith(".venv/bin/omroeper")
    assert "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    test = _commands()[1]
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == test


def test_console_command_is_declared():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'omroeper = "composer.__main__:main"' in pyproject
