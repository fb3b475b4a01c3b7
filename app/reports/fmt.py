"""Numbers, money and dates as a report language writes them (Babel, never hand-made).

Vietnamese: ``1.234.567,5`` and ``dd/mm/yyyy``; English: ``1,234,567.5`` and ``4 Mar 2025``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

_LOCALE = {"vi": "vi_VN", "en": "en_GB"}
_DATE = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}
DASH = "–"


@lru_cache(maxsize=1 << 16)  # a report formats the same figures twice (two layout passes)
def number(value: float | int | None, lang: str, decimals: int = 0) -> str:
    """``value`` with the language's grouping and decimal marks; a dash for None."""
    if value is None:
        return DASH
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text = format_decimal(value, format=pattern, locale=_LOCALE[lang])
    return "0" if text in ("-0", "-0,0", "-0.0") else text


def smart(value: float | None, lang: str) -> str:
    """A quantity with as many decimals as its size needs (1 234; 12,3; 0,123)."""
    if value is None:
        return DASH
    size = abs(value)
    decimals = 0 if size >= 100 else 1 if size >= 10 else 2 if size >= 0.1 else 3
    return number(value, lang, decimals)


def exact(value: float | None, lang: str) -> str:
    """A reference value at full precision (up to 12 significant digits, no padding zeros):
    what a reader needs to recompute a total."""
    if value is None:
        return DASH
    digits = f"{value:.12g}"
    if "e" in digits:
        return digits
    decimals = len(digits.partition(".")[2])
    return number(value, lang, decimals)


def money(value: int | float | None, lang: str) -> str:
    """Whole VND (no minor unit)."""
    return number(None if value is None else round(value), lang, 0)


def millions(value: int | float | None, lang: str) -> str:
    """VND in millions with one decimal, for dense tables."""
    return DASH if value is None else number(value / 1_000_000, lang, 1)


def percent(fraction: float | None, lang: str, decimals: int = 1) -> str:
    if fraction is None:
        return DASH
    return number(fraction * 100, lang, decimals) + " %"


def day(value: date | None, lang: str) -> str:
    return DASH if value is None else format_date(value, _DATE[lang], locale=_LOCALE[lang])


def period(value: str, lang: str) -> str:
    """ "2024-03" as "03/2024" (vi) or "Mar 2024" (en)."""
    if not value:
        return DASH
    d = date(int(value[:4]), int(value[5:7]), 1)
    return format_date(d, "MM/yyyy" if lang == "vi" else "MMM yyyy", locale=_LOCALE[lang])


# One rule per quantity type, shared by the PDF and the workbook (see ``xlsx.NUMBER_FORMATS``).


def tco2e(value: float | None, lang: str) -> str:
    """Tonnes CO2e: one decimal; a small non-zero amount reads "< 0,1" rather than "0,0"."""
    if value is None:
        return DASH
    if 0 < abs(value) < 0.05:
        return "< " + number(0.1, lang, 1)
    return number(value, lang, 1)


def years(value: float | None, lang: str) -> str:
    """A payback in years, one decimal; "< 0,1" for a payback of days, "0" for no investment."""
    if value is None:
        return DASH
    if 0 < value < 0.05:
        return "< " + number(0.1, lang, 1)
    return number(value, lang, 1)


IRR_CAP = 10.0  # 1000 %: beyond it an IRR says only "pays back almost at once"


def irr(fraction: float | None, lang: str) -> str:
    """An internal rate of return; above 1000 % shown as "> 1000 %"."""
    if fraction is not None and fraction > IRR_CAP:
        return "> " + percent(IRR_CAP, lang, 0)
    return percent(fraction, lang)
