"""A calculator inside an audit: prefilled from the audit, its result added to the option's
savings per stream, kept with the option, re-run and removed by exactly its own part; and the
option editor's "Estimate with a calculator…" driven by clicks, one undo step, saved on disk."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from app.core import calculators
from app.core.calculators import estimate
from app.core.demo import build_demo_audit
from app.core.model import CalculationRun, OptionSaving, StreamKind
from app.core.options import baseline_quantities


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def stream(audit, name_en):
    return next(s for s in audit.streams if s.name_en == name_en)


def test_prefill_takes_the_audits_hours_prices_baseline_and_reference(demo):
    coal = stream(demo, "Bituminous coal (boilers)")
    calc = calculators.get("steam_trap")
    got = estimate.prefill(calc, demo, {"fuel": coal})
    e = demo.info.enterprise
    assert float(got["hours"]) == e.shifts_per_day * 8 * e.operating_days_per_year
    # The coal is priced per tonne in the audit; the calculator asks VND per kg.
    assert float(got["fuel_price"]) == pytest.approx(coal.unit_price_vnd / 1000)
    assert float(got["ncv"]) == pytest.approx(25.8)  # IPCC NCV of bituminous coal, GJ/t = MJ/kg
    boiler = calculators.get("boiler_combustion")
    got = estimate.prefill(boiler, demo, {"fuel": coal})
    assert float(got["fuel_use"]) == pytest.approx(baseline_quantities(demo)[coal.id], rel=1e-5)
    assert float(got["fuel_price"]) == coal.unit_price_vnd  # this one is per stream unit
    solar = estimate.prefill(calculators.get("solar_pv"), demo, {})
    assert float(solar["tariff"]) == stream(demo, "Grid electricity").unit_price_vnd
    assert float(solar["grid_ef"]) == pytest.approx(0.6592)


def test_prefill_leaves_what_the_audit_does_not_know(demo):
    audit = copy.deepcopy(demo)
    audit.info.enterprise.shifts_per_day = None
    for s in audit.streams:
        s.unit_price_vnd = None
    audit.records = [dataclasses.replace(r, cost_vnd=None) for r in audit.records]
    got = estimate.prefill(calculators.get("air_leak_orifice"), audit, {})
    assert "hours" not in got and "tariff" not in got  # the calculator's defaults stay


def test_targets_only_streams_whose_unit_converts(demo):
    calc = calculators.get("liquor_ratio")
    targets = estimate.targets(calc, demo)
    assert {s.kind for s in targets["water"]} == {StreamKind.WATER}
    assert all(s.unit in ("kg", "t") for s in targets["chemicals"])
    assert targets["steam"] == []  # the demo buys no steam: nothing to fill, said in the dialog


def test_savings_are_converted_into_the_streams_unit(demo):
    calc = calculators.get("steam_trap")
    coal = stream(demo, "Bituminous coal (boilers)")
    results = calc.run({"diameter": "6 mm", "pressure": "8", "hours": "7200"})
    got = estimate.savings_of(calc, results, {"fuel": coal})
    assert got == {coal.id: pytest.approx(results["fuel"].to("tonne").magnitude)}
    # The same fuel saving landing in a stream counted in kg is 1000 times the number.
    in_kg = dataclasses.replace(coal, unit="kg")
    assert estimate.savings_of(calc, results, {"fuel": in_kg})[coal.id] == pytest.approx(
        got[coal.id] * 1000
    )


def test_apply_rerun_and_remove_change_savings_by_the_runs_own_part(demo):
    option = copy.deepcopy(demo.options[0])
    coal, water = (
        stream(demo, n) for n in ("Bituminous coal (boilers)", "Mains water (park supply)")
    )
    option.savings = [OptionSaving(coal.id, 10.0)]  # typed by the auditor
    option.calculations = []
    first = CalculationRun("steam_trap", {"diameter": "3"}, savings={coal.id: 4.0})
    a = estimate.apply_run(option, first)
    assert [(s.stream_id, s.quantity_per_year) for s in a.savings] == [(coal.id, 14.0)]
    second = CalculationRun("water_leak", {"diameter": "2"}, savings={water.id: 300.0})
    b = estimate.apply_run(a, second)
    assert {s.stream_id: s.quantity_per_year for s in b.savings} == {coal.id: 14.0, water.id: 300.0}
    rerun = CalculationRun("steam_trap", {"diameter": "4"}, savings={coal.id: 7.0})
    c = estimate.apply_run(b, rerun, 0)
    assert {s.stream_id: s.quantity_per_year for s in c.savings} == {coal.id: 17.0, water.id: 300.0}
    assert [r.inputs["diameter"] for r in c.calculations] == ["4", "2"]
    d = estimate.remove_run(c, 1)
    assert {s.stream_id: s.quantity_per_year for s in d.savings} == {coal.id: 17.0}
    e = estimate.remove_run(d, 0)
    assert {s.stream_id: s.quantity_per_year for s in e.savings} == {coal.id: 10.0}
    assert e.calculations == [] and option.calculations == []  # the original is untouched


def test_a_run_round_trips_through_the_audit_file(tmp_path, demo):
    from app.store.auditfile import AuditFile

    audit = copy.deepcopy(demo)
    coal = stream(audit, "Bituminous coal (boilers)")
    run = CalculationRun("steam_trap", {"diameter": "6 mm"}, "trap T-3", {coal.id: 12.5})
    audit.options[0] = estimate.apply_run(audit.options[0], run)
    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    with AuditFile.open(path, backup=False) as af:
        back = next(o for o in af.load().options if o.id == audit.options[0].id)
    assert back.calculations[-1] == run


# ------------------------------------------------------------------------------ the editor


@pytest.fixture
def editor(tmp_path, qtbot):
    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext
    from app.ui.screens.options import OptionsScreen
    from tests.ui_helpers import ensure_qm

    ensure_qm()
    path = tmp_path / "demo.recp"
    audit = build_demo_audit()
    for o in audit.options:
        o.calculations = []
    AuditFile.create(path, audit).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang="en")
    screen = OptionsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    option = audit.options[0]
    screen.select_option(option.id)
    yield screen, path, option.id
    af.close()


def when_open(panel, step):
    """Run ``step(dialog)`` once the calculator dialog is open; a failing step closes it (the
    test then fails on what it checks) instead of leaving a modal dialog that never returns."""

    def act():
        dlg = panel.dialog
        if dlg is None:
            QTimer.singleShot(20, act)
            return
        try:
            step(dlg)
        finally:
            if dlg.isVisible():
                dlg.done(QDialog.Rejected)

    QTimer.singleShot(20, act)


def answer_dialog(panel, qtbot, fill: dict[str, str], target: str | None = None, ok=True):
    """Fill the calculator dialog once it is open, then OK (or Cancel)."""

    def act(dlg):
        if target is not None:
            dlg.choice.setCurrentIndex(dlg.choice.findData(target))
        for key, value in fill.items():
            dlg.edits[key].setText(value)
        if ok:
            dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
        else:
            dlg.reject()

    when_open(panel, act)


def test_estimate_fills_the_options_savings_and_undo_takes_it_back(editor, qtbot):
    from tests.ui_helpers import reload

    screen, path, option_id = editor
    ctx = screen.context
    panel = screen.editor.calculations
    assert panel.btn_estimate.isEnabled() and panel.runs.count() == 0
    before = {s.stream_id: s.quantity_per_year for s in screen.editor.option.savings}
    answer_dialog(panel, qtbot, {"diameter": "6"}, target="steam_trap")
    assert panel.estimate()
    coal = stream(ctx.audit, "Bituminous coal (boilers)")
    saved = next(o for o in reload(path).options if o.id == option_id)
    run = saved.calculations[-1]
    assert run.calculator == "steam_trap" and run.inputs["diameter"] == "6"
    assert float(run.inputs["fuel_price"]) == coal.unit_price_vnd / 1000  # prefilled
    expected = calculators.get("steam_trap").run(run.inputs)["fuel"].to("tonne").magnitude
    assert run.savings == {coal.id: pytest.approx(expected)}
    got = {s.stream_id: s.quantity_per_year for s in saved.savings}
    assert got[coal.id] == pytest.approx(before.get(coal.id, 0.0) + expected)
    assert panel.runs.count() == 1 and "Steam lost" in panel.runs.item(0).text()
    ctx.undo_stack.undo()  # one step takes run and saving back
    saved = next(o for o in reload(path).options if o.id == option_id)
    assert saved.calculations == []
    assert {s.stream_id: s.quantity_per_year for s in saved.savings} == before


def test_reopened_run_shows_its_inputs_and_rerun_replaces_its_part(editor, qtbot):
    from tests.ui_helpers import reload

    screen, path, option_id = editor
    panel = screen.editor.calculations
    fill = {"count_old": "100", "watt_old": "40", "count_new": "100", "watt_new": "18"}
    answer_dialog(panel, qtbot, fill, target="lighting_retrofit")
    calc = calculators.get("lighting_retrofit")
    first = panel.estimate()
    assert first
    saved = next(o for o in reload(path).options if o.id == option_id)
    elec = stream(screen.context.audit, "Grid electricity")
    base = {s.stream_id: s.quantity_per_year for s in saved.savings}[elec.id]
    old = saved.calculations[0].savings[elec.id]
    seen = {}

    def act(dlg):
        seen["count"] = dlg.edits["count_old"].text()  # the stored inputs are shown
        seen["enabled"] = dlg.choice.isEnabled()
        dlg.edits["watt_old"].setText("72")
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()

    when_open(panel, act)
    panel.runs.setCurrentRow(0)
    assert panel.rerun()
    assert seen == {"count": "100", "enabled": False}  # a re-run keeps its calculator
    saved = next(o for o in reload(path).options if o.id == option_id)
    assert len(saved.calculations) == 1 and saved.calculations[0].inputs["watt_old"] == "72"
    new = calc.run(saved.calculations[0].inputs)["electricity"].magnitude
    got = {s.stream_id: s.quantity_per_year for s in saved.savings}[elec.id]
    assert got == pytest.approx(base - old + new)
    assert panel.remove()
    saved = next(o for o in reload(path).options if o.id == option_id)
    assert saved.calculations == []
    assert {s.stream_id: s.quantity_per_year for s in saved.savings}.get(
        elec.id, 0.0
    ) == pytest.approx(base - old)


def test_a_cancelled_or_invalid_calculation_changes_nothing(editor, qtbot):
    from tests.ui_helpers import reload

    screen, path, option_id = editor
    panel = screen.editor.calculations
    before = next(o for o in reload(path).options if o.id == option_id)
    answer_dialog(panel, qtbot, {"diameter": "6"}, target="steam_trap", ok=False)
    assert not panel.estimate()
    seen = {}

    def act(dlg):
        dlg.choice.setCurrentIndex(dlg.choice.findData("steam_trap"))
        dlg.edits["diameter"].setText("-3")
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()  # refused: stays open
        seen["message"] = dlg.result_label.text()
        seen["open"] = dlg.isVisible()

    when_open(panel, act)
    assert not panel.estimate()
    assert "Orifice diameter" in seen["message"] and seen["open"]
    assert next(o for o in reload(path).options if o.id == option_id) == before


def test_the_dialog_shows_and_reads_numbers_in_the_ui_language(qtbot):
    from app.ui.calculators.dialog import CalculatorDialog

    dlg = CalculatorDialog("vi", "steam_trap")
    qtbot.addWidget(dlg)
    assert dlg.edits["cd"].text() == "0,72"  # the default, with the Vietnamese decimal mark
    assert dlg.edits["atmospheric"].text() == "101,325"
    dlg.edits["diameter"].setText("6,5")
    dlg.edits["fuel_price"].setText("3.250")  # Vietnamese grouping: three thousand two hundred
    dlg.edits["pressure"].setText("116 psi")
    got = dlg.values()
    assert got["diameter"] == "6.5" and got["fuel_price"] == "3250" and got["pressure"] == "116 psi"
    assert got["cd"] == "0.72"
    assert dlg.calculate()
    en = CalculatorDialog("en", "steam_trap")
    qtbot.addWidget(en)
    en.edits["fuel_price"].setText("3,250")
    assert en.edits["cd"].text() == "0.72" and en.values()["fuel_price"] == "3250"
