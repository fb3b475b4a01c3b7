"""The eco-enterprise readiness screen: rows from the checklist file, the demo audit's results,
the auditor's answer saved through the one edit path (undoable), both languages."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core import readiness as rd
from app.core.demo import build_demo_audit
from app.store.auditfile import AuditFile
from app.ui.context import AuditContext
from tests.ui_helpers import ensure_qm

SHOTS = os.environ.get("RECP_SHOTS")  # a folder: also save 1366x768 screenshots there
_TRANSLATIONS = []


def _set_language(lang: str) -> None:
    from app.ui.translations import Translations

    if not _TRANSLATIONS:  # one instance: it removes the translators it installed
        _TRANSLATIONS.append(Translations(QApplication.instance()))
    _TRANSLATIONS[0].set_language(lang)


def _screen(tmp_path, qtbot, lang):
    from app.ui.screens.readiness import ReadinessScreen

    ensure_qm()
    _set_language(lang)
    path = tmp_path / f"demo_{lang}.recp"
    AuditFile.create(path, build_demo_audit()).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang=lang)
    widget = ReadinessScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    return widget, af, path


@pytest.fixture
def screen(tmp_path, qtbot):
    widget, af, _ = _screen(tmp_path, qtbot, "en")
    yield widget
    af.close()
    _set_language("en")


def _status(widget, row):
    return widget.table.item(row, 2).data(Qt.UserRole)


def test_rows_follow_the_checklist_and_the_demo_data(screen):
    assert screen.table.rowCount() == len(rd.shipped_checklist().criteria) == 3
    assert [_status(screen, r) for r in range(3)] == ["unknown", "partly", "met"]
    assert "O-18" in screen.table.item(1, 3).text()  # the symbiosis link is named
    assert "ISO 14001" in screen.table.item(1, 3).text()
    assert "Overall: Unknown" in screen.overall.text()


def test_the_auditors_answer_is_saved_and_undone(screen, qtbot):
    screen.table.selectRow(0)
    screen.answer_box.setCurrentIndex(screen.answer_box.findData("met"))
    screen.evidence_edit.setPlainText("Xác nhận của Ban quản lý KCN, 03/2026")
    qtbot.mouseClick(screen.save_button, Qt.LeftButton)
    assert _status(screen, 0) == "met"
    assert "Xác nhận của Ban quản lý" in screen.table.item(0, 3).text()
    stored = screen.context.file.get_setting(rd.ANSWERS_SETTING)
    assert stored == {"a": {"status": "met", "evidence": "Xác nhận của Ban quản lý KCN, 03/2026"}}
    screen.context.undo_stack.undo()
    assert _status(screen, 0) == "unknown"
    assert screen.context.file.get_setting(rd.ANSWERS_SETTING) is None
    assert screen.evidence_edit.toPlainText() == ""
    screen.context.undo_stack.redo()
    assert _status(screen, 0) == "met"


def test_an_iso_certificate_on_the_enterprise_makes_b_met(screen):
    info = screen.context.audit.info
    import copy

    new = copy.deepcopy(info)
    new.enterprise.iso14001_certificate = "VN-EMS-0042 (2027)"
    assert screen.context.edit("ISO", info=new)
    assert _status(screen, 1) == "met"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_both_languages(tmp_path, qtbot, lang):
    widget, af, _ = _screen(tmp_path, qtbot, lang)
    try:
        headers = [widget.table.horizontalHeaderItem(c).text() for c in range(4)]
        if lang == "vi":
            assert headers == ["Tiêu chí", "Căn cứ pháp lý", "Kết quả", "Bằng chứng"]
            assert widget.table.item(1, 2).text().startswith("Đạt một phần")
            assert "Điểm b khoản 2 Điều 37" in widget.table.item(1, 1).text()
        else:
            assert headers == ["Criterion", "Legal reference", "Result", "Evidence"]
            assert widget.table.item(2, 2).text().startswith("Met")
        if SHOTS:
            widget.show()
            qtbot.wait(50)
            widget.grab().save(os.path.join(SHOTS, f"readiness_{lang}.png"))
    finally:
        af.close()
        _set_language("en")


def test_the_annex_is_written_from_the_screen(screen, tmp_path):
    from pypdf import PdfReader

    out = screen.export_annex(tmp_path / "annex.pdf", "pdf")
    assert out is not None and out.exists()
    assert "Annex written" in screen.annex_status.text()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    assert "TIÊU CHÍ DOANH NGHIỆP SINH THÁI" in text and "Tiêu chí c" in text
    assert screen.export_annex(tmp_path / "missing" / "annex.xlsx", "xlsx") is None
    assert "missing" in screen.annex_status.text()  # the folder named, no traceback


def test_iso_certificates_are_entered_on_the_enterprise_screen(tmp_path, qtbot):
    """Typed on the Enterprise screen, saved in the enterprise's JSON, undoable; the readiness
    screen's criterion b follows."""
    from app.ui.screens.enterprise import EnterpriseScreen
    from tests.test_ui_screens import type_into
    from tests.ui_helpers import reload

    widget, af, path = _screen(tmp_path, qtbot, "en")
    try:
        enterprise = EnterpriseScreen(widget.context)
        qtbot.addWidget(enterprise)
        field = enterprise.fields[("enterprise", "iso50001_certificate")]
        type_into(qtbot, field, "EnMS-2291, valid to 2027")
        assert reload(path).info.enterprise.iso50001_certificate == "EnMS-2291, valid to 2027"
        assert _status(widget, 1) == "met"
        widget.context.undo_stack.undo()
        assert reload(path).info.enterprise.iso50001_certificate == ""
        assert _status(widget, 1) == "partly"
    finally:
        af.close()


def test_an_older_file_without_the_certificate_fields_opens(tmp_path):
    import json
    import sqlite3

    path = tmp_path / "old.recp"
    AuditFile.create(path, build_demo_audit()).close()
    conn = sqlite3.connect(path)
    data = json.loads(conn.execute("SELECT data FROM audit_info").fetchone()[0])
    data["enterprise"].pop("iso14001_certificate")
    data["enterprise"].pop("iso50001_certificate")
    conn.execute("UPDATE audit_info SET data = ?", (json.dumps(data),))
    conn.commit()
    conn.close()
    with AuditFile.open(path, read_only=True, backup=False) as old:
        enterprise = old.load_info().enterprise
    assert enterprise.iso14001_certificate == "" and enterprise.iso50001_certificate == ""


def test_a_broken_checklist_file_is_named_on_the_screen(tmp_path, qtbot, monkeypatch):
    bad = tmp_path / "criteria.toml"
    bad.write_text('[[criterion]]\nid = "a"\n', encoding="utf-8")
    monkeypatch.setattr(rd, "checklist_path", lambda: bad)
    rd.shipped_checklist.cache_clear()
    try:
        widget, af, _ = _screen(tmp_path, qtbot, "en")
        try:
            assert widget.table.rowCount() == 0
            assert str(bad) in widget.problem.text() and "Criterion #1 (a)" in widget.problem.text()
            assert widget.export_annex(tmp_path / "x.pdf", "pdf") is None
        finally:
            af.close()
    finally:
        rd.shipped_checklist.cache_clear()
