"""A real Secret Service for the tests: a private D-Bus session bus and gnome-keyring-daemon.

Both run as children of the test process, in a temporary home, and are stopped by PID. The bus
has no service directories, so nothing is ever started by D-Bus activation behind our back.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

PASSWORD = "omroeper-test-login"
PROGRAMS = ("dbus-daemon", "gnome-keyring-daemon")
MISSING = (
    "gnome-keyring-daemon and dbus-daemon are needed for the real keyring tests: "
    "`apt-get install gnome-keyring dbus-daemon` (.ci/run installs them)"
)
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


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
    (folder / "bus.conf").write_text(_BUS_CONFIG, encoding="utf-8")
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "GNOME_KEYRING", "DISPLAY", "WAYLAND"))
    }
    environment |= {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    with open(folder / "dbus-daemon.log", "wb") as errors:
        bus = subprocess.Popen(
            [
                programs["dbus-daemon"],
                f"--config-file={folder / 'bus.conf'}",
                "--nofork",
                "--print-address=1",
            ],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            stderr=errors,
            env=environment,
            text=True,
        )
    daemon = None
    try:
        address = bus.stdout.readline().strip() if bus.stdout else ""
        if not address:
            raise RuntimeError(f"dbus-daemon gave no address (exit status {bus.poll()})")
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
        assert daemon.stdin is not None
        daemon.stdin.write(PASSWORD.encode())  # --unlock reads the login password until EOF
        daemon.stdin.close()
        _wait_until_ready(address, daemon, folder, timeout)
        yield SecretService(address, home)
    finally:
        for process in (daemon, bus):
            if process is not None:
                _stop(process)


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


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


def is_supported_platform() -> bool:
    return sys.platform.startswith("linux")
