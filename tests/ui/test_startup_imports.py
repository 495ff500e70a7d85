"""The window comes first: the heavy libraries are not loaded before it has painted."""

import json
import os
import subprocess
import sys

from composer.core.settings import FILE_NAME

# atproto alone takes about 1.7 s to import; the others are the keyring and the network
LATER = ("atproto", "mastodon", "keyring", "requests", "httpx", "standardwebhooks")


def at_first_paint(profile) -> dict:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OMROEPER_STARTUP_PROBE": "1",
        "OMROEPER_LANGUAGE": "en",
    }
    done = subprocess.run(
        [sys.executable, "-m", "composer", "--profile", str(profile)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_no_heavy_library_is_loaded_before_the_window_is_painted(tmp_path):
    (tmp_path / FILE_NAME).write_text('{"interface_language": "nl"}', "utf-8")
    found = at_first_paint(tmp_path)
    assert found["language"] == "nl_NL"  # the setting beats OMROEPER_LANGUAGE and the system
    modules = set(found["modules"])
    assert "composer.ui.window.composer_window" in modules  # the real window was shown
    assert "composer.core.settings" in modules
    early = sorted(
        name for name in modules if name.split(".")[0] in LATER or name == "composer.core.net"
    )
    assert early == [], f"loaded before the first paint: {early}"
    # how copies were received is read in the history only, never at start-up; whether the
    # open draft changes a published message is one column, not the jobs' and edits' code
    assert "composer.core.publishing.receiving" not in modules
    assert not modules & {"composer.core.store.jobs", "composer.core.store.edits"}


def test_qt_namespace_is_not_built_before_the_first_paint(tmp_path):
    """`from PySide6.QtCore import Qt` makes 93 Python enums, about 18 ms: as much as a sixth
    of a bare window's start. The first window sets Qt enums by name (setProperty) instead."""
    assert at_first_paint(tmp_path)["qt_namespace"] is False


def test_the_startup_benchmark_runs():
    from benchmarks import startup

    figures = startup.run(rounds=1)
    assert figures["bare"] > 0 and figures["omroeper"] > 0
    assert figures["ratio"] == figures["omroeper"] / figures["bare"]
