"""Which program the OS task runs: the installed one, with `publish --due`.

- In a frozen build (the installers, PyInstaller) `sys.executable` is `Omroeper` or
  `omroeper-cli` in the one folder they share: the task runs `omroeper-cli` (a console program:
  its output and exit status are the command line's contract).
- Otherwise the `omroeper` console script of the environment that runs now (not whichever
  `omroeper` comes first on PATH: that may be another, older install); without one,
  `python -m composer` with this interpreter.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath

from composer.core.profile import ENVIRONMENT
from composer.core.scheduling.os_task.outcome import OsTaskError

CLI_EXE = "omroeper-cli"  # packaging/build_info.py: CLI_EXE
SCRIPT = "omroeper"  # pyproject.toml's [project.scripts]
DUE = ("publish", "--due")


def due_command(
    profile: Path | None = None,
    *,
    executable: str = sys.executable,
    frozen: bool = bool(getattr(sys, "frozen", False)),
    windows: bool = sys.platform == "win32",
    scripts: str | None = None,
) -> tuple[str, ...]:
    """The command line the task runs, program first; `--profile` only when one was chosen."""
    program = _program(executable, frozen=frozen, windows=windows, scripts=scripts)
    chosen = ("--profile", str(profile)) if profile is not None else ()
    command = (*program, *chosen, *DUE)
    usable(command)
    return command


def chosen_profile(
    explicit: str | Path | None = None, environ: Mapping[str, str] = os.environ
) -> Path | None:
    """The profile the task must name: the one chosen with --profile or OMROEPER_PROFILE (as
    `profile.profile_dir` finds it); None for the system's own folder, which the task finds
    by itself."""
    chosen = explicit or environ.get(ENVIRONMENT)
    return Path(chosen).expanduser().absolute() if chosen else None


def _program(executable: str, *, frozen: bool, windows: bool, scripts: str | None) -> list[str]:
    if frozen:
        path = PureWindowsPath(executable) if windows else PurePosixPath(executable)
        return [str(path.with_name(CLI_EXE + (".exe" if windows else "")))]
    folder = scripts if scripts is not None else sysconfig.get_path("scripts")
    found = shutil.which(SCRIPT, path=folder) if folder else None
    if found:
        return [str(Path(found).absolute())]
    return [executable, "-m", "composer"]


def usable(command: tuple[str, ...]) -> None:
    """Every format can carry these words: text without control characters that encodes as
    UTF-8 (a path read with undecodable bytes cannot, nor can a plist or XML hold a control
    character); the program's path is absolute, as each scheduler wants it."""
    for word in command:
        if not word:
            raise OsTaskError("unusable_path", {"reason": "empty"})
        if any(ord(char) < 32 or ord(char) == 127 for char in word):
            raise OsTaskError("unusable_path", {"reason": "control_character"})
        if "\ufffe" in word or "\uffff" in word:  # not characters: XML cannot hold them
            raise OsTaskError("unusable_path", {"reason": "not_a_character"})
        try:
            word.encode("utf-8")
        except UnicodeEncodeError:
            raise OsTaskError("unusable_path", {"reason": "not_unicode"}) from None
    if not _absolute(command[0]):
        raise OsTaskError("unusable_path", {"reason": "not_absolute"})


def _absolute(path: str) -> bool:
    return PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute()
