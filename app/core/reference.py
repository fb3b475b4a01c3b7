"""Reference data: emission factors, calorific values, TOE factors, thresholds, tariffs.

The values live in ``resources/reference/*.csv`` (one value a row, with unit, source and year or
effective date) so a new year of grid factor is a data edit, not a code change. A lookup for a
year uses that year's row, else the nearest EARLIER year, and says so with a warning ``Problem``;
an audit's own override (``Audit.overrides``, with its reason) always wins. ``Resolver`` records
every value an audit's figures used, for the report's annex.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from app.core.errors import Level, Location, Problem
from app.core.model import Audit
from app.paths import data_path


@dataclass(frozen=True)
class RefValue:
    key: str
    value: float
    unit: str
    year: int | None = None
    effective_date: str = ""
    source: str = ""
    note: str = ""
    # English gloss of a Vietnamese source's title (the title itself stays as published)
    source_en: str = ""
    override_reason: str = ""  # set when the audit's own value replaced the shipped one

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)


def reference_dir():
    return data_path("resources", "reference")


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[RefValue, ...]]:
    """Every shipped value by key, each key's rows sorted by year (rows without a year first)."""
    rows: dict[str, list[RefValue]] = {}
    for path in sorted(reference_dir().glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for line in csv.DictReader(fh):
                year = line.get("year", "").strip()
                value = RefValue(
                    key=line["key"].strip(),
                    value=float(line["value"]),
                    unit=line.get("unit", "").strip(),
                    year=int(year) if year else None,
                    effective_date=line.get("effective_date", "").strip(),
                    source=line.get("source", "").strip(),
                    note=line.get("note", "").strip(),
                    source_en=(line.get("source_en") or "").strip(),
                )
                rows.setdefault(value.key, []).append(value)
    return {
        key: tuple(sorted(values, key=lambda v: -1 if v.year is None else v.year))
        for key, values in rows.items()
    }


def _where(key: str) -> Location:
    return Location(entity="reference", entity_id=key)


def lookup(
    key: str, year: int | None = None, overrides: dict[str, RefValue] | None = None
) -> tuple[RefValue | None, Problem | None]:
    """The value of ``key`` for ``year`` and what to tell the user about it.

    - an override for ``key`` wins, whatever the year;
    - ``year=None`` or a key without years: the latest row;
    - otherwise that year's row, else the nearest earlier one (warning), else the earliest later
      one (warning: better than no figure, and the user is told);
    - unknown key: ``(None, error)``.
    """
    if overrides and key in overrides:
        return overrides[key], None
    rows = table().get(key)
    if not rows:
        return None, Problem("reference.missing", _where(key), {"key": key})
    if year is None or all(r.year is None for r in rows):
        return rows[-1], None
    dated = [r for r in rows if r.year is not None]
    exact = [r for r in dated if r.year == year]
    if exact:
        return exact[-1], None
    earlier = [r for r in dated if r.year is not None and r.year < year]
    if earlier:
        used = earlier[-1]
        return used, Problem(
            "reference.earlier_year",
            _where(key),
            {"key": key, "year": year, "used_year": used.year},
            Level.WARNING,
        )
    used = dated[0]
    return used, Problem(
        "reference.later_year",
        _where(key),
        {"key": key, "year": year, "used_year": used.year},
        Level.WARNING,
    )


def overrides_of(audit: Audit | None) -> dict[str, RefValue]:
    """The audit's overrides as reference values (the last one entered for a key wins)."""
    out: dict[str, RefValue] = {}
    if audit is None:
        return out
    for o in audit.overrides:
        shipped = table().get(o.key)
        base = shipped[-1] if shipped else RefValue(o.key, 0.0, o.unit)
        out[o.key] = replace(
            base,
            value=float(o.value),
            unit=o.unit or base.unit,
            source="audit override",
            source_en="",
            override_reason=o.reason or "-",
        )
    return out


def reference_year(audit: Audit) -> int | None:
    """The year whose reference values an audit uses: the one holding most baseline months
    (the later one on a tie); ``None`` when no baseline is set."""
    periods = audit.baseline_periods()
    if not periods:
        return None
    counts: dict[int, int] = {}
    for p in periods:
        counts[int(p[:4])] = counts.get(int(p[:4]), 0) + 1
    return max(counts, key=lambda y: (counts[y], y))


class Resolver:
    """Reference lookups for one audit: applies its overrides and year, remembers what was used
    and what to tell the user (each problem once)."""

    def __init__(self, audit: Audit | None = None, year: int | None = None):
        self.year = year if year is not None else (reference_year(audit) if audit else None)
        self._overrides = overrides_of(audit)
        self.used: dict[str, RefValue] = {}
        self.problems: list[Problem] = []
        self._cache: dict[tuple[str, int | None], RefValue | None] = {}

    def get(self, key: str, *, by_year: bool = False) -> RefValue | None:
        """``key``'s value; ``by_year`` applies the audit's year (grid factors)."""
        year = self.year if by_year else None
        cache_key = (key, year)
        if cache_key in self._cache:
            return self._cache[cache_key]
        value, problem = lookup(key, year, self._overrides)
        self._cache[cache_key] = value
        if value is not None:
            self.used[key] = value
        if problem is not None:
            self.problems.append(problem)
        return value

    def value(self, key: str, default: float | None = None, *, by_year: bool = False):
        found = self.get(key, by_year=by_year)
        return default if found is None else found.value

    def has(self, key: str) -> bool:
        return key in self._overrides or key in table()


def as_dict(value: RefValue) -> dict:
    out = asdict(value)
    out["overridden"] = value.overridden
    return out
