"""The Linux accessibility bus (AT-SPI) for the tests, and a client that reads it as a screen
reader does.

`running_accessibility_bus()` starts a private session bus and at-spi-bus-launcher on it (which
starts the accessibility bus and, when first asked, its registry); all are children of the test
process, stopped by PID. `Reader` walks the registry's tree with jeepney, pure-Python D-Bus.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.support.session_bus import clean_environment, running_session_bus, stop

LAUNCHERS = (
    Path("/usr/libexec/at-spi-bus-launcher"),
    Path("/usr/lib/at-spi2-core/at-spi-bus-launcher"),  # older Debian and Ubuntu
)
MISSING = (
    "at-spi-bus-launcher is needed to read the window as a screen reader does: "
    "`apt-get install at-spi2-core` (.ci/run installs it)"
)
ROOT = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
ACCESSIBLE = "org.a11y.atspi.Accessible"
# AtspiStateType: bit numbers in the two 32-bit words GetState answers
FOCUSABLE, FOCUSED, SHOWING, VISIBLE = 11, 12, 25, 30
SCREEN_COORDS = 0  # ATSPI_COORD_TYPE_SCREEN


def launcher() -> Path | None:
    return next((path for path in LAUNCHERS if path.exists()), None)


@dataclass(frozen=True)
class AccessibilityBus:
    session: str  # the session bus address an application is given
    environment: dict[str, str]  # to start an application that speaks to it


@contextmanager
def running_accessibility_bus(folder: Path, display: str) -> Iterator[AccessibilityBus]:
    program = launcher()
    if program is None:
        raise RuntimeError(MISSING)
    home, runtime = folder / "home", folder / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    environment = clean_environment(home, runtime) | {"DISPLAY": display}
    with running_session_bus(folder, environment) as address:
        environment["DBUS_SESSION_BUS_ADDRESS"] = address
        with open(folder / "at-spi-bus-launcher.log", "wb") as log:
            bus = subprocess.Popen(
                [str(program), "--launch-immediately"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=environment,
                start_new_session=True,  # its children (the a11y bus, registry) go with it
            )
        try:
            a11y = _wait_for_address(address, bus, folder)
            yield AccessibilityBus(
                address,
                {
                    "DBUS_SESSION_BUS_ADDRESS": address,
                    "AT_SPI_BUS_ADDRESS": a11y,
                    "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                    "XDG_RUNTIME_DIR": str(runtime),
                },
            )
        finally:
            _stop_group(bus)


def _stop_group(process: subprocess.Popen) -> None:
    """The launcher and the bus and registry it started (its own process group, by its PID)."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    stop(process)
    with suppress(ProcessLookupError, PermissionError):  # what it started may linger a moment
        os.killpg(process.pid, signal.SIGKILL)


def _call(
    connection: DBusConnection,
    target: tuple[str, str, str],
    method: str,
    *,
    signature: str | None = None,
    body: tuple = (),
    timeout: float = 10.0,
) -> tuple:
    """Call `method` on `target` (bus name, object path, interface); the reply's body."""
    bus, path, interface = target
    message = new_method_call(DBusAddress(path, bus, interface), method, signature, body)
    reply = connection.send_and_get_reply(message, timeout=timeout)
    if reply.header.message_type is MessageType.error:
        raise RuntimeError(f"{interface}.{method} on {path}: {reply.body}")
    return reply.body


def _wait_for_address(session: str, launcher: subprocess.Popen, folder: Path) -> str:
    deadline = time.monotonic() + 30
    problem = "did not answer"
    with closing(open_dbus_connection(session)) as connection:
        while time.monotonic() < deadline:
            if launcher.poll() is not None:
                problem = f"exited with status {launcher.returncode}"
                break
            try:
                target = ("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus")
                (address,) = _call(connection, target, "GetAddress", timeout=2)
                if address:
                    return address
            except (RuntimeError, TimeoutError) as error:
                problem = str(error)
            time.sleep(0.1)
    log = (folder / "at-spi-bus-launcher.log").read_text(errors="replace")
    raise RuntimeError(f"at-spi-bus-launcher {problem}:\n{log}")


@dataclass
class Node:
    """One accessible object, as a screen reader gets it."""

    bus: str
    path: str
    role: str
    name: str
    states: frozenset[int]
    extents: tuple[int, int, int, int] | None  # x, y, width, height on the screen
    depth: int
    shown_above: bool = True  # every ancestor showing too (a closed popup's items are not)

    @property
    def focusable(self) -> bool:
        return FOCUSABLE in self.states

    @property
    def focused(self) -> bool:
        return FOCUSED in self.states

    @property
    def showing(self) -> bool:
        """Showing and visible, and so is everything around it."""
        return SHOWING in self.states and VISIBLE in self.states and self.shown_above


def _states(words: list[int]) -> frozenset[int]:
    return frozenset(
        32 * index + bit for index, word in enumerate(words) for bit in range(32) if word >> bit & 1
    )


class Reader:
    """Reads applications off the accessibility bus, as Orca would."""

    def __init__(self, address: str) -> None:
        self.connection = open_dbus_connection(address)

    def close(self) -> None:
        self.connection.close()

    def call(self, where: tuple[str, str], interface: str, method: str, *args: Any) -> tuple:
        """`method` of `interface` on the object at `where` (bus name, path); arguments are
        strings or, for the one number any of these take, a uint32."""
        signature = "".join("s" if isinstance(arg, str) else "u" for arg in args) or None
        return _call(self.connection, (*where, interface), method, signature=signature, body=args)

    def name(self, bus: str, path: str) -> str:
        properties = "org.freedesktop.DBus.Properties"
        ((_, value),) = self.call((bus, path), properties, "Get", ACCESSIBLE, "Name")
        return value

    def children(self, bus: str, path: str) -> list[tuple[str, str]]:
        (found,) = self.call((bus, path), ACCESSIBLE, "GetChildren")
        return [tuple(child) for child in found]

    def states(self, bus: str, path: str) -> frozenset[int]:
        (words,) = self.call((bus, path), ACCESSIBLE, "GetState")
        return _states(words)

    def node(self, bus: str, path: str, depth: int) -> Node:
        (role,) = self.call((bus, path), ACCESSIBLE, "GetRoleName")
        try:
            component = "org.a11y.atspi.Component"
            (box,) = self.call((bus, path), component, "GetExtents", SCREEN_COORDS)
            extents = tuple(box)
        except RuntimeError:  # no Component: not on screen at all (the application)
            extents = None
        return Node(bus, path, role, self.name(bus, path), self.states(bus, path), extents, depth)

    def application(self, name: str, timeout: float = 30.0) -> tuple[str, str]:
        """The application of that name under the registry's root, once it has registered."""
        deadline = time.monotonic() + timeout
        seen: list[str] = []
        while time.monotonic() < deadline:
            try:
                for bus, path in self.children(*ROOT):
                    seen.append(self.name(bus, path))
                    if seen[-1] == name:
                        return bus, path
            except (RuntimeError, TimeoutError):
                pass
            time.sleep(0.2)
        raise AssertionError(f"no application {name!r} on the accessibility bus, only {seen}")

    def walk(self, bus: str, path: str, limit: int = 3000) -> list[Node]:
        """Every object under (bus, path), depth first, as a screen reader's review reads."""
        nodes: list[Node] = []
        pending = [(bus, path, 0, True)]
        while pending and len(nodes) < limit:
            bus, path, depth, shown_above = pending.pop()
            try:
                node = self.node(bus, path, depth)
                below = self.children(bus, path)
            except RuntimeError:  # gone while we read (a widget deleted): skip it
                continue
            node.shown_above = shown_above
            nodes.append(node)
            shown = node.showing or depth == 0  # the application itself never "shows"
            pending += [(b, child, depth + 1, shown) for b, child in reversed(below)]
        return nodes
