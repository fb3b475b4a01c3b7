"""Import of baseline figures (quantity and cost per stream per month) from XLSX or CSV.

Three steps, so that nothing is written until the user accepts:
1. ``Mapping``: which column holds the period, and either one column per stream ("wide", the
   usual monthly summary sheet) or a stream-name column with quantity/cost/unit columns ("long",
   a meter log or an invoice list). JSON-serialisable: saved in the audit
   (``save_mapping``) and as a file for ``python -m app import --mapping``.
2. ``validate``: reads every row (streaming), returns an ``ImportResult`` with the records it
   would write, a preview of the first rows as parsed, and every problem located by file, sheet,
   row and column. It writes nothing.
3. ``commit``: one ``af.apply(put=..., delete=...)``: one transaction, all or nothing.

Periods already in the audit: ``on_existing="reject"`` (default) makes each one an error;
``"replace"`` overwrites them (a warning per figure, so the preview says what will change).
``aggregate=True`` sums rows of the same stream and month (daily meter readings); otherwise two
rows for one stream and month are an error.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from app.core.errors import Level, Location, Problem, UserError
from app.core.import_guess import (
    equals_sum,
    guess_header_row,
    guess_period_column,
    is_total_label,
    match_stream,
    split_unit,
)
from app.core.model import Audit, PeriodRecord, ResourceStream
from app.core.parsing import Parsed, format_number, format_plain, parse_number, parse_period
from app.store.importer_read import Table, column_index, column_letter, formula_cells, open_table

MAPPINGS_SETTING = "import_mappings"
MAX_LISTED = 500  # problems kept per level; the counts stay exact
PROGRESS_EVERY = 2000  # rows between progress callbacks


@dataclass
class ColumnMap:
    """Wide layout: one column holding one stream's quantities (or its cost)."""

    column: str  # header text, or a column letter such as "C"
    stream: str  # stream id, or its Vietnamese or English name
    role: str = "quantity"  # "quantity" or "cost"
    unit: str = ""  # unit of the figures in the file; "" = the stream's own unit


@dataclass
class Mapping:
    layout: str = "wide"  # "wide" or "long"
    sheet: str = ""  # "" = the first sheet
    header_row: int = 1
    period_column: str = ""
    number_locale: str = "vi"  # "vi": 1.234,5   "en": 1,234.5
    day_first: bool = True  # 03/04/2024 is 3 April
    default_year: int | None = None  # for periods written "Tháng 3" without a year
    on_existing: str = "reject"  # "reject" or "replace"
    aggregate: bool = False  # sum rows of one stream and month
    skip_total: bool = True  # a "Tổng cộng" row (or one equal to the sum above) is skipped
    columns: list[ColumnMap] = field(default_factory=list)  # wide layout
    stream_column: str = ""  # long layout
    quantity_column: str = ""
    cost_column: str = ""
    unit_column: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Mapping:
        """A mapping from JSON data; UserError naming what is wrong."""
        try:
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(data) - known)
            if unknown:
                raise ValueError("unknown keys " + ", ".join(unknown))
            values = dict(data)
            values["columns"] = [ColumnMap(**c) for c in values.get("columns", [])]
            mapping = cls(**values)
            mapping.check()
            return mapping
        except (TypeError, ValueError) as exc:
            raise UserError.of("import.bad_mapping", detail=str(exc)) from exc

    def check(self) -> None:
        """Raise ValueError when the mapping cannot describe an import."""
        if self.layout not in ("wide", "long"):
            raise ValueError(f"layout must be 'wide' or 'long', not {self.layout!r}")
        if self.number_locale not in ("vi", "en"):
            raise ValueError("number_locale must be 'vi' or 'en'")
        if self.on_existing not in ("reject", "replace"):
            raise ValueError("on_existing must be 'reject' or 'replace'")
        if not self.period_column:
            raise ValueError("period_column is required")
        if not isinstance(self.header_row, int) or self.header_row < 1:
            raise ValueError("header_row must be a row number from 1")
        if self.layout == "wide":
            if not self.columns:
                raise ValueError("a wide mapping needs at least one stream column")
            for col in self.columns:
                if col.role not in ("quantity", "cost"):
                    raise ValueError(f"column role must be 'quantity' or 'cost', not {col.role!r}")
        elif not (self.stream_column and self.quantity_column):
            raise ValueError("a long mapping needs stream_column and quantity_column")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UserError.of("import.bad_mapping", detail=str(exc)) from exc
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Path) -> Mapping:
        path = Path(path)
        if not path.is_file():
            raise UserError.of("import.not_found", Location(file=path.name), path=str(path))
        return cls.from_json(path.read_text(encoding="utf-8-sig"))


@dataclass
class PreviewRow:
    """One data row as read: raw cell texts and what they were read as, for the preview."""

    row: int
    raw: list[str]
    parsed: list[str]
    level: str = ""  # "", "warning" or "error": the worst problem of the row


@dataclass
class ImportResult:
    file: str
    sheet: str
    mapping: Mapping
    rows_read: int = 0
    records: list[PeriodRecord] = field(default_factory=list)  # to put
    superseded: list[PeriodRecord] = field(default_factory=list)  # extra duplicates to delete
    replaced: int = 0
    problems: list[Problem] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    preview_headers: list[str] = field(default_factory=list)
    preview: list[PreviewRow] = field(default_factory=list)
    formulas_rechecked: bool = False
    skipped: list[int] = field(default_factory=list)  # total rows left out

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def add(self, problem: Problem) -> None:
        if problem.is_error:
            self.error_count += 1
            listed = self.error_count
        else:
            self.warning_count += 1
            listed = self.warning_count
        if listed <= MAX_LISTED:
            self.problems.append(problem)

    def summary_params(self) -> dict:
        return {
            "rows": self.rows_read,
            "records": len(self.records),
            "replaced": self.replaced,
            "errors": self.error_count,
            "warnings": self.warning_count,
            "skipped": len(self.skipped),
        }


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__(Problem("import.cancelled"))


def _plain(value: float, locale: str) -> str:
    return format_plain(value, locale)


def _norm(text: object) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip().casefold()


class _StreamIndex:
    """Find a stream by id or by its Vietnamese/English name (case and accents as typed)."""

    def __init__(self, streams: list[ResourceStream]):
        self.by_key: dict[str, ResourceStream] = {}
        for s in streams:
            for key in (s.name_en, s.name_vi, s.id):
                if key:
                    self.by_key[_norm(key)] = s

    def find(self, ref: object) -> ResourceStream | None:
        return self.by_key.get(_norm(ref))


def _unit_factor(unit: str, stream: ResourceStream) -> float | None:
    """Factor turning figures in ``unit`` into the stream's unit; None when it does not fit
    (wrong kind, e.g. m³ for electricity, or no fixed factor, e.g. litres of oil into tonnes)."""
    if not unit or _norm(unit) == _norm(stream.unit):
        return 1.0
    from app.core import units

    if units.unit_fits_kind(unit, stream.kind) is not None:
        return None
    try:
        return units.factor(unit, stream.unit)
    except UserError:
        return None


def validate(
    path: str | Path,
    mapping: Mapping,
    audit: Audit,
    *,
    preview_rows: int = 20,
    progress: Callable[[int], bool | None] | None = None,
) -> ImportResult:
    """Read and check the whole file; return what would be imported. Writes nothing.

    ``progress(rows_read)`` is called every few thousand rows; returning False cancels
    (``ImportCancelled``). File-level failures (not a spreadsheet, missing sheet) raise
    ``UserError``; row-level ones are collected in the result.
    """
    mapping.check()
    table = open_table(path, mapping.sheet)
    result = ImportResult(table.file, table.sheet, mapping)
    _Validator(table, mapping, audit, result, preview_rows, progress).run()
    return result


class _Validator:
    def __init__(
        self,
        table: Table,
        mapping: Mapping,
        audit: Audit,
        result: ImportResult,
        preview_rows: int,
        progress,
    ):
        self.t, self.m, self.audit, self.r = table, mapping, audit, result
        self.preview_rows, self.progress = preview_rows, progress
        self.streams = _StreamIndex(audit.streams)
        self.headers: list[str] = []
        self.found: dict[tuple[str, str], tuple[int, PeriodRecord]] = {}
        self.blank_cells: set[tuple[int, int]] = set()
        self.factor_cache: dict[tuple[str, str], float | None] = {}
        self.sums: dict[int, float] = {}  # running sum per wide column, to spot a total row

    # -- set-up ------------------------------------------------------------------------------
    def loc(self, row: int | None = None, col: int | None = None) -> Location:
        column = ""
        if col is not None:
            header = self.headers[col] if col < len(self.headers) else ""
            column = f"{column_letter(col)} ({header})" if header else column_letter(col)
        return Location(file=self.t.file, sheet=self.t.sheet, row=row, column=column)

    def error(self, key: str, row=None, col=None, **params) -> None:
        self.r.add(Problem(key, self.loc(row, col), params))

    def warn(self, key: str, row=None, col=None, **params) -> None:
        self.r.add(Problem(key, self.loc(row, col), params, level=Level.WARNING))

    def column(self, ref: str) -> int | None:
        """Index of the column named ``ref`` in the header (or given by letters)."""
        wanted = _norm(ref)
        for i, header in enumerate(self.headers):
            if _norm(header) == wanted:
                return i
        # Column letters as a fallback ("C"): upper-case only, so a header such as "Gas" is never
        # mistaken for column GAS.
        if ref.isascii() and ref.isalpha() and ref.isupper() and len(ref) <= 2:
            return column_index(ref)
        self.error(
            "import.no_such_column",
            self.m.header_row,
            None,
            column=ref,
            columns=", ".join(h for h in self.headers if h),
        )
        return None

    def run(self) -> None:
        rows = self.t.rows
        header = None
        for number, values in rows:
            if number == self.m.header_row:
                header = values
                break
        if header is None:
            self.error("import.empty_sheet")
            return
        self.headers = ["" if v is None else str(v).strip() for v in header]
        if not self.resolve_columns():
            return
        self.check_merged()
        self.r.preview_headers = [
            self.headers[i] if i < len(self.headers) else column_letter(i)
            for i in self.preview_cols
        ]
        data_rows = 0
        for number, values in rows:
            if not any(v is not None and str(v).strip() for v in values):
                continue  # a blank row separates blocks; it is no error
            data_rows += 1
            self.read_row(number, values)
            if self.progress and data_rows % PROGRESS_EVERY == 0:
                if self.progress(data_rows) is False:
                    raise ImportCancelled()
        self.r.rows_read = data_rows
        if data_rows == 0:
            self.error("import.empty_sheet")
            return
        self.check_formulas()
        self.finish()

    def resolve_columns(self) -> bool:
        """Find the mapped columns; False (with the errors said) when one is missing. After a
        True, the period column (and for the long layout the stream and quantity columns)
        are known: the row readers index them without a check."""
        m = self.m
        errors_before = self.r.error_count
        period_col = self.column(m.period_column)
        self.wide: list[tuple[int, ResourceStream, str, str]] = []  # (col, stream, role, unit)
        self.cost_col: int | None = None
        self.unit_col: int | None = None
        if m.layout == "wide":
            for cm in m.columns:
                col = self.column(cm.column)
                stream = self.streams.find(cm.stream)
                if stream is None:
                    self.error("import.unknown_stream", m.header_row, col, stream=cm.stream)
                elif col is not None:
                    if cm.role == "quantity" and self.factor(cm.unit, stream) is None:
                        self.error(
                            "import.unit_mismatch",
                            m.header_row,
                            col,
                            unit=cm.unit,
                            stream=stream.name_vi,
                            stream_unit=stream.unit,
                        )
                    self.wide.append((col, stream, cm.role, cm.unit))
            if period_col is None or self.r.error_count > errors_before:
                return False
            self.period_col = period_col
            self.preview_cols = [period_col] + [c for c, *_ in self.wide]
        else:
            stream_col = self.column(m.stream_column)
            qty_col = self.column(m.quantity_column)
            self.cost_col = self.column(m.cost_column) if m.cost_column else None
            self.unit_col = self.column(m.unit_column) if m.unit_column else None
            if period_col is None or stream_col is None or qty_col is None:
                return False
            if self.r.error_count > errors_before:
                return False
            self.period_col, self.stream_col, self.qty_col = period_col, stream_col, qty_col
            self.preview_cols = [period_col, stream_col, qty_col]
            self.preview_cols += [c for c in (self.unit_col, self.cost_col) if c is not None]
        return True

    def factor(self, unit: str, stream: ResourceStream) -> float | None:
        key = (unit, stream.id)
        if key not in self.factor_cache:
            self.factor_cache[key] = _unit_factor(unit, stream)
        return self.factor_cache[key]

    def check_merged(self) -> None:
        """Merged cells in the data rows of a mapped column: only one row would get the value."""
        used = {c + 1 for c in self.preview_cols if c is not None}
        for r1, c1, r2, c2 in self.t.merged:
            if r2 <= self.m.header_row or not any(c1 <= c <= c2 for c in used):
                continue
            rng = f"{column_letter(c1 - 1)}{r1}:{column_letter(c2 - 1)}{r2}"
            self.error("import.merged_cells", max(r1, self.m.header_row + 1), c1 - 1, range=rng)

    # -- rows --------------------------------------------------------------------------------
    def number(
        self, parsed: Parsed[float], raw, row: int, col: int, *, negative_ok: bool
    ) -> float | None:
        if parsed.key is not None:  # not parsed.ok
            self.error(parsed.key, row, col, **parsed.params)
            return None
        if parsed.value is None:
            return None
        if parsed.ambiguous:
            loc = self.m.number_locale
            self.warn(
                "parse.ambiguous_number",
                row,
                col,
                text=str(raw).strip(),
                value=_plain(parsed.value, loc),
                alternative=_plain(parsed.alternative, loc)
                if parsed.alternative is not None
                else "",
                locale=loc,
            )
        if parsed.value < 0 and not negative_ok:
            self.error(
                "import.negative_quantity",
                row,
                col,
                value=format_number(parsed.value, self.m.number_locale),
            )
            return None
        return parsed.value

    def total_row(self, values: tuple) -> bool:
        """A "Tổng cộng" row, or (wide) a row without a month whose figures are the sums of
        the rows above: left out rather than refused, when the mapping says so."""
        # A row with a month is data whatever its note says ("cộng dồn" in a remark column).
        if self.period_col is not None and self.period_col < len(values):
            if values[self.period_col] is not None and parse_period(values[self.period_col]).ok:
                return False
        numeric = {c for c, *_ in self.wide}
        if any(is_total_label(v) for c, v in enumerate(values) if c not in numeric):
            return True
        if self.m.layout != "wide" or self.period_col is None:
            return False
        cols = sorted(self.sums)
        read = []
        for c in cols:
            raw = values[c] if c < len(values) else None
            parsed = parse_number(raw, self.m.number_locale)
            read.append(parsed.value if parsed.ok else None)
        return equals_sum(read, [self.sums[c] for c in cols])

    def read_row(self, number: int, values: tuple) -> None:
        m, r = self.m, self.r
        errors_before, warnings_before = r.error_count, r.warning_count

        def cell(col):
            return values[col] if col is not None and col < len(values) else None

        if m.skip_total and self.total_row(values):
            r.skipped.append(number)
            label = next((str(v).strip() for v in values if is_total_label(v)), "")
            if label:
                self.warn("import.total_row_skipped", number, None, label=label)
            else:
                self.warn("import.total_row_skipped_sum", number, None)
            if len(r.preview) < self.preview_rows:
                raw_cells = ["" if cell(c) is None else str(cell(c)) for c in self.preview_cols]
                r.preview.append(PreviewRow(number, raw_cells, [""] * len(raw_cells), "skipped"))
            return

        period_parsed = parse_period(
            cell(self.period_col), day_first=m.day_first, default_year=m.default_year
        )
        period = period_parsed.value
        if period_parsed.key is not None:  # not period_parsed.ok
            self.error(period_parsed.key, number, self.period_col, **period_parsed.params)
        shown: dict[int, str] = {self.period_col: period or ""}
        if m.layout == "wide":
            per_stream: dict[str, list] = {}
            for col, stream, role, unit in self.wide:
                raw = cell(col)
                value = self.number(
                    parse_number(raw, m.number_locale), raw, number, col, negative_ok=role == "cost"
                )
                if raw is None and self.t.has_formulas:
                    self.blank_cells.add((number, col))
                if value is None:
                    continue
                self.sums[col] = self.sums.get(col, 0.0) + value
                entry = per_stream.setdefault(stream.id, [stream, None, None, col])
                if role == "quantity":
                    entry[1] = value * (self.factor(unit, stream) or 1.0)
                else:
                    entry[2] = value
                shown[col] = _plain(value, m.number_locale)
            if period and r.error_count == errors_before:
                for stream, qty, cost, col in per_stream.values():
                    if qty is None:  # a cost alone cannot make a figure: say so
                        self.error(
                            "import.cost_without_quantity", number, col, stream=stream.name_vi
                        )
                    else:
                        self.add_record(number, col, stream, period, qty, cost)
        else:
            name = cell(self.stream_col)
            found = self.streams.find(name) if name is not None else None
            if found is None:
                self.error("import.unknown_stream", number, self.stream_col, stream=str(name or ""))
            shown[self.stream_col] = found.name_vi if found else ""
            raw = cell(self.qty_col)
            qty = self.number(
                parse_number(raw, m.number_locale), raw, number, self.qty_col, negative_ok=False
            )
            if raw is None and self.t.has_formulas:
                self.blank_cells.add((number, self.qty_col))
            cost = None
            if self.cost_col is not None:
                raw_cost = cell(self.cost_col)
                cost = self.number(
                    parse_number(raw_cost, m.number_locale),
                    raw_cost,
                    number,
                    self.cost_col,
                    negative_ok=True,
                )
                if cost is not None:
                    shown[self.cost_col] = _plain(cost, m.number_locale)
            unit = ""
            if self.unit_col is not None:
                unit = str(cell(self.unit_col) or "").strip()
                if unit:
                    shown[self.unit_col] = unit
            if found is not None and qty is not None:
                factor = self.factor(unit, found)
                if factor is None:
                    self.error(
                        "import.unit_mismatch",
                        number,
                        self.unit_col,
                        unit=unit,
                        stream=found.name_vi,
                        stream_unit=found.unit,
                    )
                else:
                    qty *= factor
                    shown[self.qty_col] = _plain(qty, m.number_locale)
                    if period and r.error_count == errors_before:
                        self.add_record(number, self.qty_col, found, period, qty, cost)
        if len(r.preview) < self.preview_rows:
            level = (
                "error"
                if r.error_count > errors_before
                else ("warning" if r.warning_count > warnings_before else "")
            )
            raw_cells = ["" if cell(c) is None else str(cell(c)) for c in self.preview_cols]
            parsed_cells = [shown.get(c, "") if c is not None else "" for c in self.preview_cols]
            r.preview.append(PreviewRow(number, raw_cells, parsed_cells, level))

    def add_record(
        self,
        row: int,
        col: int,
        stream: ResourceStream,
        period: str,
        qty: float,
        cost: float | None,
    ) -> None:
        key = (stream.id, period)
        cost_vnd = None if cost is None else int(round(cost))
        if key in self.found:
            first_row, rec = self.found[key]
            if self.m.aggregate:
                rec.quantity += qty
                if cost_vnd is not None:
                    rec.cost_vnd = (rec.cost_vnd or 0) + cost_vnd
                return
            self.error(
                "import.duplicate_in_file",
                row,
                col,
                period=period,
                stream=stream.name_vi,
                first_row=first_row,
            )
            return
        self.found[key] = (row, PeriodRecord(stream.id, period, qty, cost_vnd))

    # -- after the rows ----------------------------------------------------------------------
    def check_formulas(self) -> None:
        """Blank mapped cells in a workbook with formulas: are they uncalculated formulas?"""
        if self.t.kind != "xlsx" or not self.blank_cells or self.t.path is None:
            return
        self.r.formulas_rechecked = True
        self.warn("import.formulas_checked")
        for row, col in sorted(formula_cells(self.t.path, self.t.sheet, self.blank_cells)):
            self.error("import.formula_no_value", row, col)

    def finish(self) -> None:
        existing: dict[tuple[str, str], list[PeriodRecord]] = {}
        for rec in self.audit.records:
            existing.setdefault((rec.stream_id, rec.period), []).append(rec)
        names = {s.id: s.name_vi for s in self.audit.streams}
        baseline = set(self.audit.baseline_periods())
        outside: set[str] = set()
        records = []
        for key, (row, rec) in self.found.items():
            # Kept, but indicators count only the baseline: say so once per month.
            if baseline and rec.period not in baseline and rec.period not in outside:
                outside.add(rec.period)
                periods = sorted(baseline)
                self.warn(
                    "import.outside_baseline",
                    row,
                    None,
                    period=rec.period,
                    first=periods[0],
                    last=periods[-1],
                )
            olds = existing.get(key)
            if olds:
                if self.m.on_existing == "reject":
                    self.error(
                        "import.duplicate_existing",
                        row,
                        None,
                        period=rec.period,
                        stream=names.get(rec.stream_id, ""),
                    )
                    continue
                rec.id = olds[0].id  # same id: the put replaces it, undo restores it
                self.r.superseded.extend(olds[1:])
                self.r.replaced += 1
                self.warn(
                    "import.will_replace",
                    row,
                    None,
                    period=rec.period,
                    stream=names.get(rec.stream_id, ""),
                    old=format_number(olds[0].quantity, self.m.number_locale),
                    new=format_number(rec.quantity, self.m.number_locale),
                )
            records.append(rec)
        self.r.records = records if self.r.ok else []


def commit(af, result: ImportResult) -> int:
    """Write an accepted import in ONE transaction; returns the number of figures written."""
    if not result.ok:
        raise UserError.of("import.nothing_imported")
    if getattr(af, "read_only", False):
        raise UserError.of("import.read_only")
    af.apply(put=list(result.records), delete=list(result.superseded))
    return len(result.records)


def import_file(af, path: str | Path, mapping: Mapping, *, dry_run: bool = False) -> ImportResult:
    """Validate ``path`` against the audit in ``af`` and, when clean and not a dry run, commit."""
    result = validate(path, mapping, af.load())
    if result.ok and not dry_run:
        commit(af, result)
    return result


def saved_mappings(af) -> dict[str, Mapping]:
    """Mappings saved in the audit by name (e.g. "Hóa đơn điện hằng tháng")."""
    stored = af.get_setting(MAPPINGS_SETTING, {}) or {}
    out = {}
    for name, data in stored.items():
        try:
            out[name] = Mapping.from_dict(data)
        except UserError:
            continue  # a mapping saved by a newer version: skip rather than fail the wizard
    return out


def save_mapping(af, name: str, mapping: Mapping) -> None:
    stored = dict(af.get_setting(MAPPINGS_SETTING, {}) or {})
    stored[name] = mapping.to_dict()
    af.set_setting(MAPPINGS_SETTING, stored)


PEEK_ROWS = 20  # rows of the raw sheet shown, and searched for the header


@dataclass
class Peek:
    """What the mapping step needs: the sheets, the first rows as read, the header row's texts
    and a guess of which row is the header."""

    sheets: list[str]
    sheet: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)  # the first PEEK_ROWS rows, as text
    header_guess: int = 1
    period_guess: int = 0  # 0-based column of the months under the header row


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def peek(path: str | Path, sheet: str = "", header_row: int | None = 1) -> Peek:
    """Sheet names, the first rows and header texts of a file, reading only the first rows.
    ``header_row=None`` takes the guessed header row."""
    table = open_table(path, sheet)
    raw: list[tuple] = []
    for number, values in table.rows:
        raw.append(tuple(values))
        if number >= max(PEEK_ROWS, header_row or 0) + 5:
            break
    close = getattr(table.rows, "close", None)
    if close is not None:
        close()  # stop the generator: closes the workbook
    guess = guess_header_row(raw[:PEEK_ROWS])
    row = header_row or guess
    headers = [_text(v) for v in raw[row - 1]] if row <= len(raw) else []
    while headers and not headers[-1]:
        headers.pop()
    width = max((len(r) for r in raw[:PEEK_ROWS]), default=0)
    rows = [[_text(v) for v in r] + [""] * (width - len(r)) for r in raw[:PEEK_ROWS]]
    period = guess_period_column(headers, [r[: len(headers)] for r in raw[row : row + 10]])
    return Peek(table.sheets, table.sheet, headers, rows, guess, period)


def guess_wide_columns(headers: list[str], streams: list[ResourceStream]) -> list[ColumnMap]:
    """Columns whose header names a stream ("Dien (kWh)" -> Điện, kWh): a first mapping to
    correct. A header's unit in brackets that differs from the stream's is kept, to convert."""
    out = []
    for header in headers:
        if not header.strip():
            continue
        stream = match_stream(header, streams)
        if stream is None:
            name = split_unit(header)[0]
            candidate = match_stream(name, streams) if name != header.strip() else None
            unit = split_unit(header)[1]
            if candidate is not None and _unit_factor(unit, candidate) is not None:
                out.append(ColumnMap(header, candidate.id, unit=unit))
            continue
        out.append(ColumnMap(header, stream.id))
    return out


def guess_mapping(path: str | Path, audit: Audit, sheet: str = "") -> Mapping:
    """A wide mapping from the file alone: guessed header row and month column, columns matched
    to streams by name. UserError when no column names a stream."""
    info = peek(path, sheet, None)
    period = info.headers[info.period_guess] if info.period_guess < len(info.headers) else ""
    period = period or column_letter(info.period_guess)
    others = [h for i, h in enumerate(info.headers) if i != info.period_guess]
    columns = guess_wide_columns(others, audit.streams)
    if not columns:
        raise UserError.of(
            "import.no_columns_matched",
            Location(file=Path(path).name, sheet=info.sheet, row=info.header_guess),
            columns=", ".join(h for h in info.headers if h),
        )
    return Mapping(
        sheet=info.sheet, header_row=info.header_guess, period_column=period, columns=columns
    )
