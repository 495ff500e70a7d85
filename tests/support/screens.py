"""Real (virtual) laptop screens for the window: Xvfb servers, and the real app run on them.

Each screen size gets one Xvfb for the whole test session (`Screens`); the app runs in its own
process on it (`RunningApp`), started as a person starts it, and answers through the probe in
tests/support/screen_probe.py. Everything is a child of the test process, stopped by PID.

Also a tool for the documentation's screenshots:

python -m tests.support.screens 1366x768 docs/screenshots/laptop-1366x768-nl.png
python -m tests.support.screens 1280x720@1.25 docs/screenshots/laptop-1280x720-125-nl.png --screen

--screen saves the whole screen as a person sees it (what lies beyond it is cut off), else the
window as drawn, in device pixels (at 125 % a 1280 × 720 window is 1600 × 900).
"""

from __future__ import annotations

import json
import os
import queue
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.session_bus import stop

ROOT = Path(__file__).resolve().parents[2]
MISSING = "Xvfb is needed for the screen tests: `apt-get install xvfb` (.ci/run installs it)"
START_TIMEOUT = 90.0  # a cold start on a busy 2-core CI machine, photos and all
ANSWER_TIMEOUT = 30.0
PREFIX = "@probe "


@dataclass(frozen=True)
class Xvfb:
    display: str  # ":42"
    width: int
    height: int
    process: subprocess.Popen = field(repr=False, compare=False)


@contextmanager
def running_xvfb(width: int, height: int, log: Path, timeout: float = 30.0) -> Iterator[Xvfb]:
    """An X server with one screen of width × height pixels, 24-bit colour, no network.

    Xvfb picks a free display number itself and writes it to -displayfd once it takes
    connections: no guessing, no race with another test run on the same machine."""
    program = shutil.which("Xvfb")
    if program is None:
        raise RuntimeError(MISSING)
    read, write = os.pipe()
    with open(log, "wb") as errors:
        process = subprocess.Popen(
            [
                program,
                "-displayfd",
                str(write),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write,),
            stdin=subprocess.DEVNULL,
            stdout=errors,
            stderr=errors,
        )
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + timeout
        while not number.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or process.poll() is not None:
                raise RuntimeError(f"Xvfb did not start:\n{log.read_text(errors='replace')}")
            if select.select([read], [], [], min(left, 0.5))[0]:
                chunk = os.read(read, 16)
                if not chunk:  # closed without a number: it failed
                    continue
                number += chunk
        yield Xvfb(f":{int(number)}", width, height, process)
    finally:
        os.close(read)
        stop(process)


class Screens:
    """One Xvfb per size, started on first use and kept for the session."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stack = ExitStack()
        self._servers: dict[tuple[int, int], Xvfb] = {}

    def get(self, width: int, height: int) -> Xvfb:
        if (width, height) not in self._servers:
            log = self.folder / f"xvfb-{width}x{height}.log"
            self._servers[width, height] = self._stack.enter_context(
                running_xvfb(width, height, log)
            )
        return self._servers[width, height]

    def close(self) -> None:
        self._stack.close()


class ProbeError(AssertionError):
    pass


class RunningApp:
    """The real Omroeper in a child process on an Xvfb screen; `ask()` talks to its probe."""

    def __init__(
        self,
        screen: Xvfb,
        profile: Path,
        *,
        scale: float = 1.0,
        language: str = "nl",
        environment: dict[str, str] | None = None,
    ) -> None:
        self.screen, self.profile, self.scale = screen, profile, scale
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "DISPLAY", "WAYLAND", "OMROEPER_", "XDG_SESSION"))
        }
        env |= {
            "DISPLAY": screen.display,
            "QT_QPA_PLATFORM": "xcb",
            "OMROEPER_LANGUAGE": language,
            "OMROEPER_PROFILE": str(profile),
            "LANG": "nl_NL.UTF-8" if language == "nl" else "en_US.UTF-8",
            "PYTHONPATH": str(ROOT),
        }
        if scale != 1.0:
            env["QT_SCALE_FACTOR"] = f"{scale:g}"
        env |= environment or {}
        self.stderr_path = profile.parent / f"{profile.name}-stderr.log"
        self._stderr = open(self.stderr_path, "wb")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.screen_probe", str(profile)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, name="probe-answers", daemon=True).start()
        self.ready: dict[str, Any] = self._next(START_TIMEOUT, "start and settle")["ready"]

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(PREFIX):
                self._answers.put(json.loads(line[len(PREFIX) :]))
        self._answers.put(None)  # the app has ended

    def _next(self, timeout: float, doing: str) -> dict[str, Any]:
        try:
            answer = self._answers.get(timeout=timeout)
        except queue.Empty:
            waited = f"the app did not {doing} within {timeout:g} s"
            raise ProbeError(waited + self._tail()) from None
        if answer is None:
            self.process.wait(timeout=10)
            raise ProbeError(
                f"the app ended (status {self.process.returncode}) before it could "
                f"{doing}{self._tail()}"
            )
        if "error" in answer:
            raise ProbeError(f"the probe could not {doing}: {answer['error']}")
        return answer

    def _tail(self) -> str:
        self._stderr.flush()
        text = self.stderr_path.read_text(errors="replace")[-3000:]
        return f"\n--- its stderr ---\n{text}" if text.strip() else ""

    def ask(self, what: str, timeout: float = ANSWER_TIMEOUT, **details: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"do": what, **details}) + "\n")
        self.process.stdin.flush()
        return self._next(timeout, what)

    def report(self) -> dict[str, Any]:
        return self.ask("report")

    def close(self, timeout: float = 30.0) -> int:
        """Close the window as a person does; the app's exit status once it has ended."""
        answer = self.ask("close")
        if not answer["closed"]:
            raise ProbeError("the window refused to close")
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ProbeError(f"the app did not end after its window closed{self._tail()}") from None
        self.stop()
        return status

    def stop(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            with suppress(BrokenPipeError):
                self.process.stdin.close()
        stop(self.process, timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._stderr.close()


def inside(inner: list[int], outer: list[int]) -> bool:
    """Whether rectangle `inner` [x, y, w, h] lies wholly within `outer`."""
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


def parse_size(text: str) -> tuple[int, int, float]:
    """'1280x720@1.25' → (1280, 720, 1.25)."""
    size, _, scale = text.partition("@")
    width, height = (int(part) for part in size.split("x"))
    return width, height, float(scale or 1)


def screenshot(
    size: str,
    out: Path,
    language: str = "nl",
    *,
    whole_screen: bool = False,
    scheduled: bool = False,
    editing: bool = False,
) -> dict[str, Any]:
    """The real window on a fresh sample profile on a screen of `size`, saved as PNG."""
    from tests.support.sample_profile import sample_profile

    width, height, scale = parse_size(size)
    with tempfile.TemporaryDirectory(prefix="omroeper-shot-") as folder:
        screens = Screens(Path(folder))
        try:
            profile = sample_profile(
                Path(folder) / "profile", language, scheduled=scheduled, editing=editing
            )
            app = RunningApp(screens.get(width, height), profile, scale=scale, language=language)
            try:
                saved = app.ask("screenshot", path=str(out.resolve()), screen=whole_screen)
                app.close()
            finally:
                app.stop()
        finally:
            screens.close()
    return {"ready": app.ready, **saved}


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description="The real window on a virtual screen, as PNG.")
    parser.add_argument("size", help="WIDTHxHEIGHT[@SCALE], e.g. 1280x720@1.25")
    parser.add_argument("out", type=Path, help="the PNG file to write")
    parser.add_argument("--language", default="nl", choices=("nl", "en"))
    parser.add_argument("--screen", action="store_true", help="the whole screen, not the window")
    parser.add_argument("--scheduled", action="store_true", help="with a scheduled message")
    parser.add_argument("--editing", action="store_true", help="changing a published message")
    arguments = parser.parse_args()
    answer = screenshot(
        arguments.size,
        arguments.out,
        arguments.language,
        whole_screen=arguments.screen,
        scheduled=arguments.scheduled,
        editing=arguments.editing,
    )
    print(json.dumps({"saved": answer["saved"], "window": answer["ready"]["window"]}))
    return 0 if answer["saved"] else 1


if __name__ == "__main__":
    sys.exit(main())
