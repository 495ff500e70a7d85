"""ImageError: a file that cannot become an upload. Its own module because both the header
checks (`header`) and the decoding (`probe`, which re-exports it) raise it, and probe reads
through header."""

from __future__ import annotations


class ImageError(Exception):
    """A file that cannot become an upload; `code` is a rules.Code value."""

    def __init__(self, code: str, kind: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.kind = kind
