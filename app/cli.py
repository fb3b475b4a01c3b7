"""The headless command line: ``python -m app COMMAND …``.

With no command it starts the GUI (opening the demo audit when no file is given). Each command
lives in its own module in ``app/commands/`` exposing ``register(subparsers, lang)``; the module
registers its parser with ``set_defaults(run=...)`` where ``run(args) -> int``. Heavy libraries
are imported inside ``run`` so ``--help`` and the GUI start stay fast.

User errors (``UserError``) print one translated line on stderr and exit 1: never a traceback for
bad input.
"""

from __future__ import annotations

import importlib
import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from app import __version__
from app.core.errors import UserError
from app.core.messages import LANGUAGES, render, system_language, text

if TYPE_CHECKING:
    import argparse

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
    "handout",
    "merge",
    "calc",
    "portfolio",
    "publish",
    "readiness",
    "offers",
    "matches",
    "exchange_export",  # command name "exchange-export"
    "exchange",
    "untranslated",
)


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help in ``lang`` (default: the system language).

    argparse's own texts follow the language only when the parser is built and used inside
    ``cli_i18n.argparse_language(lang)``, as ``main`` does.
    """
    import argparse

    lang = lang or system_language()
    parser = argparse.ArgumentParser(
        prog="python -m app", description=text("cli.description", lang)
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"RECP Audit {__version__}",
        help=text("cli.version.help", lang),
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=text("cli.lang.help", lang))
    parser.add_argument("--smoke", action="store_true", help=text("cli.smoke.help", lang))
    # A bare audit path is taken out of argv by main(); a positional here would swallow commands.
    parser.set_defaults(file=None)
    sub = parser.add_subparsers(dest="command", metavar=text("cli.metavar.command", lang))
    for name in COMMAND_MODULES:
        importlib.import_module(f"app.commands.{name}").register(sub, lang)
    return parser


COMMAND_NAMES = frozenset(name.rstrip("_").replace("_", "-") for name in COMMAND_MODULES)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    launch = _gui_launch(argv)
    if launch is not None:  # the auditor's double-click: no parser, no help texts to build
        return _run_gui(launch)
    from app.cli_i18n import argparse_language

    # The language is known before parsing so --help and argparse's errors speak it too.
    help_lang = _lang_in(argv) or system_language()
    with argparse_language(help_lang):
        args, gui_file = _parse(argv, build_parser(help_lang))
    if gui_file is not None:
        args.file = gui_file
        return _run_gui(args)
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
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as exc:
        # A value no check foresaw (damaged data reaching a calculation): one line naming the
        # file, never a traceback. RECP_TRACEBACK=1 shows it for a developer.
        if os.environ.get("RECP_TRACEBACK"):
            raise
        from app.core.errors import Location, Problem

        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        where = Location(file=str(getattr(args, "path", "") or ""))
        print(render(Problem("cli.unexpected", where, {"detail": detail}), lang), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into e.g. `head` that stopped reading: not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return 0


def _gui_launch(argv: list[str]) -> SimpleNamespace | None:
    """What a plain GUI start asks for (at most one audit path, ``--lang vi|en``, ``--smoke``),
    read without argparse: building the parser loads every command's module and help text,
    tens of milliseconds of the start-up. Anything else (a command, --help, a mistake) returns
    None and goes through the full parser, which reports errors as before."""
    file, lang, smoke = None, None, False
    words = iter(argv)
    for word in words:
        if word == "--smoke":
            smoke = True
        elif word == "--lang":
            lang = next(words, None)
            if lang not in LANGUAGES:
                return None
        elif word.startswith("--lang="):
            lang = word[len("--lang=") :]
            if lang not in LANGUAGES:
                return None
        elif word.startswith("-") or word in COMMAND_NAMES or file is not None:
            return None
        else:
            file = word
    return SimpleNamespace(file=file, smoke=smoke, lang=lang)


def _parse(
    argv: list[str], parser: argparse.ArgumentParser
) -> tuple[argparse.Namespace, str | None]:
    """The parsed arguments, and the audit to open in the GUI when the first word is a path."""
    import argparse

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
        return parser.parse_args([a for a in argv if a != positional[0]]), positional[0]
    return parser.parse_args(argv), None


def _lang_in(argv: list[str]) -> str | None:
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if word.startswith("--lang=") and word[7:] in LANGUAGES:
            return word[7:]
    return None


def _run_gui(args: argparse.Namespace | SimpleNamespace) -> int:
    from app.ui.main import run_gui  # Qt is imported only when a window is wanted

    return run_gui(file=args.file, smoke=args.smoke, lang=args.lang)
