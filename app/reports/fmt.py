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
