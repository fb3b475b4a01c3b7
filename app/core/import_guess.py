"""Guesses an import starts from: the header row, which column is the month, which column is
which stream, and which row is a total. No I/O, no Qt: the dialog and the CLI both use them.

Enterprise sheets have a title or two above the header, write headers without Vietnamese marks
("Dien (kWh)") and end with a "Tổng cộng" row; each guess is only a first proposal the auditor
can change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from app.core.folding import search_key
from app.core.model import ResourceStream
from app.core.parsing import parse_number, parse_period

TOTAL_LABELS = ("tong", "tong cong", "cong", "total", "sum", "grand total", "tong so")
_UNIT_RE = re.compile(r"^(.*?)[\s]*[(\[]([^()\[\]]*)[)\]]\s*$")


def compact_key(text: object) -> str:
    """What names are compared by: no marks, no case, no spaces ("m³" and "m3" alike)."""
    return search_key(str(text or "")).replace(" ", "").replace("³", "3").replace("²", "2")


def split_unit(header: str) -> tuple[str, str]:
    """ "Điện (kWh)" -> ("Điện", "kWh"); a header without brackets -> (header, "")."""
    m = _UNIT_RE.match(header.strip())
    return (m.group(1).strip(), m.group(2).strip()) if m else (header.strip(), "")


def match_stream(header: str, streams: Sequence[ResourceStream]) -> ResourceStream | None:
    """The stream whose Vietnamese or English name (with its unit, when the header gives one in
    brackets) equals ``header`` ignoring case, marks and spaces; None when none or several do."""
    name, unit = split_unit(header)
    name_key, unit_key = compact_key(name), compact_key(unit)
    if not name_key:
        return None
    whole = compact_key(header)
    found = []
    for s in streams:
        names = {compact_key(n) for n in (s.name_vi, s.name_en, s.id) if n}
        if whole in names or (
            name_key in names and (not unit_key or unit_key == compact_key(s.unit))
        ):
            found.append(s)
    return found[0] if len(found) == 1 else None


def _is_text(value: object) -> bool:
    if value is None or isinstance(value, bool | int | float | datetime | date):
        return False
    text = str(value).strip()
    return bool(text) and not _is_number(text) and not _is_period(text)


def _is_period(value: object) -> bool:
    """A month or date cell; a bare number is not one (40000 would read as an Excel date)."""
    if value is None or isinstance(value, bool | int | float):
        return False
    return parse_period(value).ok and parse_period(value).value is not None


def _is_number(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    parsed = parse_number(value, "vi")
    return parsed.ok and parsed.value is not None


def _filled(row: Sequence[object]) -> list[object]:
    return [v for v in row if v is not None and str(v).strip()]


def _looks_like_data(row: Sequence[object]) -> bool:
    return any(_is_period(v) for v in row) and any(_is_number(v) and not _is_period(v) for v in row)


def guess_header_row(rows: Sequence[Sequence[object]]) -> int:
    """1-based number of the header row among the first ``rows`` of a sheet: the first row with
    two or more cells, mostly text, followed (blank rows aside) by a row with a month and a
    number. 1 when no row fits."""
    for i, row in enumerate(rows):
        filled = _filled(row)
        if len(filled) < 2 or sum(_is_text(v) for v in filled) * 2 <= len(filled):
            continue
        following = [r for r in rows[i + 1 : i + 6] if _filled(r)][:2]
        if following and _looks_like_data(following[0]):
            return i + 1
    return 1


def guess_period_column(header: Sequence[object], data: Sequence[Sequence[object]]) -> int:
    """0-based column holding the months: the one most data rows read as a month; else a header
    saying month/period; else 0."""
    counts = [0] * len(header)
    for row in data:
        for c, v in enumerate(row[: len(header)]):
            counts[c] += _is_period(v)
    if counts and max(counts) > 0:
        return counts.index(max(counts))
    words = ("thang", "ky", "month", "period", "ngay", "date")
    for c, h in enumerate(header):
        if compact_key(split_unit(str(h or ""))[0]) in words:
            return c
    return 0


def is_total_label(value: object) -> bool:
    """ "Tổng", "Tổng cộng", "TOTAL", "Sum:" ... (marks, case and a trailing colon ignored)."""
    if value is None or isinstance(value, bool | int | float):
        return False
    key = search_key(str(value)).rstrip(":").strip()
    return key in TOTAL_LABELS or key.startswith(("tong cong", "total ", "tong so"))


def equals_sum(values: Sequence[float | None], sums: Sequence[float]) -> bool:
    """Every filled value equals the running sum of its column (to a part in a million), and at
    least one is not zero: a total row written without a label."""
    pairs = [(v, s) for v, s in zip(values, sums, strict=False) if v is not None]
    if not pairs or not any(v for v, _ in pairs):
        return False
    return all(abs(v - s) <= 1e-6 * max(1.0, abs(s)) for v, s in pairs)
