"""The options log on a 1366 px laptop: no sideways scrolling, the money columns in view, the
rest chosen from the header's menu and remembered for the next audit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.screens.options.model import COLUMN, COLUMNS, header_label
from tests.ui_helpers import ensure_qm

KEYS = [key for key, _, _ in COLUMNS]


@pytest.fixture
def state(tmp_path, qtbot, monkeypatch):
    from app.core.demo import build_demo_audit
    from app.store.auditfile import AuditFile
    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings

    ensure_qm()
    monkeypatch.setenv("RECP_LOG_DIR", str(tmp_path / "logs"))
    AuditFile.create(tmp_path / "demo.recp", build_demo_audit()).close()
    st = AppState(make_app(), AppSettings.at(tmp_path / "settings.ini"), "vi")
    qtbot.addWidget(st.window)
    st.window.resize(1366, 768)
    st.window.show()
    assert st.open_path(tmp_path / "demo.recp")
    yield st
    st.window.close_context()
    st.translations.set_language("en")


def visible(screen) -> list[str]:
    return [k for k in KEYS if not screen.table.isColumnHidden(COLUMN[k])]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_log_fits_1366_px_with_its_figures_in_view(state, qtbot, lang):
    state.set_language(lang)
    screen = state.window.workspace.show_phase("options")
    qtbot.wait(1)
    table = screen.table
    assert table.horizontalScrollBar().maximum() == 0  # nothing off to the right
    for key in ("code", "title", "category", "status", "investment", "saving", "payback", "co2e"):
        assert key in visible(screen)
    # the title column takes what is left, and that is room enough to read a title
    assert table.columnWidth(COLUMN["title"]) >= 180
    # every header line fits its column: widths follow the language's header texts
    metrics = table.horizontalHeader().fontMetrics()
    for key in visible(screen):
        label = table.model().headerData(COLUMN[key], Qt.Horizontal)
        widest = max(metrics.horizontalAdvance(line) for line in label.split("\n"))
        assert widest < table.columnWidth(COLUMN[key]), (lang, key, label)
    # filters share the row; the chosen item is in the tooltip in case it is cut
    screen.f_category.setCurrentIndex(3)
    assert screen.f_category.toolTip() == screen.f_category.currentText()
    assert screen.log_buttons.isVisible()
    screen.tabs.setCurrentIndex(1)
    assert not screen.log_buttons.isVisible()  # "New option" belongs to the log
    # the ranked list: titles readable whole, figures in view, weights not stretched
    ranked = screen.ranked
    qtbot.wait(1)
    assert ranked.horizontalScrollBar().maximum() == 0
    assert ranked.columnWidth(2) >= 400
    for c in (0, 1, 3, 4, 5, 6, 7, 8):
        label = ranked.model().headerData(c, Qt.Horizontal)
        widest = max(metrics.horizontalAdvance(line) for line in label.split("\n"))
        assert widest < ranked.columnWidth(c), (lang, c, label)
    assert all(spin.width() <= 110 for spin in screen.weight_spins.values())
    screen.tabs.setCurrentIndex(0)
    assert screen.log_buttons.isVisible()


def test_header_menu_shows_hides_and_remembers_columns(state, qtbot):
    screen = state.window.workspace.show_phase("options")
    chooser = screen.columns
    assert "npv" not in visible(screen) and "irr" not in visible(screen)
    menu = chooser.menu()
    actions = {a.text().replace("\n", " "): a for a in menu.actions() if a.isCheckable()}
    npv = next(a for t, a in actions.items() if t.startswith("NPV"))
    assert not npv.isChecked()
    npv.setChecked(True)  # as a click on the menu entry does
    assert "npv" in visible(screen)
    next(a for t, a in actions.items() if t.startswith("Điểm")).setChecked(False)
    assert "score" not in visible(screen)
    code = next(a for t, a in actions.items() if t == "Mã")
    assert not code.isEnabled()  # a row needs its code and title
    menu.deleteLater()

    # the choice is the user's, not the audit's: the next screen built starts with it
    assert state.settings.hidden_columns("options_log") == {"screening", "streams", "irr", "score"}
    path = state.window.context.path
    state.window.close_context()
    assert state.open_path(path)
    again = state.window.workspace.show_phase("options")
    assert "npv" in visible(again) and "score" not in visible(again)
    again.columns.restore_defaults()
    assert set(KEYS) - set(visible(again)) == {"screening", "streams", "npv", "irr"}
    assert state.settings.hidden_columns("options_log") == {"screening", "streams", "npv", "irr"}


def test_fixed_columns_cannot_be_hidden_even_from_a_hand_edited_setting(state, qtbot):
    state.settings.set_hidden_columns("options_log", {"code", "title", "payback"})
    qtbot.waitUntil(lambda: state.settings.recent() != [])  # written after the first paint
    state.window.close_context()
    assert state.open_path(state.settings.recent()[0]["path"])
    screen = state.window.workspace.show_phase("options")
    assert {"code", "title"} <= set(visible(screen))
    assert "payback" not in visible(screen)


def test_header_units_go_on_a_second_line():
    assert header_label("Investment (VND)") == "Investment\n(VND)"
    assert header_label("Vốn đầu tư (đồng)") == "Vốn đầu tư\n(đồng)"
    assert header_label("Option") == "Option"
    assert header_label("IRR") == "IRR"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_totals_counts_say_which_are_techniques_and_which_statuses(state, qtbot, lang):
    state.set_language(lang)
    screen = state.window.workspace.show_phase("options")
    screen.tabs.setCurrentIndex(3)
    table = screen.totals_tables["counts"]
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    headings = [r for r, (_, value) in enumerate(rows) if value == ""]
    assert len(headings) == 3 and headings[0] == 0
    for r in headings:  # a heading spans the table and is bold
        assert table.columnSpan(r, 0) == table.columnCount()
        assert table.item(r, 0).font().bold()
    options = state.window.context.audit.options
    by_technique = rows[headings[0] + 1 : headings[1]]
    by_status = rows[headings[1] + 1 : headings[2]]
    assert sum(int(v) for _, v in by_technique) == len(options)
    assert sum(int(v) for _, v in by_status) == len(options)
    expected = {
        "vi": ("Theo nhóm giải pháp SXSH", "Theo trạng thái"),
        "en": ("By CP technique", "By status"),
    }
    assert (rows[headings[0]][0], rows[headings[1]][0]) == expected[lang]
