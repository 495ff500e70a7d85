import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_omroeper(*args: str, stdin: str = "", language: str = "en", cwd: Path | None = None):
    env = {**os.environ, "OMROEPER_LANGUAGE": language}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )


@pytest.fixture
def omroeper():
    return run_omroeper


@pytest.fixture
def draft_file(tmp_path):
    def write(data: dict, name: str = "draft.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write
