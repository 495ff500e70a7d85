"""A private D-Bus session bus for the tests, a child of the test process, stopped by PID.

It has no service directories, so nothing is ever started by D-Bus activation behind our back:
the tests start each service they need themselves (tests/support/secret_service.py,
tests/support/atspi.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

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


def clean_environment(home: Path, runtime: Path) -> dict[str, str]:
    """This process's environment without its desktop session (bus, keyring, display),
    with `home` as HOME and the XDG folders in it."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "GNOME_KEYRING", "DISPLAY", "WAYLAND", "AT_SPI"))
    }
    return environment | {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
    }


def stop(process: subprocess.Popen, timeout: float = 5.0) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


@contextmanager
def running_session_bus(folder: Path, environment: Mapping[str, str]) -> Iterator[str]:
    """A dbus-daemon; yields its address (DBUS_SESSION_BUS_ADDRESS)."""
    program = shutil.which("dbus-daemon")
    if program is None:
        raise RuntimeError("dbus-daemon not found: `apt-get install dbus-daemon`")
    (folder / "bus.conf").write_text(_BUS_CONFIG, encoding="utf-8")
    with open(folder / "dbus-daemon.log", "wb") as errors:
        bus = subprocess.Popen(
            [program, f"--config-file={folder / 'bus.conf'}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            stderr=errors,
            env=dict(environment),
            text=True,
        )
    try:
        address = bus.stdout.readline().strip() if bus.stdout else ""
        if not address:
            raise RuntimeError(f"dbus-daemon gave no address (exit status {bus.poll()})")
        yield address
    finally:
        stop(bus)
