"""Data-quality checks on periodic figures: missing months, outliers, duplicate periods.

The baselines grid colours the flagged cells and a summary lists them; the report can say how
trustworthy a baseline is. Checks are warnings, never errors: a real month can be three times
the median (a plant restarting after a shutdown), the auditor decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from statistics import median

from app.core.errors import Level, Location, Problem
from app.core.model import Audit, PeriodRecord, ProductionRecord

OUTLIER_FACTOR = 3.0


class Flag(StrEnum):
    GAP = "gap"
    OUTLIER = "outlier"
    DUPLICATE = "duplicate"


@dataclass
class QualityReport:
    """Flags per (series id, period) for the grid, and problems for the summary."""

    flags: dict[tuple[str, str], set[Flag]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def flags_of(self, series_id: str, period: str) -> set[Flag]:
        return self.flags.get((series_id, period), set())

    def count(self, flag: Flag) -> int:
        return sum(1 for flags in self.flags.values() if flag in flags)


def check_series(
    series_id: str,
    entity: str,
    records: Iterable[PeriodRecord | ProductionRecord],
    periods: list[str],
    report: QualityReport | None = None,
    *,
    name: str = "",
    factor: float = OUTLIER_FACTOR,
) -> QualityReport:
    """Check one stream's (or product's) records against the expected ``periods``.

    - gap: an expected period with no record (only when the series has some data: an empty
      series is one "no data" problem, not twelve gaps);
    - duplicate: two or more records for the same period;
    - outlier: a quantity above ``factor`` times the median of the series' positive quantities.
    """
    report = report or QualityReport()
    by_period: dict[str, list] = defaultdict(list)
    for rec in records:
        by_period[rec.period].append(rec)
    loc = Location(entity=entity, entity_id=series_id)

    def flag(period: str, what: Flag, key: str, **params) -> None:
        report.flags.setdefault((series_id, period), set()).add(what)
        report.problems.append(
            Problem(key, loc, {"name": name, "period": period, **params}, level=Level.WARNING)
        )

    if not by_period:
        if periods:
            report.problems.append(
                Problem("quality.no_data", loc, {"name": name}, level=Level.WARNING)
            )
        return report
    for period in periods:
        if period not in by_period:
            flag(period, Flag.GAP, "quality.gap")
    for period, recs in sorted(by_period.items()):
        if len(recs) > 1:
            flag(period, Flag.DUPLICATE, "quality.duplicate", count=len(recs))
    positives = [r.quantity for recs in by_period.values() for r in recs if r.quantity > 0]
    if len(positives) >= 3:
        mid = median(positives)
        for period, recs in sorted(by_period.items()):
            worst = max(r.quantity for r in recs)
            if mid > 0 and worst > factor * mid:
                flag(period, Flag.OUTLIER, "quality.outlier", ratio=round(worst / mid, 1))
    return report


def check_audit(audit: Audit, *, factor: float = OUTLIER_FACTOR) -> QualityReport:
    """Every stream's records and every product's production against the baseline months."""
    periods = audit.baseline_periods()
    if not periods:  # no baseline set: judge against the months that have data
        periods = sorted({r.period for r in audit.records} | {p.period for p in audit.production})
        periods = _fill_months(periods)
    report = QualityReport()
    records = defaultdict(list)
    for rec in audit.records:
        records[rec.stream_id].append(rec)
    for stream in audit.streams:
        check_series(
            stream.id,
            "stream",
            records[stream.id],
            periods,
            report,
            name=stream.name_vi,
            factor=factor,
        )
    production = defaultdict(list)
    for made in audit.production:
        production[made.product_id].append(made)
    for product in audit.products:
        check_series(
            product.id,
            "product",
            production[product.id],
            periods,
            report,
            name=product.name_vi,
            factor=factor,
        )
    return report


def _fill_months(periods: list[str]) -> list[str]:
    """All months from the first to the last of ``periods`` (so a hole inside shows as a gap)."""
    if not periods:
        return []
    (y0, m0), (y1, m1) = (map(int, periods[0].split("-")), map(int, periods[-1].split("-")))
    out = []
    y, m = y0, m0
    while (y, m) <= (y1, m1):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
