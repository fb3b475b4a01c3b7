"""English fields beside the Vietnamese ones, typed by keys: the audit title, a team member's
role and organisation, a photo's caption, an option's rejection and override reasons. Each is
stored on disk as typed, the Vietnamese stays, and undo takes it back (issues 18 and 24)."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.model import OptionStatus, Screening
from app.core.options import REJECTED_CHOICE
from tests.test_options_synthetic import synthetic_audit
from tests.ui_helpers import reload, textile_context

_OPEN: list = []  # screens shown by a test: closed before their audit file is


def _close_screens() -> None:
    import shiboken6

    while _OPEN:
        widget = _OPEN.pop()
        if shiboken6.isValid(widget):
            widget.close()


@pytest.fixture
def ctx(tmp_path, qtbot):
    with textile_context(tmp_path, lang="en") as context:
        yield context
        _close_screens()


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    _OPEN.append(widget)
    widget.resize(1366, 768)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def _type(qtbot, field, text: str, end=Qt.Key_Return) -> None:
    """Select what the field holds and type over it, then Enter (or Tab) as a user would."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, end)


# -------------------------------------------------------------------------- audit title, team
def test_english_audit_title_typed_beside_the_vietnamese(ctx, qtbot):
    from app.ui.screens.enterprise import EnterpriseScreen

    screen = _shown(qtbot, EnterpriseScreen(ctx))
    field = screen.fields[("info", "title_en")]
    assert screen.labels[("info", "title_en")].text() == "Audit title (English, for reports)"
    _type(qtbot, field, "CP audit 2025")
    disk = reload(ctx.path)
    assert disk.info.title_en == "CP audit 2025"
    assert disk.info.title == "Đánh giá SXSH 2025"  # the Vietnamese stays
    assert ctx.undo_stack.undoText() == "Edit Audit title (English, for reports)"
    ctx.undo_stack.undo()
    assert reload(ctx.path).info.title_en == "" and field.text() == ""


def test_english_sector_name_typed_beside_the_vietnamese(ctx, qtbot):
    from app.ui.screens.enterprise import EnterpriseScreen

    screen = _shown(qtbot, EnterpriseScreen(ctx))
    field = screen.fields[("enterprise", "sector_name_en")]
    assert screen.labels[("enterprise", "sector_name_en")].text() == (
        "Sector name (English, for reports)"
    )
    before = reload(ctx.path).info.enterprise.sector_name
    _type(qtbot, field, "Finishing of textiles")
    disk = reload(ctx.path)
    assert disk.info.enterprise.sector_name_en == "Finishing of textiles"
    assert disk.info.enterprise.sector_name == before  # the Vietnamese stays
    assert ctx.undo_stack.undoText() == "Edit Sector name (English, for reports)"
    ctx.undo_stack.undo()
    assert reload(ctx.path).info.enterprise.sector_name_en == "" and field.text() == ""


def test_english_role_and_organisation_typed_in_the_team_grid(ctx, qtbot):
    from app.ui.screens.enterprise import TEAM_COLUMNS, EnterpriseScreen

    screen = _shown(qtbot, EnterpriseScreen(ctx))
    columns = [attr for attr, _label in TEAM_COLUMNS]
    headers = [screen.team.horizontalHeaderItem(c).text() for c in range(len(columns))]
    assert headers[columns.index("role_en")] == "Role (English)"
    assert headers[columns.index("organisation_en")] == "Organisation (English)"
    table = screen.team
    typed_in = (
        ("role_en", "Team leader"),
        ("organisation_en", "CP Centre"),
        ("department_en", "Energy"),
    )
    for attr, typed in typed_in:
        table.setFocus()
        table.setCurrentCell(0, columns.index(attr))
        qtbot.keyClick(table, Qt.Key_F2)  # edit the cell
        editor = QApplication.focusWidget()
        assert editor is not table
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key_Return)  # committed on the next turn of the event loop
        qtbot.waitUntil(lambda a=attr, t=typed: getattr(ctx.audit.team[0], a) == t)
    member = reload(ctx.path).team[0]
    assert (member.role_en, member.organisation_en) == ("Team leader", "CP Centre")
    assert member.department_en == "Energy"
    assert (member.role, member.organisation) == ("Trưởng nhóm", "")  # the Vietnamese stays
    assert table.item(0, columns.index("role")).text() == "Trưởng nhóm"
    ctx.undo_stack.undo()
    assert reload(ctx.path).team[0].department_en == ""
    assert reload(ctx.path).team[0].organisation_en == "CP Centre"


# -------------------------------------------------------------------------- photo captions
def test_english_caption_typed_beside_the_vietnamese_and_f2_edits_the_ui_language(
    ctx, qtbot, tmp_path
):
    from app.ui.screens.walkthrough import WalkthroughScreen

    screen = _shown(qtbot, WalkthroughScreen(ctx))
    screen.item_list.setCurrentRow(0)
    jpeg = tmp_path / "a.jpg"
    Image.new("RGB", (800, 600), (30, 120, 200)).save(jpeg, "JPEG")
    screen.add_photos([str(jpeg)])
    qtbot.waitUntil(lambda: screen.photo_strip.count() == 1, timeout=10_000)
    screen.photo_strip.setCurrentRow(0)
    photo_id = screen.photo_strip.current_photo_id()
    vi_edit, en_edit = screen.caption_edits["vi"], screen.caption_edits["en"]
    assert vi_edit.isEnabled() and en_edit.isEnabled()
    assert screen.caption_labels["en"].text() == "Caption (English)"

    def stored():
        photo = next(p for p in reload(ctx.path).photos if p.id == photo_id)
        return photo.caption, photo.caption_en

    _type(qtbot, vi_edit, "Ong hoi tran", end=Qt.Key_Tab)
    assert stored() == ("Ong hoi tran", "")
    _type(qtbot, en_edit, "Bare steam pipe")
    assert stored() == ("Ong hoi tran", "Bare steam pipe")
    assert ctx.undo_stack.undoText() == "Edit English caption"
    # the strip of an English UI shows the English caption; F2 there edits it, not the Vietnamese
    qtbot.waitUntil(lambda: screen.photo_strip.item(0).text() == "Bare steam pipe")
    strip = screen.photo_strip
    strip.setFocus()
    strip.setCurrentRow(0)
    qtbot.keyClick(strip, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not strip
    editor.selectAll()
    qtbot.keyClicks(editor, "Uninsulated steam pipe")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(
        lambda: (
            not ctx.undo_stack.undoText().startswith("Edit caption")
            and (ctx.audit.photos[0].caption_en == "Uninsulated steam pipe")
        )
    )
    assert stored() == ("Ong hoi tran", "Uninsulated steam pipe")
    qtbot.waitUntil(lambda: en_edit.text() == "Uninsulated steam pipe")
    viewer = screen.view_photo(photo_id)  # the full-size viewer of an English UI says it too
    assert (
        "Uninsulated steam pipe" in viewer.caption.text()
        and viewer.windowTitle() == "Uninsulated steam pipe"
    )
    viewer.close()
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert stored() == ("Ong hoi tran", "")
    qtbot.waitUntil(lambda: en_edit.text() == "" and vi_edit.text() == "Ong hoi tran")


def test_f2_in_a_vietnamese_ui_edits_the_vietnamese_caption(tmp_path, qtbot):
    from app.ui.screens.walkthrough import WalkthroughScreen

    with textile_context(tmp_path, lang="vi") as context:
        screen = _shown(qtbot, WalkthroughScreen(context))
        screen.item_list.setCurrentRow(0)
        jpeg = tmp_path / "a.jpg"
        Image.new("RGB", (800, 600), (30, 120, 200)).save(jpeg, "JPEG")
        screen.add_photos([str(jpeg)])
        qtbot.waitUntil(lambda: screen.photo_strip.count() == 1, timeout=10_000)
        screen.photo_strip.setCurrentRow(0)
        _type(qtbot, screen.caption_edits["en"], "Leaking valve")
        qtbot.waitUntil(lambda: not screen._photo_refresh_pending)  # the strip redrawn
        strip = screen.photo_strip
        strip.setFocus()
        strip.setCurrentRow(0)
        assert strip.item(0).text() == ""  # the Vietnamese caption, still empty
        qtbot.keyClick(strip, Qt.Key_F2)
        editor = QApplication.focusWidget()
        qtbot.keyClicks(editor, "Van ro hoi")
        qtbot.keyClick(editor, Qt.Key_Return)
        qtbot.waitUntil(lambda: context.audit.photos[0].caption == "Van ro hoi")
        photo = reload(context.path).photos[0]
        assert (photo.caption, photo.caption_en) == ("Van ro hoi", "Leaking valve")
        _close_screens()


# -------------------------------------------------------------------------- options
@pytest.fixture
def options_screen(tmp_path, qtbot):
    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext
    from app.ui.screens.options import OptionsScreen

    path = tmp_path / "opts.recp"
    AuditFile.create(path, synthetic_audit(12, seed=11)).close()
    af = AuditFile.open(path)
    screen = _shown(qtbot, OptionsScreen(AuditContext(af, path=str(path), lang="en")))
    yield screen
    _close_screens()
    af.close()


def _saved(ctx, option_id):
    return {o.id: o for o in reload(ctx.path).options}[option_id]


def _choose(qtbot, combo, data: str) -> None:
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentData() == data


def test_english_rejection_reason_typed_beside_the_vietnamese(options_screen, qtbot):
    ctx = options_screen.context
    target = next(o for o in ctx.audit.options if o.status == OptionStatus.IDENTIFIED)
    options_screen.select_option(target.id)
    ed = options_screen.editor
    _choose(qtbot, ed.new_status, REJECTED_CHOICE)
    assert ed.f_rejection.isVisible() and ed.f_rejection_en.isVisible()
    assert ed.labels["rejection_reason_en"].text() == "Reason for rejection (English)"
    _type(qtbot, ed.f_rejection, "Chi phi qua lon", end=Qt.Key_Tab)
    _type(qtbot, ed.f_rejection_en, "Too costly", end=Qt.Key_Tab)
    qtbot.mouseClick(ed.btn_status, Qt.LeftButton)
    saved = _saved(ctx, target.id)
    assert saved.screening == Screening.REJECTED
    assert (saved.rejection_reason, saved.rejection_reason_en) == ("Chi phi qua lon", "Too costly")
    # the English alone edited later: the Vietnamese stays
    _type(qtbot, ed.f_rejection_en, "The cost is too high")
    saved = _saved(ctx, target.id)
    assert (saved.rejection_reason, saved.rejection_reason_en) == (
        "Chi phi qua lon",
        "The cost is too high",
    )
    ctx.undo_stack.undo()
    assert _saved(ctx, target.id).rejection_reason_en == "Too costly"
    assert ed.f_rejection_en.text() == "Too costly"
    ctx.undo_stack.redo()
    # changed back from rejected: both reasons go
    _choose(qtbot, ed.f_screening, Screening.FURTHER_STUDY.value)
    saved = _saved(ctx, target.id)
    assert (saved.rejection_reason, saved.rejection_reason_en) == ("", "")
    assert not ed.f_rejection_en.isVisible()


def test_english_override_reason_typed_beside_the_vietnamese(options_screen, qtbot):
    ctx = options_screen.context
    target = ctx.audit.options[0]
    options_screen.select_option(target.id)
    ed = options_screen.editor
    ed.show_field("override_reason_en")
    field = ed.money_fields["override_reason_en"]
    assert field.isVisible()
    assert ed.labels["override_reason_en"].text() == "Reason for the entered saving (English)"
    _type(qtbot, ed.money_fields["override_reason"], "Bao gia", end=Qt.Key_Tab)
    _type(qtbot, field, "Supplier quotation")
    saved = _saved(ctx, target.id)
    assert (saved.override_reason, saved.override_reason_en) == ("Bao gia", "Supplier quotation")
    ctx.undo_stack.undo()
    saved = _saved(ctx, target.id)
    assert (saved.override_reason, saved.override_reason_en) == ("Bao gia", "")


def test_the_merge_review_names_the_english_fields_in_the_ui_language(tmp_path, qtbot):
    """A conflict on an English field is named as the editors name it, never by its key."""
    from app.store.teamwork import MergePlan
    from app.ui.merge.review import MergeReviewDialog
    from app.ui.translations import Translations

    translations = Translations(QApplication.instance())
    translations.set_language("vi")
    try:
        dialog = MergeReviewDialog(MergePlan(tmp_path / "a", tmp_path / "b", "h"), lang="vi")
        qtbot.addWidget(dialog)
        names = {
            key: dialog._field_name(key)
            for key in (
                "caption_en",
                "role_en",
                "organisation_en",
                "department_en",
                "rejection_reason_en",
                "override_reason_en",
            )
        }
    finally:
        translations.set_language("en")
    assert names["caption_en"] == "Chú thích (tiếng Anh)"
    assert names["rejection_reason_en"] == "Lý do loại bỏ (tiếng Anh)"
    assert all(name != key and "tiếng Anh" in name for key, name in names.items())


def test_team_grid_rows_grow_to_show_a_long_role_whole(ctx, qtbot):
    """Seven columns share half the screen: a long role wraps and its row grows to show it all
    (no "…"), as the row shrinks back when the text is shortened."""
    from PySide6.QtCore import QRect

    from app.ui.screens.enterprise import TEAM_COLUMNS, EnterpriseScreen

    screen = _shown(qtbot, EnterpriseScreen(ctx))
    table = screen.team
    col = [attr for attr, _label in TEAM_COLUMNS].index("role_en")
    one_line = table.rowHeight(0)

    def type_role(text: str) -> None:
        table.setFocus()
        table.setCurrentCell(0, col)
        qtbot.keyClick(table, Qt.Key_F2)
        editor = QApplication.focusWidget()
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key_Return)
        qtbot.waitUntil(lambda: ctx.audit.team[0].role_en == text)

    role = "Audit team leader and energy expert of the cleaner production centre"
    type_role(role)
    # the text's room: the column less the item view's margins (3 px a side)
    room = QRect(0, 0, table.columnWidth(col) - 6, 10_000)
    need = table.fontMetrics().boundingRect(room, int(Qt.TextWordWrap), role).height()
    assert need > 2 * table.fontMetrics().height()  # the role does wrap onto several lines
    qtbot.waitUntil(lambda: table.rowHeight(0) >= need)
    type_role("Leader")
    qtbot.waitUntil(lambda: table.rowHeight(0) <= one_line + 2)
