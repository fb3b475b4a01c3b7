"""The headless command line: ``python -m app COMMAND …``.

With no command it starts the GUI (opening the demo audit when no file is given). Each command
lives in its own module in ``app/commands/`` exposing ``register(subparsers)``; the module
registers its parser with ``set_defaults(run=...)`` where ``run(args) -> int``. Heavy libraries
are imported inside ``run`` so ``--help`` and the GUI start stay fast.

User errors (``UserError``) print one translated line on stderr and exit 1: never a traceback for
bad input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import __version__
from app.core.errors import UserError
from app.core.messages import LANGUAGES, render, system_language

# Command modules in app/commands/, in the order --help lists them.
COMMAND_MODULES = (
    "demo",
    "info",
    "check",
    "options",
    "import_",  # command name "import" (a keyword, hence the module name)
    "indicators",
    "export",
    "findings",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description="RECP Audit — cleaner-production audits (SXSH).",
    )
    parser.add_argument("--version", action="version", version=f"RECP Audit {__version__}")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="language of messages (default: system)"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="open the main window with the demo audit and exit"
    )
    # A bare audit path is taken out of argv by main(); a positional here would swallow commands.
    parser.set_defaults(file=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"app.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # A bare path (no command) opens that audit in the GUI: argparse would take it for a command.
    commands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    # Words that are not options nor an option's value ("--lang en"): the first is the command.
    positional = [
        a
        for i, a in enumerate(argv)
        if not a.startswith("-") and (i == 0 or argv[i - 1] != "--lang")
    ]
    if positional and positional[0] not in commands:
        gui_args = parser.parse_args([a for a in argv if a != positional[0]])
        gui_args.file = positional[0]
        return _run_gui(gui_args)
    args = parser.parse_args(argv)
    # A command's own --lang default would mask a top-level "--lang en": read argv as well.
    explicit_lang = args.lang or _lang_in(argv)
    lang = args.lang or system_language()
    args.lang = lang
    if args.command is None:
        args.lang = explicit_lang  # None: the GUI uses the language remembered in its settings
        return _run_gui(args)
    try:
        return int(args.run(args) or 0)
    except UserError as exc:
        print(render(exc.problem, lang), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into e.g. `head` that stopped reading: not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return 0


def _lang_in(argv: list[str]) -> str | None:
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if word.startswith("--lang=") and word[7:] in LANGUAGES:
            return word[7:]
    return None


def _run_gui(args: argparse.Namespace) -> int:
    from app.ui.main import run_gui  # Qt is imported only when a window is wanted

    return run_gui(file=args.file, smoke=args.smoke, lang=args.lang)
