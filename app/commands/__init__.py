"""Headless commands: one module per command, each with ``register(subparsers)``."""

from __future__ import annotations

import argparse

from app.core.messages import LANGUAGES


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """Accept ``--lang`` after the command too (scripts write ``app info FILE --lang en``).

    SUPPRESS keeps a ``--lang`` given before the command: the subparser sets no default of its own.
    """
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of messages (default: system)",
    )
