"""The command-line dispatcher: language selection, exit codes, piping."""

import sys

from app import cli


def test_top_level_lang_reaches_a_command(tmp_path, capsys):
    code = cli.main(["--lang", "en", "info", str(tmp_path / "nothing.recp")])
    assert code == 1
    err = capsys.readouterr().err
    assert "not found" in err and "nothing.recp" in err


def test_vietnamese_message_for_the_same_error(tmp_path, capsys):
    code = cli.main(["--lang", "vi", "info", str(tmp_path / "nothing.recp")])
    assert code == 1
    assert "Không tìm thấy" in capsys.readouterr().err


def test_lang_in_reads_both_spellings():
    assert cli._lang_in(["info", "x", "--lang", "en"]) == "en"
    assert cli._lang_in(["--lang=vi", "info"]) == "vi"
    assert cli._lang_in(["--lang", "fr"]) is None


class ClosedPipe:
    """stdout of a pipe whose reader has gone (e.g. `| head`)."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")


def test_output_piped_into_a_closed_reader_is_no_error(tmp_path, monkeypatch):
    audit = tmp_path / "demo.recp"
    assert cli.main(["demo", str(audit)]) == 0
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert cli.main(["--lang", "en", "options", str(audit)]) == 0


def _gui_args(monkeypatch, argv):
    """What main(argv) hands to the GUI, or None when it ran something else."""
    seen = []
    monkeypatch.setattr(cli, "_run_gui", lambda args: seen.append(vars(args).copy()) or 0)
    try:
        cli.main(argv)
    except SystemExit:
        pass
    return seen[0] if seen else None


def test_gui_launches_read_without_the_parser_agree_with_the_parser(monkeypatch):
    for argv, expected in (
        ([], {"file": None, "smoke": False, "lang": None}),
        (["a.recp"], {"file": "a.recp", "smoke": False, "lang": None}),
        (["--lang", "en", "a.recp"], {"file": "a.recp", "smoke": False, "lang": "en"}),
        (["a.recp", "--lang=vi", "--smoke"], {"file": "a.recp", "smoke": True, "lang": "vi"}),
        (["--smoke"], {"file": None, "smoke": True, "lang": None}),
    ):
        fast = cli._gui_launch(argv)
        assert fast is not None and vars(fast) == expected, argv
        got = _gui_args(monkeypatch, argv)
        assert {k: got[k] for k in expected} == expected, argv
        # the full parser, which every other command line goes through, reads them the same
        monkeypatch.setattr(cli, "_gui_launch", lambda _argv: None)
        slow = _gui_args(monkeypatch, argv)
        monkeypatch.undo()
        assert {k: slow[k] for k in expected} == expected, argv


def test_anything_else_goes_through_the_parser(monkeypatch, capsys):
    for argv in (
        ["demo", "x.recp"],  # a command
        ["--help"],
        ["--version"],
        ["a.recp", "b.recp"],  # two audits: argparse says what is wrong
        ["--lang", "fr", "a.recp"],  # a language we do not have
        ["--lang"],
        ["--unknown"],
    ):
        assert cli._gui_launch(argv) is None, argv
    assert _gui_args(monkeypatch, ["a.recp", "b.recp"]) is None
    assert "b.recp" in capsys.readouterr().err  # argparse's own error, as before


def test_gui_launch_builds_no_parser(tmp_path):
    """The command modules and argparse are not even imported to start the window."""
    import subprocess

    code = (
        "import sys, app.cli as c\n"
        "c._run_gui = lambda args: print(args.file) or 0\n"
        "c.main(['audit.recp', '--lang', 'en'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('app.commands') or m == 'argparse'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "audit.recp" and out[1] == "[]"
