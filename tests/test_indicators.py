"""Indicators of a small audit, each figure recomputed by hand from
docs/DOMAIN.md §3 (Formulas)."""

import json

import pytest

from app.core.indicators import compute_indicators, indicators_as_dict, step_balances
from app.core.model import (
    Audit,
    AuditInfo,
    Enterprise,
    FlowDirection,
    PeriodRecord,
    ProcessStep,
    Product,
    ProductionRecord,
    ReferenceOverride,
    ResourceStream,
    StepFlow,
    StreamKind,
)

PERIODS = [f"2024-{m:02d}" for m in range(1, 13)]


def small_audit(value_added=None, products=1):
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện lưới", "kWh", unit_price_vnd=1900)
    coal = ResourceStream(
        StreamKind.FUEL, "Than cám", "t", unit_price_vnd=3_200_000, fuel_code="coal_bituminous"
    )
    husk = ResourceStream(
        StreamKind.FUEL, "Trấu", "kg", unit_price_vnd=1_000, fuel_code="rice_husk"
    )
    water = ResourceStream(StreamKind.WATER, "Nước giếng", "m3", unit_price_vnd=15_000)
    ww = ResourceStream(StreamKind.WASTEWATER, "Nước thải", "m³", unit_price_vnd=8_000)
    dye = ResourceStream(StreamKind.RAW_MATERIAL, "Vải mộc", "t")  # priced by invoice only
    sludge = ResourceStream(StreamKind.SOLID_WASTE, "Bùn thải", "kg", unit_price_vnd=2_000)
    streams = [elec, coal, husk, water, ww, dye, sludge]
    records = []
    for i, per in enumerate(PERIODS):
        records += [
            PeriodRecord(elec.id, per, 500_000.0 + 1000 * i),
            PeriodRecord(coal.id, per, 300.0 + i),
            PeriodRecord(husk.id, per, 10_000.0),
            PeriodRecord(water.id, per, 30_000.0 + 100 * i),
            PeriodRecord(ww.id, per, 26_000.0),
            PeriodRecord(dye.id, per, 310.0, cost_vnd=31_000_000 + i),
            PeriodRecord(sludge.id, per, 5_000.0),
        ]
    # outside the baseline: must not count
    records.append(PeriodRecord(elec.id, "2023-12", 9e9))
    fabric = Product("Vải thành phẩm", "t")
    prods = [fabric]
    production = [ProductionRecord(fabric.id, per, 280.0 + i) for i, per in enumerate(PERIODS)]
    if products == 2:
        yarn = Product("Sợi", "kg")
        prods.append(yarn)
        production += [ProductionRecord(yarn.id, per, 20_000.0) for per in PERIODS]
    info = AuditInfo(
        baseline_start="2024-01",
        baseline_months=12,
        enterprise=Enterprise(name="X", value_added_vnd=value_added),
    )
    return Audit(info=info, streams=streams, records=records, products=prods, production=production)


def by_name(ind, audit, name):
    sid = next(s.id for s in audit.streams if s.name_vi == name)
    return ind.stream(sid)


def test_annual_quantity_and_cost():
    audit = small_audit()
    ind = compute_indicators(audit)
    kwh = sum(500_000.0 + 1000 * i for i in range(12))
    elec = by_name(ind, audit, "Điện lưới")
    assert elec.quantity == pytest.approx(kwh)
    assert elec.cost_vnd == sum(round((500_000.0 + 1000 * i) * 1900) for i in range(12))
    dye = by_name(ind, audit, "Vải mộc")
    assert dye.cost_vnd == sum(31_000_000 + i for i in range(12))  # invoice totals
    assert isinstance(dye.cost_vnd, int)
    assert ind.total_cost_vnd == sum(s.cost_vnd for s in ind.streams)
    assert sum(s.cost_share for s in ind.streams) == pytest.approx(1.0)
    assert elec.periods == 12


def test_energy_gj_toe_and_key_energy_user():
    audit = small_audit()
    ind = compute_indicators(audit)
    kwh = sum(500_000.0 + 1000 * i for i in range(12))
    coal_t = sum(300.0 + i for i in range(12))
    husk_t = 120.0
    elec_gj = kwh * 3.6 / 1000
    fuel_gj = coal_t * 25.8 + husk_t * 11.6
    assert ind.energy.electricity_gj == pytest.approx(elec_gj)
    assert ind.energy.fuel_gj == pytest.approx(fuel_gj)
    assert ind.energy.total_gj == pytest.approx(elec_gj + fuel_gj)
    # official factors: electricity 0.1543 TOE/MWh; bituminous coal and husk have none -> IEA
    toe = kwh / 1000 * 0.1543 + (coal_t * 25.8 + husk_t * 11.6) / 41.868
    assert ind.energy.total_toe == pytest.approx(toe)
    assert ind.energy.threshold_toe == 1000
    assert ind.energy.key_energy_user is (toe >= 1000)
    assert "indicators.toe_not_official" in {p.key for p in ind.problems}


def test_co2e_scope1_scope2_and_biogenic():
    audit = small_audit()
    ind = compute_indicators(audit)
    kwh = sum(500_000.0 + 1000 * i for i in range(12))
    coal_tj = sum(300.0 + i for i in range(12)) * 25.8 / 1000
    husk_tj = 120.0 * 11.6 / 1000
    scope1 = coal_tj * (94_600 + 28 * 10 + 265 * 1.5) / 1000 + husk_tj * (28 * 30 + 265 * 4) / 1000
    assert ind.emissions.scope1_t == pytest.approx(scope1)
    assert ind.emissions.biogenic_co2_t == pytest.approx(husk_tj * 100_000 / 1000)
    # 2024 baseline: no official 2024 factor -> 2023's, and the user is told
    assert ind.emissions.grid_ef == 0.6592 and ind.emissions.grid_ef_year == 2023
    assert ind.emissions.scope2_t == pytest.approx(kwh / 1000 * 0.6592)
    assert ind.emissions.total_t == pytest.approx(scope1 + kwh / 1000 * 0.6592)
    assert "reference.earlier_year" in {p.key for p in ind.problems}


def test_grid_override_is_used():
    audit = small_audit()
    audit.overrides.append(ReferenceOverride("grid_ef", 0.5, "test"))
    ind = compute_indicators(audit)
    kwh = sum(500_000.0 + 1000 * i for i in range(12))
    assert ind.emissions.scope2_t == pytest.approx(kwh / 1000 * 0.5)
    used = {v.key: v for v in ind.reference_used}
    assert used["grid_ef"].overridden


def test_specific_consumption_single_product():
    audit = small_audit()
    ind = compute_indicators(audit)
    elec = audit.streams[0]
    sc = next(s for s in ind.specific if s.stream_id == elec.id)
    assert sc.unit == "kWh/t" and sc.allocation == "single"
    jan = dict(sc.per_period)["2024-01"]
    assert jan == pytest.approx(500_000.0 / 280.0)
    total_out = sum(280.0 + i for i in range(12))
    assert sc.annual == pytest.approx(sum(500_000.0 + 1000 * i for i in range(12)) / total_out)


def test_specific_consumption_zero_output_is_undefined():
    audit = small_audit()
    for rec in audit.production:
        if rec.period == "2024-03":
            rec.quantity = 0.0
    ind = compute_indicators(audit)
    sc = next(s for s in ind.specific if s.stream_id == audit.streams[0].id)
    assert dict(sc.per_period)["2024-03"] is None
    assert sc.annual is not None
    audit.production = []
    ind = compute_indicators(audit)
    assert all(s.annual is None for s in ind.specific)
    assert "validation.zero_output" in {p.key for p in ind.problems}


def test_two_products_share_a_stream_by_the_auditors_key_else_plant_level():
    audit = small_audit(products=2)
    elec, fabric, yarn = audit.streams[0], audit.products[0], audit.products[1]
    fab_t = sum(280.0 + i for i in range(12))
    yarn_t = 12 * 20.0  # 20,000 kg a month
    kwh = sum(500_000.0 + 1000 * i for i in range(12))
    # no key: one plant-level figure per t of the whole output, not one per product
    (plant,) = [s for s in compute_indicators(audit).specific if s.stream_id == elec.id]
    assert plant.product_id == "" and plant.allocation == "plant" and plant.unit == "kWh/t"
    assert plant.annual == pytest.approx(kwh / (fab_t + yarn_t))
    # the auditor's key (weights): 4 parts fabric, 1 part yarn
    elec.allocation = {fabric.id: 4, yarn.id: 1}
    ind = compute_indicators(audit)
    sc_f = next(s for s in ind.specific if s.stream_id == elec.id and s.product_id == fabric.id)
    sc_y = next(s for s in ind.specific if s.stream_id == elec.id and s.product_id == yarn.id)
    assert sc_f.allocation == "key" and sc_f.share == pytest.approx(0.8)
    assert sc_f.annual == pytest.approx(kwh * 0.8 / fab_t)
    assert sc_y.unit == "kWh/kg"
    assert sc_y.annual == pytest.approx(kwh * 0.2 / (yarn_t * 1000))
    # both products together use the whole stream
    assert sc_f.annual * fab_t + sc_y.annual * yarn_t * 1000 == pytest.approx(kwh)


def test_recp_indicators_on_physical_output_then_value_added():
    audit = small_audit()
    ind = compute_indicators(audit)
    out_t = sum(280.0 + i for i in range(12))
    water = sum(30_000.0 + 100 * i for i in range(12))
    r = ind.recp
    assert r.basis == "output" and r.basis_unit == "t"
    assert r.water_productivity == pytest.approx(out_t / water)
    assert r.wastewater_intensity == pytest.approx(12 * 26_000.0 / out_t)
    assert r.materials_productivity == pytest.approx(out_t / (12 * 310.0))
    assert r.waste_intensity == pytest.approx(12 * 5.0 / out_t)
    assert r.carbon_intensity == pytest.approx(ind.emissions.total_t / out_t)
    assert r.energy_productivity == pytest.approx(out_t / ind.energy.total_gj)

    va = compute_indicators(small_audit(value_added=90_000_000_000)).recp
    assert va.basis == "value_added" and va.basis_amount == 90_000
    assert va.energy_productivity == pytest.approx(90_000 / ind.energy.total_gj)


def test_step_balance_by_hand_and_flag():
    step = ProcessStep("Nhuộm")
    flows = [
        StepFlow(step.id, FlowDirection.INPUT, "Vải mộc", 100.0, "t"),
        StepFlow(step.id, FlowDirection.INPUT, "Hóa chất", 5000.0, "kg"),
        StepFlow(step.id, FlowDirection.OUTPUT, "Vải nhuộm", 95.0, "t"),
        StepFlow(step.id, FlowDirection.LOSS, "Xơ vụn", 2.0, "t"),
        StepFlow(step.id, FlowDirection.INPUT, "Nước", 1000.0, "m3"),
        StepFlow(step.id, FlowDirection.LOSS, "Nước thải", 990.0, "m³"),
        StepFlow(step.id, FlowDirection.LOSS, "Bay hơi", None, "m³"),
    ]
    audit = Audit(steps=[step], flows=flows)
    balances = {b.dimension: b for b in step_balances(audit, 0.05)}
    mass = balances["mass"]
    assert mass.inputs == pytest.approx(105.0)
    assert mass.unaccounted == pytest.approx(105.0 - 95.0 - 2.0)
    assert mass.share == pytest.approx(8.0 / 105.0)
    assert mass.flagged  # 7.6 % > 5 %
    water = balances["volume"]
    assert water.share == pytest.approx(10 / 1000) and not water.flagged
    assert water.skipped_flows == 1
    assert not step_balances(audit, 0.10)[0].flagged


def test_as_dict_is_json_able():
    audit = small_audit()
    data = indicators_as_dict(audit)
    text = json.dumps(data, ensure_ascii=False)
    back = json.loads(text)
    assert back["emissions"]["grid_ef_year"] == 2023
    assert back["energy"]["key_energy_user"] in (True, False)
    assert any(p["key"] == "reference.earlier_year" for p in back["problems"])


def test_empty_audit_computes_without_error():
    ind = compute_indicators(Audit())
    assert ind.total_cost_vnd == 0 and ind.energy.total_gj == 0 and ind.specific == ()
    assert ind.recp.energy_productivity is None


def test_fuel_by_volume_uses_density_and_official_volume_toe():
    do = ResourceStream(StreamKind.FUEL, "Dầu DO", "lít", fuel_code="do", unit_price_vnd=20_000)
    gas = ResourceStream(StreamKind.FUEL, "Khí thiên nhiên", "Sm3", fuel_code="natural_gas")
    audit = Audit(
        info=AuditInfo(baseline_start="2024-01"),
        streams=[do, gas],
        records=[
            PeriodRecord(do.id, "2024-01", 10_000.0),
            PeriodRecord(gas.id, "2024-01", 5_000.0),
        ],
    )
    ind = compute_indicators(audit)
    # DO: 10,000 L x 0.84 kg/L = 8.4 t x 43.0 GJ/t; official 0.88 TOE per 1,000 L
    assert ind.stream(do.id).energy_gj == pytest.approx(8.4 * 43.0)
    assert ind.stream(do.id).toe == pytest.approx(10 * 0.88)
    # natural gas: 5,000 Sm³ x 0.75 kg/Sm³ = 3.75 t x 48.0 GJ/t; official 0.90 TOE per 1,000 m³
    assert ind.stream(gas.id).energy_gj == pytest.approx(3.75 * 48.0)
    assert ind.stream(gas.id).toe == pytest.approx(5 * 0.90)
    co2e = 8.4 * 43.0 / 1000 * (74_100 + 28 * 3 + 265 * 0.6) / 1000
    assert ind.stream(do.id).co2e_t == pytest.approx(co2e)
    assert "indicators.toe_not_official" not in {p.key for p in ind.problems}
