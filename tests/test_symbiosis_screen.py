"""The Offers and needs screen (issue 21 items 2 and 3): the demo audit's classified streams as
offers and needs, a class confirmed and a disposal route typed (each one undo step, on disk),
the consent ticked field by field, and the exchange file previewed in plain words before it is
written: cancel writes nothing, confirm writes exactly what was shown."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.core.demo import build_demo_audit
from app.store.auditfile import AuditFile
from app.ui.context import AuditContext
from tests.ui_helpers import ensure_qm, reload

SHOTS = os.environ.get("RECP_SHOTS")  # a folder: also save 1366x768 screenshots there
_TRANSLATIONS: list = []

# The demo's classified streams, worked from its monthly records (12 baseline months):
# side, class, quantity per year, unit, cost per year (VND; negative: revenue), 1-2-5 band.
DEMO = [
    ("offer", "10 02 03", 262.4, "t", 997_120_000, [200, 500]),
    ("offer", "W-ASH-BOTTOM", 564.5, "t", 124_190_000, [500, 1000]),
    ("offer", "W-TEXTILE", 47.36, "t", -213_120_000, [20, 50]),
    ("need", "ENERGY-FUEL-SOLID", 3440.8, "t", 11_182_600_000, [2000, 5000]),
    ("need", "WATER-PROCESS", 403462.0, "m³", 6_374_699_600, [200_000, 500_000]),
    ("need", "IN-ALKALI", 161.2, "t", 2_176_200_000, [100, 200]),
]


def _set_language(lang: str) -> None:
    from app.ui.translations import Translations

    if not _TRANSLATIONS:  # one instance: it removes the translators it installed
        _TRANSLATIONS.append(Translations(QApplication.instance()))
    _TRANSLATIONS[0].set_language(lang)


def _screen(tmp_path, qtbot, lang="en", audit=None):
    from app.ui.screens.symbiosis import SymbiosisScreen

    ensure_qm()
    _set_language(lang)
    path = tmp_path / f"demo_{lang}.recp"
    AuditFile.create(path, audit if audit is not None else build_demo_audit()).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang=lang)
    widget = SymbiosisScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, af, path


@pytest.fixture
def screen(tmp_path, qtbot):
    widget, af, path = _screen(tmp_path, qtbot, "en")
    widget.path = path
    yield widget
    if widget.preview_dialog is not None:
        widget.preview_dialog.close()
    af.close()
    _set_language("en")


def _cell(widget, row, column) -> str:
    return widget.table.item(row, column).text()


def _row_of(widget, code: str) -> int:
    from app.ui.screens.symbiosis import CLASS

    rows = [r for r in range(widget.table.rowCount()) if _cell(widget, r, CLASS).startswith(code)]
    assert len(rows) == 1, code
    return rows[0]


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.LeftButton)


def _tick(qtbot, box) -> None:
    """Click a checkbox on its box (the widget is wider than its text)."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))


def _export(screen, qtbot, monkeypatch, target):
    """Click Export exchange file… (the save dialog answers ``target``): the preview dialog."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    screen.preview_dialog = None
    _click(qtbot, screen.export_button)
    dialog = screen.preview_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _leftovers(folder, audit_name):
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(audit_name))


# ---------------------------------------------------------------------------------------------


def test_the_table_lists_the_demos_offers_and_needs(screen):
    from app.ui.screens.symbiosis import COST, HAZARD, MONTHS, QUANTITY, SIDE, STREAM, UNIT

    assert screen.table.rowCount() == 6
    for row, (side, code, qty, unit, cost, _band) in enumerate(DEMO):
        assert _cell(screen, row, SIDE) == ("Offer" if side == "offer" else "Need")
        assert _cell(screen, row, 1).startswith(f"{code} — ")
        assert _cell(screen, row, UNIT) == unit
        assert _cell(screen, row, QUANTITY) == f"{qty:,.1f}"
        assert _cell(screen, row, COST) == f"{cost:,}"
        assert _cell(screen, row, MONTHS) == "all 12"
    # the class label is in the UI's language; the dyeing sludge is hazardous (KS)
    assert "Sludge containing hazardous substances" in _cell(screen, 0, 1)
    assert _cell(screen, 0, HAZARD) == "Hazardous (KS)"
    assert _cell(screen, 1, HAZARD) == ""
    assert _cell(screen, 2, STREAM) == "Fabric scraps (sold)"
    assert "3 offers and 3 needs from 6 classified streams of 15" in screen.summary.text()
    assert "KCN Đình Vũ" in screen.summary.text()
    # the nine unclassified streams are listed, with the suggestion the names give
    assert screen.unclassified.rowCount() == 9
    suggested = {
        screen.unclassified.item(r, 0).text(): screen.unclassified.item(r, 2).data(Qt.UserRole)
        for r in range(9)
    }
    assert suggested["Wastewater"] == "W-WASTEWATER-TREATED"
    assert suggested["Grid electricity"] == ""


def test_a_suggested_class_is_confirmed_by_a_click_and_undone(screen, qtbot):
    rows = {screen.unclassified.item(r, 0).text(): r for r in range(9)}
    screen.unclassified.selectRow(rows["Wastewater"])
    assert screen.class_box.currentData() == "W-WASTEWATER-TREATED"  # the suggestion, shown
    assert reload(screen.path).streams  # nothing stored before the click
    stored = {s.name_vi: s.waste_class for s in reload(screen.path).streams}
    assert stored["Nước thải"] == ""
    _click(qtbot, screen.confirm_button)
    stored = {s.name_vi: s.waste_class for s in reload(screen.path).streams}
    assert stored["Nước thải"] == "W-WASTEWATER-TREATED"
    assert screen.table.rowCount() == 7 and screen.unclassified.rowCount() == 8
    assert _cell(screen, _row_of(screen, "W-WASTEWATER-TREATED"), 0) == "Offer"
    screen.context.undo_stack.undo()
    stored = {s.name_vi: s.waste_class for s in reload(screen.path).streams}
    assert stored["Nước thải"] == ""
    assert screen.table.rowCount() == 6


def test_another_class_can_be_picked_before_confirming(screen, qtbot):
    rows = {screen.unclassified.item(r, 0).text(): r for r in range(9)}
    screen.unclassified.selectRow(rows["Soda ash (Na2CO3)"])
    assert screen.class_box.currentData() == "IN-ALKALI"
    screen.class_box.setFocus()
    other = [
        screen.class_box.itemData(i)
        for i in range(screen.class_box.count())
        if screen.class_box.itemData(i) != "IN-ALKALI"
    ][0]
    screen.class_box.setCurrentIndex(screen.class_box.findData(other))
    _click(qtbot, screen.confirm_button)
    stored = {s.name_vi: s.waste_class for s in reload(screen.path).streams}
    assert stored["Soda (Na2CO3)"] == other


def test_the_disposal_route_is_typed_in_the_table(screen, qtbot):
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    from app.core.symbiosis.offers import offers_and_needs
    from app.ui.screens.symbiosis import ROUTE

    row = _row_of(screen, "10 02 03")
    table = screen.table
    index = table.model().index(row, ROUTE)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(index).center())
    assert table.currentIndex() == index
    qtbot.keyClick(table, Qt.Key_F2)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1  # F2 opened the cell's editor
    editor = editors[0]
    qtbot.keyClicks(editor, "Licensed contractor, incinerated")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    on_disk = reload(screen.path)
    sludge = next(s for s in on_disk.streams if s.waste_class == "10 02 03")
    assert sludge.disposal_route == "Licensed contractor, incinerated"
    assert offers_and_needs(on_disk).offers[0].disposal_route == "Licensed contractor, incinerated"
    assert _cell(screen, row, ROUTE) == "Licensed contractor, incinerated"
    assert screen.context.undo_stack.undoText() == "Edit disposal route"
    screen.context.undo_stack.undo()
    sludge = next(s for s in reload(screen.path).streams if s.waste_class == "10 02 03")
    assert sludge.disposal_route == ""
    assert _cell(screen, row, ROUTE) == ""


def test_consent_is_ticked_field_by_field_saved_and_undone(screen, qtbot):
    assert not any(box.isChecked() for box in screen.consent.values())
    _tick(qtbot, screen.consent["months"])
    consent = reload(screen.path).info.exchange_consent
    assert (consent.quantity, consent.months, consent.notes, consent.money) == (
        False,
        True,
        False,
        False,
    )
    screen.consent["money"].setFocus()
    qtbot.keyClick(screen.consent["money"], Qt.Key_Space)
    consent = reload(screen.path).info.exchange_consent
    assert consent.months and consent.money and not consent.location
    assert screen.context.undo_stack.count() == 2  # one undo step per tick
    screen.context.undo_stack.undo()
    assert not reload(screen.path).info.exchange_consent.money
    assert not screen.consent["money"].isChecked() and screen.consent["months"].isChecked()
    screen.context.undo_stack.undo()
    assert not reload(screen.path).info.exchange_consent.months
    assert not screen.consent["months"].isChecked()


def test_cancel_in_the_preview_writes_nothing(screen, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "lam_hai.recpx.json"
    dialog = _export(screen, qtbot, monkeypatch, target)
    assert "KCN Đình Vũ" in dialog.text.toPlainText()
    _click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()
    assert _leftovers(tmp_path, "demo_") == []  # no file, no twin, no temporary part
    assert reload(screen.path).info.exchange_consent.id_key == ""  # nothing kept either
    assert screen.context.undo_stack.count() == 0
    assert screen.export_status.text() == "Nothing was written."


def test_the_preview_lists_exactly_what_the_written_file_holds(
    screen, qtbot, monkeypatch, tmp_path
):
    from app.core.symbiosis.exchange import ExchangeExport, anonymous_id
    from app.core.symbiosis.exchange_preview import preview

    _tick(qtbot, screen.consent["quantity"])
    _tick(qtbot, screen.consent["months"])
    target = tmp_path / "lam_hai.recpx.json"
    dialog = _export(screen, qtbot, monkeypatch, target)
    shown = dialog.text.toPlainText()
    assert not target.exists()  # shown first, written only on confirm
    _click(qtbot, dialog.write_button)
    data = json.loads(target.read_text(encoding="utf-8"))
    # the words are the file's own content rendered: nothing more, nothing less
    assert shown == preview(ExchangeExport(content=data), "en")
    assert [(i["side"], i["class"], i["quantity_per_year"]) for i in data["items"]] == [
        (side, code, qty) for side, code, qty, *_ in DEMO
    ]
    for _side, code, qty, unit, _cost, _band in DEMO:
        assert f"{code} — " in shown and f"{qty:,g} {unit} a year" in shown
    assert data["shared"] == ["quantity", "months"]
    assert all(i["months"] == list(range(1, 13)) for i in data["items"])
    assert "money: costs, revenues, prices" in shown.split("Not shared:")[1]
    # the anonymous id is the one the audit now keeps (saved before the file)
    key = reload(screen.path).info.exchange_consent.id_key
    assert key and data["enterprise_id"] == anonymous_id(screen.context.audit.info.id, key)
    assert data["enterprise_id"] in shown
    rows = list(
        csv.DictReader(io.StringIO(target.with_name("lam_hai.recpx.csv").read_text("utf-8-sig")))
    )
    assert [r["class"] for r in rows] == [code for _s, code, *_ in DEMO]
    assert (
        rows[0]["quantity_per_year"] == "262.4"
        and rows[0]["months"] == "1;2;3;4;5;6;7;8;9;10;11;12"
    )
    assert str(target) in screen.export_status.text()


def _secrets(audit) -> list[str]:
    e = audit.info.enterprise
    out = [e.name, e.address, e.tax_code, e.contact_name, e.contact_phone, e.contact_email]
    out += [s.name_vi for s in audit.streams] + [s.name_en for s in audit.streams if s.name_en]
    out += [st.name_vi for st in audit.steps] + [st.name_en for st in audit.steps if st.name_en]
    out += [str(e.value_added_vnd)] if e.value_added_vnd else []
    return [s for s in out if s]


def test_the_file_holds_no_name_address_or_money_unless_money_is_ticked(
    screen, qtbot, monkeypatch, tmp_path
):
    audit = screen.context.audit
    money = [str(abs(cost)) for *_x, cost, _b in DEMO]
    money += [str(s.unit_price_vnd) for s in audit.streams if s.unit_price_vnd]
    first = tmp_path / "default.recpx.json"
    _click(qtbot, _export(screen, qtbot, monkeypatch, first).write_button)
    for path in (first, first.with_name("default.recpx.csv")):
        raw = path.read_text(encoding="utf-8-sig")
        for secret in _secrets(audit):
            assert secret not in raw, (path.name, secret)
        for figure in money:
            assert figure not in raw, (path.name, figure)
        assert "cost" not in raw and "notes" not in raw and "months" not in raw
    data = json.loads(first.read_text(encoding="utf-8"))
    assert [i["quantity_band"] for i in data["items"]] == [band for *_x, band in DEMO]
    assert all("quantity_per_year" not in i for i in data["items"])

    _tick(qtbot, screen.consent["money"])
    second = tmp_path / "with_money.recpx.json"
    dialog = _export(screen, qtbot, monkeypatch, second)
    shown = dialog.text.toPlainText()
    assert "cost 997,120,000 VND a year" in shown and "revenue 213,120,000 VND a year" in shown
    assert "money: costs" not in shown
    _click(qtbot, dialog.write_button)
    data = json.loads(second.read_text(encoding="utf-8"))
    assert [i["cost_per_year_vnd"] for i in data["items"]] == [c for *_x, c, _b in DEMO]
    raw = second.read_text(encoding="utf-8")
    for secret in _secrets(audit):
        assert secret not in raw, secret
    # the id stays the same from one export to the next
    assert data["enterprise_id"] == json.loads(first.read_text("utf-8"))["enterprise_id"]


def test_no_park_is_said_and_nothing_opens_or_is_written(tmp_path, qtbot, monkeypatch):
    audit = build_demo_audit()
    audit.info.enterprise.industrial_park = ""
    widget, af, _path = _screen(tmp_path, qtbot, "en", audit)
    try:
        monkeypatch.setattr(
            QFileDialog,
            "getSaveFileName",
            staticmethod(lambda *a, **k: (str(tmp_path / "x.recpx.json"), "")),
        )
        _click(qtbot, widget.export_button)
        assert widget.preview_dialog is None
        assert "industrial park" in widget.export_status.text().lower()
        assert _leftovers(tmp_path, "demo_") == []
    finally:
        af.close()


def test_an_audit_with_no_classified_stream_says_so(tmp_path, qtbot, monkeypatch):
    audit = build_demo_audit()
    for s in audit.streams:
        s.waste_class = ""
    widget, af, _path = _screen(tmp_path, qtbot, "en", audit)
    try:
        assert widget.table.rowCount() == 0 and widget.unclassified.rowCount() == 15
        assert "0 offers and 0 needs from 0 classified streams of 15" in widget.summary.text()
        assert widget.preview_export(tmp_path / "x.recpx.json") is None
        assert widget.export_status.text()  # the reason, translated
        assert _leftovers(tmp_path, "demo_") == []
    finally:
        af.close()


def test_a_read_only_audit_cannot_be_edited_here(tmp_path, qtbot):
    widget, af, path = _screen(tmp_path, qtbot, "en")
    af.close()
    with AuditFile.open(path, read_only=True) as ro:
        ctx = AuditContext(ro, path=str(path), lang="en")
        from app.ui.screens.symbiosis import SymbiosisScreen

        other = SymbiosisScreen(ctx)
        qtbot.addWidget(other)
        assert ctx.read_only
        assert not any(box.isEnabled() for box in other.consent.values())
        assert not other.confirm_button.isEnabled()
        assert not other.export_button.isEnabled()  # no id key kept yet: none can be made
        assert not (other.table.item(0, 7).flags() & Qt.ItemIsEditable)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_both_languages(tmp_path, qtbot, lang):
    widget, af, _path = _screen(tmp_path, qtbot, lang)
    try:
        headers = [widget.table.horizontalHeaderItem(c).text() for c in range(9)]
        dialog = widget.preview_export(tmp_path / "x.recpx.json")
        shown = dialog.text.toPlainText()
        if lang == "vi":
            assert headers[:3] == ["Chiều", "Phân loại", "Nguy hại"]
            assert _cell(widget, 0, 0) == "Chào cho" and _cell(widget, 3, 0) == "Nhu cầu"
            assert "Bùn" in _cell(widget, 0, 1)
            assert widget.consent["money"].text().startswith("Chi phí")
            assert _cell(widget, 0, 4) == "262,4" and _cell(widget, 0, 8) == "997.120.000"
            assert "Tệp trao đổi sẽ chia sẻ" in shown or "chia sẻ" in shown
            assert dialog.write_button.text() == "Ghi tệp"
        else:
            assert headers[:3] == ["Side", "Class", "Hazardous"]
            assert dialog.write_button.text() == "Write the file"
            assert shown.startswith("The exchange file will share exactly the following")
        if SHOTS:
            widget.grab().save(os.path.join(SHOTS, f"symbiosis_{lang}.png"))
            qtbot.wait(50)
            dialog.grab().save(os.path.join(SHOTS, f"symbiosis_preview_{lang}.png"))
        dialog.reject()
    finally:
        af.close()
        _set_language("en")


def test_a_confidential_stream_is_marked_and_left_out_of_the_file(tmp_path, qtbot):
    from app.ui.screens.symbiosis import STREAM

    audit = build_demo_audit()
    slag = next(s for s in audit.streams if s.waste_class == "W-ASH-BOTTOM")
    slag.confidential = True
    widget, af, _path = _screen(tmp_path, qtbot, "en", audit)
    try:
        row = _row_of(widget, "W-ASH-BOTTOM")
        assert _cell(widget, row, STREAM) == "Boiler slag and ash (confidential)"
        assert "left out of the exchange file" in widget.table.item(row, STREAM).toolTip()
        target = tmp_path / "x.recpx.json"
        dialog = widget.preview_export(target)
        assert "W-ASH-BOTTOM" not in dialog.text.toPlainText()
        assert "1 offer or need from a stream marked confidential" in dialog.text.toPlainText()
        _click(qtbot, dialog.write_button)
        data = json.loads(target.read_text(encoding="utf-8"))
        assert [i["class"] for i in data["items"]] == [
            code for _s, code, *_ in DEMO if code != "W-ASH-BOTTOM"
        ]
    finally:
        af.close()


def test_a_class_not_in_the_list_is_said_not_guessed(tmp_path, qtbot):
    audit = build_demo_audit()
    slag = next(s for s in audit.streams if s.waste_class == "W-ASH-BOTTOM")
    slag.waste_class = "99 99 99"
    widget, af, _path = _screen(tmp_path, qtbot, "en", audit)
    try:
        assert widget.table.rowCount() == 5
        assert widget.problem.isVisible() and "99 99 99" in widget.problem.text()
    finally:
        af.close()
