"""Finance functions against published examples and the worked example of
docs/DOMAIN.md §3.8 (Finance of an option)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import finance
from app.core.model import Audit, AuditInfo, Option, OptionSaving, ResourceStream, StreamKind

# The worked example of docs/DOMAIN.md §3.8 (Finance of an option):
# 300 M VND, 120 M VND/yr, 5 years, 10 %.
WORKED = [-300e6] + [120e6] * 5


def test_worked_example_payback_npv_irr():
    assert finance.simple_payback(300e6, 120e6) == pytest.approx(2.5)
    annuity = sum(1 / 1.1**t for t in range(1, 6))  # 3.790787
    assert annuity == pytest.approx(3.790787, abs=1e-6)
    assert finance.npv(0.10, WORKED) == pytest.approx(-300e6 + 120e6 * annuity)
    assert finance.npv(0.10, WORKED) / 1e6 == pytest.approx(154.894, abs=1e-3)
    assert finance.irr(WORKED) == pytest.approx(0.2865, abs=5e-5)
    # the IRR is a root of the NPV
    assert finance.npv(finance.irr(WORKED), WORKED) == pytest.approx(0, abs=1e-3)


def test_worked_example_discounted_payback_by_hand():
    cumulative = -300e6
    for t in range(1, 6):
        step = 120e6 / 1.1**t
        if cumulative + step >= 0:
            expected = t - 1 + (-cumulative) / step
            break
        cumulative += step
    assert finance.discounted_payback(0.10, WORKED) == pytest.approx(expected)
    assert 3.0 < expected < 3.1


def test_excel_npv_example_discounts_the_first_value():
    # Excel: NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44 (the -10000 a year from now).
    assert finance.npv(0.10, [0, -10000, 3000, 4200, 6800]) == pytest.approx(1188.44, abs=0.005)


def test_excel_irr_examples():
    flows = [-70000, 12000, 15000, 18000, 21000, 26000]
    assert round(finance.irr(flows[:5]), 3) == -0.021
    assert round(finance.irr(flows), 3) == 0.087
    assert round(finance.irr(flows[:3]), 3) == -0.444


def test_numpy_financial_documented_cases():
    assert finance.npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]) == pytest.approx(
        3065.22266817, abs=1e-6
    )
    assert round(finance.irr([-100, 39, 59, 55, 20]), 5) == 0.28095
    assert round(finance.irr([-100, 0, 0, 74]), 5) == -0.0955
    assert round(finance.irr([-100, 100, 0, -7]), 5) == -0.0833
    assert round(finance.irr([-100, 100, 0, 7]), 5) == 0.06206
    assert round(finance.irr([-5, 10.5, 1, -8, 1]), 5) == 0.0886


def test_no_irr_without_a_sign_change():
    assert finance.irr([100, 50, 20]) is None
    assert finance.irr([-100, -50]) is None
    assert finance.irr([]) is None


def test_payback_edge_cases():
    assert finance.simple_payback(0, 5) == 0.0
    assert finance.simple_payback(0, 0) == 0.0
    assert finance.simple_payback(100, 0) is None
    assert finance.simple_payback(100, -3) is None
    assert finance.simple_payback(0, -3) is None


def test_discounted_payback_never_within_lifetime():
    assert finance.discounted_payback(0.10, [-1000, 100, 100, 100]) is None
    assert finance.discounted_payback(0.10, [0, 100]) == 0.0


def test_option_cashflows_and_crf():
    assert finance.option_cashflows(300, 150, 30, 3) == [-300, 120, 120, 120]
    assert finance.capital_recovery_factor(0.10, 5) == pytest.approx(1 / 3.790787, rel=1e-6)
    assert finance.capital_recovery_factor(0.0, 4) == 0.25
    assert finance.capital_recovery_factor(0.1, 0) is None


def _audit_with_option(**kw):
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện lưới", "kWh", unit_price_vnd=2000)
    audit = Audit(info=AuditInfo(baseline_start="2023-01", discount_rate=0.10), streams=[elec])
    option = Option("Biến tần", savings=[OptionSaving(elec.id, 60_000)], **kw)
    audit.options.append(option)
    return audit, option, elec


def test_option_finance_by_hand():
    audit, option, _ = _audit_with_option(investment_vnd=300_000_000, added_opex_vnd=0)
    f = finance.option_finance(option, audit)
    assert f.annual_net_saving_vnd == 60_000 * 2000 == 120_000_000
    assert f.payback_years == pytest.approx(2.5)
    assert f.npv_vnd / 1e6 == pytest.approx(154.894, abs=1e-3)
    # avoided CO2e: 60 MWh x grid factor of 2023 (0.6592 t/MWh,
    # docs/DOMAIN.md §6.2 (Grid emission factor))
    assert f.avoided_co2e_t == pytest.approx(60 * 0.6592)
    crf = 0.1 * 1.1**5 / (1.1**5 - 1)
    assert f.abatement_cost_vnd_per_t == pytest.approx((300e6 * crf - 120e6) / (60 * 0.6592))
    assert f.abatement_cost_vnd_per_t < 0  # saves money
    assert f.cost_class == finance.CostClass.MEDIUM


def test_override_replaces_money_saving_and_opex_is_subtracted():
    audit, option, _ = _audit_with_option(
        investment_vnd=10_000_000, added_opex_vnd=5_000_000, money_saving_override_vnd=20_000_000
    )
    assert finance.annual_net_saving(option, audit) == 15_000_000
    f = finance.option_finance(option, audit)
    assert f.saving_overridden and f.annual_net_saving_vnd == 15_000_000
    assert f.cost_class == finance.CostClass.NO_LOW


def test_option_losing_money_has_no_payback_and_no_irr():
    audit, option, _ = _audit_with_option(investment_vnd=1_000_000, added_opex_vnd=200_000_000)
    f = finance.option_finance(option, audit)
    assert f.annual_net_saving_vnd < 0
    assert f.payback_years is None and f.irr is None and f.discounted_payback_years is None


# --- properties ------------------------------------------------------------------------------

money = st.floats(min_value=1.0, max_value=1e10, allow_nan=False)


@settings(max_examples=80, deadline=None)
@given(
    investment=money,
    saving=money,
    years=st.integers(1, 30),
    r1=st.floats(0.0, 0.5),
    dr=st.floats(0.001, 0.5),
)
def test_npv_falls_as_rate_rises(investment, saving, years, r1, dr):
    flows = finance.option_cashflows(investment, saving, 0, years)
    assert finance.npv(r1 + dr, flows) < finance.npv(r1, flows)


@settings(max_examples=80, deadline=None)
@given(investment=money, saving=money, years=st.integers(1, 40))
def test_payback_agrees_with_cumulative_cash_flow(investment, saving, years):
    payback = finance.simple_payback(investment, saving)
    flows = finance.option_cashflows(investment, saving, 0, years)
    whole = math.floor(payback)
    # before the payback year the cumulative sum is still negative; at ceil(payback) it is not
    if whole >= 1 and whole <= years:
        assert sum(flows[:whole]) < 0 or math.isclose(payback, whole)
    if math.ceil(payback) <= years:
        assert sum(flows[: math.ceil(payback) + 1]) >= -1e-6 * investment
    # zero discount rate: the discounted payback is the simple payback
    dp = finance.discounted_payback(0.0, flows)
    if payback <= years:
        assert dp == pytest.approx(payback, rel=1e-9)
    else:
        assert dp is None
