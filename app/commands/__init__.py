"""Headless commands: one module per command, each with ``register(subparsers, lang)``.

``lang`` is the language of the help texts (from the catalogue, keys ``cli.*``).
"""

from __future__ import annotations

import argparse

from app.core.messages import DEFAULT_LANGUAGE, LANGUAGES, text


def add_lang_option(parser: argparse.ArgumentParser, lang: str = DEFAULT_LANGUAGE) -> None:
    """Accept ``--lang`` after the command too (scripts write ``app info FILE --lang en``).

    SUPPRESS keeps a ``--lang`` given before the command: the subparser sets no default of its own.
    """
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=text("cli.lang.help", lang),
    )


def add_path_argument(
    parser: argparse.ArgumentParser, lang: str = DEFAULT_LANGUAGE, help_key: str = "cli.path.help"
) -> None:
    """The audit file every command takes first (``args.path``)."""
    parser.add_argument("path", metavar=text("cli.metavar.path", lang), help=text(help_key, lang))
