"""Data-quality checks on periodic figures: missing months, outliers, duplicate periods.

The baselines grid colours the flagged cells and a summary lists them; the report can say how
trustworthy a baseline is. Checks are warnings, never errors: a real month can be three times
the median (a plant restarting after a shutdown), the auditor decides.

Outliers are judged both ways (a figure typed with a digit too many or too few is 10x off):
against the median of the stream's other baseline months, then against the same month a year
earlier where that month has a figure (a seasonal stream's peak month typed 10x too small can
still be near the median). Zero months are a shutdown or "nothing bought", never an outlier,
and are left out of the median; a series with fewer than ``MIN_OTHER_MONTHS`` other positive
months has no median to judge by.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from statistics import median

from app.core.errors import Level, Location, Problem
from app.core.model import Audit, PeriodRecord, ProductionRecord

OUTLIER_FACTOR = 3.0  # above 3x or below 1/3 of what it is compared with
MIN_OTHER_MONTHS = 3


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

    def problems_of(self, series_id: str, period: str) -> list[Problem]:
        """The problems about one month of one series (the grid's warning on entry)."""
        return [
            p
            for p in self.problems
            if p.location.entity_id == series_id and p.params.get("period") == period
        ]


def check_series(
    series_id: str,
    entity: str,
    records: Iterable[PeriodRecord | ProductionRecord],
    periods: list[str],
    report: QualityReport | None = None,
    *,
    name: str | dict[str, str] = "",
    unit: str = "",
    factor: float = OUTLIER_FACTOR,
) -> QualityReport:
    """Check one stream's (or product's) records against the expected ``periods``; ``name``
    is its name for the messages, one text or one per language ({"vi": ..., "en": ...}).

    - gap: an expected period with no record (only when the series has some data: an empty
      series is one "no data" problem, not twelve gaps);
    - duplicate: two or more records for the same period;
    - outlier: a quantity more than ``factor`` times above or below the median of the series'
      other months (its baseline months when enough have figures), or else than the same month
      a year earlier (``outliers``).
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
    for period, key, params in outliers(by_period, periods, factor):
        flag(period, Flag.OUTLIER, key, unit=unit, **params)
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
            name={"vi": stream.name_vi, "en": stream.name_en or stream.name_vi},
            unit=stream.unit,
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
            name={"vi": product.name_vi, "en": product.name_en or product.name_vi},
            unit=product.unit,
            factor=factor,
        )
    return report


def outliers(
    by_period: dict[str, list], periods: list[str], factor: float = OUTLIER_FACTOR
) -> list[tuple[str, str, dict]]:
    """(period, message key, params) of each month whose figure is off by more than ``factor``:
    ``quality.outlier_high``/``_low`` against the median, ``quality.outlier_year_high``/``_low``
    against the same month last year (``previous``); ``figure``, ``reference`` and ``ratio``.

    A month's figure is its first record's (the one the grid shows); each of its records is
    judged and the furthest off is reported. The median is of the other baseline months with a
    figure above zero; of all the other months when the baseline has too few. The same month
    last year is a reference only when it is not itself flagged (last year's typo would
    otherwise flag this year's right figure).
    """
    first = {p: recs[0].quantity for p, recs in by_period.items()}
    baseline = set(periods)
    out: list[tuple[str, str, dict]] = []
    flagged: set[str] = set()
    for period in sorted(by_period):
        others = [q for p, q in first.items() if p != period and q > 0]
        in_baseline = [q for p, q in first.items() if p != period and q > 0 and p in baseline]
        if len(in_baseline) >= MIN_OTHER_MONTHS:
            others = in_baseline
        values = [r.quantity for r in by_period[period] if r.quantity > 0]
        found = None
        if len(others) >= MIN_OTHER_MONTHS and values:
            found = _off(values, median(others), factor, _MEDIAN_KEYS)
        previous = _year_before(period)
        if found is None and values and first.get(previous, 0) > 0 and previous not in flagged:
            found = _off(values, first[previous], factor, _YEAR_KEYS)
            if found is not None:
                found[1]["previous"] = previous
        if found is not None:
            flagged.add(period)
            out.append((period, *found))
    return out


_MEDIAN_KEYS = ("quality.outlier_high", "quality.outlier_low")
_YEAR_KEYS = ("quality.outlier_year_high", "quality.outlier_year_low")
OUTLIER_KEYS = frozenset(_MEDIAN_KEYS + _YEAR_KEYS)


def _off(values: list[float], reference: float, factor: float, keys: tuple[str, str]):
    """(high or low key, params) for the value furthest from ``reference`` beyond ``factor``
    either way, or None."""
    value = max(values, key=lambda v: max(v / reference, reference / v))
    if value > factor * reference:
        ratio, key = value / reference, keys[0]
    elif value * factor < reference:
        ratio, key = reference / value, keys[1]
    else:
        return None
    return key, {"figure": value, "reference": reference, "ratio": round(ratio, 1)}


def _year_before(period: str) -> str:
    year, _, month = period.partition("-")
    return f"{int(year) - 1:04d}-{month}" if year.isdigit() else ""


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
