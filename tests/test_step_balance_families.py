"""A step's balance is per unit family (mass, volume, energy), never t and m³ added together,
and the Process screen, the Balances screen, the PDF and the workbook show the same figures.

The case of issue 24: a steaming step with shrimp in t and kg and water in m³ showed 22.4 % on
screen and 100 % in the report (the report kept the last family's share only).
"""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.core import model
from app.core.indicators import step_balances
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot
from app.reports.xlsx import write_xlsx
from app.ui.context import AuditContext
from app.ui.jobs import JobRunner
from app.ui.screens.baselines import BaselinesScreen
from app.ui.screens.products import ProductsScreen
from tests.ui_helpers import make_file, sample_audit

IN, OUT, LOSS = model.FlowDirection.INPUT, model.FlowDirection.OUTPUT, model.FlowDirection.LOSS


def mixed_audit() -> model.Audit:
    audit = sample_audit()
    steam = model.ProcessStep("Hấp", name_en="Steaming", position=0)
    wash = model.ProcessStep("Rửa", name_en="Washing", position=1)
    audit.steps = [steam, wash]
    audit.flows = [
        model.StepFlow(steam.id, IN, "Tôm nguyên liệu", 10.0, "t", position=0),
        model.StepFlow(steam.id, IN, "Đá", 500.0, "kg", position=1),  # mass too: 0.5 t
        model.StepFlow(steam.id, IN, "Nước", 20.0, "m³", position=2),  # volume, nothing out
        model.StepFlow(steam.id, OUT, "Tôm hấp", 8.0, "t", position=3),
        model.StepFlow(steam.id, LOSS, "Đầu vỏ", 148.0, "kg", position=4),
        model.StepFlow(wash.id, IN, "Tôm hấp", 8.0, "t", position=0),
        model.StepFlow(wash.id, OUT, "Tôm sạch", 7.75, "t", position=1),
        model.StepFlow(wash.id, OUT, "Nước thải", 3.0, "m3", position=2),  # no m³ in
    ]
    return audit


def test_core_balance_is_per_unit_family():
    audit = mixed_audit()
    steam, wash = audit.steps
    got = {(b.step_id, b.dimension): b for b in step_balances(audit)}
    assert set(got) == {(steam.id, "mass"), (steam.id, "volume"), (wash.id, "mass"),
                        (wash.id, "volume")}  # fmt: skip
    mass = got[steam.id, "mass"]
    assert (mass.unit, mass.inputs, mass.outputs) == ("t", pytest.approx(10.5), 8.0)
    assert mass.losses == pytest.approx(0.148)
    assert mass.share == pytest.approx(2.352 / 10.5)  # 22.4 %: the kg flows count as t
    water = got[steam.id, "volume"]
    assert (water.unit, water.inputs, water.unaccounted, water.share) == ("m³", 20.0, 20.0, 1.0)
    no_water_in = got[wash.id, "volume"]
    assert no_water_in.share is None and not no_water_in.flagged  # never "100 %" of nothing
    assert no_water_in.outputs == 3.0
    # steps in process order, families in a fixed order
    assert [(b.step_id, b.dimension) for b in step_balances(audit)] == [
        (steam.id, "mass"), (steam.id, "volume"), (wash.id, "mass"), (wash.id, "volume")
    ]  # fmt: skip


def test_default_threshold_is_the_audits():
    audit = mixed_audit()
    wash = audit.steps[1]
    mass = next(b for b in step_balances(audit) if b.step_id == wash.id and b.dimension == "mass")
    assert mass.share == pytest.approx(0.25 / 8) and not mass.flagged  # 3.1 % < 5 %


# ------------------------------------------------------------------------------ reports
def pdf_text(audit, lang) -> str:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, "full"), lang, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def xlsx_balances(audit, lang) -> dict[tuple[str, str], tuple]:
    buf = io.BytesIO()
    write_xlsx(build_snapshot(audit, "full"), lang, buf)
    wb = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    ws = wb["Indicators" if lang == "en" else "Chỉ số"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] in ("Step balances (per unit family)",
                                                          "Cân bằng công đoạn (theo loại đơn vị)"))  # fmt: skip
    out = {}
    for r in rows[head + 2 :]:
        if not r[0]:
            break
        out[r[0], r[1]] = r[2:8]
    return out


@pytest.fixture(scope="module")
def texts():
    audit = mixed_audit()
    return {lang: pdf_text(audit, lang) for lang in ("vi", "en")}


def test_pdf_shows_one_balance_line_per_family(texts):
    en, vi = texts["en"], texts["vi"]
    assert "Mass: 22.4 % of inputs ⚠" in en
    assert "Volume: 100.0 % of inputs ⚠" in en
    assert "Volume: no inputs of this kind" in en
    assert "Mass: 3.1 % of inputs" in en  # washing: 0.25 of 8 t
    assert "Khối lượng: 22,4 % đầu vào ⚠" in vi
    assert "Thể tích: 100,0 % đầu vào ⚠" in vi
    assert "Thể tích: không có đầu vào loại này" in vi


def test_workbook_has_the_same_balances_per_family():
    audit = mixed_audit()
    en = xlsx_balances(audit, "en")
    unit, inputs, outputs, losses, unaccounted, share = en["1. Steaming", "Mass"]
    assert (unit, inputs, outputs) == ("t", pytest.approx(10.5), 8.0)
    assert unaccounted == pytest.approx(2.352) and share == pytest.approx(0.224)
    assert en["1. Steaming", "Volume"][1:] == (20.0, 0.0, 0.0, 20.0, 1.0)
    assert en["2. Washing", "Volume"][-1] == "no inputs of this kind"
    vi = xlsx_balances(audit, "vi")
    assert vi["2. Rửa", "Thể tích"][-1] == "không có đầu vào loại này"
    assert vi["1. Hấp", "Khối lượng"][-1] == pytest.approx(0.224)


# ------------------------------------------------------------------------------ screens
@pytest.fixture(params=["en", "vi"])
def context(request, tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path, mixed_audit())
    af = AuditFile.open(path)
    from PySide6.QtWidgets import QApplication

    from app.ui.translations import Translations

    translations = Translations(QApplication.instance())
    translations.set_language(request.param)
    ctx = AuditContext(af, path=str(path), lang=request.param, jobs=JobRunner())
    try:
        yield ctx
    finally:
        ctx.jobs.wait()
        af.close()
        translations.set_language("en")


def test_process_screen_shows_the_reports_balance_per_family(context, qtbot, texts):
    screen = ProductsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    lst = screen.steps
    first = lst.visualItemRect(lst.item(0)).center()
    qtbot.mouseClick(lst.viewport(), Qt.LeftButton, pos=first)
    shown = screen.balance.text()
    if context.lang == "en":
        assert shown == "Unaccounted: mass 2.4 t (22.4 %) ⚠; volume 20.0 m³ (100.0 %) ⚠"
        assert "Mass: 22.4 % of inputs" in texts["en"] and "Volume: 100.0 %" in texts["en"]
    else:
        assert shown == "Chưa xác định: khối lượng 2,4 t (22,4 %) ⚠; thể tích 20,0 m³ (100,0 %) ⚠"
        assert "Khối lượng: 22,4 %" in texts["vi"]
    qtbot.keyClick(lst, Qt.Key_Down)  # the washing step: no water in, only wastewater out
    shown = screen.balance.text()
    if context.lang == "en":
        assert "volume: no inputs of this kind (m³)" in shown and "mass 0.3 t (3.1 %)" in shown
    else:
        assert "thể tích: không có đầu vào loại này (m³)" in shown


def test_balances_screen_equals_the_report_per_family(context, qtbot, texts):
    screen = BaselinesScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    box, t = screen.dimension_box, screen.balances
    assert box.currentData() == "mass"
    rows = {t.item(r, 0).text(): t.item(r, 5).text() for r in range(t.rowCount())}
    steaming = "Steaming" if context.lang == "en" else "Hấp"
    washing = "Washing" if context.lang == "en" else "Rửa"
    mass_share = rows[steaming]
    assert mass_share == ("22.4 %" if context.lang == "en" else "22,4 %")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key_Down)  # to water
    assert box.currentData() == "volume"
    rows = {t.item(r, 0).text(): t.item(r, 5).text() for r in range(t.rowCount())}
    water_share = rows[steaming]
    assert water_share == ("100.0 %" if context.lang == "en" else "100,0 %")
    assert rows[washing] == ("no inputs" if context.lang == "en" else "không có đầu vào")
    pdf = texts[context.lang]
    mass, volume = ("Mass", "Volume") if context.lang == "en" else ("Khối lượng", "Thể tích")
    assert f"{mass}: {mass_share}" in pdf and f"{volume}: {water_share}" in pdf


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_indicators_command_lists_one_row_per_family(lang, texts):
    from app.commands.indicators import format_indicators
    from app.core.indicators import compute_indicators

    audit = mixed_audit()
    lines = format_indicators(audit, compute_indicators(audit), lang)
    steam = "Steaming" if lang == "en" else "Hấp"
    wash = "Washing" if lang == "en" else "Rửa"
    rows = [re.split(r"\s{2,}", ln.strip()) for ln in lines if ln.startswith((steam, wash))]
    by = {(r[0], r[1]): r for r in rows}
    share = "22.4 %" if lang == "en" else "22,4 %"
    assert by[steam, "t"][6:] == [share, "⚠"] and share in texts[lang]
    assert by[steam, "m³"][6] == ("100.0 %" if lang == "en" else "100,0 %")
    none = "no inputs of this kind" if lang == "en" else "không có đầu vào loại này"
    assert by[wash, "m³"][6] == none
