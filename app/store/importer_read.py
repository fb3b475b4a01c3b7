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
  (Vietnamese Windows), checked over the whole file before any row is read, then streamed (not
  held in memory); the delimiter is sniffed from the first lines.
- Size limits, so a huge or hostile file is refused in a second with a message saying the limit
  instead of minutes of reading: ``MAX_ROWS`` rows and ``MAX_CELLS`` filled cells per sheet
  (counted while the sheet's XML is scanned, before any row is parsed, and again while rows
  stream), and for a zip bomb the sizes the archive declares for its parts (Python's zipfile
  never inflates a part beyond its declared size).
"""

from __future__ import annotations

import csv
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import Location, UserError

XLSX_MAGIC = b"PK\x03\x04"
# Ten years of daily readings of 50 streams in the long layout is 182,500 rows.
MAX_ROWS = 200_000
MAX_CELLS = 5_000_000  # filled cells of one sheet (rows x columns)
MAX_FILE_BYTES = 200_000_000  # an XLSX or CSV file on disk
# An XLSX is a zip: what its parts declare they inflate to. openpyxl reads the shared strings
# and styles whole (into memory); the sheet streams, but its size bounds the time taken.
MAX_ZIP_MEMBERS = 10_000
MAX_PART_BYTES = 64_000_000  # any part read whole (shared strings, styles, workbook)
MAX_SHEET_BYTES = 1_000_000_000  # one sheet's XML (200,000 rows x 25 columns is ~300 MB)
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
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError.of("import.file_too_large", loc, size=_mb(size), limit=_mb(MAX_FILE_BYTES))
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith(XLSX_MAGIC):
        _check_zip_directory(path, loc)
        try:
            with zipfile.ZipFile(path) as zf:
                if "xl/workbook.xml" in zf.namelist():
                    _check_zip_sizes(zf, loc)
                    return "xlsx"
        except zipfile.BadZipFile:
            pass
        raise UserError.of("import.not_spreadsheet", loc)
    if head.startswith(OLE_MAGIC):
        raise UserError.of("import.xls_unsupported", loc)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return "csv"
    if b"\x00" in head or head.startswith(b"%PDF"):
        raise UserError.of("import.not_spreadsheet", loc)
    return "csv"


def _mb(size: int) -> str:
    return f"{size / 1e6:.0f}"  # whole MB: no decimal point to translate


def _check_zip_directory(path: Path, loc: Location) -> None:
    """Refuse an archive listing more parts than a workbook has, before zipfile reads the list
    into memory (a million entries would cost hundreds of MB). Read from the end-of-directory
    record; a ZIP64 one (over 65,535 entries or 4 GB of directory) is no workbook either."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        end = fh.tell()
        fh.seek(max(0, end - 65_557))
        tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return  # not a zip after all: zipfile says so
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    if entries > MAX_ZIP_MEMBERS:
        raise UserError.of("import.zip_too_many_parts", loc, count=entries, limit=MAX_ZIP_MEMBERS)


def _check_zip_sizes(zf: zipfile.ZipFile, loc: Location) -> None:
    """A decompression bomb: a part that declares it inflates to more than a workbook holds."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UserError.of(
            "import.zip_too_many_parts", loc, count=len(infos), limit=MAX_ZIP_MEMBERS
        )
    for info in infos:
        sheet = info.filename.startswith("xl/worksheets/")
        limit = MAX_SHEET_BYTES if sheet else MAX_PART_BYTES
        if info.file_size > limit:
            raise UserError.of(
                "import.zip_bomb",
                loc,
                part=info.filename,
                size=_mb(info.file_size),
                packed=f"{info.compress_size / 1e3:.0f}",  # kB: no decimal point to translate
                limit=_mb(limit),
            )


def open_table(path: str | Path, sheet: str = "") -> Table:
    """The rows of ``sheet`` (default: the first) of an XLSX or CSV file."""
    path = Path(path)
    kind = file_kind(path)
    return _open_xlsx(path, sheet) if kind == "xlsx" else _open_csv(path)


# --------------------------------------------------------------------------------------------
# XLSX


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet_members(path: Path) -> dict[str, str]:
    """Sheet name -> its part in the archive, from the workbook's own small XML (so the sheet
    can be scanned, and refused, before openpyxl opens it: a sheet without a ``<dimension>``
    is parsed whole by ``load_workbook`` just to learn its size). {} if it cannot be told."""
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(path) as zf:
            book = ET.fromstring(zf.read("xl/workbook.xml"))
            rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError, zipfile.BadZipFile, OSError):
        return {}
    targets = {r.get("Id"): r.get("Target") or "" for r in rels}
    out = {}
    for node in book.iter(f"{_MAIN_NS}sheet"):
        target = targets.get(node.get(_REL_ID), "")
        if target:
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            out[node.get("name") or ""] = member
    return out


def _scan(path: Path, member: str, loc: Location) -> tuple[list[tuple[int, int, int, int]], bool]:
    try:
        return _scan_sheet_xml(path, member, loc)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError) as exc:
        # a damaged part, or one that inflates past the size it declares (bad CRC)
        raise UserError.of(
            "import.bad_workbook", Location(file=loc.file), detail=str(exc) or type(exc).__name__
        ) from exc


def _open_xlsx(path: Path, sheet: str) -> Table:
    from openpyxl import load_workbook

    loc = Location(file=path.name)
    members = _sheet_members(path)
    scanned = None
    if members:
        name = sheet if sheet in members else "" if sheet else next(iter(members))
        if name:
            scanned = _scan(path, members[name], Location(file=path.name, sheet=name))
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
    sheet_loc = Location(file=path.name, sheet=ws.title)
    try:
        merged, has_formulas = scanned or _scan(path, ws._worksheet_path, sheet_loc)
    except BaseException:
        wb.close()
        raise
    ws.reset_dimensions()  # some writers store a wrong size; read what is really there

    def rows() -> Iterator[tuple[int, tuple]]:
        try:
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS:  # the scan counted fewer (rows without a <row> tag)
                    raise _too_many_rows(sheet_loc, number)
                yield number, values
        finally:
            wb.close()

    return Table(path.name, ws.title, names, "xlsx", rows(), merged, has_formulas, path)


_MERGE_RE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_FORMULA_RE = re.compile(rb"<f[\s>/]")


_EMPTY_ROW_RE = re.compile(rb"<row\b[^>]*/>")
_ROW_NUMBER_RE = re.compile(rb'<row\b[^>]*?\br="(\d+)"')


def _too_many_rows(loc: Location, rows: int) -> UserError:
    return UserError.of("import.too_many_rows", loc, rows=rows, limit=MAX_ROWS)


def _scan_sheet_xml(
    path: Path, member: str, loc: Location
) -> tuple[list[tuple[int, int, int, int]], bool]:
    """Merged ranges and whether any formula exists, by streaming the sheet's XML once.

    The same pass counts the rows and filled cells and stops at the first limit passed (a
    1,048,575-row sheet is refused after ``MAX_ROWS`` rows, in well under a second); a row
    numbered past the limit (``<row r="900000">``) is refused as soon as it is seen.
    """
    merged: list[tuple[int, int, int, int]] = []
    seen: set[tuple[int, int, int, int]] = set()
    has_formulas = False
    rows = cells = 0
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(member.lstrip("/")) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            # Whole tags only: cut after the last ">", the rest waits for the next chunk.
            cut = data.rfind(b">") + 1
            data, tail = data[:cut], data[cut:]
            if len(tail) > 1 << 20:  # a text node of megabytes: no tag to count in it
                tail = tail[-256:]
            if not has_formulas and _FORMULA_RE.search(data):
                has_formulas = True
            rows += data.count(b"<row ") + data.count(b"<row>") - len(_EMPTY_ROW_RE.findall(data))
            cells += data.count(b"<v>") + data.count(b"<is>")
            last = data.rfind(b"<row")
            numbered = _ROW_NUMBER_RE.match(data, last) if last >= 0 else None
            if rows > MAX_ROWS or (numbered and int(numbered.group(1)) > MAX_ROWS):
                raise _too_many_rows(loc, max(rows, int(numbered.group(1)) if numbered else 0))
            if cells > MAX_CELLS:
                raise UserError.of("import.too_many_cells", loc, cells=cells, limit=MAX_CELLS)
            for m in _MERGE_RE.finditer(data):
                c1, r1, c2, r2 = m.groups()
                rng = (
                    int(r1),
                    column_index(c1.decode()) + 1,
                    int(r2),
                    column_index(c2.decode()) + 1,
                )
                if rng not in seen:
                    seen.add(rng)
                    merged.append(rng)
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


def utf16_without_bom(head: bytes) -> str:
    """ "utf-16-le" or "utf-16-be" when ``head`` looks like UTF-16 text written without a BOM
    (every other byte zero, as Latin letters, digits and separators are), else ""."""
    sample = head[: len(head) // 2 * 2][:4096]
    if len(sample) < 8:
        return ""
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and not even.count(0):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and not odd.count(0):
        return "utf-16-be"
    return ""


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


def _newline(encoding: str, data: bytes) -> bytes:
    if encoding.startswith("utf-16"):
        big = encoding.endswith("be") or data.startswith(b"\xfe\xff")
        return b"\x00\n" if big else b"\n\x00"
    return b"\n"


def _first_bad_row(path: Path, encoding: str) -> int | None:
    """The row of the first byte ``encoding`` cannot read, or None: one streamed pass."""
    import codecs

    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 0
    with path.open("rb") as fh:
        first = fh.read(4)
        fh.seek(0)
        newline = _newline(encoding, first)
        try:
            while chunk := fh.read(1 << 20):
                lines += decoder.decode(chunk).count("\n")
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return lines + exc.object[: exc.start].count(newline) + 1
    return None


def csv_encoding(path: Path) -> str:
    """The encoding of a CSV file, checked over the whole file without holding it: UTF-16 (by
    BOM, or by its zero bytes), else UTF-8 (BOM or not), else Windows-1258. A file none of them
    reads is refused naming the row, rather than read with "?" in a stream name or a figure."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif encoding := utf16_without_bom(head):
        candidates = [encoding]
    else:
        candidates = ["utf-8-sig", "cp1258"]
    row = None
    for encoding in candidates:
        row = _first_bad_row(path, encoding)
        if row is None:
            return encoding
    raise UserError.of(
        "import.bad_encoding", Location(file=path.name, row=row), encoding=candidates[-1]
    )


def _open_csv(path: Path) -> Table:
    """Rows streamed from the file (memory stays small whatever its size), each cell NFC:
    cp1258 writes some Vietnamese marks as combining characters, NFC recombines them."""
    encoding = csv_encoding(path)
    with path.open(encoding=encoding, newline="") as fh:
        delimiter = sniff_delimiter(fh.read(65536))
    loc = Location(file=path.name)

    def cell(text: str) -> str | None:
        if not text.strip():
            return None
        return text if text.isascii() else unicodedata.normalize("NFC", text)

    def rows() -> Iterator[tuple[int, tuple]]:
        with path.open(encoding=encoding, newline="") as fh:
            reader = csv.reader(fh, delimiter=delimiter)
            cells = 0
            for number, row in enumerate(reader, start=1):
                cells += len(row)
                if number > MAX_ROWS:
                    raise _too_many_rows(loc, number)
                if cells > MAX_CELLS:
                    raise UserError.of("import.too_many_cells", loc, cells=cells, limit=MAX_CELLS)
                yield number, tuple(cell(c) for c in row)

    return Table(path.name, "", [], "csv", rows(), [], False, path)
