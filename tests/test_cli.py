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
