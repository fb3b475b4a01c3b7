"""The Portfolio window's Eco-enterprise readiness tab (app/ui/readiness_portfolio.py), driven
by clicks and keys over the park fixture of tests/test_park_readiness.py (4/21 and 5/24)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.demo import build_demo_audit
from app.store.auditfile import AuditFile
from tests.test_park_readiness import DINH_VU, NAM_CAU_KIEN, PLAN, _firm
from tests.ui_helpers import app_state


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    demo = build_demo_audit()
    d = tmp_path_factory.mktemp("parks_ui")
    for i, (park, kind) in enumerate(PLAN):
        name = f"Công ty {i:02d} ({kind})"
        AuditFile.create(d / f"firm-{i:02d}.recp", _firm(demo, name, park, kind)).close()
    return d


@pytest.fixture
def state(tmp_path, qtbot, monkeypatch):
    with app_state(tmp_path, qtbot, monkeypatch) as st:
        yield st


def _cells(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def _headers(table):
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_the_tab_shows_each_park_and_its_firms(state, folder, qtbot):
    w = state.window
    w.portfolio_menu.open_portfolio(str(folder))
    win = w.portfolio_menu.portfolio_window
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.loading, timeout=20_000)
    index = win.tabs.indexOf(win.readiness)
    assert win.tabs.tabText(index) == "Sẵn sàng doanh nghiệp sinh thái"
    bar = win.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    assert win.tabs.currentWidget() is win.readiness
    tab = win.readiness
    parks = tab.park_table
    assert _headers(parks) == [
        "Khu công nghiệp",
        "DN đã đánh giá",
        "Có kết quả SXSH",
        "Tỷ lệ",
        "≥ 20 %?",
        "Liên kết cộng sinh",
    ]
    assert parks.rowCount() == 3
    assert _cells(parks, 0) == [NAM_CAU_KIEN, "21", "4", "19 %", "Chưa đạt", "6"]
    assert _cells(parks, 1) == [DINH_VU, "24", "5", "20,8 %", "Đạt", "5"]
    assert _cells(parks, 2)[:2] == ["(chưa ghi KCN)", "1"]
    assert parks.item(1, 4).background().color().name() == "#d6efd8"  # met: green
    assert parks.item(0, 4).background().color().name() == "#f8d7d5"  # not met: red
    assert "không phải trên tổng số doanh nghiệp của KCN" in tab.note.text()
    # No park selected: every firm, each criterion in a column.
    firms = tab.firm_table
    assert firms.rowCount() == 46
    assert _headers(firms)[4:] == ["Tiêu chí a", "Tiêu chí b", "Tiêu chí c", "Kết quả chung"]
    # A click on Đình Vũ shows its 24 firms only.
    rect = parks.visualItemRect(parks.item(1, 0))
    qtbot.mouseClick(parks.viewport(), Qt.LeftButton, pos=rect.center())
    assert [p.park for p in tab.selected_parks()] == [DINH_VU]
    assert firms.rowCount() == 24
    assert {firms.item(r, 0).text() for r in range(24)} == {DINH_VU}
    results = [r for r in range(24) if "(results)" in firms.item(r, 1).text()]
    assert len(results) == 5
    assert _cells(firms, results[0])[2:] == [
        "Có",
        "1",
        "Chưa xác định",
        "Đạt một phần",
        "Đạt",
        "Chưa xác định",
    ]
    assert DINH_VU in tab.firms_label.text()
    # Down arrow: the next park (none recorded), its one firm.
    qtbot.keyClick(parks.viewport(), Qt.Key_Down)
    assert firms.rowCount() == 1 and firms.item(0, 0).text() == "(chưa ghi KCN)"
    # English follows the app's language.
    state.set_language("en")
    assert win.tabs.tabText(index) == "Eco-enterprise readiness"
    assert _headers(parks)[1:3] == ["Firms audited", "With RECP results"]
    assert _cells(parks, 1) == [DINH_VU, "24", "5", "20.8 %", "Met", "5"]
    assert "not of all the park's enterprises" in tab.note.text()
