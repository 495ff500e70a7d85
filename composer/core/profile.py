"""Where one person's (or one organisation's) drafts, accounts and settings live."""

from __future__ import annotations

import os
from pathlib import Path

from composer.core.private_files import FOLDER_MODE, tighten
from composer.core.store.errors import StoreError, from_os_error

ENVIRONMENT = "OMROEPER_PROFILE"


def profile_dir(explicit: str | Path | None = None) -> Path:
    """--profile, else OMROEPER_PROFILE, else the system's data folder; created if missing."""
    chosen = explicit or os.environ.get(ENVIRONMENT) or _system_folder()
    folder = Path(chosen).expanduser().absolute()
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except FileExistsError:
        raise StoreError("io_error", {"path": str(folder), "reason": "not a folder"}) from None
    except OSError as error:
        raise from_os_error(error, folder) from None
    tighten(folder)  # a profile from before: its files were readable by every local user
    return folder


def named_profile(folder: Path) -> Path | None:
    """`folder`, unless it is the system's own data folder (None): what a command run for
    this profile later (the OS task) must name with --profile."""
    folder = folder.expanduser().absolute()
    return None if folder == Path(_system_folder()).expanduser().absolute() else folder


def _system_folder() -> str:
    from platformdirs import user_data_dir  # only when no folder was given: ~3 ms at start-up

    return user_data_dir("Omroeper", appauthor=False)
