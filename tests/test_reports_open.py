"""After an export the Reports screen opens the file or its folder; proposed export names carry
the enterprise (never in the confidential variant), the variant and the language (issue 24)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app.reports.export import default_file_name, short_name
from app.ui.context import AuditContext
from app.ui.jobs import JobRunner
from tests.sample_report import build_audit

WINDOWS_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@pytest.fixture
def screen(tmp_path, qtbot):
    from app.store.auditfile import AuditFile
    from app.ui.screens.reports import ReportsScreen

    path = tmp_path / "audit.recp"
    AuditFile.create(path, build_audit(n_options=3, n_photos=0)).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang="vi", jobs=JobRunner())
    widget = ReportsScreen(ctx)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    ctx.jobs.wait()
    af.close()


@pytest.fixture
def dialog(monkeypatch):
    """The save dialog: records the proposed path and answers with ``answer['path']``."""
    answer: dict = {"path": "", "proposed": []}

    def fake(_parent, _caption, start, _filter, *_a, **_k):
        answer["proposed"].append(start)
        return str(answer["path"]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return answer


@pytest.fixture
def opened_urls(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url)))
    return urls


def _choose(qtbot, combo, data: str) -> None:
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentData() == data


def test_export_then_open_folder_and_file(screen, dialog, opened_urls, tmp_path, qtbot):
    assert not screen.open_folder_button.isVisible()  # nothing written yet
    out = tmp_path / "out"
    out.mkdir()
    dialog["path"] = out / "bao_cao.pdf"
    qtbot.mouseClick(screen.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: screen.open_folder_button.isVisible(), timeout=60000)
    assert (out / "bao_cao.pdf").exists() and len(PdfReader(out / "bao_cao.pdf").pages) > 2
    assert screen.open_file_button.isVisible()
    qtbot.mouseClick(screen.open_folder_button, Qt.LeftButton)
    assert [u.toLocalFile() for u in opened_urls] == [str(out)]
    qtbot.mouseClick(screen.open_file_button, Qt.LeftButton)
    assert opened_urls[-1] == QUrl.fromLocalFile(str(out / "bao_cao.pdf"))
    assert opened_urls[-1].isLocalFile()


def test_a_cancelled_dialog_offers_nothing_to_open(screen, dialog, opened_urls, qtbot):
    dialog["path"] = ""
    qtbot.mouseClick(screen.export_button, Qt.LeftButton)
    assert not screen.open_file_button.isVisible() and opened_urls == []


@pytest.mark.parametrize(
    ("lang", "fmt", "variant", "expected"),
    [
        ("vi", "pdf", "full", "RECP_Mau-Thu-Nghiem_full_vi.pdf"),
        ("en", "pdf", "summary", "RECP_Mau-Thu-Nghiem_summary_en.pdf"),
        ("vi", "pdf", "confidential", "RECP_confidential_vi.pdf"),
        ("en", "xlsx", "full", "RECP_Mau-Thu-Nghiem_full_en.xlsx"),
        ("vi", "xlsx", "confidential", "RECP_confidential_vi.xlsx"),
    ],
)
def test_proposed_name_per_variant_and_language(
    screen, dialog, qtbot, lang, fmt, variant, expected
):
    _choose(qtbot, screen.lang_box, lang)
    _choose(qtbot, screen.format_box, fmt)
    _choose(qtbot, screen.variant_box, variant)
    qtbot.mouseClick(screen.export_button, Qt.LeftButton)
    proposed = Path(dialog["proposed"][-1])
    assert proposed.name == expected
    assert proposed.parent == Path(screen.context.file.path).parent  # beside the audit


def test_exported_xlsx_under_its_proposed_name_opens(screen, dialog, qtbot, tmp_path):
    _choose(qtbot, screen.format_box, "xlsx")
    _choose(qtbot, screen.lang_box, "en")
    dialog["path"] = ""
    qtbot.mouseClick(screen.export_button, Qt.LeftButton)
    dialog["path"] = dialog["proposed"][-1]  # the user accepts the proposed name
    qtbot.mouseClick(screen.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: screen.open_file_button.isVisible(), timeout=60000)
    written = tmp_path / "RECP_Mau-Thu-Nghiem_full_en.xlsx"
    assert load_workbook(written).sheetnames


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Công ty TNHH Dệt nhuộm Phúc Hưng", "Det-nhuom-Phuc-Hung"),
        ("Công ty Cổ phần Thủy sản Đình Vũ", "Thuy-san-Dinh-Vu"),
        ('Xí nghiệp "A/B": số 3?', "Xi-nghiep-A-B-so-3"),
        ("", ""),
    ],
)
def test_short_name_is_safe_for_windows(name, expected):
    assert short_name(name) == expected
    assert not WINDOWS_BAD.search(short_name(name))


def test_long_names_are_cut_at_a_word_and_confidential_never_names_the_enterprise():
    audit = build_audit(n_options=0, n_photos=0)
    audit.info.enterprise.name = "Công ty TNHH " + " ".join(["Chế biến thủy sản xuất khẩu"] * 5)
    name = default_file_name(audit, "full", "vi", "pdf")
    assert len(name) <= len("RECP__full_vi.pdf") + 40 and not WINDOWS_BAD.search(name)
    assert name.startswith("RECP_Che-bien-thuy-san") and not name.startswith("RECP_-")
    for variant in ("confidential",):
        assert default_file_name(audit, variant, "en", "xlsx") == "RECP_confidential_en.xlsx"
    audit.info.enterprise.name = ""
    assert default_file_name(audit, "full", "en", "pdf") == "RECP_Danh-gia-SXSH-2025_full_en.pdf"


@pytest.mark.parametrize(
    ("variant", "fmt", "name"),
    [("full", "pdf", "RECP_Mau-Thu-Nghiem_full_en.pdf"), ("confidential", "xlsx", None)],
)
def test_cli_export_into_a_folder_uses_the_same_name(tmp_path, monkeypatch, variant, fmt, name):
    from app import cli
    from app.store.auditfile import AuditFile

    path = tmp_path / "a.recp"
    AuditFile.create(path, build_audit(n_options=2, n_photos=0)).close()
    out = tmp_path / "reports"
    out.mkdir()
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("export",))
    argv = ["export", str(path), "--lang", "en", "--variant", variant, "--format", fmt]
    assert cli.main([*argv, "--out", str(out)]) == 0
    written = [p.name for p in out.iterdir()]
    assert written == [name or f"RECP_confidential_en.{fmt}"]
    if fmt == "xlsx":
        assert load_workbook(out / written[0]).sheetnames
    else:
        assert len(PdfReader(out / written[0]).pages) > 2


def test_the_demo_reports_are_proposed_in_the_users_folder_not_beside_the_demo(
    tmp_path, qtbot, monkeypatch, dialog
):
    """The demo lives in the app's hidden data folder: its report is proposed in the folder the
    user last used (else Documents), with the variant and language in the name."""
    from app.store.auditfile import AuditFile
    from app.store.demo_file import ensure_demo_audit
    from app.ui.screens.reports import ReportsScreen
    from app.ui.settings import AppSettings, documents_folder

    monkeypatch.setenv("RECP_DATA_DIR", str(tmp_path / "data"))
    demo = ensure_demo_audit()
    settings = AppSettings.at(tmp_path / "settings.ini")
    af = AuditFile.open(demo)
    try:
        ctx = AuditContext(af, path=str(demo), lang="en", jobs=JobRunner(), settings=settings)
        screen = ReportsScreen(ctx)
        qtbot.addWidget(screen)
        screen.show()
        _choose(qtbot, screen.variant_box, "summary")
        qtbot.mouseClick(screen.export_button, Qt.LeftButton)
        proposed = Path(dialog["proposed"][-1])
        assert proposed.parent == Path(documents_folder())
        assert proposed.name.endswith("_summary_en.pdf")
        mine = tmp_path / "reports"
        mine.mkdir()
        settings.set_last_folder(mine)
        _choose(qtbot, screen.lang_box, "vi")
        qtbot.mouseClick(screen.export_button, Qt.LeftButton)
        assert Path(dialog["proposed"][-1]).parent == mine
        assert Path(dialog["proposed"][-1]).name.endswith("_summary_vi.pdf")
    finally:
        ctx.jobs.wait()
        af.close()
