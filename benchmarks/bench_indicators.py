"""All indicators of a large audit next to pandas doing the same group-by sums, same run.

Audit: 50 streams x 120 monthly records (a 120-month baseline, so every record counts),
2 products x 120 production records, 8 process steps x 12 flows, 500 options with 1-3 savings.

- ours: ``compute_indicators(audit)`` (totals, costs, GJ/TOE, CO2e, specific consumption per
  period and year, RECP indicators, balances) + ``option_finance`` of all 500 options;
- reference: pandas building frames from the same objects and doing the group-by sums the
  figures rest on (per stream; per stream and period; per product and period; savings x price
  per option).

Target: ours <= 5x the reference. Run: ``.venv/bin/python benchmarks/bench_indicators.py``.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.model import (  # noqa: E402
    Audit,
    AuditInfo,
    FlowDirection,
    Option,
    OptionSaving,
    PeriodRecord,
    ProcessStep,
    Product,
    ProductionRecord,
    ResourceStream,
    StepFlow,
    StreamKind,
    period_range,
)

KINDS = [
    (StreamKind.ELECTRICITY, "kWh", ""),
    (StreamKind.FUEL, "t", "coal_bituminous"),
    (StreamKind.FUEL, "L", "do"),
    (StreamKind.FUEL, "kg", "lpg"),
    (StreamKind.WATER, "m³", ""),
    (StreamKind.WASTEWATER, "m³", ""),
    (StreamKind.RAW_MATERIAL, "t", ""),
    (StreamKind.CHEMICAL, "kg", ""),
    (StreamKind.SOLID_WASTE, "t", ""),
    (StreamKind.HAZARDOUS_WASTE, "kg", ""),
]


def build_audit(n_streams: int = 50, months: int = 120, n_options: int = 500) -> Audit:
    rnd = random.Random(7)
    periods = period_range("2015-01", months)
    info = AuditInfo(baseline_start="2015-01", baseline_months=months)
    audit = Audit(info=info)
    for i in range(n_streams):
        kind, unit, fuel = KINDS[i % len(KINDS)]
        s = ResourceStream(
            kind, f"Dòng {i}", unit, unit_price_vnd=rnd.randint(1_000, 5_000_000), fuel_code=fuel
        )
        audit.streams.append(s)
        for per in periods:
            q = rnd.uniform(100, 10_000)
            cost = round(q * s.unit_price_vnd) if rnd.random() < 0.5 else None
            audit.records.append(PeriodRecord(s.id, per, q, cost_vnd=cost))
    for name in ("Vải cotton", "Vải polyester"):
        p = Product(name, "t")
        audit.products.append(p)
        audit.production += [ProductionRecord(p.id, per, rnd.uniform(100, 300)) for per in periods]
    for k in range(8):
        step = ProcessStep(f"Công đoạn {k}", position=k)
        audit.steps.append(step)
        for j in range(12):
            direction = list(FlowDirection)[j % 3]
            unit = ("t", "kg", "m³", "kWh")[j % 4]
            audit.flows.append(StepFlow(step.id, direction, f"f{j}", rnd.uniform(1, 100), unit))
    for k in range(n_options):
        savings = [
            OptionSaving(rnd.choice(audit.streams).id, rnd.uniform(10, 1000))
            for _ in range(rnd.randint(1, 3))
        ]
        audit.options.append(
            Option(
                f"Giải pháp {k}",
                savings=savings,
                investment_vnd=rnd.randint(0, 2_000_000_000),
                added_opex_vnd=rnd.randint(0, 10_000_000),
                lifetime_years=rnd.randint(3, 15),
            )
        )
    return audit


def ours(audit: Audit):
    from app.core.finance import option_finance_many
    from app.core.indicators import compute_indicators, finance_context

    ind = compute_indicators(audit)
    ctx = finance_context(audit)
    fin = option_finance_many(audit.options, audit, context=ctx)
    return ind, fin


def ours_indicators_only(audit: Audit):
    from app.core.indicators import compute_indicators

    return compute_indicators(audit)


def reference(audit: Audit):
    import pandas as pd

    prices = pd.Series({s.id: s.unit_price_vnd for s in audit.streams}, name="price")
    rec = pd.DataFrame(
        {
            "stream": [r.stream_id for r in audit.records],
            "period": [r.period for r in audit.records],
            "quantity": [r.quantity for r in audit.records],
            "cost": [r.cost_vnd for r in audit.records],
        }
    )
    rec["cost"] = rec["cost"].fillna(rec["quantity"] * rec["stream"].map(prices)).round()
    per_stream = rec.groupby("stream")[["quantity", "cost"]].sum()
    per_stream_period = rec.groupby(["stream", "period"])["quantity"].sum()
    prod = pd.DataFrame(
        {
            "product": [r.product_id for r in audit.production],
            "period": [r.period for r in audit.production],
            "quantity": [r.quantity for r in audit.production],
        }
    )
    per_product_period = prod.groupby(["product", "period"])["quantity"].sum()
    sav = pd.DataFrame(
        [(o.id, s.stream_id, s.quantity_per_year) for o in audit.options for s in o.savings],
        columns=["option", "stream", "quantity"],
    )
    sav["money"] = sav["quantity"] * sav["stream"].map(prices)
    per_option = sav.groupby("option")["money"].sum()
    return per_stream, per_stream_period, per_product_period, per_option


def timed(fn, audit, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(audit)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    audit = build_audit()
    # warm up: pint registry, reference CSVs, pandas and numpy-financial imports
    ours(audit)
    reference(audit)
    repeat = 15
    t_ref = timed(reference, audit, repeat)
    t_ind = timed(ours_indicators_only, audit, repeat)
    from app.core import finance

    def cold(a):  # every IRR computed afresh, as on opening an audit
        finance._IRR_CACHE.clear()
        return ours(a)

    t_all = timed(cold, audit, repeat)
    t_warm = timed(ours, audit, repeat)  # recompute after an edit: unchanged flows remembered
    print(
        f"audit: {len(audit.streams)} streams, {len(audit.records)} records, "
        f"{len(audit.options)} options (median of {repeat})"
    )
    print(f"reference  pandas group-by sums            {t_ref * 1000:8.1f} ms")
    print(
        f"ours       compute_indicators              {t_ind * 1000:8.1f} ms   "
        f"ratio {t_ind / t_ref:5.2f}x"
    )
    print(
        f"ours       indicators + 500 option_finance {t_all * 1000:8.1f} ms   "
        f"ratio {t_all / t_ref:5.2f}x   (target <= 5x; cold: every IRR computed)"
    )
    print(
        f"ours       same, IRRs already remembered   {t_warm * 1000:8.1f} ms   "
        f"ratio {t_warm / t_ref:5.2f}x   (recompute after one edit)"
    )
    import numpy_financial as npf

    t0 = time.perf_counter()
    for o in audit.options:
        flows = finance.option_cashflows(o.investment_vnd, 1e8, 0, o.lifetime_years)
        npf.irr(flows)
    per_irr = (time.perf_counter() - t0) / len(audit.options)
    print(
        f"note       numpy_financial.irr alone: {per_irr * 1e6:.0f} us per option "
        f"({per_irr * len(audit.options) * 1000:.0f} ms for {len(audit.options)})"
    )
    return 0 if t_all / t_ref <= 5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
