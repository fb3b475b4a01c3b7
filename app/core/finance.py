"""Money figures of an option: payback, NPV, IRR, discounted payback, abatement cost.

Conventions, after docs/DOMAIN.md §3.8 (Finance of an option):
- ``cashflows[0]`` happens now (t = 0, not discounted), ``cashflows[t]`` at the end of year t.
  Excel's ``NPV(r, v1..vn)`` discounts its FIRST value by one period, so
  ``npv(r, [cf0, cf1..cfn]) == cf0 + Excel NPV(r, cf1..cfn)`` and
  ``Excel NPV(r, v1..vn) == npv(r, [0, v1..vn])``.
- NPV and IRR come from numpy-financial (a maintained library), not a hand-written root finder.
- "No answer" is ``None`` (payback never reached, no IRR), never infinity or NaN: the UI and the
  reports show ``None`` as "—" and can't mistake it for a number.
- Money is integer VND; NPV is returned as a float (it is a discounted figure) and rounded only
  for display.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core.errors import Level, Location, Problem
from app.core.model import Audit, Option


def simple_payback(investment: float, annual_net_saving: float) -> float | None:
    """Years to recover ``investment`` from ``annual_net_saving``.

    No-cost options (investment 0) pay back at once (0.0) unless they lose money every year;
    a saving <= 0 never pays back an investment (``None``).
    """
    if investment <= 0:
        return 0.0 if annual_net_saving >= 0 else None
    if annual_net_saving <= 0:
        return None
    return investment / annual_net_saving


def npv(rate: float, cashflows: Sequence[float]) -> float:
    """Net present value with ``cashflows[0]`` at t = 0 (see the module note on Excel)."""
    import numpy_financial as npf

    if not cashflows:
        return 0.0
    return float(npf.npv(rate, list(cashflows)))


def irr(cashflows: Sequence[float]) -> float | None:
    """Internal rate of return, or ``None`` when the flows never change sign or no root exists.

    numpy-financial returns NaN when it finds no solution; that becomes ``None``.
    """
    flows = tuple(float(c) for c in cashflows)
    if not (any(c > 0 for c in flows) and any(c < 0 for c in flows)):
        return None
    return _irr(flows)


# IRRs remembered per cash-flow series: after one edit the other options' unchanged flows cost
# nothing to redo. Bounded: cleared whole when full (a log has hundreds of options, not 10,000).
_IRR_CACHE: dict[tuple[float, ...], float | None] = {}
_IRR_CACHE_MAX = 10_000


def _irr(flows: tuple[float, ...]) -> float | None:
    """numpy-financial's IRR (np.roots: about 0.1-0.4 ms a call), remembered per series."""
    if flows in _IRR_CACHE:
        return _IRR_CACHE[flows]
    import numpy_financial as npf

    value = float(npf.irr(list(flows)))
    return _remember_irr(flows, None if math.isnan(value) else value)


def _remember_irr(flows: tuple[float, ...], value: float | None) -> float | None:
    if len(_IRR_CACHE) >= _IRR_CACHE_MAX:
        _IRR_CACHE.clear()
    _IRR_CACHE[flows] = value
    return value


def prime_irrs(series: Sequence[Sequence[float]]) -> None:
    """Work out the IRRs of many annuity-shaped series at once (investment now, then the same
    saving each year), so a log of 500 options does not pay 500 separate root-findings.

    Uses numpy-financial's ``rate`` over arrays (Newton's method, vectorised): the IRR of
    ``[-I, S, ..., S]`` is the rate at which an annuity of S over n years is worth I. A result
    is kept only when its NPV is ~0; anything else is left to ``irr`` to solve on demand.
    """
    todo = []
    for flows in series:
        key = tuple(float(c) for c in flows)
        if key in _IRR_CACHE or len(key) < 2:
            continue
        first, rest = key[0], key[1:]
        if first < 0 and rest[0] > 0 and all(c == rest[0] for c in rest):
            todo.append(key)
    if not todo:
        return
    import numpy as np
    import numpy_financial as npf

    n = np.array([len(k) - 1 for k in todo], dtype=float)
    pmt = np.array([k[1] for k in todo])
    pv = np.array([k[0] for k in todo])
    # S/I (the perpetuity rate) is a close first guess for all but very short lifetimes.
    guess = np.maximum(pmt / -pv, 0.01)
    for key, r in zip(todo, _rates(npf, np, n, pmt, pv, guess), strict=True):
        if math.isnan(r) or r <= -1:
            continue
        # Accept only a true root: NPV at r within a millionth of the investment.
        if abs(npv(r, key)) <= 1e-6 * abs(key[0]):
            _remember_irr(key, r)


def _rates(npf, np, n, pmt, pv, guess) -> list[float]:
    """``npf.rate`` over arrays. It answers NaN for the whole array when any element fails to
    converge, so a failed batch is split in halves until the failures are isolated."""
    with np.errstate(all="ignore"):
        rates = np.atleast_1d(npf.rate(n, pmt, pv, 0.0, guess=guess, tol=1e-12, maxiter=100))
    if not np.isnan(rates).all() or len(n) == 1:
        return [float(r) for r in rates]
    half = len(n) // 2
    return _rates(npf, np, n[:half], pmt[:half], pv[:half], guess[:half]) + _rates(
        npf, np, n[half:], pmt[half:], pv[half:], guess[half:]
    )


def discounted_payback(rate: float, cashflows: Sequence[float]) -> float | None:
    """First (fractional) year at which the cumulative discounted cash flow reaches zero.

    Interpolated linearly within the year it turns; ``None`` when it never does within the
    flows given. 0.0 when nothing is owed at t = 0.
    """
    if not cashflows:
        return None
    cumulative = float(cashflows[0])
    if cumulative >= 0:
        return 0.0
    for t in range(1, len(cashflows)):
        discounted = float(cashflows[t]) / (1.0 + rate) ** t
        if discounted > 0 and cumulative + discounted >= 0:
            return (t - 1) + (-cumulative / discounted)
        cumulative += discounted
    return None


def option_cashflows(
    investment: float, annual_saving: float, added_opex: float, lifetime: int
) -> list[float]:
    """``[-investment, S, S, …]`` with S = annual saving − added operating cost, ``lifetime`` years."""
    net = annual_saving - added_opex
    return [-float(investment)] + [float(net)] * max(int(lifetime), 0)


def capital_recovery_factor(rate: float, years: int) -> float | None:
    """CRF = r(1+r)^n / ((1+r)^n − 1); 1/n at r = 0; ``None`` for no lifetime."""
    if years <= 0:
        return None
    if rate == 0:
        return 1.0 / years
    growth = (1.0 + rate) ** years
    return rate * growth / (growth - 1.0)


# ---------------------------------------------------------------------------------------------
# An option within its audit


class CostClass:
    """Investment classes of VNCPC reports; thresholds are reference values (adjustable)."""

    NO_LOW = "no_low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True)
class OptionFinance:
    option_id: str
    investment_vnd: int
    gross_saving_vnd: int  # Σ physical saving × price per year (or the override)
    added_opex_vnd: int
    annual_net_saving_vnd: int
    saving_overridden: bool
    lifetime_years: int
    rate: float
    payback_years: float | None
    npv_vnd: float
    irr: float | None
    discounted_payback_years: float | None
    avoided_co2e_t: float  # per year, fossil CO2e (same factors as the indicators)
    abatement_cost_vnd_per_t: float | None  # None when nothing is avoided
    cost_class: str
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    # False when no money is entered at all (``money_entered``): the option is "not assessed",
    # its paybacks are None (never 0.0, "pays back at once") and it ranks after assessed ones.
    assessed: bool = True


def _saving_parts(option: Option, audit: Audit, prices: dict[str, float | None]):
    gross = 0.0
    problems: list[Problem] = []
    for saving in option.savings:
        price = prices.get(saving.stream_id)
        if price is None:
            problems.append(
                Problem(
                    "finance.no_price",
                    Location(entity="option", entity_id=option.id, field="savings"),
                    {"stream": saving.stream_id},
                    level=Level.WARNING,
                )
            )
            continue
        gross += saving.quantity_per_year * price
    return gross, problems


def annual_net_saving(option: Option, audit: Audit, *, prices: dict | None = None) -> int:
    """S = Σ(physical saving × stream price) − added operating cost, in whole VND per year.

    An override (``money_saving_override_vnd``, with its reason) replaces the money saving
    Σ(physical × price); the added operating cost is still subtracted.
    """
    if option.money_saving_override_vnd is not None:
        gross = float(option.money_saving_override_vnd)
    else:
        if prices is None:
            from app.core.indicators import stream_prices

            prices = stream_prices(audit)
        gross, _ = _saving_parts(option, audit, prices)
    return round(gross - option.added_opex_vnd)


def money_entered(option: Option, gross_saving: float) -> bool:
    """Whether the option carries any money figure: an investment, an added operating cost,
    an entered money saving or a priced physical saving (``gross_saving`` != 0).

    Without one the option is "not assessed": a payback of 0.0 years would read as the best
    option of the audit when nothing has been worked out yet.
    """
    return bool(
        option.investment_vnd
        or option.added_opex_vnd
        or option.money_saving_override_vnd is not None
        or round(gross_saving)
    )


def cost_class(investment_vnd: float, *, low_max: float, medium_max: float) -> str:
    if investment_vnd < low_max:
        return CostClass.NO_LOW
    if investment_vnd < medium_max:
        return CostClass.MEDIUM
    return CostClass.HIGH


def option_finance(option: Option, audit: Audit, *, context=None) -> OptionFinance:
    """All money and carbon figures of one option.

    ``context`` (an ``indicators.FinanceContext``) lets a caller computing many options share the
    prices and emission factors; it is built from the audit when not given.
    """
    from app.core.indicators import finance_context

    ctx = context or finance_context(audit)
    problems: list[Problem] = []
    if option.money_saving_override_vnd is not None:
        gross = float(option.money_saving_override_vnd)
    else:
        gross, problems = _saving_parts(option, audit, ctx.prices)
    net = round(gross - option.added_opex_vnd)
    rate = option.discount_rate if option.discount_rate is not None else audit.info.discount_rate
    investment = int(option.investment_vnd)
    flows = option_cashflows(investment, net, 0, option.lifetime_years)
    avoided = 0.0
    for saving in option.savings:
        avoided += saving.quantity_per_year * ctx.co2e_per_unit.get(saving.stream_id, 0.0)
    crf = capital_recovery_factor(rate, option.lifetime_years)
    assessed = money_entered(option, gross)
    mac = None
    if avoided > 0 and crf is not None:
        mac = (investment * crf - net) / avoided
    return OptionFinance(
        option_id=option.id,
        investment_vnd=investment,
        gross_saving_vnd=round(gross),
        added_opex_vnd=int(option.added_opex_vnd),
        annual_net_saving_vnd=net,
        saving_overridden=option.money_saving_override_vnd is not None,
        lifetime_years=int(option.lifetime_years),
        rate=rate,
        payback_years=simple_payback(investment, net) if assessed else None,
        npv_vnd=npv(rate, flows),
        irr=irr(flows),
        discounted_payback_years=discounted_payback(rate, flows) if assessed else None,
        avoided_co2e_t=avoided,
        abatement_cost_vnd_per_t=mac,
        cost_class=cost_class(investment, low_max=ctx.cost_low_max, medium_max=ctx.cost_medium_max),
        problems=tuple(problems),
        assessed=assessed,
    )


def option_finance_many(
    options: Sequence[Option], audit: Audit, *, context=None
) -> list[OptionFinance]:
    """``option_finance`` of many options sharing one context, with their IRRs found together."""
    from app.core.indicators import finance_context

    ctx = context or finance_context(audit)
    series = []
    for option in options:
        gross = (
            float(option.money_saving_override_vnd)
            if option.money_saving_override_vnd is not None
            else _saving_parts(option, audit, ctx.prices)[0]
        )
        net = round(gross - option.added_opex_vnd)
        series.append(option_cashflows(int(option.investment_vnd), net, 0, option.lifetime_years))
    prime_irrs(series)
    return [option_finance(option, audit, context=ctx) for option in options]
