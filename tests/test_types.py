"""mypy is the project's type check: 0 errors in composer/, strict on composer.core.

The settings live in pyproject.toml ([tool.mypy]); these run them the way CI does.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _mypy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_mypy_finds_no_errors_in_composer(tmp_path):
    result = _mypy(tmp_path)  # the files and the per-module settings of pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_passes_mypy_strict(tmp_path):
    # pyproject.toml spells --strict's flags out for composer.core (a `strict = true` there
    # would reach every module): this holds the list to what --strict means in this mypy
    result = _mypy(tmp_path, "--strict", "-p", "composer.core")
    assert result.returncode == 0, result.stdout + result.stderr
