"""Reading the rows of an enterprise's spreadsheet: XLSX (streamed) or CSV (any usual encoding).

Why a module of its own: the importer validates rows; this module only knows file formats.
- XLSX is read with openpyxl in read-only mode (streaming, so a 100,000-row file does not load
  into memory) with ``data_only=True``: formulas give the value Excel last calculated. A file
  written by a tool that never calculates has formulas without values; those cells read as
  blank, so when blank cells appear in the data we read the file once more *with* formulas to
  tell a real blank from an uncalculated formula (``formula_cells``).
- Read-only mode does not report merged cells, so the sheet's XML is scanned for
  ``<mergeCell>`` (it is after the cell data; decompressing is fast).
- CSV: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text"), else Windows-1258
  (Vietnamese Windows); the delimiter is sniffed from the first lines.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import Location, UserError

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls (and other OLE files)


@dataclass
class Table:
    """One sheet's rows, the header row first. ``rows`` yields (1-based row number, values)."""

    file: str
    sheet: str
    sheets: list[str]
    kind: str  # "xlsx" or "csv"
    rows: Iterator[tuple[int, tuple]]
    merged: list[tuple[int, int, int, int]]  # (min_row, min_col, max_row, max_col), 1-based
    has_formulas: bool = False
    path: Path | None = None


def column_letter(index: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """Spreadsheet letters -> 0-based index."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def file_kind(path: Path) -> str:
    """ "xlsx" or "csv" judged by content (an extension can lie); UserError otherwise."""
    loc = Location(file=path.name)
    if not path.is_file():
        raise UserError.of("import.not_found", loc, path=str(path))
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith(XLSX_MAGIC):
        try:
            with zipfile.ZipFile(path) as zf:
                if "xl/workbook.xml" in zf.namelist():
                    return "xlsx"
        except zipfile.BadZipFile:
            pass
        raise UserError.of("import.not_spreadsheet", loc)
    if head.startswith(OLE_MAGIC):
        raise UserError.of("import.xls_unsupported", loc)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"
    if b"\x00" in head or head.startswith(b"%PDF"):
        raise UserError.of("import.not_spreadsheet", loc)
    return "csv"


def open_table(path: str | Path, sheet: str = "") -> Table:
    """The rows of ``sheet`` (default: the first) of an XLSX or CSV file."""
    path = Path(path)
    kind = file_kind(path)
    return _open_xlsx(path, sheet) if kind == "xlsx" else _open_csv(path)


# --------------------------------------------------------------------------------------------
# XLSX


def _open_xlsx(path: Path, sheet: str) -> Table:
    from openpyxl import load_workbook

    loc = Location(file=path.name)
    try:
        wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise UserError.of(
            "import.bad_workbook", loc, detail=str(exc) or type(exc).__name__
        ) from exc
    names = list(wb.sheetnames)
    if sheet and sheet not in names:
        wb.close()
        raise UserError.of("import.no_such_sheet", loc, sheet=sheet, sheets=", ".join(names))
    ws = wb[sheet] if sheet else wb.worksheets[0]
    merged, has_formulas = _scan_sheet_xml(path, ws._worksheet_path)
    ws.reset_dimensions()  # some writers store a wrong size; read what is really there

    def rows() -> Iterator[tuple[int, tuple]]:
        try:
            yield from enumerate(ws.iter_rows(values_only=True), start=1)
        finally:
            wb.close()

    return Table(path.name, ws.title, names, "xlsx", rows(), merged, has_formulas, path)


_MERGE_RE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_FORMULA_RE = re.compile(rb"<f[\s>/]")


def _scan_sheet_xml(path: Path, member: str) -> tuple[list[tuple[int, int, int, int]], bool]:
    """Merged ranges and whether any formula exists, by streaming the sheet's XML once."""
    merged: list[tuple[int, int, int, int]] = []
    has_formulas = False
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(member.lstrip("/")) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            if not has_formulas and _FORMULA_RE.search(data):
                has_formulas = True
            for m in _MERGE_RE.finditer(data):
                c1, r1, c2, r2 = m.groups()
                rng = (
                    int(r1),
                    column_index(c1.decode()) + 1,
                    int(r2),
                    column_index(c2.decode()) + 1,
                )
                if rng not in merged:
                    merged.append(rng)
            tail = data[-200:]
    return merged, has_formulas


def formula_cells(path: Path, sheet: str, cells: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which of ``cells`` ((row, 0-based col)) hold a formula: one more streamed read."""
    from openpyxl import load_workbook

    if not cells:
        return set()
    wanted_rows = {r for r, _ in cells}
    last = max(wanted_rows)
    found = set()
    wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    try:
        ws = wb[sheet]
        ws.reset_dimensions()
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            if number > last:
                break
            if number not in wanted_rows:
                continue
            for col, value in enumerate(row):
                if (number, col) in cells and isinstance(value, str) and value.startswith("="):
                    found.add((number, col))
    finally:
        wb.close()
    return found


# --------------------------------------------------------------------------------------------
# CSV


def decode_text(data: bytes) -> str:
    """Bytes of a CSV file as NFC text: UTF-16 by BOM, UTF-8 (BOM or not), else Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # cp1258 writes some Vietnamese marks as combining characters: NFC recombines them.
            text = data.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text)


def sniff_delimiter(sample: str) -> str:
    """The delimiter (, ; tab |) that splits the first lines most consistently."""
    lines = [ln for ln in sample.splitlines()[:30] if ln.strip()]
    best, best_score = ",", -1.0
    for delim in (",", ";", "\t", "|"):
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) + min(common, 50) / 1000
        if score > best_score:
            best, best_score = delim, score
    return best


def _open_csv(path: Path) -> Table:
    text = decode_text(path.read_bytes())
    delimiter = sniff_delimiter(text[:65536])

    def rows() -> Iterator[tuple[int, tuple]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, row in enumerate(reader, start=1):
            yield number, tuple(cell if cell.strip() else None for cell in row)

    return Table(path.name, "", [], "csv", rows(), [], False, path)
