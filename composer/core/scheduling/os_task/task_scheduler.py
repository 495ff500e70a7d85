"""Windows: a Task Scheduler task as XML (Microsoft's "Task Scheduler Schema", version 1.3),
UTF-16 with its byte order mark, as `schtasks /Create /XML` reads it.

A time trigger repeats every 5 minutes without end; `StartWhenAvailable` runs a start missed
while the computer was off or asleep as soon as it is back. It runs as the person who installs
it, only while they are logged on (`InteractiveToken`: the Credential Manager, where the
accounts' secrets are, is theirs then) and without elevation (`LeastPrivilege`). A laptop on
battery still publishes.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from xml.etree import ElementTree

from composer.core.scheduling.os_task.outcome import OsTaskError

NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task"
VERSION = "1.3"  # the schema's `version` attribute is fixed at 1.3 (Windows 7 and later)
EVERY = "PT5M"
RUN_AT_MOST = "PT1H"
# Local time, in the past: the repetitions fall on minute 0, 5, 10, … of the clock
START = "2026-01-01T00:00:00"
COMMAND_MOST = 260  # the schema's pathType
# Task Scheduler expands %NAME% in a command and its arguments; there is no way to escape it
_VARIABLE = re.compile(r"%[^%]+%")


def task_xml(command: Sequence[str], uri: str) -> bytes:
    program, *arguments = command
    for word in command:
        if _VARIABLE.search(word):
            raise OsTaskError("unusable_path", {"reason": "percent_variable"})
    if len(program) > COMMAND_MOST:
        raise OsTaskError("unusable_path", {"reason": "too_long", "limit": COMMAND_MOST})
    ElementTree.register_namespace("", NAMESPACE)
    task = _element("Task", version=VERSION)
    info = _child(task, "RegistrationInfo")
    _child(info, "Author", "Omroeper")
    _child(info, "Description", "omroeper publish --due")
    _child(info, "URI", uri)
    trigger = _child(_child(task, "Triggers"), "TimeTrigger")
    _child(trigger, "Enabled", "true")  # the schema's trigger elements are a sequence
    _child(trigger, "StartBoundary", START)
    repetition = _child(trigger, "Repetition")
    _child(repetition, "Interval", EVERY)
    _child(repetition, "StopAtDurationEnd", "false")
    principal = _child(_child(task, "Principals"), "Principal", id="Author")
    _child(principal, "LogonType", "InteractiveToken")
    _child(principal, "RunLevel", "LeastPrivilege")
    settings = _child(task, "Settings")
    for name, value in (
        ("MultipleInstancesPolicy", "IgnoreNew"),
        ("DisallowStartIfOnBatteries", "false"),
        ("StopIfGoingOnBatteries", "false"),
        ("AllowHardTerminate", "true"),
        ("StartWhenAvailable", "true"),
        ("RunOnlyIfNetworkAvailable", "false"),
        ("AllowStartOnDemand", "true"),
        ("Enabled", "true"),
        ("Hidden", "false"),
        ("RunOnlyIfIdle", "false"),
        ("WakeToRun", "false"),
        ("ExecutionTimeLimit", RUN_AT_MOST),
    ):
        _child(settings, name, value)
    actions = _child(task, "Actions", Context="Author")
    run = _child(actions, "Exec")
    _child(run, "Command", program)
    if arguments:
        # the program reads its command line by the Microsoft C runtime's rules
        _child(run, "Arguments", subprocess.list2cmdline(arguments))
    ElementTree.indent(task)
    text = ElementTree.tostring(task, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-16"?>\n{text}\n'.encode("utf-16")


def _element(tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.Element(f"{{{NAMESPACE}}}{tag}", attributes)
    element.text = text
    return element


def _child(
    parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str
) -> ElementTree.Element:
    element = _element(tag, text, **attributes)
    parent.append(element)
    return element
