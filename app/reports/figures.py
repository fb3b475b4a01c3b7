"""The figures a report shows, taken from the core modules (indicators, finance, options,
reference). This is the only place the reports layer touches the formulas, so the PDF, the
workbook and the screens agree.

The core modules were written alongside the reports; where one is absent this adapter returns
None (shown as a dash) rather than re-implementing its formula, except plain sums of records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.core.messages import text
from app.core.model import Audit, CPCategory, Option, OptionStatus
from app.reports import reference_labels


@dataclass(frozen=True)
class OptionFigures:
    annual_saving: int | None = None
    payback: float | None = None
    npv: float | None = None
    irr: float | None = None
    co2e_t: float | None = None
    assessed: bool = True  # False: no money entered (finance.money_entered)


@dataclass
class Figures:
    audit: Audit
    annual_quantity: dict[str, float] = field(default_factory=dict)
    annual_cost: dict[str, int] = field(default_factory=dict)
    energy_gj: dict[str, float] = field(default_factory=dict)
    co2e_t: dict[str, float] = field(default_factory=dict)
    product_output: dict[str, float] = field(default_factory=dict)
    balance: dict[str, tuple] = field(default_factory=dict)  # step id -> (BalanceRow, ...)
    specific: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    references: list = field(default_factory=list)
    total_gj: float | None = None
    total_toe: float | None = None
    key_energy_user: bool | None = None
    total_co2e_t: float | None = None
    grid_ef: float | None = None
    grid_ef_year: int | None = None
    reference_year: int | None = None

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
            assessed=getattr(f, "assessed", True),
        )

    def totals(self, rows):
        """Counts by category and status, and sums over the options not rejected
        (``options.option_totals``); average payback = total investment / total saving."""
        from app.reports.rows import Totals

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
    """All figures of ``audit`` for a report (indicators, option finance and totals)."""
    from app.core import options as core_options
    from app.core.indicators import compute_indicators
    from app.reports.rows import BalanceRow, IndicatorRow, ReferenceRow, SpecificRow, Text2

    fig = Figures(audit)
    ind = compute_indicators(audit)
    for st in ind.streams:
        fig.annual_quantity[st.stream_id] = st.quantity
        if st.cost_vnd is not None:
            fig.annual_cost[st.stream_id] = st.cost_vnd
        fig.energy_gj[st.stream_id] = st.energy_gj
        fig.co2e_t[st.stream_id] = st.co2e_t
    periods = set(ind.periods)
    for p in audit.products:
        fig.product_output[p.id] = sum(
            r.quantity
            for r in audit.production
            if r.product_id == p.id and (not periods or r.period in periods)
        )
    for b in ind.balances:  # one row per step and unit family (the core's, never mixed)
        row = BalanceRow(
            b.dimension, b.unit, b.inputs, b.outputs, b.losses, b.unaccounted, b.share, b.flagged
        )
        fig.balance[b.step_id] = (*fig.balance.get(b.step_id, ()), row)
    streams = {s.id: s for s in audit.streams}
    products = {p.id: p for p in audit.products}
    plant = Text2(text("report.plant_level", "vi"), text("report.plant_level", "en"))
    for sc in ind.specific:
        s, product = streams.get(sc.stream_id), products.get(sc.product_id)
        if s is None or (product is None and sc.product_id):
            continue
        fig.specific.append(
            SpecificRow(
                Text2(s.name_vi, s.name_en),
                Text2(product.name_vi, product.name_en) if product else plant,
                sc.annual,
                sc.unit,
                stream_id=s.id,
                per_period=tuple(sc.per_period),
                plant_level=product is None,
            )
        )
    r = ind.recp
    basis_unit = r.basis_unit or ""
    for key, value, unit in (
        ("energy_productivity", r.energy_productivity, f"{basis_unit}/GJ"),
        ("water_productivity", r.water_productivity, f"{basis_unit}/m³"),
        ("materials_productivity", r.materials_productivity, f"{basis_unit}/t"),
        ("waste_intensity", r.waste_intensity, f"t/{basis_unit}"),
        ("wastewater_intensity", r.wastewater_intensity, f"m³/{basis_unit}"),
        ("carbon_intensity", r.carbon_intensity, f"tCO2e/{basis_unit}"),
    ):
        fig.indicators.append(IndicatorRow(key, value, unit, r.basis))
    fig.total_gj = ind.energy.total_gj
    fig.total_toe = ind.energy.total_toe
    fig.key_energy_user = ind.energy.key_energy_user
    fig.total_co2e_t = ind.emissions.total_t
    fig.grid_ef = ind.emissions.grid_ef
    fig.grid_ef_year = ind.emissions.grid_ef_year
    fig.reference_year = ind.emissions.reference_year
    for ref in ind.reference_used:
        if ref.unit == "flag":  # switches such as "biogenic", not values a reader checks
            continue
        fig.references.append(
            ReferenceRow(
                key=ref.key,
                label=reference_labels.label(ref.key),
                value=ref.value,
                unit=ref.unit,
                source=" — ".join(x for x in (ref.source, ref.note) if x),
                year=str(ref.year or ref.effective_date or ""),
                override_reason=ref.override_reason,
                unit_text=reference_labels.unit(ref.unit),
                source_text=reference_labels.source(ref),
            )
        )
    fig.finances = core_options.option_finances(audit)
    fig.option_totals = core_options.option_totals(audit, fig.finances)
    return fig
