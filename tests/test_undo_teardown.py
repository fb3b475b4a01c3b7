"""Undo commands are deleted while their wrappers are alive: closing an audit empties its undo
stack before the context goes, and contexts left to the garbage collector can be emptied too
(a context freed by the GC with commands on its stack crashed at exit)."""

from __future__ import annotations

from app.core import model
from app.ui import context as context_module
from app.ui.context import AuditContext
from tests.ui_helpers import ensure_qm, make_file


def _stream() -> model.ResourceStream:
    return model.ResourceStream(model.StreamKind.ELECTRICITY, "Điện lưới", "kWh")


def test_closing_an_audit_deletes_its_undo_history_first(tmp_path, qtbot, monkeypatch):
    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings

    ensure_qm()
    monkeypatch.setenv("RECP_LOG_DIR", str(tmp_path / "logs"))
    path = make_file(tmp_path, model.Audit())
    state = AppState(make_app(), AppSettings.at(tmp_path / "settings.ini"), "en")
    qtbot.addWidget(state.window)
    assert state.open_path(path)
    ctx = state.window.context
    assert ctx.edit("add stream", put=[_stream()])
    stack = ctx.undo_stack
    assert stack.count() == 1
    state.window.close_context()
    # the context is only deleted later (deleteLater); its history is already gone
    assert stack.count() == 0


def test_discard_all_history_empties_every_live_context(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    files, contexts = [], []
    for i in range(2):
        (tmp_path / str(i)).mkdir()
        af = AuditFile.open(make_file(tmp_path / str(i), model.Audit()))
        files.append(af)
        ctx = AuditContext(af, lang="en")
        assert ctx.edit("add stream", put=[_stream()])
        contexts.append(ctx)
    assert [c.undo_stack.count() for c in contexts] == [1, 1]
    context_module.discard_all_history()
    assert [c.undo_stack.count() for c in contexts] == [0, 0]
    # the edits themselves stay: only the history is dropped
    assert all(len(c.audit.streams) == 1 for c in contexts)
    for af in files:
        af.close()
