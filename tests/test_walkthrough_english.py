"""Optional English text of a finding (for English reports): folded away by default, undoable,
on disk; and the checklist item's id shown small, not as the box title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.context import AuditContext
from app.ui.screens.walkthrough import FREE, WalkthroughScreen
from tests.ui_helpers import make_file, reload, sample_audit, textile_context


@pytest.fixture
def ctx(tmp_path, qtbot):
    with textile_context(tmp_path, lang="vi") as context:
        yield context


@pytest.fixture
def screen(ctx, qtbot):
    widget = WalkthroughScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 740)
    widget.show()
    return widget


def commit_line(edit, text):
    edit.setFocus()
    edit.setText(text)
    edit.editingFinished.emit()


def commit_note(edit, text):
    edit.setPlainText(text)
    edit.editingFinished.emit()


def test_english_fields_are_folded_until_asked_for(screen):
    screen.item_list.setCurrentRow(0)
    assert not screen.note_en_edit.isVisible() and not screen.title_en_edit.isVisible()
    screen.english_toggle.click()
    assert screen.note_en_edit.isVisible() and screen.form_labels["note_en"].isVisible()
    assert not screen.title_en_edit.isVisible()  # a checklist item's English title: its question


def test_english_note_of_a_checklist_item_is_undoable_on_disk(screen, ctx):
    screen.item_list.setCurrentRow(0)
    item_id = screen.current_key()[1]
    screen.english_toggle.click()
    commit_note(screen.note_en_edit, "Three separate tanks, each drained")

    def note_en(audit):
        f = next((f for f in audit.findings if f.item_id == item_id), None)
        return f.note_en if f else None

    assert note_en(reload(ctx.path)) == "Three separate tanks, each drained"
    assert note_en(ctx.audit) == "Three separate tanks, each drained"
    ctx.undo_stack.undo()
    assert note_en(reload(ctx.path)) is None  # the finding was created by this edit
    ctx.undo_stack.redo()
    assert note_en(reload(ctx.path)) == "Three separate tanks, each drained"


def test_english_title_of_a_free_finding_undo_redo_and_shown_again(screen, ctx):
    finding = screen.add_free_finding()
    screen.english_toggle.setChecked(False)
    screen.english_toggle.click()
    assert screen.title_en_edit.isVisible()
    commit_line(screen.title_en_edit, "  Steam leak at valve V3 ")
    screen.item_list.setFocus()  # focus leaves the field, as when the auditor moves on

    def title_en(audit):
        return next(f for f in audit.findings if f.id == finding.id).title_en

    assert title_en(reload(ctx.path)) == "Steam leak at valve V3"  # trimmed as typed text is
    ctx.undo_stack.undo()
    assert title_en(reload(ctx.path)) == ""
    assert screen.title_en_edit.text() == ""
    ctx.undo_stack.redo()
    assert title_en(reload(ctx.path)) == "Steam leak at valve V3"
    # Folded again and reselected: a finding with English text opens the section itself.
    screen.english_toggle.setChecked(False)
    areas = [screen.area_list.item(i).data(Qt.UserRole) for i in range(screen.area_list.count())]
    screen.area_list.setCurrentRow(0)
    screen.area_list.setCurrentRow(areas.index(FREE))
    assert screen.title_en_edit.isVisible() and screen.note_en_edit.isVisible()
    assert screen.title_en_edit.text() == "Steam leak at valve V3"


def test_item_id_is_small_print_not_the_title(screen):
    screen.item_list.setCurrentRow(0)
    item = screen.current_item()
    assert screen.item_id_label.text() == item.id
    assert item.id not in screen.detail.title()
    assert screen.item_id_label.font().pointSizeF() < screen.question.font().pointSizeF()


def test_read_only_english_fields(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path, sample_audit())
    with AuditFile.open(path, read_only=True) as af:
        context = AuditContext(af, path=str(path))
        widget = WalkthroughScreen(context)
        qtbot.addWidget(widget)
        widget.set_read_only(True)
        assert widget.note_en_edit.isReadOnly() and not widget.title_en_edit.isEnabled()
