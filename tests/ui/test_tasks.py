"""composer/ui/tasks.py: work in the pool, everything back on the GUI thread, nothing delivered
to a widget that is gone; and it is the only module in composer/ui that starts threads."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

import composer
from composer.ui import tasks as tasks_module
from composer.ui.tasks import Lane, Tasks

UI = Path(composer.__file__).parent / "ui"
WAIT = 10_000


@pytest.fixture
def runner(qapp):
    made = Tasks(most_workers=3)
    yield made
    made.shutdown()


def _thread_starts(path: Path) -> list[str]:
    """Each place in a module that starts a thread or a pool of them."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        name = None
        if isinstance(node, ast.Attribute):
            name = node.attr
        elif isinstance(node, ast.Name):
            name = node.id
        elif isinstance(node, ast.alias):
            name = node.name.rsplit(".", 1)[-1]
        if name in {"Thread", "ThreadPoolExecutor", "QThread", "QThreadPool", "Timer"}:
            found.append(f"{path.relative_to(UI.parent)}:{getattr(node, 'lineno', '?')} {name}")
        if isinstance(node, ast.alias) and node.name in {"_thread", "concurrent.futures"}:
            found.append(f"{path.relative_to(UI.parent)} imports {node.name}")
    return found


def test_only_the_tasks_module_starts_threads_in_the_ui():
    starts = [s for path in sorted(UI.rglob("*.py")) for s in _thread_starts(path)]
    assert starts, "the scan finds nothing: it no longer looks at the right names"
    assert {s.split(":")[0].split(" ")[0] for s in starts} == {"ui/tasks.py"}, starts


def test_the_result_arrives_on_the_gui_thread(qtbot, runner):
    gui, worked_in, got = QThread.currentThread(), [], []

    def work() -> int:
        worked_in.append(threading.get_ident())
        return 42

    runner.run(work, lambda result: got.append((result, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    assert got == [(42, gui)]
    assert worked_in and worked_in[0] != threading.get_ident()


def test_a_failure_reaches_the_failure_callback_on_the_gui_thread(qtbot, runner):
    failures, results = [], []

    def work() -> None:
        raise ValueError("disk full")

    runner.run(work, results.append, failed=lambda e: failures.append((e, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT)
    assert [(type(e), str(e)) for e, _ in failures] == [(ValueError, "disk full")]
    assert failures[0][1] == QThread.currentThread() and results == []


def test_the_callback_of_a_deleted_widget_is_dropped_without_error(qtbot, runner):
    owner, release, heard = QWidget(), threading.Event(), []

    def work() -> str:
        assert release.wait(WAIT / 1000)
        return "late"

    handle = runner.run(work, heard.append, owner=owner, failed=heard.append)
    owner.deleteLater()  # closed while the work still runs
    qtbot.waitUntil(lambda: not isValid(owner), timeout=WAIT)  # the event loop deletes it
    release.set()
    assert handle.wait(WAIT / 1000)
    other = []
    runner.run(lambda: "next", other.append)  # delivered after the dropped one
    qtbot.waitUntil(lambda: bool(other), timeout=WAIT)
    assert heard == []


def test_progress_reports_arrive_in_order_on_the_gui_thread_before_the_result(qtbot, runner):
    gui, seen = QThread.currentThread(), []

    def work(report) -> str:
        for step in range(200):
            report(step)
        return "end"

    runner.run_reporting(
        work,
        lambda step: seen.append((step, QThread.currentThread() is gui or QThread.currentThread())),
        lambda result: seen.append((result, True)),
    )
    qtbot.waitUntil(lambda: len(seen) == 201, timeout=WAIT)
    assert seen == [(step, True) for step in range(200)] + [("end", True)]


def test_a_lane_runs_one_at_a_time_in_the_order_given(qtbot, runner):
    lane, inside, overlaps, order, lock = Lane(runner), [0], [], [], threading.Lock()

    def piece(number: int):
        def work() -> int:
            with lock:
                inside[0] += 1
                overlaps.append(inside[0])
            threading.Event().wait(0.005)
            with lock:
                inside[0] -= 1
            return number

        return work

    for number in range(12):
        lane.run(piece(number), order.append)
    qtbot.waitUntil(lambda: len(order) == 12, timeout=WAIT)
    assert order == list(range(12)) and max(overlaps) == 1


def test_the_pool_is_bounded(qtbot, runner):
    release, running, lock, done = threading.Event(), [0], threading.Lock(), []
    most = [0]

    def work() -> None:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        assert release.wait(WAIT / 1000)
        with lock:
            running[0] -= 1

    for _ in range(7):
        runner.run(work, done.append)
    qtbot.waitUntil(lambda: running[0] == 3, timeout=WAIT)
    release.set()
    qtbot.waitUntil(lambda: len(done) == 7, timeout=WAIT)
    assert most[0] == 3  # the runner's bound, however much was asked


def test_after_shutdown_nothing_is_delivered(qtbot, qapp):
    runner, release, heard = Tasks(), threading.Event(), []
    handle = runner.run(lambda: release.wait(WAIT / 1000), heard.append)
    runner.shutdown()
    release.set()
    assert handle.wait(WAIT / 1000)
    qtbot.wait(50)
    assert heard == []


def test_the_app_wide_runner_is_made_once(qapp):
    assert tasks_module.tasks() is tasks_module.tasks()
