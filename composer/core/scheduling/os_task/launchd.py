"""macOS: a LaunchAgent (launchd.plist(5)) in the person's own `~/Library/LaunchAgents`.

`StartCalendarInterval` at minute 0, 5, 10, … rather than `StartInterval`: launchd documents
that calendar starts missed while the Mac slept run once on waking. `RunAtLoad` runs it at
login, which covers a Mac that was off.
"""

from __future__ import annotations

import plistlib
from collections.abc import Sequence

LABEL = "nl.omroeper.due"
FILE = f"{LABEL}.plist"
MINUTES = tuple(range(0, 60, 5))


def agent_plist(command: Sequence[str]) -> bytes:
    """The agent as an XML property list; plistlib escapes the paths as XML wants."""
    agent = {
        "Label": LABEL,
        "ProgramArguments": list(command),
        "StartCalendarInterval": [{"Minute": minute} for minute in MINUTES],
        "RunAtLoad": True,
        "ProcessType": "Background",  # launchd may run it at low priority
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML, sort_keys=True)
