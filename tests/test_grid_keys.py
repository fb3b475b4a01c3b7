"""Grids that behave like Excel (issue 24), driven by keys and clicks in the real window:
Tab/Enter in the products, team and flow grids stay in the row; Enter moves down, Ctrl+C copies
the selection in the UI's number format, Delete clears and Ctrl+D fills down in the baselines
grid, each one undo step that Ctrl+Z takes back; Ctrl+V pastes a block into the products grid."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.core import model
from tests.test_baselines_screen import audit_with_streams, quantities
from tests.ui_helpers import ensure_qm, reload

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(tmp_path, qtbot, monkeypatch):
    """open(lang, audit, phase) -> (window, screen) of an audit shown in the real window."""
    from PySide6.QtWidgets import QMessageBox

    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings
    from tests.ui_helpers import make_file

    ensure_qm()
    monkeypatch.setenv("RECP_LOG_DIR", str(tmp_path / "logs"))
    # "Not saved" messages are modal boxes: recorded instead of waiting for a click
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: None)
    states = []

    def open_(lang: str, audit: model.Audit, phase: str):
        st = AppState(make_app(), AppSettings.at(tmp_path / "settings.ini"), lang)
        states.append(st)
        qtbot.addWidget(st.window)
        assert st.open_path(make_file(tmp_path, audit))
        st.window.resize(1366, 768)
        st.window.show()
        qtbot.waitExposed(st.window)
        qtbot.waitUntil(lambda: st.window._keys_set)
        return st.window, st.window.workspace.show_phase(phase)

    yield open_
    for st in states:
        st.window.close_context()
        st.translations.set_language("en")


def click(qtbot, view, row: int, col: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    index = view.model().index(row, col)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center()
    )


def type_cell(qtbot, view, text: str) -> None:
    """Type into the current cell as a user does: the first key opens the editor."""
    view.setFocus()
    qtbot.keyClick(view, text[0])
    qtbot.keyClicks(QApplication.focusWidget(), text[1:])


def key(qtbot, key_, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key_, modifier)
    QApplication.processEvents()


def at(view) -> tuple[int, int]:
    return view.currentIndex().row(), view.currentIndex().column()


def two_products() -> model.Audit:
    audit = audit_with_streams()
    audit.products.append(model.Product("Sợi", name_en="Yarn", unit="t", position=1))
    return audit


def output(audit: model.Audit, name: str) -> dict[str, float]:
    pid = next(p.id for p in audit.products if p.name_vi == name)
    return {r.period: r.quantity for r in audit.production if r.product_id == pid}


FIGURE = {"vi": ("1.500,5", "1.500,5"), "en": ("1,500.5", "1,500.5")}


# ------------------------------------------------------------------------------ products
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_products_tab_and_enter_move_along_the_row_and_keep_the_name(window, qtbot, lang):
    win, screen = window(lang, two_products(), "products")
    grid = screen.grid
    click(qtbot, grid, 0, 2)  # the unit of the first product
    type_cell(qtbot, grid, "kg")
    key(qtbot, Qt.Key.Key_Tab)
    assert at(grid) == (0, 3)  # January, not back on the name
    type_cell(qtbot, grid, FIGURE[lang][0])
    key(qtbot, Qt.Key.Key_Return)
    assert at(grid) == (0, 4)  # Enter: the next cell of the same row
    type_cell(qtbot, grid, "12")
    key(qtbot, Qt.Key.Key_Enter)
    assert at(grid) == (0, 5)
    audit = reload(win.context.path)
    first = next(p for p in audit.products if p.position == 0)
    assert (first.name_vi, first.unit) == ("Vải thành phẩm", "kg")
    assert output(audit, "Vải thành phẩm") == {"2024-01": 1500.5, "2024-02": 12.0}
    assert grid.item(0, 3).text() == FIGURE[lang][1]


def test_products_enter_at_the_end_of_a_row_goes_to_the_next_rows_first_cell(window, qtbot):
    win, screen = window("en", two_products(), "products")
    grid = screen.grid
    last = grid.columnCount() - 1
    click(qtbot, grid, 0, last)
    type_cell(qtbot, grid, "7")
    key(qtbot, Qt.Key.Key_Return)
    assert at(grid) == (1, 0)
    assert output(reload(win.context.path), "Vải thành phẩm")["2024-12"] == 7.0
    key(qtbot, Qt.Key.Key_Return, SHIFT)  # Shift+Enter goes back
    assert at(grid) == (0, last)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("vi", "1.200,5\t1.300\n80\t\n"), ("en", "1,200.5\t1,300\n80\t\n")],
)
def test_products_ctrl_v_pastes_a_block_as_one_undo_step(window, qtbot, lang, text):
    win, screen = window(lang, two_products(), "products")
    grid = screen.grid
    undo_before = win.context.undo_stack.count()
    QGuiApplication.clipboard().setText(text)
    click(qtbot, grid, 0, 3)
    key(qtbot, Qt.Key.Key_V, CTRL)
    audit = reload(win.context.path)
    assert output(audit, "Vải thành phẩm") == {"2024-01": 1200.5, "2024-02": 1300.0}
    assert output(audit, "Sợi") == {"2024-01": 80.0}  # the empty cell left February alone
    assert win.context.undo_stack.count() == undo_before + 1
    key(qtbot, Qt.Key.Key_Z, CTRL)
    audit = reload(win.context.path)
    assert output(audit, "Vải thành phẩm") == {"2024-01": 250.0}
    assert output(audit, "Sợi") == {}


def test_products_paste_of_names_and_an_ambiguous_block_asks_first(window, qtbot):
    win, screen = window("vi", two_products(), "products")
    asked = []

    def answer(dialog):  # the user reads the block as English (22,100 = 22100)
        asked.append(dialog)
        dialog._choose("en")
        return True

    screen.run_dialog = answer
    QGuiApplication.clipboard().setText("Fabric\tt\t22,100\t25,300\n")
    click(qtbot, screen.grid, 0, 1)  # the English name
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert len(asked) == 1
    audit = reload(win.context.path)
    first = next(p for p in audit.products if p.position == 0)
    assert first.name_en == "Fabric" and first.name_vi == "Vải thành phẩm"
    assert output(audit, "Vải thành phẩm") == {"2024-01": 22100.0, "2024-02": 25300.0}


def test_products_paste_with_a_bad_figure_stores_nothing(window, qtbot):
    win, screen = window("en", two_products(), "products")
    messages = []
    win.context.failed.connect(messages.append)
    QGuiApplication.clipboard().setText("5\tabc\n")
    click(qtbot, screen.grid, 0, 3)
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert output(reload(win.context.path), "Vải thành phẩm") == {"2024-01": 250.0}
    assert messages and "abc" in messages[-1]
    QGuiApplication.clipboard().setText("5\n6\n7\n")  # three lines, two products
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert output(reload(win.context.path), "Vải thành phẩm") == {"2024-01": 250.0}
    assert "outside the grid" in messages[-1]


# ------------------------------------------------------------------------------ other grids
def products_of(audit: model.Audit) -> dict[str, tuple[str, str, str]]:
    return {p.name_vi: (p.name_vi, p.name_en, p.unit) for p in audit.products}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_products_delete_clears_the_selection_in_one_undo_step(window, qtbot, lang):
    """English name to February of both products: months emptied (records gone), English names
    cleared, the Vietnamese names and the units kept (a product needs them)."""
    win, screen = window(lang, two_products(), "products")
    grid, ctx = screen.grid, win.context
    click(qtbot, grid, 1, 4)  # Sợi, February
    type_cell(qtbot, grid, "30")
    key(qtbot, Qt.Key.Key_Return)
    click(qtbot, grid, 0, 5)  # Vải thành phẩm, March: outside the selection
    type_cell(qtbot, grid, "40")
    key(qtbot, Qt.Key.Key_Return)
    click(qtbot, grid, 0, 1)
    click(qtbot, grid, 1, 4, SHIFT)
    count = ctx.undo_stack.count()
    key(qtbot, Qt.Key.Key_Delete)
    audit = reload(ctx.path)
    assert output(audit, "Vải thành phẩm") == {"2024-03": 40.0}
    assert output(audit, "Sợi") == {}
    assert products_of(audit) == {
        "Vải thành phẩm": ("Vải thành phẩm", "", "t"),
        "Sợi": ("Sợi", "", "t"),
    }
    assert ctx.undo_stack.count() == count + 1
    assert grid.item(0, 3).text() == "" and grid.item(1, 2).text() == "t"
    key(qtbot, Qt.Key.Key_Z, CTRL)
    audit = reload(ctx.path)
    assert output(audit, "Vải thành phẩm") == {"2024-01": 250.0, "2024-03": 40.0}
    assert output(audit, "Sợi") == {"2024-02": 30.0}
    assert products_of(audit)["Sợi"] == ("Sợi", "Yarn", "t")


def test_products_ctrl_d_fills_down_each_column_in_one_undo_step(window, qtbot):
    """Unit to February, top row over the row below: unit kg, January 250, and February
    emptied because the top February is empty (as in Excel)."""
    win, screen = window("en", two_products(), "products")
    grid, ctx = screen.grid, win.context
    click(qtbot, grid, 0, 2)
    type_cell(qtbot, grid, "kg")
    key(qtbot, Qt.Key.Key_Return)
    click(qtbot, grid, 1, 4)
    type_cell(qtbot, grid, "30")
    key(qtbot, Qt.Key.Key_Return)
    click(qtbot, grid, 0, 2)
    click(qtbot, grid, 1, 4, SHIFT)
    count = ctx.undo_stack.count()
    key(qtbot, Qt.Key.Key_D, CTRL)
    audit = reload(ctx.path)
    assert output(audit, "Sợi") == {"2024-01": 250.0}
    assert products_of(audit)["Sợi"] == ("Sợi", "Yarn", "kg")
    assert output(audit, "Vải thành phẩm") == {"2024-01": 250.0}  # the top row is the source
    assert ctx.undo_stack.count() == count + 1
    assert ctx.undo_stack.undoText() == "Fill down 3 cells"
    key(qtbot, Qt.Key.Key_Z, CTRL)
    audit = reload(ctx.path)
    assert output(audit, "Sợi") == {"2024-02": 30.0}
    assert products_of(audit)["Sợi"] == ("Sợi", "Yarn", "t")


def test_team_grid_tab_and_enter_stay_in_the_row(window, qtbot):
    win, screen = window("en", audit_with_streams(), "enterprise")
    team = screen.team
    click(qtbot, team, 0, 0)
    type_cell(qtbot, team, "Binh")
    key(qtbot, Qt.Key.Key_Tab)
    assert at(team) == (0, 1)
    type_cell(qtbot, team, "Engineer")
    key(qtbot, Qt.Key.Key_Return)
    assert at(team) == (0, 2)
    member = reload(win.context.path).team[0]
    assert (member.name, member.role) == ("Binh", "Engineer")


def test_flow_grid_enter_moves_to_the_next_cell(window, qtbot):
    win, screen = window("en", audit_with_streams(), "products")
    screen.steps.setCurrentRow(1)  # Dyeing has two flows
    flows = screen.flows
    click(qtbot, flows, 0, 3)
    type_cell(qtbot, flows, "1200")
    key(qtbot, Qt.Key.Key_Return)
    assert at(flows) == (0, 4)
    water = next(f for f in reload(win.context.path).flows if f.name == "Nước")
    assert water.quantity == 1200.0


# ------------------------------------------------------------------------------ baselines
def cell_of(screen, period: str, stream: str) -> tuple[int, int]:
    m = screen.records_model
    return m.periods.index(period), next(i for i, s in enumerate(m.streams) if s.name_vi == stream)


@pytest.mark.parametrize(("lang", "typed"), [("vi", "12,5"), ("en", "12.5")])
def test_baselines_enter_moves_down(window, qtbot, lang, typed):
    win, screen = window(lang, audit_with_streams(), "baselines")
    grid = screen.grid
    click(qtbot, grid, *cell_of(screen, "2024-01", "Nước cấp"))
    type_cell(qtbot, grid, typed)
    key(qtbot, Qt.Key.Key_Return)
    assert at(grid) == cell_of(screen, "2024-02", "Nước cấp")
    type_cell(qtbot, grid, "3")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)  # not editing: Enter moves down too
    assert at(grid) == cell_of(screen, "2024-04", "Nước cấp")
    water = quantities(reload(win.context.path), "Nước cấp")
    assert water == {"2024-01": 12.5, "2024-02": 3.0}


@pytest.mark.parametrize(
    ("lang", "typed", "copied"),
    [
        ("vi", "1000,5", "1.000\t1.000,5\n5.000\t\n\t\n"),
        ("en", "1000.5", "1,000\t1,000.5\n5,000\t\n\t\n"),
    ],
)
def test_baselines_ctrl_c_copies_the_selection_in_the_ui_number_format(
    window, qtbot, lang, typed, copied
):
    win, screen = window(lang, audit_with_streams(), "baselines")
    grid = screen.grid
    click(qtbot, grid, *cell_of(screen, "2024-10", "Nước cấp"))
    type_cell(qtbot, grid, typed)
    key(qtbot, Qt.Key.Key_Return)
    click(qtbot, grid, *cell_of(screen, "2024-10", "Điện lưới"))
    click(qtbot, grid, *cell_of(screen, "2024-12", "Nước cấp"), SHIFT)
    key(qtbot, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == copied
    # what was copied pastes back as the same figures (one convention, nothing to ask)
    click(qtbot, grid, *cell_of(screen, "2024-01", "Điện lưới"))
    key(qtbot, Qt.Key.Key_V, CTRL)
    water = quantities(reload(win.context.path), "Nước cấp")
    assert water["2024-01"] == 1000.5


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_baselines_delete_clears_the_selection_in_one_undo_step(window, qtbot, lang):
    win, screen = window(lang, audit_with_streams(), "baselines")
    grid, ctx = screen.grid, win.context
    click(qtbot, grid, *cell_of(screen, "2024-02", "Điện lưới"))
    click(qtbot, grid, *cell_of(screen, "2024-04", "Điện lưới"), SHIFT)
    count = ctx.undo_stack.count()
    key(qtbot, Qt.Key.Key_Delete)
    elec = quantities(reload(ctx.path), "Điện lưới")
    assert {"2024-02", "2024-03", "2024-04"}.isdisjoint(elec) and elec["2024-01"] == 1000.0
    assert ctx.undo_stack.count() == count + 1
    assert grid.model().index(*cell_of(screen, "2024-03", "Điện lưới")).data() in ("", None)
    key(qtbot, Qt.Key.Key_Z, CTRL)
    elec = quantities(reload(ctx.path), "Điện lưới")
    assert [elec[p] for p in ("2024-02", "2024-03", "2024-04")] == [1000.0] * 3


def test_baselines_ctrl_d_fills_down_each_column_in_one_undo_step(window, qtbot):
    win, screen = window("vi", audit_with_streams(), "baselines")
    grid, ctx = screen.grid, win.context
    click(qtbot, grid, *cell_of(screen, "2024-01", "Nước cấp"))
    type_cell(qtbot, grid, "7,25")
    key(qtbot, Qt.Key.Key_Return)
    click(qtbot, grid, *cell_of(screen, "2024-10", "Nước cấp"))
    type_cell(qtbot, grid, "9")
    key(qtbot, Qt.Key.Key_Return)
    # Điện lưới Oct (1000) over Nov (5000) and Dec (empty); Nước cấp Oct (9) over the rest
    click(qtbot, grid, *cell_of(screen, "2024-10", "Điện lưới"))
    click(qtbot, grid, *cell_of(screen, "2024-12", "Nước cấp"), SHIFT)
    count = ctx.undo_stack.count()
    key(qtbot, Qt.Key.Key_D, CTRL)
    audit = reload(ctx.path)
    elec, water = quantities(audit, "Điện lưới"), quantities(audit, "Nước cấp")
    assert [elec[p] for p in ("2024-10", "2024-11", "2024-12")] == [1000.0] * 3
    assert [water[p] for p in ("2024-10", "2024-11", "2024-12")] == [9.0] * 3
    assert water["2024-01"] == 7.25  # outside the selection: untouched
    assert ctx.undo_stack.count() == count + 1
    key(qtbot, Qt.Key.Key_Z, CTRL)
    audit = reload(ctx.path)
    elec, water = quantities(audit, "Điện lưới"), quantities(audit, "Nước cấp")
    assert elec["2024-11"] == 5000.0 and "2024-12" not in elec
    assert set(water) == {"2024-01", "2024-10"}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", ("Enter", "Ctrl+C", "Ctrl+V", "Delete", "Ctrl+D", "Ctrl+Z", "Phím")),
        ("en", ("Enter: next row", "Ctrl+C: copy", "Delete: clear", "Ctrl+D: fill down")),
    ],
)
def test_the_keys_are_said_under_the_grids(window, qtbot, lang, words):
    _win, screen = window(lang, audit_with_streams(), "baselines")
    hint = screen.grid_hint
    assert hint.isVisible()
    assert all(w in hint.text() for w in words), hint.text()
    products = _win.workspace.show_phase("products")
    assert products.grid_hint.isVisible() and "Ctrl+V" in products.grid_hint.text()
    assert all(w in products.grid_hint.text() for w in words[1:]), products.grid_hint.text()
