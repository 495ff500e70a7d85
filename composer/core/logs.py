"""Logging for support: a rotating file in the profile, and never a secret in any handler.

Every handler gets a RedactingFilter. It scrubs the exact secrets that credentials.py registers
and whatever looks like a secret (auth headers, token fields, webhook URLs, app passwords), in
the message, its arguments and any formatted traceback.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import sys
import threading
from functools import cache
from io import TextIOWrapper
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

MASK = "[redacted]"
_MIN_LENGTH = 6  # a shorter registered value would scrub ordinary words from every line
_MIN_SEGMENT = 16  # a URL's last path segment counts as its secret part (a webhook token)
_NOT_MASKED = r"(?!\[redacted\])"  # scrubbing twice (one record, two handlers) changes nothing
_KEYS = (
    "access_token|refresh_token|id_token|client_secret|code_verifier|password|app_password"
    "|refresh_jwt|access_jwt|accessJwt|refreshJwt|token|secret"
)
_VALUE = r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s"'&,;})\]]+)"""


def _quoted(match: re.Match[str]) -> str:
    value = match["value"]
    quote_mark = value[0] if value[0] in "\"'" else ""
    return f"{match['key']}{quote_mark}{MASK}{quote_mark}"


@cache
def _patterns() -> list[tuple[re.Pattern[str], str | object]]:
    """(pattern, replacement): what stays is the name of the thing, never its value. Compiled
    on the first line logged, not at start-up (~1.5 ms before the window)."""
    return [
        (
            re.compile(
                r"(?i)(?P<key>\b(?:proxy-)?authorization[\"']?\s*[:=]\s*[\"']?(?:[a-z]+\s+)?+)"
                + _NOT_MASKED
                + r"(?P<value>[^\s\"',;}]+)"
            ),
            r"\g<key>" + MASK,
        ),
        (re.compile(r"(?i)\b(bearer\s+)" + _NOT_MASKED + r"[\w\-.~+/]+=*"), r"\g<1>" + MASK),
        (
            re.compile(
                rf"(?i)(?<![\w-])(?P<key>(?:{_KEYS})[\"']?\s*[:=]\s*){_NOT_MASKED}(?P<value>{_VALUE})"
            ),
            _quoted,
        ),
        # a Discord-style webhook token, on discord.com or any other host, URL or bare path
        (
            re.compile(r"(?i)(/api(?:/v\d+)?/webhooks/\d+/)" + _NOT_MASKED + r"[\w\-.]+"),
            r"\g<1>" + MASK,
        ),
        (re.compile(r"\bwhsec_[\w+/=\-]+"), "whsec_" + MASK),
        # an app password
        (re.compile(r"(?<![\w-])[A-Za-z0-9]{4}(?:-[A-Za-z0-9]{4}){3}(?![\w-])"), MASK),
        (re.compile(r"\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*"), MASK),  # any JWT, e.g. a Bluesky session
        (re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^\s/:@]*:)[^\s/@]+@"), r"\g<1>" + MASK + "@"),
    ]


class Redactor:
    """The secrets this process has seen, and the patterns of those it has not."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._exact: re.Pattern[str] | None = None

    def register(self, secret: str) -> None:
        """Scrub `secret` from now on in every form it travels in, whatever host it went to."""
        self._add(_forms(secret))

    def register_basic(self, user: str, password: str) -> None:
        """A user name and password as HTTP basic auth sends them (base64 of `user:password`)."""
        self._add(_base64_forms(f"{user}:{password}"))

    def scrub_value(self, value: Any) -> Any:
        """`value` with every string in it scrubbed (dicts, lists and tuples walked)."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, dict):
            return {self.scrub_value(k): self.scrub_value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.scrub_value(item) for item in value)
        return value

    def _add(self, forms: set[str]) -> None:
        with self._lock:
            new = {form for form in forms if len(form) >= _MIN_LENGTH} - self._secrets
            if not new:
                return
            self._secrets |= new
            longest_first = sorted(self._secrets, key=len, reverse=True)
            self._exact = re.compile("|".join(map(re.escape, longest_first)))

    def scrub(self, text: str) -> str:
        exact = self._exact
        if exact is not None:
            text = exact.sub(MASK, text)
        for pattern, replacement in _patterns():
            text = pattern.sub(replacement, text)  # type: ignore[arg-type]
        return text


REDACTOR = Redactor()  # the one credentials.py feeds


def _forms(secret: str) -> set[str]:
    """How a secret may appear: raw, inside JSON, URL-encoded, base64; for a URL (a Discord
    webhook) also its path and its last path segment, as a server or a library quotes them."""
    forms = {secret, json.dumps(secret)[1:-1], quote(secret, safe="")} | _base64_forms(secret)
    try:
        parts = urlsplit(secret.strip())
    except ValueError:
        return forms
    if parts.scheme in ("http", "https") and parts.netloc:
        forms |= {part for part in (parts.path, parts.query) if len(part) >= _MIN_SEGMENT}
        segment = parts.path.rstrip("/").rpartition("/")[2]
        if len(segment) >= _MIN_SEGMENT:
            forms.add(segment)
    return forms


def _base64_forms(text: str) -> set[str]:
    raw = text.encode("utf-8")
    encoded = {base64.b64encode(raw).decode("ascii"), base64.urlsafe_b64encode(raw).decode("ascii")}
    return encoded | {form.rstrip("=") for form in encoded}


class RedactingFilter(logging.Filter):
    """Formats the record's message and traceback once, scrubbed, so no handler sees raw text."""

    _formatter = logging.Formatter()

    def __init__(self, redactor: Redactor = REDACTOR) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: the handler's error report would print the args
            message = f"{record.msg!r} % {record.args!r}"
        record.msg, record.args = self.redactor.scrub(message), None
        if record.exc_info:
            record.exc_text = self._formatter.formatException(record.exc_info)
            record.exc_info = None  # or a formatter would format the raw exception again
        if record.exc_text:
            record.exc_text = self.redactor.scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redactor.scrub(record.stack_info)
        return True


def install_redaction(handler: logging.Handler, redactor: Redactor = REDACTOR) -> None:
    if not any(isinstance(each, RedactingFilter) for each in handler.filters):
        handler.addFilter(RedactingFilter(redactor))


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to sys.stderr as it is at each record: None in a windowed app, replaced in tests."""

    def __init__(self, level: int) -> None:
        logging.Handler.__init__(self, level)

    @property
    def stream(self) -> TextIO:  # type: ignore[override]  # a property over the base's attribute
        return sys.stderr

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)


# records logged before setup_logging (or with no handler at all) reach stderr through this one
if logging.lastResort is not None:
    install_redaction(logging.lastResort)


class RotatingFile(logging.FileHandler):
    """logging.handlers.RotatingFileHandler's rotation (file, file.1 ... file.<backups>), without
    importing logging.handlers: it loads socket, pickle and queue, ~10 ms before the window."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def _open(self) -> TextIOWrapper:
        # private from the start: a log tells what was published where, and when
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        return open(os.open(self.baseFilename, flags, 0o600), "a", encoding=self.encoding)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if not os.path.isfile(self.baseFilename):  # never rotate /dev/null or a pipe
            return False
        if self.stream is None:  # closed by an earlier rotation that failed
            self.stream = self._open()
        written = self.stream.seek(0, os.SEEK_END)  # another instance may have written too
        return written > 0 and written + len(f"{self.format(record)}\n") >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None
        for number in range(self.backups - 1, 0, -1):
            older = f"{self.baseFilename}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{number + 1}")
        if self.backups > 0:
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_OURS = "_omroeper"  # marks the handlers setup_logging added, to replace them and no others
_setup_lock = threading.Lock()


def setup_logging(
    profile: Path, level: int = logging.INFO, *, stderr_level: int | None = logging.WARNING
) -> Path:
    """Log to <profile>/logs/omroeper.log (rotating) and to stderr from `stderr_level` (None:
    not at all). Every handler on the root logger, ours or not, gets the redaction filter."""
    path = Path(profile).absolute() / "logs" / "omroeper.log"
    root = logging.getLogger()
    with _setup_lock:
        if not any(getattr(handler, "baseFilename", None) == str(path) for handler in _ours()):
            stop_logging()
            handlers: list[logging.Handler] = []
            failed: OSError | None = None
            try:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                handlers.append(RotatingFile(path, max_bytes=2_000_000, backups=3))
            except OSError as error:  # a read-only profile can still be read: carry on
                failed = error
            if stderr_level is not None:
                handlers.append(_StderrHandler(stderr_level))
            for handler in handlers:
                setattr(handler, _OURS, True)
                handler.setFormatter(logging.Formatter(_FORMAT))
                root.addHandler(handler)
        else:
            failed = None
        root.setLevel(level)
        for handler in root.handlers:
            install_redaction(handler)
    if failed is not None:
        logging.getLogger(__name__).warning("no log file at %s: %s", path, failed.strerror)
    return path


def stop_logging() -> None:
    """Remove and close the handlers setup_logging added."""
    root = logging.getLogger()
    for handler in _ours():
        root.removeHandler(handler)
        handler.close()


def _ours() -> list[logging.Handler]:
    return [handler for handler in logging.getLogger().handlers if getattr(handler, _OURS, False)]
