"""Reading an exchange file's CSV twin (``*.recpx.csv``, written by ``exchange.exchange_csv``).

An enterprise may send only the CSV (opened and saved again in a spreadsheet, say). It is turned
back into the JSON file's content cell by cell, then read through the same checks as a JSON file
(``exchange.party_of``), so both carry the same meaning. Every problem names the file, the row
(as a spreadsheet numbers it: the header is row 1) and the column.

The layout: one row per offer/need; the file's own fields (format, version, enterprise_id, park,
province, written, shared, latitude, longitude) repeated on every row and equal on all; numbers
plain (``.`` decimal, no grouping), months and shared fields joined by ``;``. A spreadsheet that
saved it with ``;`` between cells is read too.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.core.errors import Location, Problem, UserError
from app.core.symbiosis.classes import ClassList, shipped_classes
from app.core.symbiosis.exchange import MAX_FILE_BYTES, party_of
from app.core.symbiosis.party import Party

# The file's own fields, the same on every row.
TOP = ("format", "version", "enterprise_id", "park", "province", "written", "shared")
REQUIRED = (*TOP[:4], "side", "class", "unit")
# Which column a problem of exchange.party_of is about, when its key alone says it.
_COLUMN_OF = {
    "exchange.read.bad_format": "format",
    "exchange.read.bad_version": "version",
    "exchange.read.newer_version": "version",
    "exchange.read.no_park": "park",
    "exchange.read.bad_location": "latitude",
    "exchange.read.unknown_class": "class",
    "exchange.read.bad_side": "side",
    "exchange.read.bad_months": "months",
    "exchange.read.both_quantities": "quantity_per_year",
}
_QUANTITY_FIELD = {"quantity_band": "quantity_low"}
_ENTRY = re.compile(r"#(\d+)")


def _bad(path: Path, row: int, column: str, key: str, **params: Any) -> UserError:
    return UserError.of(key, Location(file=str(path), row=row, column=column), **params)


def _plain_number(text: str, path: Path, row: int, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not re.fullmatch(
        r"[+-]?[0-9]*\.?[0-9]+([eE][+-]?[0-9]+)?", text
    ):
        raise _bad(path, row, column, "exchange.csv.not_number", value=text)
    return value


def _bool(text: str, path: Path, row: int, column: str) -> bool:
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    raise _bad(path, row, column, "exchange.csv.not_bool", value=text)


def _months(text: str, path: Path, row: int) -> list[int]:
    months = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        if not part.isdigit() or not 1 <= int(part) <= 12:
            raise _bad(path, row, "months", "exchange.csv.not_months", value=text)
        months.append(int(part))
    return months


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of the file, as text cells."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _bad(path, 1, "", "exchange.read.too_large", entry="-", limit=MAX_FILE_BYTES)
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError.of(
            "exchange.read.unreadable", Location(file=str(path)), reason=exc.strerror or str(exc)
        ) from None
    try:
        body = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _bad(path, line, "", "exchange.csv.not_utf8") from None
    lines = body.splitlines()
    header_line = lines[0] if lines else ""
    delimiter = ";" if ";" in header_line and "," not in header_line else ","
    try:
        table = list(csv.reader(lines, delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise _bad(path, 1, "", "exchange.csv.syntax", detail=str(exc)[:200]) from None
    table = [r for r in table if any(c.strip() for c in r)]  # a spreadsheet's blank lines
    if not table:
        raise _bad(path, 1, "", "exchange.csv.no_header")
    header = [c.strip() for c in table[0]]
    return header, table[1:]


def content_of_csv(path: str | Path) -> dict[str, Any]:
    """The CSV twin at ``path`` as the JSON file's content; ``UserError`` naming the row and
    the column of the first cell that cannot be read."""
    path = Path(path)
    header, rows = _rows(path)
    for name in REQUIRED:
        if name not in header:
            raise _bad(path, 1, name, "exchange.csv.missing_column", name=name)
    if not rows:
        raise _bad(path, 2, "", "exchange.csv.no_rows")
    first: dict[str, str] = {}
    items = []
    for n, cells in enumerate(rows, start=2):
        if len(cells) != len(header):
            raise _bad(
                path, n, "", "exchange.csv.row_length", found=len(cells), expected=len(header)
            )
        row = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        for name in (*TOP, "latitude", "longitude"):
            if name not in row:
                continue
            if n == 2:
                first[name] = row[name]
            elif row[name] != first[name]:
                raise _bad(
                    path, n, name, "exchange.csv.differs", value=row[name], first=first[name]
                )
        items.append(_item(row, path, n))
    content: dict[str, Any] = {k: first[k] for k in TOP if k in first}
    version = first["version"]
    if not version.isdigit():
        raise _bad(path, 2, "version", "exchange.csv.not_number", value=version)
    content["version"] = int(version)
    content["shared"] = [s.strip() for s in first.get("shared", "").split(";") if s.strip()]
    lat, lon = first.get("latitude", ""), first.get("longitude", "")
    if lat or lon:
        content["location"] = {
            "latitude": _plain_number(lat, path, 2, "latitude"),
            "longitude": _plain_number(lon, path, 2, "longitude"),
        }
    content["items"] = items
    return content


def _item(row: dict[str, str], path: Path, n: int) -> dict[str, Any]:
    item: dict[str, Any] = {"side": row["side"], "class": row["class"], "unit": row["unit"]}
    if row.get("hazardous"):
        item["hazardous"] = _bool(row["hazardous"], path, n, "hazardous")
    else:
        item["hazardous"] = False
    if row.get("quantity_per_year"):
        item["quantity_per_year"] = _plain_number(
            row["quantity_per_year"], path, n, "quantity_per_year"
        )
    low, high = row.get("quantity_low", ""), row.get("quantity_high", "")
    if low or high:
        for column, value in (("quantity_low", low), ("quantity_high", high)):
            if not value:
                raise _bad(path, n, column, "exchange.csv.band_half")
        item["quantity_band"] = [
            _plain_number(low, path, n, "quantity_low"),
            _plain_number(high, path, n, "quantity_high"),
        ]
    if "months" in row:
        item["months"] = _months(row["months"], path, n)
    if "notes" in row:
        item["notes"] = row["notes"]
    if "cost_per_year_vnd" in row:
        cost = row["cost_per_year_vnd"]
        if cost and not re.fullmatch(r"-?[0-9]+", cost):
            raise _bad(path, n, "cost_per_year_vnd", "exchange.csv.not_whole", value=cost)
        item["cost_per_year_vnd"] = int(cost) if cost else None
    if row.get("hazardous_permit"):
        item["hazardous_permit"] = _bool(row["hazardous_permit"], path, n, "hazardous_permit")
    return item


def _located(problem: Problem, path: Path) -> Problem:
    """A problem of ``party_of`` (naming an entry ``#n``) at its row and column of the CSV."""
    entry = str(problem.params.get("entry", "-"))
    found = _ENTRY.match(entry)
    row = int(found.group(1)) + 1 if found else 2
    field = str(problem.params.get("field", ""))
    column = _COLUMN_OF.get(problem.key) or _QUANTITY_FIELD.get(field, field)
    if not column and not found and entry != "-":
        column = entry
    return replace(problem, location=Location(file=str(path), row=row, column=column))


def read_exchange_csv(path: str | Path, classes: ClassList | None = None) -> Party:
    """The CSV twin at ``path`` as an anonymous ``Party``, checked as a JSON file is; every
    problem names the file, the row and the column."""
    path = Path(path)
    content = content_of_csv(path)
    try:
        return party_of(content, path, classes if classes is not None else shipped_classes())
    except UserError as exc:
        raise UserError(_located(exc.problem, path)) from None
