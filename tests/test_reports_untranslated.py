"""The Reports screen lists what an English export would print in Vietnamese: a count, one row
per item, Enter or a double-click shows the item in its editor (keys and clicks)."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt

from app.core.demo import build_demo_audit
from app.store.auditfile import AuditFile
from app.ui.context import AuditContext
from app.ui.main_window import Workspace
from tests.ui_helpers import reload


@pytest.fixture
def vietnamese(qapp):
    from app.ui.translations import Translations
    from tests.ui_helpers import ensure_qm

    ensure_qm()
    translations = Translations(qapp)
    translations.set_language("vi")
    yield
    translations.set_language("en")


@pytest.fixture
def setup(tmp_path, qtbot):
    path = tmp_path / "demo.recp"
    audit = build_demo_audit()
    for f in audit.findings:  # 15 findings left in Vietnamese only
        f.title_en = f.note_en = ""
    next(o for o in audit.options if o.code == "O-17").rejection_reason_en = ""
    AuditFile.create(path, audit).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang="vi")
    ws = Workspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1366, 740)
    ws.show()
    yield ws, ctx, path
    af.close()


def english(screen, qtbot) -> None:
    """Pick English in the report-language box by keys."""
    screen.lang_box.setFocus()
    qtbot.keyClick(screen.lang_box, Qt.Key_Down)
    assert screen.choice()[0] == "en"


def test_count_list_and_jumps_by_keys_and_clicks(vietnamese, setup, qtbot):
    ws, ctx, path = setup
    screen = ws.show_phase("reports")
    assert not screen.untranslated_box.isVisibleTo(screen)  # a Vietnamese report: no list
    english(screen, qtbot)
    listing = screen.untranslated
    assert screen.untranslated_box.isVisibleTo(screen)
    # the demo: 15 findings typed in Vietnamese only and the rejected O-17's reason
    assert listing.count.text() == "16 mục chưa dịch"
    tree = listing.tree
    assert tree.topLevelItemCount() == 16
    last = tree.topLevelItem(15)
    assert [last.text(c) for c in range(4)] == [
        "Cơ hội SXSH",
        "Cơ hội SXSH",
        "O-17 Thu hồi xút bằng cô đặc bay hơi",
        "lý do loại",
    ]
    assert tree.topLevelItem(0).text(3) == "tiêu đề, ghi chú"

    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key_End)
    qtbot.keyClick(tree, Qt.Key_Return)
    options = ws.screens["options"]
    assert ws.stack.currentWidget() is options
    assert options.current_option().code == "O-17"
    qtbot.waitUntil(options.editor.f_rejection_en.hasFocus)  # its English reason, to type

    screen = ws.show_phase("reports")
    first = tree.topLevelItem(0)
    rect = tree.visualItemRect(first)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.LeftButton, pos=rect.center())
    walk = ws.screens["walkthrough"]
    assert ws.stack.currentWidget() is walk
    finding = walk.current_finding()
    assert finding.title == "Rò rỉ hơi tại van, mặt bích và bẫy hơi khu máy nhuộm"
    assert walk.english_toggle.isChecked() and walk.title_en_edit.isVisibleTo(walk)

    # the English title typed there by keys: saved, and the list now asks only for the note
    qtbot.waitUntil(walk.title_en_edit.hasFocus)
    qtbot.keyClicks(walk.title_en_edit, "Steam leaks at valves")
    qtbot.keyClick(walk.title_en_edit, Qt.Key_Return)
    assert reload(path).findings[0].title_en == "Steam leaks at valves"
    assert listing.count.text() == "16 mục chưa dịch"
    assert tree.topLevelItem(0).text(3) == "ghi chú"
    # the note translated too: the item leaves the list at once
    done = copy.copy(walk.current_finding())
    done.note_en = "14 visible leaks."
    assert ctx.edit("Translate", put=[done])
    assert listing.count.text() == "15 mục chưa dịch"
    # the summary prints only stream names and option titles: all translated in the demo
    screen.variant_box.setFocus()
    qtbot.keyClick(screen.variant_box, Qt.Key_Down)
    assert screen.choice()[2] == "summary"
    assert listing.count.text() == "Không có mục nào chưa dịch: báo cáo tiếng Anh đã đầy đủ."
    assert not tree.isVisibleTo(screen)


def test_english_ui_names_the_items_in_english(setup, qtbot):
    ws, ctx, _ = setup
    screen = ws.show_phase("reports")
    ctx.lang = "en"
    screen.retranslate()
    screen.lang_box.setCurrentIndex(screen.lang_box.findData("en"))
    assert screen.untranslated.count.text() == "16 items untranslated"
    last = screen.untranslated.tree.topLevelItem(15)
    assert [last.text(c) for c in range(4)] == [
        "Options",
        "Option",
        "O-17 Caustic recovery by evaporation",
        "rejection reason",
    ]


def test_enter_jumps_to_a_flow_a_product_and_a_narrative_section(tmp_path, qtbot):
    audit = build_demo_audit()
    audit.findings = audit.photos = []  # only the items this test plants (and O-17)
    next(o for o in audit.options if o.code == "O-17").rejection_reason_en = ""
    flow = sorted(audit.flows, key=lambda f: f.position)[3]
    flow.name_en = ""
    product = audit.products[-1]
    product.name_en = ""
    audit.info.narrative = {"focus": {"vi": "Trọng tâm là lò hơi.", "en": ""}}
    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    af = AuditFile.open(path)
    try:
        ctx = AuditContext(af, path=str(path), lang="en")
        ws = Workspace(ctx)
        qtbot.addWidget(ws)
        ws.resize(1366, 740)
        ws.show()
        qtbot.waitExposed(ws)
        screen = ws.show_phase("reports")
        screen.lang_box.setCurrentIndex(screen.lang_box.findData("en"))
        tree = screen.untranslated.tree
        kinds = [tree.topLevelItem(i).data(0, Qt.UserRole + 1).kind for i in range(4)]
        assert kinds == ["product", "flow", "option", "narrative"]

        def enter_on(row: int):
            ws.show_phase("reports")
            tree.setFocus()
            qtbot.keyClick(tree, Qt.Key_Home)
            for _ in range(row):
                qtbot.keyClick(tree, Qt.Key_Down)
            qtbot.keyClick(tree, Qt.Key_Return)
            return ws.stack.currentWidget()

        products = enter_on(0)
        assert products is ws.screens["products"]
        cell = products.grid.currentItem()
        assert (cell.data(Qt.UserRole), cell.column()) == (product.id, 1)  # its English name
        products = enter_on(1)
        assert products.current_step_id() == flow.step_id
        assert products.flows.currentItem().data(Qt.UserRole) == flow.id
        assert products.flows.currentColumn() == 2
        narrative = enter_on(3)
        assert narrative is ws.screens["narrative"] and narrative.current_key() == "focus"
        qtbot.waitUntil(narrative.editors["en"].hasFocus)  # ready to type the English
    finally:
        af.close()
