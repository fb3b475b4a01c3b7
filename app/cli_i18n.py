"""argparse's own texts ("usage:", "options:", its error messages) in the user's language.

argparse translates through the module-level names ``argparse._`` and ``argparse.ngettext``
(bound to :mod:`gettext` at import). :func:`argparse_language` rebinds both, for the time a
parser is built and used, to functions reading the message catalogue
(``resources/messages/cli.toml``, keys ``cli.argparse.*``), so Vietnamese lives beside every
other text of the command line and no stdlib file or ``.mo`` file is involved. English keeps
argparse untouched: its output stays byte for byte what plain argparse prints.

Some texts are fetched while the parser is built (group titles, the ``-h`` help), others while
parsing (errors), so the whole of build, parse and help printing runs inside the context.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from app.core.messages import text

# Every msgid argparse 3.11 passes to gettext -> its catalogue key. The catalogue's English text
# equals the msgid (a test checks it and that this table covers argparse's source).
MESSAGES: dict[str, str] = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "subcommands": "cli.argparse.subcommands",
    "show this help message and exit": "cli.argparse.help",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "the following arguments are required: %s": "cli.argparse.required",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "expected one argument": "cli.argparse.expected_one",
    "expected at most one argument": "cli.argparse.expected_at_most_one",
    "expected at least one argument": "cli.argparse.expected_at_least_one",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "ignored explicit argument %r": "cli.argparse.ignored_explicit",
    "unexpected option string: %s": "cli.argparse.unexpected_option",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "cli.argparse.unknown_parser",
    "can't open '%(filename)s': %(error)s": "cli.argparse.cant_open",
    'argument "-" with mode %r': "cli.argparse.stdin_mode",
    # Errors in the program's own parser set-up rather than in what the user typed.
    ".__call__() not defined": "cli.argparse.call_not_defined",
    "conflicting subparser: %s": "cli.argparse.conflicting_subparser",
    "conflicting subparser alias: %s": "cli.argparse.conflicting_alias",
    "cannot merge actions - two groups are named %r": "cli.argparse.cannot_merge",
    "'required' is an invalid argument for positionals": "cli.argparse.required_positional",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "cli.argparse.invalid_option_string"
    ),
    "dest= is required for options like %r": "cli.argparse.dest_required",
    "invalid conflict_resolution value: %r": "cli.argparse.invalid_conflict_resolution",
    "mutually exclusive arguments must be optional": "cli.argparse.exclusive_optional",
    "cannot have multiple subparser arguments": "cli.argparse.multiple_subparsers",
    "%r is not callable": "cli.argparse.not_callable",
}

# ngettext msgids: (singular, plural) -> catalogue key prefix; ".one" and ".other" follow.
PLURALS: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "cli.argparse.expected_n",
    ("conflicting option string: %s", "conflicting option strings: %s"): (
        "cli.argparse.conflicting_option"
    ),
}


def gettext_for(lang: str):
    """A ``gettext`` replacement answering in ``lang``; unknown msgids come back unchanged."""

    def gettext(message):
        key = MESSAGES.get(message) if isinstance(message, str) else None
        return text(key, lang) if key else message

    return gettext


def ngettext_for(lang: str):
    """An ``ngettext`` replacement answering in ``lang``."""

    def ngettext(singular: str, plural: str, n: int) -> str:
        key = PLURALS.get((singular, plural))
        if key is None:
            return singular if n == 1 else plural
        return text(f"{key}.{'one' if n == 1 else 'other'}", lang)

    return ngettext


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """argparse speaks ``lang`` inside the block (also when it exits with SystemExit)."""
    if lang == "en":  # argparse's own language: leave it untouched
        yield
        return
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = gettext_for(lang), ngettext_for(lang)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
