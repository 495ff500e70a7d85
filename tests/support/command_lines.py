"""Command lines read back as the programs that read them do, to check what the OS task writes:
systemd's ExecStart and the Microsoft C runtime's command line, each by its documented rules."""

from __future__ import annotations

import re

ENV = "/usr/bin/env"  # composer/core/scheduling/os_task/systemd.py: ENV


def systemd_words(value: str) -> list[str]:
    """ExecStart='s words as systemd makes them (systemd.service(5), "Command lines";
    systemd.unit(5), "Specifiers"): words split on spaces, double quotes keep spaces, a
    backslash escapes the next character, `%%` is `%` and `%x` a specifier systemd fills in;
    in the arguments (not the executable's path) `$$` is `$` and `$NAME`, `${NAME}` are the
    environment's."""
    words, word, quoted, escaped, started = [], [], False, False, False
    for char in value:
        if escaped:
            word.append(char)
            escaped = False
        elif char == "\\":
            escaped = started = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                words.append("".join(word))
            word, started = [], False
        else:
            word.append(char)
            started = True
    assert not quoted and not escaped, value
    if started:
        words.append("".join(word))
    words = [_SPECIFIER.sub(_specifier, word) for word in words]
    return words[:1] + [_VARIABLE.sub(_variable, word) for word in words[1:]]


_SPECIFIER = re.compile(r"%(.)", re.DOTALL)
_VARIABLE = re.compile(r"\$(\$|\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)")
EXPANDED = "\x00expanded\x00"  # what systemd would have put in: never what was written


def _specifier(match: re.Match[str]) -> str:
    return "%" if match[1] == "%" else EXPANDED  # %h, %u, …: the home folder, the user, …


def _variable(match: re.Match[str]) -> str:
    return "$" if match[1] == "$" else EXPANDED  # $HOME, ${HOME}: the environment's value


def ran_by_systemd(value: str) -> list[str]:
    """The program and arguments the process gets: through /usr/bin/env when systemd refuses
    the program's path as its executable."""
    words = systemd_words(value)
    return words[1:] if words[0] == ENV else words


def windows_argv(line: str) -> list[str]:
    """A command line's arguments as the Microsoft C runtime reads them (after the program):
    2n backslashes before a quote are n and the quote toggles; 2n+1 are n and a quote; other
    backslashes are themselves; spaces and tabs outside quotes split."""
    words, word, quoted, started, index = [], [], False, False, 0
    while index < len(line):
        char = line[index]
        if char == "\\":
            run = len(line[index:]) - len(line[index:].lstrip("\\"))
            index += run
            if index < len(line) and line[index] == '"':
                word.append("\\" * (run // 2))
                if run % 2:
                    word.append('"')
                    index += 1
                started = True
                continue
            word.append("\\" * run)
            started = True
            continue
        if char == '"':
            quoted, started = not quoted, True
        elif char in " \t" and not quoted:
            if started:
                words.append("".join(word))
            word, started = [], False
        else:
            word.append(char)
            started = True
        index += 1
    if started:
        words.append("".join(word))
    return words
