"""The text of an error report: what support needs to find the bug, and never a secret."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from types import TracebackType

import PySide6
from PySide6.QtCore import qVersion

from composer import __version__
from composer.core.logs import REDACTOR, Redactor

# (exception type, exception, traceback) as sys.exc_info() gives them
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def describe_system() -> str:
    import platform  # only for a report: ~2 ms the window's start can do without

    # In English on purpose: the report is read by developers, whatever the person's language.
    return "\n".join(
        [
            f"Omroeper {__version__}",
            f"System: {platform.platform()}",
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}",
        ]
    )


def describe_error(error: ExcInfo, thread: str = "") -> str:
    """The time, the thread and the traceback; never the variables' values (no locals)."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    where = f" in thread {thread}" if thread else ""
    lines = traceback.format_exception(*error)
    return f"{when}{where}\n{''.join(lines).rstrip()}"


def build_report(errors: list[str], redactor: Redactor = REDACTOR) -> str:
    """System facts and each error, passed through the same redaction as the log file."""
    return redactor.scrub("\n\n".join([describe_system(), *errors]))


def signature(error: ExcInfo) -> tuple[str, str, int]:
    """'The same error': its type and the line it was raised on, whatever its message."""
    kind, _value, tb = error
    frames = traceback.extract_tb(tb)
    last = frames[-1] if frames else None
    return (kind.__qualname__, last.filename if last else "", (last.lineno or 0) if last else 0)
