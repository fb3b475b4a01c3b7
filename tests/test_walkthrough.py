"""The walkthrough screen: keyboard answers, notes, links, filters, free findings, options and
photos; every edit checked on disk, then undone and redone."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.core import model
from app.core.model import ChecklistAnswer, CPCategory, Severity
from app.ui.context import AuditContext
from app.ui.screens.walkthrough import FREE, WalkthroughScreen, active_templates
from tests.ui_helpers import make_file, reload, sample_audit, textile_context


@pytest.fixture
def ctx(tmp_path, qtbot):
    with textile_context(tmp_path, lang="en") as context:
        yield context


@pytest.fixture
def screen(ctx, qtbot):
    widget = WalkthroughScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    return widget


def select_area(screen, area_id):
    ids = [screen.area_list.item(i).data(Qt.UserRole) for i in range(screen.area_list.count())]
    screen.area_list.setCurrentRow(ids.index(area_id))


def rows(screen):
    return [screen.item_list.item(i).data(Qt.UserRole) for i in range(screen.item_list.count())]


def finding_of(audit, item_id):
    return next((f for f in audit.findings if f.item_id == item_id), None)


def roundtrip(ctx, after, before):
    after(reload(ctx.path))
    ctx.undo_stack.undo()
    before(reload(ctx.path))
    ctx.undo_stack.redo()
    after(reload(ctx.path))


def jpeg_file(folder, name, size=(1600, 1200), color=(30, 120, 200)):
    path = folder / name
    Image.new("RGB", size, color).save(path, "JPEG", quality=90)
    return path


def test_sector_checklist_first_then_general(screen):
    ids = [t.id for t in screen.templates]
    assert ids == ["textile_dyeing", "general_utilities"]
    assert screen.template_combo.currentText() == "Textile dyeing and finishing"
    area_ids = [screen.area_list.item(i).data(Qt.UserRole) for i in range(screen.area_list.count())]
    assert area_ids == ["tex_pretreatment", "tex_dyeing", "tex_washing", "tex_finishing", FREE]
    assert screen.area_list.currentRow() == 0
    assert rows(screen)[0] == ("item", "tex.pre.combined_process")


def test_keys_1_to_4_answer_and_enter_moves_on(screen, ctx, qtbot):
    select_area(screen, "tex_dyeing")
    screen.item_list.setFocus()
    screen.item_list.setCurrentRow(0)
    first, second = rows(screen)[0][1], rows(screen)[1][1]
    qtbot.keyClick(screen.item_list, Qt.Key_2)
    qtbot.keyClick(screen.item_list, Qt.Key_Return)
    assert screen.item_list.currentRow() == 1
    qtbot.keyClick(screen.item_list, Qt.Key_1)
    audit = reload(ctx.path)
    stored = finding_of(audit, first)
    assert stored.answer == ChecklistAnswer.ISSUE
    assert (stored.template_id, stored.area) == ("textile_dyeing", "tex_dyeing")
    assert stored.cp_category == CPCategory.TECHNOLOGY_CHANGE  # the item's typical category
    assert finding_of(audit, second).answer == ChecklistAnswer.NO_ISSUE
    assert "Dyeing  2/8 ⚠" in screen.area_list.item(1).text()
    assert ctx.undo_stack.undoText() == "Answer: No issue"

    ctx.undo_stack.undo()
    assert finding_of(reload(ctx.path), second) is None
    ctx.undo_stack.undo()
    assert reload(ctx.path).findings == []
    ctx.undo_stack.redo()
    assert finding_of(reload(ctx.path), first).answer == ChecklistAnswer.ISSUE
    # 3 and 4 on an existing finding
    screen.item_list.setCurrentRow(0)
    qtbot.keyClick(screen.item_list, Qt.Key_3)
    assert finding_of(reload(ctx.path), first).answer == ChecklistAnswer.NOT_APPLICABLE
    qtbot.keyClick(screen.item_list, Qt.Key_4)
    assert finding_of(reload(ctx.path), first).answer == ChecklistAnswer.NOT_CHECKED


def test_answer_buttons(screen, ctx):
    screen.item_list.setCurrentRow(2)
    item_id = rows(screen)[2][1]
    screen.answer_buttons[2].click()
    roundtrip(
        ctx,
        lambda a: finding_of(a, item_id).answer == ChecklistAnswer.NOT_APPLICABLE or pytest.fail(),
        lambda a: finding_of(a, item_id) is None or pytest.fail(),
    )


def test_note_severity_category_and_step(screen, ctx):
    screen.item_list.setCurrentRow(0)
    item_id = rows(screen)[0][1]
    screen.note_edit.setPlainText("Ba bể riêng,\u0020mỗi bể xả nước")
    screen.note_edit.editingFinished.emit()
    roundtrip(
        ctx,
        lambda a: finding_of(a, item_id).note == "Ba bể riêng, mỗi bể xả nước" or pytest.fail(),
        lambda a: finding_of(a, item_id) is None or pytest.fail(),
    )
    screen.severity_combo.setCurrentIndex(3)
    screen.severity_combo.activated.emit(3)
    roundtrip(
        ctx,
        lambda a: finding_of(a, item_id).severity == Severity.HIGH or pytest.fail(),
        lambda a: finding_of(a, item_id).severity is None or pytest.fail(),
    )
    screen.category_combo.activated.emit(5)
    roundtrip(
        ctx,
        lambda a: finding_of(a, item_id).cp_category == CPCategory.ONSITE_RECOVERY or pytest.fail(),
        lambda a: (
            finding_of(a, item_id).cp_category == CPCategory.TECHNOLOGY_CHANGE or pytest.fail()
        ),
    )
    dyeing = next(s for s in ctx.audit.steps if s.name_en == "Dyeing")
    index = screen.step_combo.findData(dyeing.id)
    assert index > 0 and screen.step_combo.itemText(index) == "Dyeing"
    screen.step_combo.activated.emit(index)
    roundtrip(
        ctx,
        lambda a: finding_of(a, item_id).step_id == dyeing.id or pytest.fail(),
        lambda a: finding_of(a, item_id).step_id is None or pytest.fail(),
    )


def test_filters_and_progress(screen, ctx, qtbot):
    screen.item_list.setCurrentRow(0)
    qtbot.keyClick(screen.item_list, Qt.Key_2)
    screen.item_list.setCurrentRow(1)
    qtbot.keyClick(screen.item_list, Qt.Key_1)
    assert screen.area_list.item(0).text().endswith("2/6 ⚠")
    total = sum(len(t.items) for t in active_templates(ctx.audit))
    assert WalkthroughScreen.completeness_of(ctx.audit) == pytest.approx(2 / total)
    assert (
        screen.progress_label.text()
        == f"Answered 2 of {total} ({round(200 / total)} %), 1 with issues"
    )
    screen.filter_combo.setCurrentIndex(1)  # not yet answered
    assert len(rows(screen)) == 4 and ("item", "tex.pre.combined_process") not in rows(screen)
    screen.filter_combo.setCurrentIndex(2)  # with issues
    assert rows(screen) == [("item", "tex.pre.combined_process")]
    screen.filter_combo.setCurrentIndex(0)
    assert len(rows(screen)) == 6


def test_free_finding_add_edit_delete(screen, ctx):
    finding = screen.add_free_finding()
    assert screen.current_area_id() == FREE and screen.current_key() == ("free", finding.id)
    stored = reload(ctx.path).findings
    assert [(f.title, f.item_id, f.answer) for f in stored] == [
        ("New finding", "", ChecklistAnswer.ISSUE)
    ]
    screen.title_edit.setText("Than để ngoài trời")
    screen.title_edit.editingFinished.emit()
    screen.area_edit.setText("Kho than")
    screen.area_edit.editingFinished.emit()
    after = reload(ctx.path).findings[0]
    assert (after.title, after.area) == ("Than để ngoài trời", "Kho than")
    assert screen.area_list.item(screen.area_list.count() - 1).text() == "Free findings (1)"
    assert screen.delete_free_finding()
    roundtrip(
        ctx,
        lambda a: a.findings == [] or pytest.fail(),
        lambda a: a.findings[0].title == "Than để ngoài trời" or pytest.fail(),
    )


def test_create_option_from_an_unanswered_item(screen, ctx, qtbot):
    select_area(screen, "tex_washing")
    screen.item_list.setCurrentRow(1)
    item_id = rows(screen)[1][1]
    assert item_id == "tex.counter_current"
    with qtbot.waitSignal(screen.optionCreated):
        option = screen.create_option()

    def after(audit):
        finding = finding_of(audit, item_id)
        (stored,) = audit.options
        assert finding.answer == ChecklistAnswer.ISSUE
        assert stored.finding_ids == [finding.id]
        assert stored.category == CPCategory.EQUIPMENT_MODIFICATION
        assert stored.title_en.startswith("Connect wash boxes counter-current")
        assert stored.title_vi.startswith("Nối các ngăn giặt") and stored.code == "O-01"

    def before(audit):
        assert audit.options == [] and audit.findings == []

    roundtrip(ctx, after, before)
    assert option.id == reload(ctx.path).options[0].id


def test_photos_add_caption_delete_undo(screen, ctx, tmp_path, qtbot):
    screen.item_list.setCurrentRow(0)
    item_id = rows(screen)[0][1]
    good = [jpeg_file(tmp_path, f"p{i}.jpg", (3000, 2000)) for i in range(2)]
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    screen.add_photos([str(good[0]), str(empty), str(good[1])])
    audit = reload(ctx.path)
    finding = finding_of(audit, item_id)
    assert finding is not None and len(audit.photos) == 2
    assert {(p.width, p.height) for p in audit.photos} == {(2048, 1365)}
    assert "empty.jpg" in screen.photo_status.text()
    qtbot.waitUntil(lambda: screen.photo_strip.count() == 2)
    # one undo step for the whole batch, finding included
    roundtrip(
        ctx,
        lambda a: len(a.photos) == 2 or pytest.fail(),
        lambda a: (a.photos == [] and a.findings == []) or pytest.fail(),
    )
    qtbot.waitUntil(lambda: screen.photo_strip.count() == 2)
    photo_id = screen.photo_strip.item(0).data(Qt.UserRole)
    # as after F2 editing; the UI is English, so the English caption (the Vietnamese stays)
    screen.photo_strip.item(0).setText("Bare steam pipe")
    stored = next(p for p in reload(ctx.path).photos if p.id == photo_id)
    assert (stored.caption_en, stored.caption) == ("Bare steam pipe", "")
    from app.store.auditfile import AuditFile

    with AuditFile.open(ctx.path, read_only=True) as af:
        original = af.photo_jpeg(photo_id)
    assert original[:2] == b"\xff\xd8"
    qtbot.waitUntil(lambda: screen.photo_strip.item(0).text() == "Bare steam pipe")
    screen.photo_strip.setCurrentRow(0)
    screen.delete_photo_button.click()
    assert photo_id not in {p.id for p in reload(ctx.path).photos}
    ctx.undo_stack.undo()
    with AuditFile.open(ctx.path, read_only=True) as af:
        assert af.photo_jpeg(photo_id) == original  # the JPEG itself came back


def test_only_bad_photos_change_nothing(screen, ctx, tmp_path):
    screen.item_list.setCurrentRow(0)
    gif = tmp_path / "anim.jpg"
    buffer = io.BytesIO()
    Image.new("P", (20, 20)).save(buffer, "GIF")
    gif.write_bytes(buffer.getvalue())
    before = reload(ctx.path)
    screen.add_photos([str(gif)])
    assert reload(ctx.path) == before
    assert ctx.undo_stack.count() == 0
    assert "anim.jpg" in screen.photo_status.text() and "GIF" in screen.photo_status.text()


def test_photos_processed_in_a_worker_thread(screen, ctx, tmp_path, qtbot):
    from app.ui.jobs import JobRunner

    ctx.jobs = JobRunner()
    screen.item_list.setCurrentRow(0)
    paths = [str(jpeg_file(tmp_path, f"w{i}.jpg")) for i in range(3)]
    screen.add_photos(paths)
    qtbot.waitUntil(lambda: len(ctx.audit.photos) == 3, timeout=20_000)
    assert len(reload(ctx.path).photos) == 3


def test_drop_files_on_the_strip(screen, ctx, tmp_path, qtbot):
    screen.item_list.setCurrentRow(0)
    path = jpeg_file(tmp_path, "dropped.jpg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    screen.photo_strip.dropEvent(event)
    assert len(reload(ctx.path).photos) == 1


def test_language_switch_shows_vietnamese_checklist(screen, ctx):
    ctx.set_language("vi")
    screen.retranslate()
    assert screen.template_combo.currentText() == "Dệt nhuộm và hoàn tất"
    assert screen.question.text() == "Giũ hồ, nấu và tẩy có được gộp thành ít bước hơn không?"


def test_read_only_disables_editing(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path)
    af = AuditFile.open(path, read_only=True)
    context = AuditContext(af, path=str(path), lang="en")
    widget = WalkthroughScreen(context)
    qtbot.addWidget(widget)
    widget.set_read_only(True)
    assert not widget.answer_buttons[0].isEnabled() and not widget.add_photos_button.isEnabled()
    widget.item_list.setCurrentRow(0)
    assert not widget.set_answer(ChecklistAnswer.ISSUE)
    assert reload(path).findings == []
    af.close()


def test_templates_in_the_audit_header_win(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    audit = sample_audit()
    audit.info.template_ids = ["beverage_brewery"]
    audit.findings = [
        model.Finding(
            area="compressed_air",
            template_id="general_utilities",
            item_id="gen.air.leaks",
            answer=ChecklistAnswer.ISSUE,
        )
    ]
    path = make_file(tmp_path, audit)
    with AuditFile.open(path) as af:
        widget = WalkthroughScreen(AuditContext(af, path=str(path), lang="en"))
        qtbot.addWidget(widget)
        assert [t.id for t in widget.templates] == ["beverage_brewery", "general_utilities"]
