"""Linux: a systemd user timer and the service it starts (systemd.timer(5), systemd.service(5)).

The timer fires every 5 minutes on the clock; `Persistent=true` runs a start missed while the
computer was off or asleep as soon as it is back. The service is `Type=oneshot`: one
`omroeper publish --due`, bounded in time so that a hung run cannot block the next ones.
"""

from __future__ import annotations

from collections.abc import Sequence

SERVICE = "omroeper-due.service"
TIMER = "omroeper-due.timer"
EVERY = "*:0/5"  # OnCalendar=: minute 0, 5, 10, … of every hour
RUN_AT_MOST = "1h"
ENV = "/usr/bin/env"  # runs a program whose path systemd refuses as ExecStart's first word
# systemd refuses an executable path with these ("Executable name contains special
# characters": string_is_safe() in systemd's source); as an argument they are fine
_UNSAFE_IN_EXECUTABLE = frozenset("'\"\\")


def service_text(command: Sequence[str]) -> str:
    return (
        "[Unit]\n"
        "Description=Omroeper publish --due\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={exec_start(command)}\n"
        f"TimeoutStartSec={RUN_AT_MOST}\n"
    )


def timer_text() -> str:
    return (
        "[Unit]\n"
        "Description=Omroeper publish --due, every 5 minutes\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar={EVERY}\n"
        "Persistent=true\n"
        f"Unit={SERVICE}\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def exec_start(command: Sequence[str]) -> str:
    """ExecStart='s value: each word in double quotes, so spaces and quotes stay in it."""
    program, *arguments = command
    if _UNSAFE_IN_EXECUTABLE & set(program):
        program, arguments = ENV, [program, *arguments]
    return " ".join([_quote_executable(program), *map(quote_argument, arguments)])


def _quote_executable(path: str) -> str:
    # systemd expands specifiers (%h, %u, …) in the executable's path, never $VARIABLES
    return '"' + path.replace("%", "%%") + '"'


def quote_argument(word: str) -> str:
    """One argument: `\\` and `"` escaped C-style inside the quotes, `%` (a specifier) and `$`
    (an environment variable, expanded in arguments) doubled."""
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'
