"""The core must stay usable headless: no Qt import anywhere under composer/core."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "composer" / "core"


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt_in_its_source():
    offenders = {
        str(path.relative_to(CORE)): sorted(
            name
            for name in _imported_modules(path)
            if name.split(".")[0] in {"PySide6", "PyQt6", "shiboken6"}
        )
        for path in CORE.rglob("*.py")
    }
    assert len(offenders) > 5, "the core modules were not found"
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_importing_the_whole_core_loads_no_qt():
    modules = sorted(
        ".".join(("composer", "core", *path.relative_to(CORE).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for path in CORE.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
