"""The command line's help and argparse's own messages follow --lang, else the system language."""

import argparse
import ast
import gettext
import re
import unicodedata
from pathlib import Path

import pytest

from app import cli, cli_i18n
from app.core import messages

COMMANDS = (
    "demo",
    "info",
    "check",
    "options",
    "import",
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
    "exchange-export",
    "exchange",
    "untranslated",
)
LANG_VARS = ("RECP_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
# What an untranslated argparse would leave in Vietnamese output.
ENGLISH_ARGPARSE = (
    "usage:",
    "options:",
    "positional arguments",
    "error:",
    "show this help",
    "invalid choice",
    "required:",
    "unrecognized",
    "expected one",
)


@pytest.fixture(autouse=True)
def system(monkeypatch):
    """A known system language (Vietnamese unless a test says otherwise) and a fixed width."""
    for var in LANG_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("RECP_LANG", "vi")
    monkeypatch.setenv("COLUMNS", "100")
    return monkeypatch


def flat(s: str) -> str:
    """Whitespace collapsed: argparse wraps help texts at the terminal width."""
    return " ".join(s.split())


def run(argv, capsys):
    """``cli.main(argv)`` where argparse exits: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def parsers(lang):
    """The top-level parser and each command's, built the way main() builds them."""
    with cli_i18n.argparse_language(lang):
        top = cli.build_parser(lang)
    sub = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    return top, sub


def helps(parser):
    """Every help and metavar text the user reads in ``parser``'s --help (argparse's included)."""
    texts = [parser.description]
    for action in parser._actions:
        if action.help not in (None, argparse.SUPPRESS):
            texts.append(action.help)
        if isinstance(action.metavar, str):
            texts.append(action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            texts += [choice.help for choice in action._choices_actions]
    return texts


def help_argv(command, lang, how):
    cmd = [command] if command else []
    if how == "before":
        return ["--lang", lang, *cmd, "--help"]
    if how == "after":  # --help stops parsing: the language must be known before
        return [*cmd, "--help", f"--lang={lang}"]
    return [*cmd, "-h"]  # "system": no --lang at all


def test_every_command_is_covered():
    _, sub = parsers("en")
    assert set(sub.choices) == set(COMMANDS)


@pytest.mark.parametrize("how", ["before", "after", "system"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_in_the_chosen_language(command, lang, how, capsys, system):
    if how == "system":
        system.setenv("RECP_LANG", lang)
    else:  # the system's language is the other one: --lang must win
        system.setenv("RECP_LANG", "en" if lang == "vi" else "vi")
    code, out, err = run(help_argv(command, lang, how), capsys)
    assert code == 0 and not err
    other = "en" if lang == "vi" else "vi"
    top, sub = parsers(lang)
    parser = sub.choices[command] if command else top
    key = f"cli.{command}.description" if command else "cli.description"
    assert flat(messages.text(key, lang)) in flat(out)
    assert flat(messages.text(key, other)) not in flat(out)
    for text in helps(parser):
        assert flat(text) in flat(out), text
    if lang == "vi":
        assert out.startswith("cách dùng: python -m app")
        assert "\ntùy chọn:\n" in out
        assert "hiện phần trợ giúp này rồi thoát" in out
        for word in ENGLISH_ARGPARSE:
            assert word not in out, word
    else:
        assert out.startswith("usage: python -m app")
        assert "\noptions:\n" in out and "show this help message and exit" in out


def test_every_help_text_is_translated():
    """Each text of each parser differs between the languages and comes from the catalogue."""
    vi_top, vi_sub = parsers("vi")
    en_top, en_sub = parsers("en")
    catalogue_vi = {e["vi"] for k, e in messages.catalogue().items() if k.startswith("cli.")}
    pairs = [(vi_top, en_top)] + [(vi_sub.choices[c], en_sub.choices[c]) for c in COMMANDS]
    for vi, en in pairs:
        vi_texts, en_texts = helps(vi), helps(en)
        assert len(vi_texts) == len(en_texts) > 3
        for v, e in zip(vi_texts, en_texts, strict=True):
            assert v != e, f"{vi.prog}: not translated: {e!r}"
            assert v in catalogue_vi, f"{vi.prog}: not from the catalogue: {v!r}"
            assert unicodedata.is_normalized("NFC", v)


def test_english_help_keeps_its_texts(capsys):
    """The English help reads as before the catalogue existed."""
    code, out, _ = run(["--lang", "en", "export", "--help"], capsys)
    assert code == 0
    assert out.startswith("usage: python -m app export [-h] [--format {pdf,xlsx}]")
    assert "--out OUT" in out and "--logo LOGO" in out and "\n  path " in out
    assert "write the audit report as PDF or Excel" not in out  # that is the top level's
    code, out, _ = run(["--lang", "en", "--help"], capsys)
    assert "write the audit report as PDF or Excel, in Vietnamese or English" in flat(out)
    assert "show program's version number and exit" in out


BAD = [
    # (argv after the command, option the message must name)
    (["export", "a.recp", "--format", "doc", "--out", "x.pdf"], "--format"),
    (["export", "a.recp", "--variant", "long", "--out", "x.pdf"], "--variant"),
    (["export", "a.recp"], "--out"),
    (["export", "a.recp", "--out"], "--out"),
    (["import", "a.recp"], "bảng_tính"),  # --mapping is optional: guessed without it
    (["info", "a.recp", "--json=yes"], "--json"),
    (["info", "a.recp", "--colour"], "--colour"),
    (["info"], "tệp_đánh_giá"),
    (["--lang", "fr", "info", "a.recp"], "--lang"),
    (["a.recp", "--nope"], "--nope"),  # a bare path: the GUI's parser
]


@pytest.mark.parametrize("argv,option", BAD)
@pytest.mark.parametrize("how", ["lang", "system"])
def test_usage_errors_in_vietnamese_exit_2(argv, option, how, capsys, system):
    if how == "lang":
        system.setenv("RECP_LANG", "en")
        argv = [*argv, "--lang", "vi"] if "--lang" not in argv else argv
        if "fr" in argv:  # no valid --lang: the system's language decides
            system.setenv("RECP_LANG", "vi")
    code, out, err = run(argv, capsys)
    assert code == 2 and not out
    assert err.startswith("cách dùng: python -m app")
    last = err.splitlines()[-1]
    assert option in last
    assert ": lỗi: " in last
    for word in ENGLISH_ARGPARSE:
        assert word not in err, word


def test_vietnamese_error_texts(capsys):
    _, _, err = run(["--lang", "vi", "export", "a.recp", "--format", "doc", "--out", "x"], capsys)
    assert err.splitlines()[-1] == (
        "python -m app export: lỗi: tham số --format: lựa chọn không hợp lệ: 'doc' "
        "(chọn một trong: 'pdf', 'xlsx')"
    )
    _, _, err = run(["--lang", "vi", "export", "a.recp"], capsys)
    assert err.splitlines()[-1] == "python -m app export: lỗi: thiếu các tham số bắt buộc: --out"


def test_english_errors_are_plain_argparse(capsys):
    """After a Vietnamese run, English output equals argparse's own (nothing left patched)."""
    run(["--lang", "vi", "export", "a.recp", "--format", "doc"], capsys)
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    for argv, _option in BAD[:-1]:
        if "--lang" in argv:
            continue
        code, _, ours = run([*argv, "--lang", "en"], capsys)
        with pytest.raises(SystemExit) as plain:
            cli.build_parser("en").parse_args([*argv, "--lang", "en"])
        assert code == plain.value.code == 2
        assert ours == capsys.readouterr().err
    _, _, err = run(["--lang", "en", "export", "a.recp", "--format", "doc"], capsys)
    last = err.splitlines()[-1]
    assert last == (
        "python -m app export: error: argument --format: invalid choice: 'doc' "
        "(choose from 'pdf', 'xlsx')"
    )


def test_the_context_restores_argparse_even_when_it_exits(capsys):
    with pytest.raises(SystemExit):
        with cli_i18n.argparse_language("vi"):
            assert argparse._ is not gettext.gettext
            cli.build_parser("vi").parse_args(["info"])
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    assert "lỗi" in capsys.readouterr().err


def argparse_msgids() -> tuple[set[str], set[tuple[str, str]]]:
    """Every msgid argparse's source passes to ``_`` and ``ngettext``."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    singles, plurals = set(), set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = node.args
        if node.func.id == "_" and args:
            first = args[0]
            if isinstance(first, ast.Call) and len(first.args) == 2:  # _(kwargs.pop(k, default))
                first = first.args[1]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                singles.add(first.value)
        elif node.func.id == "ngettext":
            plurals.add((args[0].value, args[1].value))
    return singles, plurals


PERCENT = re.compile(r"%(?:\(\w+\))?[sdr]")


def test_every_argparse_msgid_has_vietnamese():
    singles, plurals = argparse_msgids()
    assert {"usage: ", "options", "%(prog)s: error: %(message)s\n"} <= singles
    assert singles <= set(cli_i18n.MESSAGES), singles - set(cli_i18n.MESSAGES)
    assert plurals <= set(cli_i18n.PLURALS), plurals - set(cli_i18n.PLURALS)
    entries = messages.catalogue()
    pairs = [(msgid, key) for msgid, key in cli_i18n.MESSAGES.items()]
    for (singular, plural), key in cli_i18n.PLURALS.items():
        pairs += [(singular, f"{key}.one"), (plural, f"{key}.other")]
    for msgid, key in pairs:
        entry = entries[key]
        assert entry["en"] == msgid, key  # English is argparse's text, unchanged
        vi = entry["vi"]
        assert vi.strip() and vi != msgid, key
        assert unicodedata.is_normalized("NFC", vi), key
        assert sorted(PERCENT.findall(vi)) == sorted(PERCENT.findall(msgid)), key
        assert vi.endswith("\n") == msgid.endswith("\n"), key


def test_translator_functions():
    _ = cli_i18n.gettext_for("vi")
    assert _("options") == "tùy chọn"
    assert _(None) is None  # argparse asks for a missing group description
    assert _("not an argparse text") == "not an argparse text"
    n = cli_i18n.ngettext_for("vi")
    assert n("expected %s argument", "expected %s arguments", 2) % 2 == "cần 2 giá trị"
    assert n("x %s", "xs %s", 2) == "xs %s"


def test_nargs_count_message_in_vietnamese(capsys):
    """ngettext's path: an option taking two values given one."""
    with cli_i18n.argparse_language("vi"):
        parser = argparse.ArgumentParser(prog="p")
        parser.add_argument("--pair", nargs=2)
        with pytest.raises(SystemExit):
            parser.parse_args(["--pair", "a"])
    assert capsys.readouterr().err.splitlines()[-1] == "p: lỗi: tham số --pair: cần 2 giá trị"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_command_summary_reads_alike(lang):
    """The command list reads as one list: every summary starts in lower case, none ends in '.'."""
    parser = cli.build_parser(lang)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    summaries = {a.dest: a.help for a in sub._choices_actions}
    assert set(COMMANDS) <= set(summaries)
    for name, summary in summaries.items():
        assert summary and summary[0] == summary[0].lower(), (lang, name, summary)
        assert not summary.endswith("."), (lang, name, summary)
