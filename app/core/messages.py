"""The message catalogue for core, store, CLI and reports, in Vietnamese and English.

One source of truth: ``resources/messages/*.toml``, one file per area, each entry holding both
languages side by side::

    ["file.not_found"]
    vi = "Không tìm thấy tệp: {path}"
    en = "File not found: {path}"

Qt screens use Qt Linguist (``translations/*.ts``) instead; this catalogue serves everything that
must work without Qt and independently of the UI language (a report's language is chosen at
export).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from app.core.errors import OS_PREFIX, Location, Problem
from app.paths import data_path

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def catalogue_dir() -> Path:
    return data_path("resources", "messages")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """All entries of all catalogue files: key -> {"vi": ..., "en": ...}."""
    import tomllib  # here, not at import: the GUI's start-up path needs no message text

    merged: dict[str, dict[str, str]] = {}
    for path in sorted(catalogue_dir().glob("*.toml")):
        with path.open("rb") as fh:
            for key, entry in tomllib.load(fh).items():
                if key in merged:
                    raise ValueError(f"message key {key!r} defined twice (again in {path.name})")
                merged[key] = entry
    return merged


def text(key: str, lang: str = DEFAULT_LANGUAGE, /, **params) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in.

    An unknown key returns the key itself so a missing entry is visible, never a crash; the test
    suite guarantees every key used exists in both languages.
    """
    entry = catalogue().get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or key
    # English has a singular ("1 option"); an entry gives it as ``en_one``. Vietnamese has none.
    if params.get("count") == 1 and f"{lang}_one" in entry:
        template = entry[f"{lang}_one"]
    # A parameter given in both languages ({"vi": ..., "en": ...}, e.g. a calculator input's
    # name) is shown in the message's language.
    if any(isinstance(v, dict) for v in params.values()):
        params = {
            k: (v.get(lang) or v.get(DEFAULT_LANGUAGE, "")) if isinstance(v, dict) else v
            for k, v in params.items()
        }
    if any(k in PERIOD_PARAMS for k in params):
        params = {k: month_label(v, lang) if k in PERIOD_PARAMS else v for k, v in params.items()}
    if any(k in AMOUNT_PARAMS for k in params):
        params = {k: amount_label(v, lang) if k in AMOUNT_PARAMS else v for k, v in params.items()}
    if any(k in NUMBER_PARAMS for k in params):
        params = {k: number_label(v, lang) if k in NUMBER_PARAMS else v for k, v in params.items()}
    if any(isinstance(v, str) and v.startswith(OS_PREFIX) for v in params.values()):
        params = {k: _os_text(v, lang) for k, v in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


# Parameters that carry a month ("2025-02"): shown as the language writes a month, like the
# screens do (AuditContext.format_period): "02/2025", "Feb 2025".
PERIOD_PARAMS = frozenset({"period", "first", "last", "month", "previous"})
# Parameters that carry a measured figure (a typed month, what it was compared with), decimals
# included: shown with the language's marks, as the grid shows them (vi 46.890,5; en 46,890.5).
NUMBER_PARAMS = frozenset({"figure", "reference", "ratio", "quantity"})
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PERIOD = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def month_label(value, lang: str):
    """ "2025-02" as "02/2025" (vi) or "Feb 2025" (en); anything else unchanged."""
    match = _PERIOD.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return value
    year, month = match.group(1), int(match.group(2))
    return f"{month:02d}/{year}" if lang == "vi" else f"{_MONTHS_EN[month - 1]} {year}"


# Parameters that carry a count or an amount: grouped as the language writes numbers
# ("1.048.576", "1,048,576"), so a limit reads at a glance. Row, column, year, code and id
# parameters are not amounts and stay as they are.
AMOUNT_PARAMS = frozenset(
    {
        "limit",
        "count",
        "size",
        "cells",
        "rows",
        "records",
        "total",
        "n",
        "found",
        "vnd",
        "cost",
        "quantity",
        "implemented",
        "rejected",
        "estimated",
        "verified",
        "length",
        "packed",
        "megapixels",
    }
)


def amount_label(value, lang: str):
    """An integer amount with the language's thousands mark; anything else unchanged."""
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) < 1000:
        return value
    grouped = f"{value:,d}"
    return grouped.replace(",", ".") if lang == "vi" else grouped


def number_label(value, lang: str):
    """A float or int with the language's grouping and decimal marks (up to 3 decimals,
    trailing zeros dropped); anything else (text already formatted) unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    from app.core.parsing import format_number

    return format_number(value, lang, 3)


def _os_text(value, lang: str):
    """An ``errors.os_reason`` marker as text in ``lang``; other values unchanged."""
    if not (isinstance(value, str) and value.startswith(OS_PREFIX)):
        return value
    name, _, fallback = value[len(OS_PREFIX) :].partition("|")
    entry = catalogue().get(f"os.{name}")
    return (entry.get(lang) or entry.get(DEFAULT_LANGUAGE)) if entry else fallback


def render_location(loc: Location, lang: str = DEFAULT_LANGUAGE) -> str:
    """A location as the user reads it: "file x.xlsx, sheet Điện, row 12, column B"."""
    parts = []
    if loc.file:
        parts.append(text("loc.file", lang, file=loc.file))
    if loc.sheet:
        parts.append(text("loc.sheet", lang, sheet=loc.sheet))
    if loc.row is not None:
        parts.append(text("loc.row", lang, row=loc.row))
    if loc.column:
        parts.append(text("loc.column", lang, column=loc.column))
    if loc.entity and not loc.row:
        parts.append(text("loc.entity", lang, entity=loc.entity, id=loc.entity_id))
    if loc.field:
        parts.append(text("loc.field", lang, field=loc.field))
    return ", ".join(parts)


def render(problem: Problem, lang: str = DEFAULT_LANGUAGE) -> str:
    """A problem as one translated line, its location first when it has one."""
    message = text(problem.key, lang, **problem.params)
    where = render_location(problem.location, lang)
    return f"{where}: {message}" if where else message


def system_language() -> str:
    """The language to use when none is chosen: the system's if supported, else Vietnamese."""
    for var in ("RECP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else DEFAULT_LANGUAGE
    import locale

    try:
        code = (locale.getlocale()[0] or "").split("_")[0].lower()
    except ValueError:
        code = ""
    return code if code in LANGUAGES else DEFAULT_LANGUAGE
