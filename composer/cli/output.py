"""What the command line prints: a result as JSON on stdout, a failure as one line on stderr.

Both pass the log's redactor: an error a server sent back may quote a token, and what a
script captures ends up in files.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from composer.core.logs import REDACTOR


def print_json(data: Any) -> None:
    json.dump(REDACTOR.scrub_value(data), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(words: str, status: int) -> int:
    print(f"omroeper: {REDACTOR.scrub(words)}", file=sys.stderr)
    return status
