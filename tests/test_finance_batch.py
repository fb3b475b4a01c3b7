"""Many options' IRRs found together (vectorised numpy-financial ``rate``) agree with ``irr``."""

import math

import numpy_financial as npf
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import finance
from app.core.demo import build_demo_audit


@settings(max_examples=200, deadline=None)
@given(
    investment=st.integers(min_value=1_000_000, max_value=50_000_000_000),
    saving=st.integers(min_value=100_000, max_value=20_000_000_000),
    years=st.integers(min_value=1, max_value=30),
)
def test_primed_irr_equals_numpy_financial_irr(investment, saving, years):
    flows = finance.option_cashflows(investment, saving, 0, years)
    finance._IRR_CACHE.clear()
    finance.prime_irrs([flows])
    primed = finance.irr(flows)
    expected = float(npf.irr(flows))
    if math.isnan(expected):
        assert primed is None or abs(finance.npv(primed, flows)) <= 1e-6 * investment
    else:
        assert primed is not None
        assert math.isclose(primed, expected, rel_tol=1e-6, abs_tol=1e-9)


def test_priming_stores_only_true_roots_and_skips_other_shapes():
    finance._IRR_CACHE.clear()
    uneven = [-100.0, 30.0, 50.0, 70.0]  # not an annuity: left to irr() on demand
    no_cost = [0.0, 10.0, 10.0]
    finance.prime_irrs([uneven, no_cost])
    assert finance._IRR_CACHE == {}
    assert math.isclose(finance.irr(uneven), float(npf.irr(uneven)), rel_tol=1e-9)


def test_worked_example_of_domain_md_through_the_batch():
    finance._IRR_CACHE.clear()
    flows = finance.option_cashflows(300_000_000, 120_000_000, 0, 5)
    finance.prime_irrs([flows])
    assert tuple(flows) in finance._IRR_CACHE
    assert round(finance.irr(flows) * 100, 2) == 28.65


def test_many_options_at_once_equal_one_by_one():
    audit = build_demo_audit()
    finance._IRR_CACHE.clear()
    together = finance.option_finance_many(audit.options, audit)
    finance._IRR_CACHE.clear()
    alone = [finance.option_finance(o, audit) for o in audit.options]
    assert len(together) == len(alone) == 20
    for a, b in zip(together, alone, strict=True):
        assert a.option_id == b.option_id
        assert a.annual_net_saving_vnd == b.annual_net_saving_vnd
        assert (a.irr is None) == (b.irr is None)
        if a.irr is not None:
            assert math.isclose(a.irr, b.irr, rel_tol=1e-6)
        assert math.isclose(a.npv_vnd, b.npv_vnd, rel_tol=1e-12)
