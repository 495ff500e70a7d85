"""What the command line prints: a result as JSON on stdout, a failure as one line on stderr.

Errors pass the log's redactor: an error a server sent back may quote a token, and what a
script captures ends up in files. Results (addresses of published copies) are printed as
they are: the redactor also knows account names that are part of a secret, such as a handle.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from composer.core.logs import REDACTOR


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def scrubbed(error: Any) -> Any:
    """An error's code, numbers and words, without any secret a server echoed into them."""
    return REDACTOR.scrub_value(error)


def fail(words: str, status: int) -> int:
    print(f"omroeper: {REDACTOR.scrub(words)}", file=sys.stderr)
    return status
