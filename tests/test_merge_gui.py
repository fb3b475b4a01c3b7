"""Team work in the GUI, driven by clicks: the auditor's name asked once, Hand out a copy…,
Merge a teammate's copy… with the review dialog, and the merge as one undo step."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from app.core import model
from app.store.auditfile import AuditFile
from app.store.teamwork import hand_out, plan_merge
from tests.sample_store import sample_audit
from tests.ui_helpers import ensure_qm, make_file, reload


@pytest.fixture
def state(tmp_path, qtbot, monkeypatch):
    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings

    ensure_qm()
    monkeypatch.setenv("RECP_LOG_DIR", str(tmp_path / "logs"))
    st = AppState(make_app(), AppSettings.at(tmp_path / "settings.ini"), "en")
    st.set_language("en")
    qtbot.addWidget(st.window)
    yield st
    st.window.close_context()


def when_modal(qtbot, steps: list[Callable]) -> list:
    """Run each step on the next modal dialog that opens (a dialog's exec() blocks the test)."""
    seen: list = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or (seen and modal is seen[-1]):
            QTimer.singleShot(20, poll)
            return
        seen.append(modal)
        steps[len(seen) - 1](modal)
        if len(seen) < len(steps):
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def _make_pair(tmp_path):
    mine = make_file(tmp_path, sample_audit(streams=3, findings=4, options=5, photos=2))
    copy = tmp_path / "copy.recp"
    with AuditFile.open(mine, backup=False) as af:
        hand_out(af, copy)
    with AuditFile.open(copy, backup=False) as af:
        af.author = "Hoa"
        audit = af.load()
        option = audit.options[0]
        option.title_vi = "Tên do Hoa sửa"
        af.apply(put=[option, model.Finding("Lò hơi", title="Rò hơi ở van xả")])
    with AuditFile.open(mine, backup=False) as af:
        audit = af.load()
        option = audit.options[0]
        option.title_vi = "Tên do tôi sửa"
        af.put(option)
    return mine, copy, option.id


def test_merge_review_by_clicks_is_one_undo_step(state, tmp_path, qtbot):
    mine, copy, option_id = _make_pair(tmp_path)
    state.settings.q.setValue("team/author", "Lan")
    w = state.window
    assert state.open_path(mine)
    assert w.context.file.author == "Lan"  # the laptop's name, for every edit
    texts = [a.text() for a in w.menu_file.actions()]
    i = texts.index("Hand out a copy…")
    assert texts[i : i + 2] == ["Hand out a copy…", "Merge a teammate's copy…"]
    checks = {}

    def review(dialog) -> None:
        checks["disabled_first"] = not dialog.merge_button.isEnabled()
        checks["rows"] = dialog.conflicts.rowCount()
        checks["mine"] = dialog.conflicts.item(0, 2).text()
        checks["theirs"] = dialog.conflicts.item(0, 3).text()
        qtbot.mouseClick(dialog.all_theirs, Qt.LeftButton)
        checks["enabled_after"] = dialog.merge_button.isEnabled()
        qtbot.mouseClick(dialog.merge_button, Qt.LeftButton)

    when_modal(qtbot, [review])
    assert w.team_menu.merge(str(copy))
    assert checks == {
        "disabled_first": True,
        "rows": 1,
        "mine": "Tên do tôi sửa",
        "theirs": "Tên do Hoa sửa",
        "enabled_after": True,
    }
    ctx = w.context
    titles = {o.id: o.title_vi for o in ctx.audit.options}
    assert titles[option_id] == "Tên do Hoa sửa"
    assert "Rò hơi ở van xả" in [f.title for f in reload(mine).findings]
    assert ctx.undo_stack.count() == 1
    logged = ctx.file._conn.execute(
        "SELECT author, tbl FROM changes WHERE source IS NOT NULL ORDER BY seq"
    ).fetchall()
    assert ("Hoa", "findings") in logged and ("Hoa", "options") in logged
    w.act_undo.trigger()
    assert {o.id: o.title_vi for o in reload(mine).options}[option_id] == "Tên do tôi sửa"
    assert "Rò hơi ở van xả" not in [f.title for f in ctx.audit.findings]
    # Undo put the hand-out base back too: the copy has something to bring again.
    again = plan_merge(ctx.file, copy)
    assert {c.table for c in again.changes} == {"findings"} and len(again.conflicts) == 1
    w.act_redo.trigger()
    assert {o.id: o.title_vi for o in reload(mine).options}[option_id] == "Tên do Hoa sửa"
    # The same copy again: nothing new, said in a message, nothing pushed.
    said = []

    def nothing(box) -> None:
        said.append(box.text())
        box.accept()

    when_modal(qtbot, [nothing])
    assert w.team_menu.merge(str(copy))
    assert said == ["Nothing new: this copy is already merged."]
    assert ctx.undo_stack.count() == 1


def test_cancel_merges_nothing(state, tmp_path, qtbot):
    mine, copy, option_id = _make_pair(tmp_path)
    state.settings.q.setValue("team/author", "Lan")
    assert state.open_path(mine)

    def cancel(dialog) -> None:
        qtbot.mouseClick(dialog.all_mine, Qt.LeftButton)
        dialog.reject()

    when_modal(qtbot, [cancel])
    assert not state.window.team_menu.merge(str(copy))
    assert {o.id: o.title_vi for o in reload(mine).options}[option_id] == "Tên do tôi sửa"
    assert "Rò hơi ở van xả" not in [f.title for f in reload(mine).findings]


def test_name_asked_on_first_use_then_hand_out_some_streams(state, tmp_path, qtbot):
    mine = make_file(tmp_path, sample_audit(streams=3, findings=4, options=5, photos=2))
    assert state.open_path(mine)
    out = tmp_path / "for-hoa.recp"

    def name(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Trần Thị Hoa")
        dialog.accept()

    def pick(dialog) -> None:
        streams = dialog.lists[2]
        streams.item(0).setCheckState(Qt.Unchecked)
        dialog.accept()

    when_modal(qtbot, [name, pick])
    assert state.window.team_menu.hand_out(str(out))
    assert state.settings.q.value("team/author") == "Trần Thị Hoa"
    assert state.window.context.file.author == "Trần Thị Hoa"
    audit = reload(mine)
    with AuditFile.open(out, read_only=True, backup=False) as af:
        assert len(af.load().streams) == len(audit.streams) - 1
    # Asked once: a second use does not ask again (the next modal is the hand-out dialog).
    when_modal(qtbot, [lambda d: d.reject()])
    assert not state.window.team_menu.hand_out(str(tmp_path / "again.recp"))


def test_a_refused_copy_says_why_in_one_line(state, tmp_path, qtbot):
    mine = make_file(tmp_path, sample_audit(streams=3, findings=4, options=5, photos=2))
    other = tmp_path / "other.recp"
    AuditFile.create(other, model.Audit()).close()
    state.settings.q.setValue("team/author", "Lan")
    assert state.open_path(mine)
    said = []

    def box(b) -> None:
        assert isinstance(b, QMessageBox)
        said.append(b.text())
        b.accept()

    when_modal(qtbot, [box])
    assert not state.window.team_menu.merge(str(other))
    assert len(said) == 1 and said[0].endswith(
        "This file belongs to another audit and cannot be merged."
    )
    assert "other.recp" in said[0]  # where
