"""The figures a report shows, taken from the core modules (indicators, finance, options,
reference). This is the only place the reports layer touches the formulas, so the PDF, the
workbook and the screens agree.

The core modules were written alongside the reports; where one is absent this adapter returns
None (shown as a dash) rather than re-implementing its formula, except plain sums of records.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field

from app.core.model import Audit, CPCategory, Option, OptionStatus, PeriodRecord, ResourceStream


def _module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


@dataclass(frozen=True)
class OptionFigures:
    annual_saving: int | None = None
    payback: float | None = None
    npv: float | None = None
    irr: float | None = None
    co2e_t: float | None = None


@dataclass
class Figures:
    audit: Audit
    annual_quantity: dict[str, float] = field(default_factory=dict)
    annual_cost: dict[str, int] = field(default_factory=dict)
    energy_gj: dict[str, float] = field(default_factory=dict)
    co2e_t: dict[str, float] = field(default_factory=dict)
    product_output: dict[str, float] = field(default_factory=dict)
    balance: dict[str, tuple[float | None, bool]] = field(default_factory=dict)
    specific: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    references: list = field(default_factory=list)
    total_gj: float | None = None
    total_toe: float | None = None
    key_energy_user: bool | None = None
    total_co2e_t: float | None = None
    grid_factor_note: str = ""

    @staticmethod
    def record_cost(record: PeriodRecord, stream: ResourceStream) -> int | None:
        """The invoice total when entered, else quantity x unit price (DOMAIN.md section 3)."""
        if record.cost_vnd is not None:
            return record.cost_vnd
        if stream.unit_price_vnd is None:
            return None
        return round(record.quantity * stream.unit_price_vnd)

    finances: dict = field(default_factory=dict)  # option id -> finance.OptionFinance
    option_totals: object | None = None  # options.OptionTotals

    def option_finance(self, option: Option) -> OptionFigures:
        f = self.finances.get(option.id)
        if f is None:
            return OptionFigures()
        return OptionFigures(
            annual_saving=f.annual_net_saving_vnd,
            payback=f.payback_years,
            npv=f.npv_vnd,
            irr=f.irr,
            co2e_t=f.avoided_co2e_t,
        )

    def totals(self, rows):
        """Counts by category and status, and sums over the options not rejected
        (``options.option_totals``); average payback = total investment / total saving."""
        from app.reports.snapshot import Totals

        t = self.option_totals
        if t is None:
            by_cat = Counter(r.category for r in rows)
            by_status = Counter(r.status for r in rows)
            return Totals(
                by_category=tuple((str(c), by_cat.get(str(c), 0)) for c in CPCategory),
                by_status=tuple((str(s), by_status.get(str(s), 0)) for s in OptionStatus),
                investment=None,
                annual_saving=None,
                payback=None,
                co2e_t=None,
                implemented=by_status.get("implemented", 0) + by_status.get("verified", 0),
            )
        from app.core.finance import simple_payback

        p = t.proposed
        return Totals(
            by_category=tuple((str(c), t.by_category.get(str(c), 0)) for c in CPCategory),
            by_status=tuple((str(s), t.by_status.get(str(s), 0)) for s in OptionStatus),
            investment=p.investment_vnd if t.count else None,
            annual_saving=p.annual_saving_vnd if t.count else None,
            payback=simple_payback(p.investment_vnd, p.annual_saving_vnd) if t.count else None,
            co2e_t=p.avoided_co2e_t if t.count else None,
            implemented=t.implemented_count,
        )


def _int(value) -> int | None:
    return None if value is None else round(value)


def compute(audit: Audit) -> Figures:
    """All figures of ``audit`` for a report."""
    fig = Figures(audit)
    periods = set(audit.baseline_periods())
    for s in audit.streams:
        recs = [r for r in audit.records_of(s.id) if not periods or r.period in periods]
        fig.annual_quantity[s.id] = sum(r.quantity for r in recs)
        costs = [Figures.record_cost(r, s) for r in recs]
        if recs and all(c is not None for c in costs):
            fig.annual_cost[s.id] = sum(costs)
    for p in audit.products:
        fig.product_output[p.id] = sum(
            r.quantity
            for r in audit.production
            if r.product_id == p.id and (not periods or r.period in periods)
        )
    try:  # needs app.core.indicators (prices, emission factors)
        from app.core import options as core_options

        fig.finances = core_options.option_finances(audit)
        fig.option_totals = core_options.option_totals(audit, fig.finances)
    except ImportError:
        pass
    return fig
