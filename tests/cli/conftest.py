import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_omroeper(
    *args: str,
    stdin: str = "",
    language: str = "en",
    cwd: Path | None = None,
    limits: tuple[str, ...] = (),
):
    """`limits`: a command the process runs under, e.g. ("prlimit", "--as=400000000")."""
    env = {**os.environ, "OMROEPER_LANGUAGE": language}
    return subprocess.run(
        [*limits, sys.executable, "-m", "composer", *args],
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
def cli(omroeper, secret_service, tmp_path, monkeypatch):
    """The command line with a profile of its own and the real (Secret Service) keyring.

    The OS task that scheduling installs goes to a configuration folder of its own
    (`run.config`), and no test reaches the person's own systemd user manager: without
    XDG_RUNTIME_DIR, `systemctl --user` asks the test's session bus, where there is none
    (the outcome is then `no_user_manager`, as on a computer without one)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    profile = tmp_path / "profile"

    def run(*args, stdin="", limits=()):
        return omroeper("--profile", str(profile), *args, stdin=stdin, limits=limits)

    run.profile = profile
    run.config = tmp_path / "config"
    return run


@pytest.fixture
def draft_file(tmp_path):
    def write(data: dict, name: str = "draft.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write
