"""Ctrl+Z / Ctrl+Y undo the audit's last edit from any field that is not itself being edited."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt

from tests.ui_helpers import make_file


@pytest.fixture
def state(tmp_path, qtbot, monkeypatch):
    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings

    monkeypatch.setenv("RECP_LOG_DIR", str(tmp_path / "logs"))
    st = AppState(make_app(), AppSettings.at(tmp_path / "settings.ini"), "en")
    qtbot.addWidget(st.window)
    assert st.open_path(make_file(tmp_path))
    st.window.show()
    qtbot.waitExposed(st.window)
    qtbot.waitUntil(lambda: st.window._keys_set)
    yield st
    st.window.close_context()


def _rename_first_member(ctx, name):
    member = copy.deepcopy(ctx.audit.team[0])
    member.name = name
    assert ctx.edit("rename", put=[member])


def test_ctrl_z_in_a_field_not_being_edited_undoes_the_audit(state, qtbot):
    win = state.window
    ctx = win.context
    before = ctx.audit.team[0].name
    _rename_first_member(ctx, "Tên mới")
    screen = win.workspace.show_phase("enterprise")
    field = screen.fields[("enterprise", "name")]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key_Z, Qt.ControlModifier)
    assert ctx.audit.team[0].name == before  # the audit's edit, undone from the field
    qtbot.keyClick(field, Qt.Key_Y, Qt.ControlModifier)
    assert ctx.audit.team[0].name == "Tên mới"


def test_ctrl_z_while_typing_undoes_the_typing_first(state, qtbot):
    win = state.window
    ctx = win.context
    _rename_first_member(ctx, "Tên mới")
    screen = win.workspace.show_phase("enterprise")
    field = screen.fields[("enterprise", "name")]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    original = field.text()
    field.end(False)
    qtbot.keyClicks(field, " abc")
    qtbot.keyClick(field, Qt.Key_Z, Qt.ControlModifier)
    assert field.text() == original  # the field's own undo
    assert ctx.audit.team[0].name == "Tên mới"  # the audit untouched


def test_ctrl_y_redoes_from_a_list(state, qtbot):
    """Not only from a text field: from the phase list (no text of its own) Ctrl+Z and Ctrl+Y
    reach the window's actions; Ctrl+Y must not be bound twice (Qt ignores ambiguous keys)."""
    win = state.window
    ctx = win.context
    before = ctx.audit.team[0].name
    _rename_first_member(ctx, "Tên mới")
    nav = win.workspace.nav
    nav.setFocus()
    qtbot.waitUntil(nav.hasFocus)
    qtbot.keyClick(nav, Qt.Key_Z, Qt.ControlModifier)
    assert ctx.audit.team[0].name == before
    qtbot.keyClick(nav, Qt.Key_Y, Qt.ControlModifier)
    assert ctx.audit.team[0].name == "Tên mới"
