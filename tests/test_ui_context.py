"""AuditContext: every edit is one transaction, undoable, redoable, and on disk at once."""

from __future__ import annotations

import copy

import pytest

from app.core import model
from app.ui.context import AuditContext, Change, ChangeSet
from tests.ui_helpers import make_file, reload, sample_audit


@pytest.fixture
def ctx(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path)
    af = AuditFile.open(path)
    context = AuditContext(af, path=str(path))
    yield context
    af.close()


def test_edit_undo_redo_each_checked_on_disk(ctx):
    path = ctx.path
    member = copy.deepcopy(ctx.audit.team[0])
    member.role = "Chuyên gia"
    assert ctx.edit("Edit member", put=[member])
    assert reload(path).team[0].role == "Chuyên gia"
    assert ctx.audit.team[0].role == "Chuyên gia"
    ctx.undo_stack.undo()
    assert reload(path).team[0].role == "Trưởng nhóm"
    assert ctx.audit.team[0].role == "Trưởng nhóm"
    ctx.undo_stack.redo()
    assert reload(path).team[0].role == "Chuyên gia"


def test_changed_names_types_and_ids(ctx, qtbot):
    step = model.ProcessStep("Nấu tẩy", position=3)
    with qtbot.waitSignal(ctx.changed) as sig:
        ctx.edit("Add step", put=[step])
    changes: ChangeSet = sig.args[0]
    assert changes.types == {model.ProcessStep}
    assert step.id in changes.ids
    assert changes.touches(model.ProcessStep) and not changes.touches(model.Product)


def test_deleting_a_parent_takes_children_and_undo_restores_them(ctx):
    step = ctx.audit.steps[1]
    flow_ids = {f.id for f in ctx.audit.flows if f.step_id == step.id}
    assert flow_ids
    assert ctx.edit("Remove step", delete=[step])
    assert not [f for f in ctx.audit.flows if f.step_id == step.id]
    on_disk = reload(ctx.path)
    assert step.id not in {s.id for s in on_disk.steps}
    assert not flow_ids & {f.id for f in on_disk.flows}
    ctx.undo_stack.undo()
    on_disk = reload(ctx.path)
    assert step.id in {s.id for s in on_disk.steps}
    assert flow_ids == {f.id for f in on_disk.flows if f.step_id == step.id}
    assert flow_ids == {f.id for f in ctx.audit.flows if f.step_id == step.id}


def test_photo_deletion_undo_brings_back_the_jpeg(ctx):
    finding = model.Finding(area="Nồi hơi", title="Rò hơi")
    photo = model.Photo(finding.id, caption="x", jpeg=b"\xff\xd8JPEGDATA\xff\xd9", thumbnail=b"t")
    assert ctx.edit("Add finding", put=[finding, photo])
    assert ctx.current(photo).jpeg is None  # memory keeps thumbnails only
    assert ctx.edit("Remove finding", delete=[finding])
    assert not ctx.audit.photos
    ctx.undo_stack.undo()
    assert ctx.file.photo_jpeg(photo.id) == b"\xff\xd8JPEGDATA\xff\xd9"


def test_info_edit_and_undo(ctx):
    info = copy.deepcopy(ctx.audit.info)
    info.enterprise.tax_code = "0201234567"
    assert ctx.edit("Edit tax code", info=info)
    assert reload(ctx.path).info.enterprise.tax_code == "0201234567"
    ctx.undo_stack.undo()
    assert reload(ctx.path).info.enterprise.tax_code == ""


def test_edit_many_is_one_transaction_and_one_undo_step(ctx):
    product = ctx.audit.products[0]
    records = [model.ProductionRecord(product.id, f"2024-{m:02d}", 100.0 + m) for m in range(2, 13)]
    assert ctx.edit_many("Import output", [Change(put=records[:5]), Change(put=records[5:])])
    assert ctx.undo_stack.count() == 1
    assert len(reload(ctx.path).production) == 12
    ctx.undo_stack.undo()
    assert len(reload(ctx.path).production) == 1


def test_merge_key_merges_consecutive_edits(ctx):
    member = copy.deepcopy(ctx.audit.team[0])
    for role in ("a", "b", "c"):
        member.role = role
        ctx.edit("Typing", put=[copy.deepcopy(member)], merge_key="role")
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert reload(ctx.path).team[0].role == "Trưởng nhóm"


def test_failed_apply_changes_nothing_and_reports(ctx, qtbot, monkeypatch):
    before = copy.deepcopy(ctx.audit)

    def broken(**_kw):
        raise OSError("disk full")

    monkeypatch.setattr(ctx.file, "apply", broken)
    member = copy.deepcopy(ctx.audit.team[0])
    member.name = "Khác"
    with qtbot.waitSignal(ctx.failed) as sig:
        assert not ctx.edit("Edit member", put=[member])
    assert "disk full" in sig.args[0]
    assert ctx.audit == before
    assert ctx.undo_stack.count() == 0
    assert ctx.save_state == "failed"


def test_read_only_refuses_edits(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path)
    with AuditFile.open(path) as writer:  # holds the lock: the second opener is read-only
        reader = AuditFile.open(path)
        ctx = AuditContext(reader, path=str(path), lang="en")
        assert ctx.read_only and ctx.read_only_reason
        with qtbot.waitSignal(ctx.failed):
            assert not ctx.edit("x", put=[model.TeamMember("B")])
        reader.close()
        assert len(writer.load().team) == 1


def test_locale_formatting_follows_the_language(ctx):
    ctx.set_language("vi")
    assert ctx.format_number(1234567.5) == "1.234.567,5"
    assert ctx.parse_number("1.234,5") == 1234.5
    assert ctx.format_period("2024-03") == "03/2024"
    ctx.set_language("en")
    assert ctx.format_number(1234567.5) == "1,234,567.5"
    assert ctx.parse_number("1,234.5") == 1234.5
    assert sample_audit().info.baseline_months == 12


def test_undo_history_does_not_keep_a_dropped_context_alive(tmp_path, qtbot):
    """Commands used to hold their context strongly: context -> stack -> command -> context is
    a cycle, which only Python's collector frees, in an arbitrary order. Freeing a command
    before ~QUndoStack deletes it segfaults (the CI run's exit 139 after all tests passed).
    Without the cycle, dropping the last reference frees the context at once."""
    import gc
    import weakref

    from app.store.auditfile import AuditFile

    path = make_file(tmp_path)
    with AuditFile.open(path) as af:
        context = AuditContext(af, path=str(path))
        for role in ("A", "B", "C"):
            member = copy.deepcopy(context.audit.team[0])
            member.role = role
            assert context.edit("Edit " + role, put=[member])
        context.undo_stack.undo()
        assert context.undo_stack.count() == 3
        gone = weakref.ref(context)
        gc.collect()
        gc.disable()  # only reference counting may free it
        try:
            del context
            assert gone() is None
        finally:
            gc.enable()
    assert reload(path).team[0].role == "B"


def test_deleting_a_parent_removes_and_undo_restores_every_owned_child(tmp_path, qtbot):
    """For each cascade of the schema: memory follows the file, and undo brings all back."""
    from app.store import schema
    from app.store.auditfile import AuditFile
    from tests.sample_store import sample_audit as full_sample
    from tests.sample_store import without_jpeg

    path = make_file(tmp_path, without_jpeg(full_sample()))
    af = AuditFile.open(path)
    try:
        ctx = AuditContext(af, path=str(path))
        for child_type, field_name, parent_type in schema.owned_children():
            attr = model.AUDIT_LISTS
            parent = next(
                p
                for p in getattr(ctx.audit, attr[parent_type])
                if any(getattr(c, field_name) == p.id for c in getattr(ctx.audit, attr[child_type]))
            )
            before = sorted(c.id for c in getattr(ctx.audit, attr[child_type]))
            assert ctx.edit("Delete", delete=[parent])
            left = getattr(ctx.audit, attr[child_type])
            assert not [c for c in left if getattr(c, field_name) == parent.id], child_type
            assert sorted(c.id for c in left) == sorted(
                c.id for c in getattr(reload(path), attr[child_type])
            )
            ctx.undo_stack.undo()
            assert sorted(c.id for c in getattr(ctx.audit, attr[child_type])) == before
    finally:
        ctx.discard_history()
        af.close()
