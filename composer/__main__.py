"""`omroeper`: no arguments opens the window; subcommands serve automation and support."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import NoReturn

from composer import __version__

# Qt-free modules the window needs, loaded before PySide6 is: PySide6 reads the source of every
# module imported after it (looking for `from __feature__ import`); ui/feature_scan.py answers
# for those and for ours beforehand
_WINDOW_CORE = (
    "composer.core.logs",
    "composer.core.profile",
    "composer.core.settings",
    "composer.core.store.store",
    "composer.core.text.languages",
)


def translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication  # not at the top: see _WINDOW_CORE

    return QCoreApplication.translate(context, text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One clear line, never the usage dump: scripts read stderr too.
        hint = translate("Cli", "run “omroeper --help” for the commands")
        self.exit(2, f"omroeper: {message} ({hint})\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="omroeper",
        description=translate(
            "Cli",
            "Write one message, publish it on your own website first, then on the networks.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"omroeper {__version__}")
    parser.add_argument(
        "--profile",
        metavar="DIR",
        default=os.environ.get("OMROEPER_PROFILE") or None,
        help=translate("Cli", "folder for drafts, accounts and settings (also OMROEPER_PROFILE)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help=translate("Cli", "show how a draft file fits every network, as JSON"),
    )
    check.add_argument(
        "file", metavar="FILE", help=translate("Cli", "the draft file, or - for stdin")
    )
    check.add_argument(
        "--out",
        metavar="DIR",
        help=translate("Cli", "also write each fitted image as DIR/<target>/<position>.<ext>"),
    )
    check.add_argument(
        "--to",
        metavar="ID[,ID…]",
        help=translate("Cli", "judge against these connected accounts and their servers"),
    )
    from composer.cli import accounts, delete, drafts, edit, jobs, publish

    drafts.add_parser(commands)
    accounts.add_parser(commands)
    publish.add_parser(commands)
    delete.add_parser(commands)
    edit.add_parser(commands)
    jobs.add_parser(commands)
    return parser


def _window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """What build_parser() would make of the plain ways to open the window; None: ask it."""
    if not argv:
        profile = os.environ.get("OMROEPER_PROFILE") or None
    elif len(argv) == 2 and argv[0] == "--profile" and not argv[1].startswith("-"):
        profile = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--profile=") and argv[0] != "--profile=":
        profile = argv[0].removeprefix("--profile=")
    else:
        return None
    return argparse.Namespace(profile=profile, command=None)


def _opens_window(argv: list[str]) -> bool:
    rest = list(argv)
    while rest and rest[0].startswith("--profile"):
        rest = rest[1:] if "=" in rest[0] else rest[2:]
    return not rest


_USES_PROFILE = {"drafts", "accounts", "publish", "delete", "edit", "jobs"}
_USES_NETWORK = {"accounts", "publish", "delete", "edit"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if _opens_window(argv):
        for name in _WINDOW_CORE:
            importlib.import_module(name)
        from composer.ui.feature_scan import skip_feature_scan

        skip_feature_scan()
        from composer.ui.app import run_window

        # building every subcommand's parser costs start-up time: only when there is more to read
        simple = _window_arguments(argv)
        return run_window(lambda: simple or build_parser().parse_args(argv))
    from PySide6.QtCore import QCoreApplication

    _app = QCoreApplication.instance() or QCoreApplication(["omroeper"])
    from composer.i18n.translation import install

    install()
    args = build_parser().parse_args(argv)
    from composer.core.drafts.draft_file import DraftFileError
    from composer.i18n.input_errors import draft_file_error

    try:
        if args.command in _USES_PROFILE:
            from composer.core.logs import setup_logging
            from composer.core.profile import profile_dir

            setup_logging(profile_dir(args.profile), stderr_level=None)  # stderr: one line
        if args.command in _USES_NETWORK:
            from composer.core.net import use_system_trust

            use_system_trust()  # an organisation's TLS-inspecting proxy is in that store
        # each command's module loads only when it runs: start-up stays quick
        command = importlib.import_module(f"composer.cli.{args.command}")
        return command.run(args)
    except DraftFileError as failure:
        print(f"omroeper: {draft_file_error(failure)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader stopped early (`omroeper check … | head`): say so once, then make sure
        # Python's own flush at exit finds nowhere to fail
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        words = translate("Cli", "the output was closed before all of it was written.")
        print(f"omroeper: {words}", file=sys.stderr)
        return 2
    except MemoryError:
        words = translate("Cli", "not enough memory for this input.")
        print(f"omroeper: {words}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
