"""A stand-in for the platforms' scheduler tools (launchctl, schtasks, systemctl) behind the
OS task's Runner protocol: it writes down every command and answers as the rules say, so
tests on Linux can check the exact commands for macOS and Windows without running them."""

from __future__ import annotations

from collections.abc import Sequence

from composer.core.scheduling.os_task.runner import Ran


class FakeScheduler:
    def __init__(self, answers: dict[tuple[str, ...], Ran] | None = None) -> None:
        # the first rule whose words start the command answers it; else exit status 0
        self.answers = dict(answers or {})
        self.commands: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> Ran:
        self.commands.append(list(argv))
        for start, ran in self.answers.items():
            if tuple(argv[: len(start)]) == start:
                return ran
        return Ran(0)

    def answer(self, start: tuple[str, ...], ran: Ran) -> None:
        self.answers[start] = ran

    def taken(self) -> list[list[str]]:
        """The commands since the last call, then forgotten."""
        commands, self.commands = self.commands, []
        return commands
