"""PySide6 reads the source of each module imported after it (for `from __feature__ import`);
composer/ui/feature_scan.py gives it the answers first. These tests watch PySide6's own
reader in a fresh process."""

import json
import subprocess
import sys
from pathlib import Path

import composer
from composer.ui.feature_scan import our_modules

WATCH = """
import json, logging, sqlite3, sys
import PySide6.QtCore
from PySide6.support import feature
read = []
real = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: read.append(module.__name__) or real(module)
from composer.ui.feature_scan import skip_feature_scan
if sys.argv[1] == "answer":
    assert skip_feature_scan()
import logging, sqlite3  # loaded before PySide6: each new `import` statement asks again
import composer.ui.window.composer_window
print(json.dumps(read))
"""


def sources_read(mode: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", WATCH, mode],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_pyside_reads_no_source_of_ours_or_of_modules_loaded_before():
    unanswered = sources_read("watch")
    assert "composer.ui.writing.panel" in unanswered  # the watch sees PySide6 reading
    assert "sqlite3" in unanswered
    answered = sources_read("answer")
    ours = [name for name in answered if name.startswith("composer.")]
    assert ours == ["composer.ui.feature_scan"]  # read before it can answer: one small file
    assert "sqlite3" not in answered and "logging" not in answered


def test_the_answers_are_the_ones_pyside_would_give():
    """PySide6 records 0 where the source mentions PySide6, else -1; ours must never say -1
    for a module that uses PySide6 (that would matter to a __feature__ selection)."""
    root = Path(composer.__file__).parent
    answers = our_modules()
    files = set(root.rglob("*.py"))
    assert len(answers) == len(files)
    for path in files:
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if "PySide6" in path.read_text(encoding="utf-8"):
            assert answers[name] == 0, name
        if name.startswith("composer.core"):
            assert answers[name] == -1, name
