"""Start-up: from starting the process to a usable window (shown, painted, its events handled),
against a bare PySide6 QMainWindow started the same way in the same run. Target: at most 1.5x.

Each start is a fresh process; both print a line once the first paint is done and quit, and the
clock stops when that line arrives (quitting is not counted). Each also reports the processor
time it used up to that paint: on a busy machine wall-clock medians wander by a third, processor
time far less, so both ratios are printed.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5

BARE_WINDOW = """
import json
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)


def done():
    print(json.dumps({"cpu_seconds": time.process_time()}), flush=True)
    app.quit()


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False


probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _environment(scratch: Path) -> dict[str, str]:
    environment = {**os.environ, "OMROEPER_STARTUP_PROBE": "1", "OMROEPER_LANGUAGE": "en"}
    environment.pop("OMROEPER_PROFILE", None)
    # compiled files, as an installed app has them (kept out of the source tree)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_display:
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    return environment


def _seconds_to_paint(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and processor seconds from starting the process to its first paint."""
    start = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment, text=True
    ) as process:
        line = process.stdout.readline() if process.stdout else ""
        elapsed = time.perf_counter() - start
        process.wait(timeout=60)
    if not line.strip():
        raise RuntimeError(f"{command} ended without showing its window")
    return elapsed, json.loads(line)["cpu_seconds"]


def _profile_with_drafts(folder: Path, drafts: int = 30) -> Path:
    """A profile as a person's looks after some weeks: drafts to list, the last one to open."""
    from composer.core.drafts.draft import Draft
    from composer.core.store.store import Store

    store = Store.open(folder)
    try:
        for number in range(drafts):
            text = f"Draft {number}: open day at the library, see https://example.org/{number} "
            store.create_draft(Draft(title=f"Draft {number}", text=text * 4, language="nl"))
    finally:
        store.close()
    return folder


def run(rounds: int = 11) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="omroeper-bench-") as folder:
        scratch = Path(folder)
        environment = _environment(scratch)
        omroeper = [sys.executable, "-m", "composer"]
        if sys.platform.startswith("linux"):  # started as a person does: the system's folder
            environment["XDG_DATA_HOME"] = str(scratch / "data")
            _profile_with_drafts(scratch / "data" / "Omroeper")
        else:
            omroeper += ["--profile", str(_profile_with_drafts(scratch / "profile"))]
        bare = [sys.executable, "-c", BARE_WINDOW]
        for command in (omroeper, bare):  # warm the disk cache, write the compiled files
            _seconds_to_paint(command, environment)
        ours, theirs = [], []
        for _ in range(rounds):  # interleaved, so a busy moment hits both alike
            ours.append(_seconds_to_paint(omroeper, environment))
            theirs.append(_seconds_to_paint(bare, environment))
    omroeper_s = statistics.median(wall for wall, _cpu in ours)
    bare_s = statistics.median(wall for wall, _cpu in theirs)
    omroeper_cpu = statistics.median(cpu for _wall, cpu in ours)
    bare_cpu = statistics.median(cpu for _wall, cpu in theirs)
    return {
        "omroeper": omroeper_s,
        "bare": bare_s,
        "ratio": omroeper_s / bare_s,
        "omroeper_cpu": omroeper_cpu,
        "bare_cpu": bare_cpu,
        "cpu_ratio": omroeper_cpu / bare_cpu,
    }


def report() -> str:
    rounds = 11
    figures = run(rounds)
    platform = os.environ.get("QT_QPA_PLATFORM") or _environment(Path()).get(
        "QT_QPA_PLATFORM", "the system's display"
    )
    return (
        f"Start-up to a usable window, painted (median of {rounds} starts, platform {platform}):\n"
        f"                           wall clock   processor\n"
        f"  bare PySide6 QMainWindow {figures['bare'] * 1000:6.0f} ms    "
        f"{figures['bare_cpu'] * 1000:6.0f} ms\n"
        f"  Omroeper (30 drafts)     {figures['omroeper'] * 1000:6.0f} ms    "
        f"{figures['omroeper_cpu'] * 1000:6.0f} ms\n"
        f"  ratio                    {figures['ratio']:6.2f}x      {figures['cpu_ratio']:6.2f}x"
        f"   target at most {TARGET}x"
    )


if __name__ == "__main__":
    print(report())
