"""Reading numbers and periods as enterprises type them, in Vietnamese or English conventions.

Vietnamese spreadsheets write ``1.234,5`` (dot groups, comma decimal); English ones ``1,234.5``.
A figure like ``1.234`` is valid in both and means 1234 or 1.234: the chosen locale decides, and
the result says it was ambiguous so a preview can show how it was read. A figure valid in only
one convention (``1.234.567`` or ``0,5`` in an English file) is read that way: there is no doubt.

Periods are months ("YYYY-MM"). Accepted: ``dd/mm/yyyy``, ``mm/yyyy``, ``yyyy-mm``,
``yyyy-mm-dd``, Excel date cells (``datetime``), Excel serial numbers, and month names
("Tháng 1/2024", "T1-2024", "Jan 2024", "January 2024", "Jan-24").

Functions return a ``Parsed`` value rather than raising: an importer reads 100,000 cells and
reports every bad one with its location, it does not stop at the first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

NUMBER_LOCALES = ("vi", "en")

# (grouping separator, decimal separator) per locale.
_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


T = TypeVar("T")


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """A parsed cell: ``value`` when it could be read, else ``key`` names the problem.

    ``ambiguous`` is set when the text reads differently in the other locale; ``alternative``
    is that other reading (for the preview: "1.234 → 1234, not 1,234").
    """

    value: T | None = None
    key: str | None = None
    params: dict = field(default_factory=dict)
    ambiguous: bool = False
    alternative: T | None = None

    @property
    def ok(self) -> bool:
        return self.key is None


def _strict_pattern(group: str, decimal: str) -> re.Pattern[str]:
    g, d = re.escape(group), re.escape(decimal)
    return re.compile(rf"^(?:\d{{1,3}}(?:{g}\d{{3}})+|\d+)?(?:{d}\d+)?$")


_PATTERNS = {loc: _strict_pattern(*seps) for loc, seps in _SEPARATORS.items()}


def _read_strict(body: str, loc: str) -> float | None:
    """``body`` (no sign, no spaces) read by ``loc``'s rules, or None when it does not fit."""
    if not body or body in _SEPARATORS[loc] or not _PATTERNS[loc].match(body):
        return None
    group, decimal = _SEPARATORS[loc]
    return float(body.replace(group, "").replace(decimal, "."))


def _other_locale(locale: str) -> str:
    return "en" if locale == "vi" else "vi"


def _sign_and_body(text: str) -> tuple[bool, str]:
    """(negative, digits and separators) of a stripped cell text: spaces, sign, "( )" removed."""
    body = _SPACES.sub("", text)
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    if body[:1] in "+-\u2212":
        negative = negative or body[0] != "+"
        body = body[1:]
    return negative, body


def parse_number(cell: object, locale: str = "vi") -> Parsed[float]:
    """A quantity or amount from a cell: numbers pass through, text is read by ``locale``.

    Empty cells give ``Parsed(None)`` (no value, no problem): a blank is a gap, not an error.
    Accounting negatives "(1.234)" and a leading minus are accepted.
    """
    if locale not in _SEPARATORS:
        raise ValueError(f"unknown number locale {locale!r}")
    if cell is None:
        return Parsed(None)
    if isinstance(cell, bool):  # a TRUE/FALSE cell is not a quantity
        return Parsed(None, "parse.not_a_number", {"text": str(cell)})
    if isinstance(cell, int | float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            return Parsed(None, "parse.not_a_number", {"text": str(cell)})
        return Parsed(float(cell))
    text = unicodedata.normalize("NFC", str(cell)).strip()
    if not text:
        return Parsed(None)
    negative, body = _sign_and_body(text)
    other = _other_locale(locale)
    mine, theirs = _read_strict(body, locale), _read_strict(body, other)
    sign = -1.0 if negative else 1.0
    if mine is None:
        if theirs is None:
            return Parsed(None, "parse.not_a_number", {"text": text})
        return Parsed(sign * theirs)
    if theirs is not None and theirs != mine:
        return Parsed(sign * mine, ambiguous=True, alternative=sign * theirs)
    return Parsed(sign * mine)


@dataclass(frozen=True)
class NumberBlock:
    """A block of cells pasted or imported together, read in ONE number convention.

    A block copied from one spreadsheet uses one convention. ``locale`` is how it is read:
    the caller's, unless a cell fits only the other convention ("1,234.5" or "1,234,567" in a
    Vietnamese UI) and none fits only the caller's, then the block's own. ``ambiguous`` is set
    when nothing in the block settles the convention (or its cells disagree) and some cell
    reads differently in the other one ("22,100" is 22.1 in Vietnamese, 22100 in English):
    the user must choose.
    ``values`` and ``alternatives`` are every cell read in ``locale`` and in the other
    convention (``parse_number`` results, so a cell valid in one convention only is read so).
    """

    locale: str
    cells: tuple[object, ...]
    values: tuple[Parsed, ...]
    alternatives: tuple[Parsed, ...]
    ambiguous: bool = False

    @property
    def alternative_locale(self) -> str:
        return _other_locale(self.locale)

    def ambiguous_cells(self) -> list[int]:
        """Indexes of the cells that read differently in the two conventions."""
        return [
            i
            for i, (a, b) in enumerate(zip(self.values, self.alternatives, strict=True))
            if a.ok and b.ok and a.value != b.value
        ]


def read_number_block(cells: list[object], locale: str = "vi") -> NumberBlock:
    """``cells`` read as one block (see ``NumberBlock``); the per-cell rule is ``parse_number``."""
    if locale not in _SEPARATORS:
        raise ValueError(f"unknown number locale {locale!r}")
    other = _other_locale(locale)
    fits_only: set[str] = set()
    differs = False
    for cell in cells:
        if not isinstance(cell, str):
            continue  # a number cell has no separators to read
        text = unicodedata.normalize("NFC", cell).strip()
        if not text:
            continue
        body = _sign_and_body(text)[1]
        mine, theirs = _read_strict(body, locale), _read_strict(body, other)
        if mine is None and theirs is not None:
            fits_only.add(other)
        elif theirs is None and mine is not None:
            fits_only.add(locale)
        elif mine is not None and theirs is not None and mine != theirs:
            differs = True
    chosen = other if fits_only == {other} else locale
    return NumberBlock(
        chosen,
        tuple(cells),
        tuple(parse_number(c, chosen) for c in cells),
        tuple(parse_number(c, _other_locale(chosen)) for c in cells),
        ambiguous=differs and len(fits_only) != 1,
    )


# ---------------------------------------------------------------------------------------------
# Periods

_MONTH_NAMES = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_SEP = r"\s*[/\-.\s]\s*"
_DMY = re.compile(
    rf"^(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$"
)
_YMD = re.compile(
    rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$"
)
_MY = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{4}})$")
_YM = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}})$")
# "Tháng 1/2024", "tháng 01 năm 2024", "T1-2024", "Tháng 1" (year from the caller)
_VI_MONTH = re.compile(
    r"^(?:tháng|thg|th|t)\.?\s*(\d{1,2})(?:\s*(?:[/\-.,]|năm)\s*(\d{4})|\s+(\d{4}))?$"
)
# "Jan 2024", "January-2024", "Jan-24", "2024 Jan", "Jan"
_EN_MONTH = re.compile(r"^([a-z]+)\.?(?:\s*[\s\-/,']\s*(\d{4}|\d{2}))?$")
_EN_MONTH_YEAR_FIRST = re.compile(r"^(\d{4})\s*[\s\-/]\s*([a-z]+)\.?$")

# Excel serial day numbers between 1950 and 2100 (day 0 = 1899-12-30 in the 1900 system).
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (18264, 73051)


def _period(year: int, month: int, text: str) -> Parsed[str]:
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        return Parsed(None, "parse.impossible_date", {"text": text})
    return Parsed(f"{year:04d}-{month:02d}")


def _day_period(year: int, month: int, day: int, text: str) -> Parsed[str]:
    try:
        date(year, month, day)
    except ValueError:
        return Parsed(None, "parse.impossible_date", {"text": text})
    return _period(year, month, text)


def parse_period(
    cell: object, *, day_first: bool = True, default_year: int | None = None
) -> Parsed[str]:
    """The month ("YYYY-MM") a cell names, or a problem (``parse.not_a_date``,
    ``parse.impossible_date`` such as 31/02/2024, ``parse.no_year`` for "Tháng 3" alone).

    ``day_first`` reads 03/04/2024 as 3 April (Vietnamese usage); False reads it as 4 March.
    """
    if cell is None:
        return Parsed(None, "parse.no_period", {})
    if isinstance(cell, datetime | date):
        return Parsed(f"{cell.year:04d}-{cell.month:02d}")
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if _SERIAL_RANGE[0] <= cell < _SERIAL_RANGE[1]:
            serial = _EXCEL_EPOCH + timedelta(days=int(cell))
            return Parsed(f"{serial.year:04d}-{serial.month:02d}")
        return Parsed(None, "parse.not_a_date", {"text": str(cell)})
    text = unicodedata.normalize("NFC", str(cell)).strip()
    if not text:
        return Parsed(None, "parse.no_period", {})
    low = text.casefold()
    if m := _DMY.match(low):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        day, month = (a, b) if day_first else (b, a)
        return _day_period(year, month, day, text)
    if m := _YMD.match(low):
        return _day_period(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _MY.match(low):
        return _period(int(m[2]), int(m[1]), text)
    if m := _YM.match(low):
        return _period(int(m[1]), int(m[2]), text)
    if m := _VI_MONTH.match(low):
        year_text = m[2] or m[3]
        if year_text:
            return _period(int(year_text), int(m[1]), text)
        if default_year is None:
            return Parsed(None, "parse.no_year", {"text": text})
        return _period(default_year, int(m[1]), text)
    if m := _EN_MONTH_YEAR_FIRST.match(low):
        if m[2] in _MONTH_NAMES:
            return _period(int(m[1]), _MONTH_NAMES[m[2]], text)
    if (m := _EN_MONTH.match(low)) and m[1] in _MONTH_NAMES:
        if m[2] is None:
            if default_year is None:
                return Parsed(None, "parse.no_year", {"text": text})
            return _period(default_year, _MONTH_NAMES[m[1]], text)
        year = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
        return _period(year, _MONTH_NAMES[m[1]], text)
    return Parsed(None, "parse.not_a_date", {"text": text})


def format_number(value: float, locale: str = "vi", decimals: int = 2) -> str:
    """``value`` as the locale writes it, trailing zeros dropped (for previews and pasting)."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if locale == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_plain(value: float, locale: str = "vi", group: str = "") -> str:
    """A number without grouping marks ("1500", "1,234" in vi): how a cell was read, shown so
    that it cannot be misread again (import warnings, the paste question). ``group`` replaces
    the grouping mark (a no-break space gives "22 100", still unmistakable)."""
    mark = "." if locale == "vi" else ","
    return format_number(value, locale, 6).replace(mark, group)
