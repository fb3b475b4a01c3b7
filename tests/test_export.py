"""Exporting: atomic writes, unwritable paths, and the ``export`` command end to end."""

from __future__ import annotations

import os
import stat

import pytest
from pypdf import PdfReader

from app import cli
from app.core.errors import UserError
from app.reports.export import export_report
from app.store.auditfile import AuditFile
from tests.sample_report import build_audit


@pytest.fixture(scope="module")
def audit():
    return build_audit(n_options=4, n_photos=1)


def test_missing_folder_gives_a_clear_error(tmp_path, audit):
    target = tmp_path / "no" / "such" / "report.pdf"
    with pytest.raises(UserError) as err:
        export_report(audit, target, lang="en")
    assert err.value.problem.key == "report.error.no_folder"
    assert not target.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_leaves_nothing_behind(tmp_path, audit):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(UserError) as err:
            export_report(audit, folder / "r.xlsx", lang="vi", fmt="xlsx")
        assert err.value.problem.key == "report.error.cannot_write"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_failed_export_keeps_the_previous_file_and_no_temp(tmp_path, audit, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.reports.pdf.write_pdf", boom)
    with pytest.raises(UserError) as err:
        export_report(audit, target, lang="en")
    assert "No space left" in err.value.problem.params["detail"]
    assert target.read_bytes() == b"previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_target_that_is_a_folder_is_refused_cleanly(tmp_path, audit):
    target = tmp_path / "adir"
    target.mkdir()
    with pytest.raises(UserError):
        export_report(audit, target, lang="en")
    assert [p.name for p in tmp_path.iterdir()] == ["adir"]


@pytest.fixture()
def audit_file(tmp_path, audit):
    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    return path


def run_cli(monkeypatch, *argv) -> int:
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("export",))  # independent of other commands
    return cli.main(list(argv))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_export_command_writes_pdf_and_xlsx(tmp_path, audit_file, monkeypatch, capsys, lang):
    pdf = tmp_path / f"r_{lang}.pdf"
    assert run_cli(monkeypatch, "export", str(audit_file), "--lang", lang, "--out", str(pdf)) == 0
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages[:3])
    assert ("Mục lục" if lang == "vi" else "Contents") in text
    xlsx = tmp_path / f"r_{lang}.xlsx"
    assert (
        run_cli(
            monkeypatch,
            "export",
            str(audit_file),
            "--lang",
            lang,
            "--format",
            "xlsx",
            "--variant",
            "confidential",
            "--out",
            str(xlsx),
        )
        == 0
    )
    assert xlsx.read_bytes()[:2] == b"PK"
    assert str(xlsx) in capsys.readouterr().out


def test_export_command_bad_output_path_exits_1_with_message(
    tmp_path, audit_file, monkeypatch, capsys
):
    out = tmp_path / "missing" / "r.pdf"
    assert run_cli(monkeypatch, "--lang", "vi", "export", str(audit_file), "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "Thư mục không tồn tại" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("out", "args", "lang", "expected"),
    [
        ("r.docx", [], "vi", "phải kết thúc bằng .pdf hoặc .xlsx"),
        ("r.docx", [], "en", "must end in .pdf or .xlsx"),
        ("r.pdf", ["--format", "xlsx"], "en", "does not match the chosen format (xlsx)"),
        ("r.xlsx", ["--format", "pdf"], "vi", "không khớp với định dạng đã chọn (pdf)"),
    ],
)
def test_export_command_refuses_an_output_name_that_contradicts_the_format(
    tmp_path, audit_file, monkeypatch, capsys, out, args, lang, expected
):
    target = tmp_path / out
    code = run_cli(
        monkeypatch, "--lang", lang, "export", str(audit_file), *args, "--out", str(target)
    )
    assert code == 1
    err = capsys.readouterr().err
    assert expected in err and str(target) in err and "Traceback" not in err
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("r.")]  # nothing written


def test_export_command_adds_the_formats_extension_when_the_name_has_none(
    tmp_path, audit_file, monkeypatch, capsys
):
    base = tmp_path / "bao_cao"
    assert (
        run_cli(monkeypatch, "export", str(audit_file), "--format", "xlsx", "--out", str(base)) == 0
    )
    assert (tmp_path / "bao_cao.xlsx").read_bytes()[:2] == b"PK"
    assert not base.exists()
    assert str(tmp_path / "bao_cao.xlsx") in capsys.readouterr().out
