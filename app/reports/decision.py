"""What a director decides from: what is done, what is still to fund, in which order.

Computed once from the core (``app.core.options``: ``is_implemented``, ``is_rejected``,
``rank_options`` with the audit's weights; ``app.core.finance.simple_payback``) and kept in the
report snapshot, so the PDF's decision page and any other writer show the same figures.
No reportlab here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.finance import simple_payback
from app.core.model import Audit
from app.core.options import (
    CRITERIA,
    is_implemented,
    is_rejected,
    option_finances,
    rank_options,
    weights_from_setting,
)
from app.reports.rows import Text2, text2


@dataclass(frozen=True)
class DoneRow:
    code: str
    title: Text2
    status: str
    investment: int | None  # actual where known, else the planned one
    estimated_saving: int | None  # per year
    measured_saving: int | None  # per year, where verified


@dataclass(frozen=True)
class RankRow:
    rank: int
    code: str
    title: Text2
    score: float
    investment: int | None
    annual_saving: int | None
    payback: float | None
    assessed: bool = True  # False: no money entered, ranked after the assessed options


@dataclass(frozen=True)
class FeasibilityRow:
    """One option's screening: technical, environmental and economic scores (0..5, None
    where not scored), the screening decision and the avoided emissions."""

    code: str
    title: Text2
    screening: str
    technical: float | None
    environmental: float | None
    economic: float | None
    economic_derived: bool  # from the payback, not scored by the auditor
    co2e_t: float | None


@dataclass(frozen=True)
class Decision:
    done: tuple[DoneRow, ...] = ()
    to_fund_count: int = 0
    to_fund_investment: int | None = 0
    to_fund_saving: int | None = 0  # per year, net
    to_fund_payback: float | None = None
    ranking: tuple[RankRow, ...] = ()  # the options still to fund, best first
    weights: dict[str, float] = field(default_factory=dict)  # criterion -> weight
    feasibility: tuple[FeasibilityRow, ...] = ()  # every option not rejected, best first

    @property
    def empty(self) -> bool:
        return not self.done and not self.ranking


def build_decision(audit: Audit, weights_setting: Mapping[str, Any] | None = None) -> Decision:
    """The decision page of ``audit``; ``weights_setting`` is the file's stored weights (the
    Options screen's), defaults when None."""
    weights, _problems = weights_from_setting(weights_setting)
    finances = option_finances(audit)

    def saving(o) -> int | None:
        fin = finances.get(o.id)
        return round(fin.annual_net_saving_vnd) if fin and fin.annual_net_saving_vnd else None

    done = tuple(
        DoneRow(
            o.code,
            text2(o, "option", "title_vi"),
            str(o.status),
            o.actual_investment_vnd if o.actual_investment_vnd is not None else o.investment_vnd,
            saving(o),
            o.verified_saving_vnd,
        )
        for o in sorted(audit.options, key=lambda o: o.code)
        if is_implemented(o)
    )
    open_ = [o for o in audit.options if not is_rejected(o) and not is_implemented(o)]
    investment = sum(o.investment_vnd or 0 for o in open_)
    annual = sum(saving(o) or 0 for o in open_)
    ranked = rank_options(audit, weights, finances)
    feasibility = tuple(
        FeasibilityRow(
            r.option.code,
            text2(r.option, "option", "title_vi"),
            str(r.option.screening or ""),
            r.score.criteria.get("technical"),
            r.score.criteria.get("environmental"),
            r.score.criteria.get("economic"),
            r.score.economic_derived,
            r.finance.avoided_co2e_t if r.finance else None,
        )
        for r in ranked
    )
    candidates = [r for r in ranked if not is_implemented(r.option)]
    ranking = tuple(
        RankRow(
            i,
            r.option.code,
            text2(r.option, "option", "title_vi"),
            r.score.total,
            r.option.investment_vnd,
            saving(r.option),
            r.finance.payback_years if r.finance else None,
            r.assessed,
        )
        for i, r in enumerate(candidates, 1)
    )
    return Decision(
        done=done,
        to_fund_count=len(open_),
        to_fund_investment=investment,
        to_fund_saving=annual,
        to_fund_payback=simple_payback(investment, annual) if open_ else None,
        ranking=ranking,
        weights={c: weights.get(c, 0.0) for c in CRITERIA},
        feasibility=feasibility,
    )


def without_money(d: Decision) -> Decision:
    """The confidential variant's decision page: order and counts, no money."""
    from dataclasses import replace

    return replace(
        d,
        done=tuple(
            replace(x, investment=None, estimated_saving=None, measured_saving=None) for x in d.done
        ),
        to_fund_investment=None,
        to_fund_saving=None,
        to_fund_payback=None,
        ranking=tuple(
            replace(x, investment=None, annual_saving=None, payback=None) for x in d.ranking
        ),
    )
