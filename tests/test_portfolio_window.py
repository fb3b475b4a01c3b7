"""The Portfolio window (File → Open portfolio…), its PDF/XLSX exports, and File → Publish to
programme… against a real PostgreSQL hub."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core import model
from app.core.demo import build_demo_audit
from app.store.auditfile import AuditFile
from tests import pg_server as pgs
from tests.ui_helpers import app_state

pg_server = pgs.pg_server
hub_db = pgs.hub_db

NAMES = ("Công ty TNHH Dệt nhuộm Lam Hải", "Công ty CP Giấy Amata")


@pytest.fixture
def state(tmp_path, qtbot, monkeypatch):
    with app_state(tmp_path, qtbot, monkeypatch) as st:
        yield st


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "programme"
    d.mkdir()
    AuditFile.create(d / "lam-hai.recp", build_demo_audit()).close()
    audit = build_demo_audit()
    audit.info = copy.deepcopy(audit.info)
    audit.info.id = model.new_id()
    audit.info.enterprise.name = NAMES[1]
    audit.info.enterprise.industrial_park = "KCN Amata"
    audit.info.enterprise.province = "Đồng Nai"
    audit.options = audit.options[:5]
    AuditFile.create(d / "amata.recp", audit).close()
    (d / "broken.recp").write_text("không phải tệp đánh giá")
    return d


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(text.split())  # table cells wrap long names


def _xlsx_text(path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    cells = [
        str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c
    ]
    return "\n".join([*wb.sheetnames, *cells, wb.properties.title or ""])


def _open(state, folder, qtbot):
    w = state.window
    texts = [a.text() for a in w.menu_file.actions()]
    assert "Mở &danh mục chương trình…" in texts and "&Gửi lên chương trình…" in texts
    w.portfolio_menu.open_portfolio(str(folder))
    win = w.portfolio_menu.portfolio_window
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.loading, timeout=10_000)
    return win


def test_window_shows_enterprises_totals_breakdowns_and_bad_files(state, folder, qtbot):
    win = _open(state, folder, qtbot)
    assert win.windowTitle() == "Danh mục chương trình – RECP Audit"
    assert win.enterprises.rowCount() == 2
    names = {win.enterprises.item(r, 0).text() for r in range(2)}
    assert names == set(NAMES)
    assert "Giải pháp SXSH: tìm ra 25" in win.totals.text()
    assert "Tiết kiệm tài nguyên hằng năm:" in win.totals.text()
    assert win.tabs.tabText(4) == "Tệp (1 tệp không được tính)"
    # Charts: options found/implemented by park and by CP technique.
    assert win.tabs.tabText(3) == "Biểu đồ"
    by_park, by_tech = win.chart.figure.axes
    assert [t.get_text() for t in by_park.get_xticklabels()] == ["KCN Amata", "KCN Đình Vũ"]
    assert sum(b.get_height() for b in by_park.containers[0]) == 25
    assert "Quản lý nội vi tốt" in [t.get_text() for t in by_tech.get_yticklabels()]
    assert any("broken.recp" in win.files.item(i).text() for i in range(win.files.count()))
    # Breakdown by park, then by province, chosen with the keyboard.
    win.tabs.setCurrentIndex(2)
    assert win.breakdown_choice.currentData() == "park"
    parks = {win.breakdown.item(r, 0).text() for r in range(win.breakdown.rowCount())}
    assert parks == {"KCN Amata", "KCN Đình Vũ"}
    win.breakdown_choice.setFocus()
    qtbot.keyClick(win.breakdown_choice, Qt.Key_Down)
    assert win.breakdown_choice.currentData() == "province"
    provinces = {win.breakdown.item(r, 0).text() for r in range(win.breakdown.rowCount())}
    assert provinces == {"Đồng Nai", "Hải Phòng"}
    # The language follows the app's.
    state.set_language("en")
    assert win.windowTitle() == "Programme portfolio – RECP Audit"
    assert "RECP options: 25 found" in win.totals.text()


def test_exports_in_both_languages_and_confidential(state, folder, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    win = _open(state, folder, qtbot)
    out = tmp_path / "out"
    out.mkdir()
    target = {}
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target["path"]), ""))
    )

    def export(button, name):
        target["path"] = out / name
        qtbot.mouseClick(button, Qt.LeftButton)
        assert target["path"].exists()
        return target["path"]

    vi_pdf = _pdf_text(export(win.btn_pdf, "vi.pdf"))
    assert all(n in vi_pdf for n in NAMES)
    assert "Danh mục chương trình SXSH" in vi_pdf and "Theo khu công nghiệp" in vi_pdf
    assert "KCN Amata" in vi_pdf
    vi_xlsx = _xlsx_text(export(win.btn_xlsx, "vi.xlsx"))
    assert all(n in vi_xlsx for n in NAMES) and "Theo kỹ thuật SXSH" in vi_xlsx

    win.export_lang.setCurrentIndex(1)  # English
    en_pdf = _pdf_text(export(win.btn_pdf, "en.pdf"))
    assert "RECP programme portfolio" in en_pdf and "By industrial park" in en_pdf
    qtbot.mouseClick(win.confidential, Qt.LeftButton)
    assert win.confidential.isChecked()
    for name, button in (("c.pdf", win.btn_pdf), ("c.xlsx", win.btn_xlsx)):
        path = export(button, name)
        content = _pdf_text(path) if name.endswith("pdf") else _xlsx_text(path)
        assert "confidential" in content.lower()
        assert "KCN Amata" in content  # the places stay
        for n in (*NAMES, "Lam Hải", "Giấy Amata", "0201897345", "lam-hai", "broken.recp"):
            assert n not in content, (name, n)
        assert str(folder) not in content
    from openpyxl import load_workbook

    wb = load_workbook(out / "c.xlsx")
    assert wb.sheetnames[:3] == ["Totals", "Enterprises", "By park"]
    ent = wb["Enterprises"]
    found = [row[6] for row in ent.iter_rows(min_row=2, values_only=True)]
    assert sorted(found) == [5, 20]  # numbers, not text


def test_publish_from_the_app_to_a_hub(state, tmp_path, qtbot, pg_server, hub_db):
    import psycopg

    from app.store import hub

    path = tmp_path / "lam-hai.recp"
    AuditFile.create(path, build_demo_audit()).close()
    assert state.open_path(path)
    w = state.window
    w.portfolio_menu._update()
    assert w.portfolio_menu.act_publish.isEnabled()
    w.portfolio_menu.act_publish.trigger()
    dialog = w.portfolio_menu.publish_dialog
    assert "Chỉ gửi số liệu ẩn danh" in dialog.what.text()
    url = pg_server.tcp_url(hub_db, password=None)
    qtbot.keyClicks(dialog.address, url)
    qtbot.keyClicks(dialog.password, "sai")
    qtbot.mouseClick(dialog.btn_publish, Qt.LeftButton)
    assert "từ chối người dùng" in dialog.result_label.text()
    dialog.password.clear()
    dialog.password.setText(pgs.PROGRAMME_PASSWORD)  # QTest cannot type "ậ" (no key for it)
    qtbot.mouseClick(dialog.btn_publish, Qt.LeftButton)
    assert "Đã gửi cuộc đánh giá" in dialog.result_label.text()
    assert pgs.PROGRAMME_PASSWORD not in dialog.result_label.text()
    with psycopg.connect(pg_server.tcp_url(hub_db)) as conn:
        assert conn.execute("SELECT enterprise, park FROM recp.audits").fetchall() == [
            ("", "KCN Đình Vũ")
        ]
    dialog.close()
    # Read back in the Portfolio window, as a folder would be.
    w.portfolio_menu.open_portfolio(pg_server.tcp_url(hub_db))
    win = w.portfolio_menu.portfolio_window
    assert pgs.PROGRAMME_PASSWORD not in win.source_label.text()  # not while reading either
    qtbot.waitUntil(lambda: not win.loading, timeout=10_000)
    assert win.enterprises.rowCount() == 1
    assert win.enterprises.item(0, 0).text().startswith("Doanh nghiệp ẩn danh")
    assert pgs.PROGRAMME_PASSWORD not in win.source_label.text()
    assert hub.display_address(pg_server.tcp_url(hub_db)) in win.source_label.text()
    # The audit file holds no trace of the hub or its credentials.
    w.close_context()
    raw = path.read_bytes()
    assert b"postgresql://" not in raw and pgs.PROGRAMME_PASSWORD.encode() not in raw


def test_publish_is_disabled_without_an_open_audit(state):
    state.window.portfolio_menu._update()
    assert not state.window.portfolio_menu.act_publish.isEnabled()


def test_offline_start_never_touches_the_hub_nor_the_portfolio(tmp_path):
    """Opening an audit and showing the window loads neither psycopg nor the portfolio code."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.ui_helpers import make_file

    root = Path(__file__).resolve().parent.parent
    path = make_file(tmp_path)
    code = (
        "import sys, json\n"
        "from app.ui.main import AppState, make_app\n"
        "from app.ui.settings import AppSettings\n"
        "app = make_app(); st = AppState(app, AppSettings.at(sys.argv[2]), 'vi')\n"
        "assert st.open_path(sys.argv[1]); st.window.show(); app.processEvents()\n"
        "st.window.menu_file.aboutToShow.emit()\n"
        "mods = ('psycopg', 'app.store.hub', 'app.ui.portfolio_window', 'app.core.portfolio')\n"
        "print(json.dumps([m for m in mods if m in sys.modules]))\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        RECP_LOG_DIR=str(tmp_path / "logs"),
        RECP_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        RECP_NO_DIALOGS="1",
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path), str(tmp_path / "s.ini")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_reading_runs_off_the_gui_thread_and_a_newer_read_wins(state, folder, qtbot, monkeypatch):
    """A slow source (a hub across the network) never freezes the window; while it reads, the
    buttons are off; the result of a read overtaken by a newer one is dropped."""
    import threading

    from app.store import portfolio_source

    release = threading.Event()
    real = portfolio_source.read_source

    def slow(source):
        if str(source).endswith("slow"):
            release.wait(10)
            return real(folder)
        return real(source)

    monkeypatch.setattr(portfolio_source, "read_source", slow)
    state.window.portfolio_menu.open_portfolio(str(folder) + "-slow")
    win = state.window.portfolio_menu.portfolio_window
    qtbot.waitExposed(win)
    qtbot.wait(100)  # the event loop turns while the worker waits
    assert win.loading and not win.btn_folder.isEnabled() and not win.btn_pdf.isEnabled()
    assert "slow" in win.source_label.text()
    with qtbot.waitSignal(win.loaded, timeout=10_000):
        win.load(folder)  # a newer read, done while the slow one still waits
    assert not win.loading and win.btn_pdf.isEnabled()
    shown = win.portfolio
    assert shown is not None and Path(shown.source) == folder
    release.set()
    win.jobs.wait(10_000)
    qtbot.wait(50)
    assert win.portfolio is shown  # the overtaken read changed nothing


def test_a_missing_folder_is_a_message_and_keeps_what_was_shown(
    state, folder, qtbot, tmp_path, monkeypatch
):
    monkeypatch.setenv("RECP_NO_DIALOGS", "1")
    win = _open(state, folder, qtbot)
    shown = win.portfolio
    with qtbot.waitSignal(win.loaded, timeout=10_000) as blocker:
        win.load(tmp_path / "không có")
    assert blocker.args == [False]
    assert "không có" in win.last_error and win.portfolio is shown
