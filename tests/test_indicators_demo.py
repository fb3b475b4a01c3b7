"""The demo audit's figures, each kind recomputed here by hand from its records and
docs/DOMAIN.md §3 (Formulas).

Nothing below calls the code under test to get an expected value: quantities and costs are summed
from the records, and the factors are the numbers of docs/DOMAIN.md §6 (Reference values) typed in.
"""

import pytest

demo = pytest.importorskip("app.core.demo")

from app.core import finance  # noqa: E402
from app.core.indicators import compute_indicators  # noqa: E402
from app.core.model import StreamKind  # noqa: E402

GRID_2023 = 0.6592  # tCO2/MWh; the demo's baseline is 2024, which has no official factor
NCV = {"coal_bituminous": 25.8, "lpg": 47.3}  # GJ/t
EF = {  # kg/TJ: CO2, CH4, N2O
    "coal_bituminous": (94_600, 10, 1.5),
    "lpg": (63_100, 1, 0.1),
}
TOE_VN = {"lpg": 1.09}  # TOE/t, letter 3505/BCT-KHCN; bituminous coal has none -> 41.868 GJ/toe


@pytest.fixture(scope="module")
def audit():
    return demo.build_demo_audit()


@pytest.fixture(scope="module")
def ind(audit):
    return compute_indicators(audit)


def baseline_records(audit, stream):
    periods = set(audit.baseline_periods())
    return [r for r in audit.records if r.stream_id == stream.id and r.period in periods]


def annual(audit, stream):
    return sum(r.quantity for r in baseline_records(audit, stream))


def first(audit, kind):
    return next(s for s in audit.streams if s.kind == kind)


def test_annual_quantity_cost_and_share(audit, ind):
    total = 0
    for s in audit.streams:
        recs = baseline_records(audit, s)
        cost = sum(
            r.cost_vnd if r.cost_vnd is not None else round(r.quantity * s.unit_price_vnd)
            for r in recs
        )
        got = ind.stream(s.id)
        assert got.quantity == pytest.approx(sum(r.quantity for r in recs))
        assert got.cost_vnd == cost
        total += cost
    assert ind.total_cost_vnd == total
    elec = first(audit, StreamKind.ELECTRICITY)
    positive = sum(s.cost_vnd for s in ind.streams if s.cost_vnd > 0)
    assert ind.stream(elec.id).cost_share == pytest.approx(ind.stream(elec.id).cost_vnd / positive)


def test_energy_and_key_energy_user(audit, ind):
    gj = toe = 0.0
    for s in audit.streams:
        q = annual(audit, s)
        if s.kind == StreamKind.ELECTRICITY:
            gj += q * 3.6 / 1000
            toe += q / 1000 * 0.1543
        elif s.kind == StreamKind.FUEL:
            assert s.unit == "t"
            fuel_gj = q * NCV[s.fuel_code]
            gj += fuel_gj
            toe += q * TOE_VN[s.fuel_code] if s.fuel_code in TOE_VN else fuel_gj / 41.868
    assert ind.energy.total_gj == pytest.approx(gj)
    assert ind.energy.total_toe == pytest.approx(toe)
    assert ind.energy.key_energy_user is (toe >= 1000)


def test_co2e_scope1_and_scope2(audit, ind):
    scope1 = 0.0
    for s in audit.streams:
        if s.kind == StreamKind.FUEL:
            tj = annual(audit, s) * NCV[s.fuel_code] / 1000
            co2, ch4, n2o = EF[s.fuel_code]
            scope1 += tj * (co2 + 28 * ch4 + 265 * n2o) / 1000
    kwh = sum(annual(audit, s) for s in audit.streams if s.kind == StreamKind.ELECTRICITY)
    assert ind.emissions.scope1_t == pytest.approx(scope1)
    assert ind.emissions.scope2_t == pytest.approx(kwh / 1000 * GRID_2023)
    assert ind.emissions.grid_ef_year == 2023


def test_specific_consumption(audit, ind):
    elec = first(audit, StreamKind.ELECTRICITY)
    periods = set(audit.baseline_periods())
    out_t = {
        p.id: sum(
            r.quantity for r in audit.production if r.product_id == p.id and r.period in periods
        )
        for p in audit.products
    }
    total_t = sum(out_t.values())  # all demo products are in t
    # electricity has no allocation key: one plant-level figure
    (sc,) = [x for x in ind.specific if x.stream_id == elec.id]
    assert sc.product_id == "" and sc.annual == pytest.approx(annual(audit, elec) / total_t)
    assert sc.unit == "kWh/t"


def test_recp_indicators(audit, ind):
    water = sum(annual(audit, s) for s in audit.streams if s.kind == StreamKind.WATER)
    va = audit.info.enterprise.value_added_vnd
    if va:
        assert ind.recp.basis == "value_added"
        assert ind.recp.water_productivity == pytest.approx(va / 1e6 / water)
    else:
        periods = set(audit.baseline_periods())
        out = sum(r.quantity for r in audit.production if r.period in periods)
        assert ind.recp.water_productivity == pytest.approx(out / water)


def test_step_balance(audit, ind):
    step = audit.steps[0]
    mass = {"t": 1.0, "kg": 0.001}
    ins = sum(
        f.quantity * mass[f.unit]
        for f in audit.flows
        if f.step_id == step.id
        and f.direction == "input"
        and f.unit in mass
        and f.quantity is not None
    )
    outs = sum(
        f.quantity * mass[f.unit]
        for f in audit.flows
        if f.step_id == step.id
        and f.direction == "output"
        and f.unit in mass
        and f.quantity is not None
    )
    loss = sum(
        f.quantity * mass[f.unit]
        for f in audit.flows
        if f.step_id == step.id
        and f.direction == "loss"
        and f.unit in mass
        and f.quantity is not None
    )
    b = next(x for x in ind.balances if x.step_id == step.id and x.dimension == "mass")
    assert b.unaccounted == pytest.approx(ins - outs - loss)
    assert b.share == pytest.approx((ins - outs - loss) / ins)


def test_option_finance_by_hand(audit):
    option = next(
        o
        for o in audit.options
        if o.investment_vnd > 0 and o.savings and o.money_saving_override_vnd is None
    )
    streams = {s.id: s for s in audit.streams}
    gross = sum(x.quantity_per_year * streams[x.stream_id].unit_price_vnd for x in option.savings)
    net = gross - option.added_opex_vnd
    rate = option.discount_rate if option.discount_rate is not None else audit.info.discount_rate
    n = option.lifetime_years
    f = finance.option_finance(option, audit)
    assert f.annual_net_saving_vnd == round(net)
    assert f.payback_years == pytest.approx(option.investment_vnd / net)
    npv = -option.investment_vnd + sum(net / (1 + rate) ** t for t in range(1, n + 1))
    assert f.npv_vnd == pytest.approx(npv, rel=1e-9)
    avoided = 0.0
    for x in option.savings:
        s = streams[x.stream_id]
        if s.kind == StreamKind.ELECTRICITY:
            avoided += x.quantity_per_year / 1000 * GRID_2023
        elif s.kind == StreamKind.FUEL:
            co2, ch4, n2o = EF[s.fuel_code]
            avoided += (
                x.quantity_per_year * NCV[s.fuel_code] / 1000 * (co2 + 28 * ch4 + 265 * n2o) / 1000
            )
    assert f.avoided_co2e_t == pytest.approx(avoided)


def test_demo_validates_without_errors(audit):
    from app.core.validation import validate_audit

    problems = validate_audit(audit)
    assert not [p for p in problems if p.is_error]
    assert "reference.earlier_year" in {p.key for p in problems}  # 2024 -> 2023 grid factor
