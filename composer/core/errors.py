"""The core's failures carry a stable code and the numbers behind it, never prose: the words
(translated) are the UI's and the command line's business."""

from __future__ import annotations

from typing import Any


class CodedError(Exception):
    def __init__(self, code: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(code, details or {})
        self.code = code
        self.details: dict[str, Any] = details or {}

    def __str__(self) -> str:
        # Addresses and numbers only: a secret never goes into details.
        return f"{self.code}: {self.details}"
