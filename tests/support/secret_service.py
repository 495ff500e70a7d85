"""A real Secret Service for the tests: a private D-Bus session bus and gnome-keyring-daemon.

Both run as children of the test process, in a temporary home, and are stopped by PID
(the bus: tests/support/session_bus.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.session_bus import clean_environment, running_session_bus, stop

PASSWORD = "omroeper-test-login"
PROGRAMS = ("dbus-daemon", "gnome-keyring-daemon")
MISSING = (
    "gnome-keyring-daemon and dbus-daemon are needed for the real keyring tests: "
    "`apt-get install gnome-keyring dbus-daemon` (.ci/run installs them)"
)


@dataclass(frozen=True)
class SecretService:
    address: str  # DBUS_SESSION_BUS_ADDRESS of the private bus
    home: Path  # where gnome-keyring keeps its files

    def items(self, service: str) -> list[dict[str, str]]:
        """The attributes of every item stored for `service`, read straight from the daemon."""
        import secretstorage
        from jeepney.io.blocking import open_dbus_connection

        with closing(open_dbus_connection(self.address)) as connection:
            found = secretstorage.search_items(connection, {"service": service})
            return [item.get_attributes() for item in found]


def missing_programs() -> str:
    """What to install, or "" when everything is there."""
    missing = [name for name in PROGRAMS if shutil.which(name) is None]
    return f"{', '.join(missing)} not found. {MISSING}" if missing else ""


@contextmanager
def running_secret_service(folder: Path, timeout: float = 20.0) -> Iterator[SecretService]:
    if missing_programs():
        raise RuntimeError(missing_programs())
    programs = {name: str(shutil.which(name)) for name in PROGRAMS}
    home, runtime = folder / "home", folder / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    environment = clean_environment(home, runtime)
    with running_session_bus(folder, environment) as address:
        environment["DBUS_SESSION_BUS_ADDRESS"] = address
        with open(folder / "gnome-keyring.log", "wb") as output:
            daemon = subprocess.Popen(
                [
                    programs["gnome-keyring-daemon"],
                    "--foreground",
                    "--unlock",
                    "--components=secrets",
                    f"--control-directory={runtime / 'keyring'}",
                ],
                stdin=subprocess.PIPE,
                stdout=output,
                stderr=output,
                env=environment,
            )
        try:
            assert daemon.stdin is not None
            daemon.stdin.write(PASSWORD.encode())  # --unlock reads the login password until EOF
            daemon.stdin.close()
            _wait_until_ready(address, daemon, folder, timeout)
            yield SecretService(address, home)
        finally:
            stop(daemon)


def _wait_until_ready(address: str, daemon: subprocess.Popen, folder: Path, timeout: float) -> None:
    """Until the daemon owns its bus name and its default ("login") collection is unlocked."""
    import secretstorage
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    deadline = time.monotonic() + timeout
    problem = "did not start"
    with closing(open_dbus_connection(address)) as connection:
        while time.monotonic() < deadline:
            if daemon.poll() is not None:
                problem = f"exited with status {daemon.returncode}"
                break
            # NameHasOwner, unlike a call, can never start a second daemon
            owned = connection.send_and_get_reply(
                message_bus.NameHasOwner("org.freedesktop.secrets")
            )
            if owned.body[0]:
                try:
                    collection = secretstorage.get_default_collection(connection)
                    if not collection.is_locked():
                        return
                    problem = "left the login collection locked"
                except secretstorage.exceptions.SecretStorageException as error:
                    problem = f"has no default collection ({error})"
            time.sleep(0.05)
    log = (folder / "gnome-keyring.log").read_text(errors="replace")
    raise RuntimeError(f"gnome-keyring-daemon {problem}:\n{log}")


def is_supported_platform() -> bool:
    return sys.platform.startswith("linux")
