""" "Create option from this finding" takes the auditor to the Options screen with the new option
open in its editor; one undo step removes option (and the finding it created), on disk too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.model import ChecklistAnswer
from app.ui.main_window import Workspace
from tests.ui_helpers import reload, textile_context


@pytest.fixture
def ctx(tmp_path, qtbot):
    with textile_context(tmp_path, lang="en") as context:
        yield context


@pytest.fixture
def workspace(ctx, qtbot):
    ws = Workspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1366, 740)
    ws.show()
    return ws


def select_item(screen, area_id: str, item_id: str) -> None:
    areas = [screen.area_list.item(i).data(Qt.UserRole) for i in range(screen.area_list.count())]
    screen.area_list.setCurrentRow(areas.index(area_id))
    rows = [screen.item_list.item(i).data(Qt.UserRole) for i in range(screen.item_list.count())]
    screen.item_list.setCurrentRow(rows.index(("item", item_id)))


def test_option_from_an_unanswered_item_opens_in_the_options_editor(workspace, ctx, qtbot):
    walk = workspace.show_phase("walkthrough")
    select_item(walk, "tex_washing", "tex.counter_current")
    idea = walk.current_item().option_idea
    options_before = len(ctx.audit.options)

    walk.option_button.click()

    options = workspace.screens["options"]
    assert workspace.stack.currentWidget() is options
    assert options.isVisible() and options.tabs.currentIndex() == 0
    (option,) = ctx.audit.options[options_before:]
    assert options.current_option().id == option.id
    assert options.editor.f_title_vi.text() == idea.vi
    assert option.title_en == idea.en
    on_disk = reload(ctx.path)
    finding = next(f for f in on_disk.findings if f.item_id == "tex.counter_current")
    assert finding.answer == ChecklistAnswer.ISSUE
    assert next(o for o in on_disk.options if o.id == option.id).finding_ids == [finding.id]

    assert ctx.undo_stack.count() == 1  # option and finding: one step
    ctx.undo_stack.undo()
    on_disk = reload(ctx.path)
    assert option.id not in {o.id for o in on_disk.options}
    assert not [f for f in on_disk.findings if f.item_id == "tex.counter_current"]
    assert option.id not in {o.id for o in ctx.audit.options}
    assert options.current_option() is None or options.current_option().id != option.id


def test_option_from_a_free_finding_carries_its_english_text(workspace, ctx, qtbot):
    import copy

    walk = workspace.show_phase("walkthrough")
    finding = walk.add_free_finding()
    edited = copy.deepcopy(finding)
    edited.title = "Rò rỉ khí nén"
    edited.title_en = "Compressed-air leaks"
    edited.note = "Nhiều chỗ rò"
    edited.note_en = "Many leaks"
    assert ctx.edit("Edit", put=[edited])
    option = walk.create_option()
    assert option is not None
    options = workspace.screens["options"]
    assert workspace.stack.currentWidget() is options
    assert options.editor.f_title_vi.text() == "Rò rỉ khí nén"
    stored = next(o for o in reload(ctx.path).options if o.id == option.id)
    assert (stored.title_en, stored.description_vi, stored.description_en) == (
        "Compressed-air leaks",
        "Nhiều chỗ rò",
        "Many leaks",
    )
