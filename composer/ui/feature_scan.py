"""PySide6 reads the source of every module imported after it, looking for its opt-in
`from __feature__ import snake_case` (which Omroeper never uses): about 70 files, 10-15 ms
before the first paint. Telling it the answers beforehand skips the reading.

`PySide6.support.feature.pyside_feature_dict` is not public API: where a PySide6 release lacks
it, nothing happens and start-up is merely slower. The values are those PySide6 records: -1 for
a module without PySide6 (the standard library, our core), 0 for one with it (the rest of ours;
a 0 on a module without PySide6 would only matter to a `__feature__` selection, never made).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401  the hook exists from this import on

_ROOT = Path(__file__).parents[1]
_WITHOUT_QT = "composer.core"  # tests/test_core_has_no_qt.py keeps it so


def our_modules(folder: Path = _ROOT, package: str = "composer") -> dict[str, int]:
    """composer.* by file (none when frozen: no source to read there either), with whether
    each uses PySide6."""
    found = {package: _answer(package)}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if entry.name.endswith(".py") and entry.name != "__init__.py":
            name = f"{package}.{entry.name[:-3]}"
            found[name] = _answer(name)
        elif entry.is_dir() and os.path.exists(os.path.join(entry.path, "__init__.py")):
            found |= our_modules(Path(entry.path), f"{package}.{entry.name}")
    return found


def _answer(name: str) -> int:
    return -1 if name.startswith(_WITHOUT_QT) else 0


def skip_feature_scan() -> bool:
    """Record the answers for the modules loaded so far and for ours; False: not possible."""
    try:
        from PySide6.support import feature  # type: ignore[attr-defined]  # not in its stubs

        known = feature.pyside_feature_dict
    except (ImportError, AttributeError):
        return False
    if not isinstance(known, dict):
        return False
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken6", "composer", "__main__")):
            known.setdefault(name, -1)  # the standard library and the like: no PySide6 there
    for name, value in our_modules().items():
        known.setdefault(name, value)
    return True
