"""The Excel workbook (openpyxl) a manager can recalculate: change a price, see the savings.

Live formulas: stream totals sum the monthly records; each option's money saving is
Σ(physical saving × the stream's price cell) − added operating cost; payback and NPV follow from
it; the summary adds them up. Invoice totals stay values (they are facts from bills).

Every piece of user text goes through ``_text`` so a title such as ``=HYPERLINK(...)`` or
``+84…`` is stored as text, never as a formula (formula injection).
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.core.messages import text
from app.reports.snapshot import ReportSnapshot, Text2

MONEY = "#,##0"
QTY = "#,##0.0"
QTY3 = "#,##0.000"
CO2E = "#,##0.0"  # tCO2e: one decimal, as the PDF (fmt.tco2e)
PCT = "0.0%"
YEARS = "0.0"
DATE = {"vi": "dd/mm/yyyy", "en": "d mmm yyyy"}
HEADER_FILL = PatternFill("solid", fgColor="E8F1EE")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14, color="1F6F5C")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="top")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
# hidden in the summary workbook
SUMMARY_HIDDEN = ("records", "option_savings", "factors", "cash_flows")


def _text(cell, value: str) -> None:
    """Store user text as text even when it looks like a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith(DANGEROUS):
        cell.data_type = "s"
        cell.quotePrefix = True  # Excel keeps it text when the cell is edited


class XlsxReport:
    def __init__(self, snap: ReportSnapshot, lang: str):
        self.snap, self.lang = snap, lang
        self.money = not snap.confidential
        self.short = snap.variant == "summary"  # the summary workbook for management
        self.wb = Workbook()
        self.stream_row: dict[str, int] = {}  # stream id -> row on the streams sheet
        self.option_row: dict[str, int] = {}
        self.sheet_names: dict[str, str] = {}

    def t(self, key: str, **params) -> str:
        return text(f"report.{key}", self.lang, **params)

    def u(self, value: Text2) -> str:
        shown, untranslated = value.get(self.lang)
        return f"{shown} {self.t('untranslated')}" if untranslated else shown

    def sheet(self, key: str, first: bool = False) -> Worksheet:
        title = self.t(f"sheet.{key}")[:31]
        ws = self.wb.active if first else self.wb.create_sheet()
        ws.title = title
        self.sheet_names[key] = title
        return ws

    def ref(self, key: str) -> str:
        return "'" + self.sheet_names[key].replace("'", "''") + "'"

    def header(self, ws: Worksheet, row: int, labels: list[str]) -> None:
        for i, label in enumerate(labels, 1):
            c = ws.cell(row, i, label)
            c.font, c.fill = BOLD, HEADER_FILL
            c.alignment = HEADER_ALIGN
        ws.freeze_panes = ws.cell(row + 1, 1)

    def widths(self, ws: Worksheet, widths: dict[int, float] | None = None) -> None:
        """Column widths from the language's longest text (capped), headers included."""
        longest: dict[int, int] = {}
        # the written cells only (iter_rows would create every empty one of the grid)
        for (row, col), cell in ws._cells.items():
            v = cell._value
            if row > 200:
                continue
            if isinstance(v, str) and not v.startswith("="):
                longest[col] = max(longest.get(col, 0), len(v))
            elif isinstance(v, (int, float)):
                longest[col] = max(longest.get(col, 0), 12)
        for col, n in longest.items():
            ws.column_dimensions[get_column_letter(col)].width = min(max(10, n + 2), 48)
        for col, w in (widths or {}).items():
            ws.column_dimensions[get_column_letter(col)].width = w

    # -- sheets ---------------------------------------------------------------------------
    def streams(self) -> None:
        s = self.snap
        ws = self.sheet("streams")
        rec = self.sheet("records")
        cols = [self.t("col.resource"), self.t("col.group"), self.t("col.unit")]
        if self.money:
            cols += [
                self.t("col.price"),
                self.t("col.annual_qty"),
                self.t("col.annual_cost"),
                self.t("col.share"),
            ]
        else:  # no price, cost or share columns: the quantity, GJ and tCO2e follow the unit
            cols += [self.t("col.annual_qty")]
        cols += ["GJ", "tCO2e"]
        qty_col, gj_col = (5, 8) if self.money else (4, 5)
        self.header(ws, 1, cols)
        rcols = [
            self.t("col.resource"),
            self.t("col.unit"),
            self.t("col.period"),
            self.t("col.quantity"),
        ] + ([self.t("col.cost")] if self.money else [])
        self.header(rec, 1, rcols)
        # per-unit factors (GJ, tCO2e) as cells: the Streams and Options figures multiply them
        fac = self.sheet("factors")
        self.header(
            fac,
            1,
            [
                self.t("col.resource"),
                self.t("col.unit"),
                self.t("col.gj_per_unit"),
                self.t("col.co2e_per_unit"),
            ],
        )
        fac.cell(2 + len(s.streams) + 1, 1, self.t("factors_note"))
        fref = self.ref("factors")
        r = 2
        first_stream_row = 2
        last = first_stream_row + len(s.streams) - 1
        for i, x in enumerate(s.streams):
            row = first_stream_row + i
            self.stream_row[x.id] = row
            _text(ws.cell(row, 1), self.u(x.name))
            ws.cell(row, 2, self.t(f"group.{x.group}"))
            _text(ws.cell(row, 3), x.unit)
            start = r
            for period, qty, cost in x.months:
                if qty is None:
                    continue
                _text(rec.cell(r, 1), self.u(x.name))
                _text(rec.cell(r, 2), x.unit)
                rec.cell(r, 3, period)
                rec.cell(r, 4, qty).number_format = QTY
                if self.money:
                    c = rec.cell(r, 5)
                    if cost is not None:
                        c.value = cost
                    elif x.unit_price is not None:  # no invoice: quantity x the live price
                        c.value = f"=D{r}*{self.ref('streams')}!$D${row}"
                    c.number_format = MONEY
                r += 1
            if r > start:
                ws.cell(row, qty_col, f"=SUM({self.ref('records')}!D{start}:D{r - 1})")
            else:
                ws.cell(row, qty_col, self.t("no_records"))
            ws.cell(row, qty_col).number_format = QTY
            if self.money:
                ws.cell(row, 4, x.unit_price).number_format = MONEY
                ws.cell(
                    row, 6, f"=SUM({self.ref('records')}!E{start}:E{r - 1})" if r > start else None
                )
                ws.cell(row, 6).number_format = MONEY
                # a share of what the resources bought cost (scrap sold has none): the core's
                # rule (indicators.StreamTotal.cost_share), the PDF table's and the chart's
                bought = f'SUMIF($F${first_stream_row}:$F${last},">0")'
                ws.cell(
                    row, 7, f'=IF(AND(N(F{row})>0,{bought}>0),F{row}/{bought},"")'
                ).number_format = PCT
            _text(fac.cell(row, 1), self.u(x.name))
            _text(fac.cell(row, 2), x.unit)
            qty = x.annual_quantity if x.months else None
            for k, figure in enumerate((x.energy_gj, x.co2e_t)):
                cell = ws.cell(row, gj_col + k, figure)
                if figure is not None and qty:  # quantity x the factor cell, live
                    fac.cell(row, 3 + k, figure / qty).number_format = "0.000000000"
                    L = get_column_letter(3 + k)
                    cell.value = f"={get_column_letter(qty_col)}{row}*{fref}!${L}${row}"
                cell.number_format = QTY
        total = last + 1
        ws.cell(total, 1, self.t("total")).font = BOLD
        self.streams_total_row = total
        if self.money and s.streams:
            ws.cell(total, 6, f"=SUM(F{first_stream_row}:F{last})").number_format = MONEY
            ws.cell(total, 6).font = BOLD
        if s.streams:
            for col in (gj_col, gj_col + 1):
                letter = "ABCDEFGHIJ"[col - 1]
                ws.cell(total, col, f"=SUM({letter}{first_stream_row}:{letter}{last})")
                ws.cell(total, col).number_format = QTY
        self.widths(ws, {1: 34})
        self.widths(rec, {1: 34})
        self.widths(fac, {1: 34})
        if self.money and s.streams:
            chart = BarChart()
            chart.type = "bar"
            chart.title = self.t("h.cost_chart")
            chart.y_axis.title = "VND"
            chart.legend = None
            n = min(len(s.streams), 30)
            chart.add_data(
                Reference(ws, min_col=6, min_row=1, max_row=1 + n), titles_from_data=True
            )
            chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + n))
            chart.height, chart.width = 9, 18
            ws.add_chart(chart, "K2")

    def option_savings(self) -> None:
        ws = self.sheet("option_savings")
        cols = [
            self.t("col.code"),
            self.t("col.resource"),
            self.t("col.unit"),
            self.t("col.saving_qty"),
        ]
        if self.money:
            cols += [self.t("col.price"), self.t("col.saving_vnd")]
        cols += [self.t("col.co2e_per_unit"), self.t("col.co2e_saving")]
        self.co2e_col = len(cols)  # the avoided tCO2e per year of each saving
        self.header(ws, 1, cols)
        fref = self.ref("factors")
        r = 2
        for o in self.snap.options:
            for sv in o.savings:
                _text(ws.cell(r, 1), o.code or o.id[:8])
                _text(ws.cell(r, 2), self.u(sv.stream))
                _text(ws.cell(r, 3), sv.unit)
                ws.cell(r, 4, sv.quantity).number_format = QTY
                if self.money:
                    srow = self.stream_row.get(sv.stream_id)
                    # the stream's price cell: change it there and every saving follows
                    ws.cell(r, 5, f"={self.ref('streams')}!$D${srow}" if srow else None)
                    ws.cell(r, 5).number_format = MONEY
                    ws.cell(r, 6, f"=D{r}*E{r}").number_format = MONEY
                srow = self.stream_row.get(sv.stream_id)
                fcol, ccol = self.co2e_col - 1, self.co2e_col
                F = get_column_letter(fcol)
                ws.cell(r, fcol, f"={fref}!$D${srow}" if srow else 0).number_format = "0.000000000"
                ws.cell(r, ccol, f"=D{r}*{F}{r}").number_format = CO2E
                r += 1
        self.savings_last_row = max(2, r - 1)
        self.widths(ws, {2: 34})

    def calculations(self) -> None:
        """Every calculator run behind the options' savings: inputs, results, source."""
        from app.reports.calculations import describe

        runs = [(o, run) for o in self.snap.options for run in o.calculations]
        if not runs:
            return
        ws = self.sheet("calculations")
        self.header(
            ws,
            1,
            [
                self.t("col.code"),
                self.t("calc.calculator"),
                self.t("calc.inputs"),
                self.t("calc.results"),
                self.t("calc.source"),
            ],
        )
        for r, (o, run) in enumerate(runs, 2):
            d = describe(run, self.lang, money=self.money)
            _text(ws.cell(r, 1), o.code or o.id[:8])
            _text(ws.cell(r, 2), d.title)
            _text(ws.cell(r, 3), "\n".join(d.inputs))
            _text(ws.cell(r, 4), "\n".join(d.outputs + ([d.error] if d.error else [])))
            _text(ws.cell(r, 5), d.source)
            for c in range(1, 6):
                ws.cell(r, c).alignment = WRAP_TOP
        self.widths(ws, {2: 34, 3: 48, 4: 40, 5: 40})

    def cash_flows(self) -> tuple[str, str]:
        """One row per option (the Options sheet's row): year 0 = −investment, then the net
        saving for each year of its lifetime, 0 after; the IRR is computed over it."""
        ws = self.sheet("cash_flows")
        years = max((o.lifetime or 0 for o in self.snap.options), default=0)
        self.header(
            ws,
            1,
            [self.t("col.code")] + [self.t("col.year_n", n=k) for k in range(years + 1)],
        )
        op = "'" + self.t("sheet.options")[:31].replace("'", "''") + "'"
        for i, o in enumerate(self.snap.options):
            r = 2 + i
            _text(ws.cell(r, 1), o.code or o.id[:8])
            ws.cell(r, 2, f"=-{op}!E{r}").number_format = MONEY
            for k in range(1, years + 1):
                ws.cell(r, 2 + k, f"=IF({k}<={op}!$J{r},{op}!$G{r},0)").number_format = MONEY
        return self.ref("cash_flows"), get_column_letter(2 + years)

    def options(self) -> None:
        s = self.snap
        ws = self.sheet("options")
        cols = [
            self.t("col.code"),
            self.t("col.option"),
            self.t("col.category"),
            self.t("col.status"),
        ]
        if self.money:
            cols += [
                self.t("col.investment"),
                self.t("col.added_opex"),
                self.t("col.net_saving"),
                self.t("col.payback"),
                self.t("col.rate"),
                self.t("col.lifetime"),
                self.t("col.npv_vnd"),
                self.t("col.irr"),
            ]
        cols += ["tCO2e/" + self.t("unit.year"), self.t("col.counted")]
        self.header(ws, 1, cols)
        flag_col = 14 if self.money else 6
        F = get_column_letter(flag_col)
        sav = self.ref("option_savings")
        n = self.savings_last_row
        C = get_column_letter(self.co2e_col)
        if self.money:
            cf, cf_last = self.cash_flows()
        for i, o in enumerate(s.options):
            r = 2 + i
            self.option_row[o.id] = r
            _text(ws.cell(r, 1), o.code or o.id[:8])
            _text(ws.cell(r, 2), self.u(o.title))
            ws.cell(r, 3, self.t(f"cat.{o.category}"))
            ws.cell(r, 4, self.t(f"status.{o.status}"))
            if self.money:
                ws.cell(r, 5, o.investment).number_format = MONEY
                ws.cell(r, 6, o.added_opex).number_format = MONEY
                if o.override_saving is not None:  # the auditor's figure, with its reason
                    saving = f"={o.override_saving}-F{r}"
                else:
                    saving = f"=SUMIF({sav}!$A$2:$A${n},A{r},{sav}!$F$2:$F${n})-F{r}"
                ws.cell(r, 7, saving).number_format = MONEY
                # no money entered at all: "not assessed", never a payback of 0 (the best)
                none = self.t("not_assessed").replace('"', "'")
                ws.cell(
                    r,
                    8,
                    f'=IF(AND(E{r}=0,F{r}=0,G{r}=0),"{none}",IF(E{r}=0,0,IF(G{r}>0,E{r}/G{r},"")))',
                ).number_format = YEARS
                ws.cell(r, 9, o.discount_rate).number_format = PCT
                ws.cell(r, 10, o.lifetime)
                ws.cell(r, 11, f"=PV(I{r},J{r},-G{r})-E{r}").number_format = MONEY
                # over the option's cash-flow row: a changed price or investment recomputes it
                ws.cell(r, 12, f'=IFERROR(IRR({cf}!B{r}:{cf_last}{r}),"")').number_format = PCT
            co2e = f"=SUMIF({sav}!$A$2:$A${n},A{r},{sav}!${C}$2:${C}${n})"
            ws.cell(r, 13 if self.money else 5, co2e).number_format = CO2E
            ws.cell(r, flag_col, 0 if o.rejected else 1)  # rejected options stay out of totals
        last = 1 + len(s.options)
        total = last + 1
        self.options_rows = (2, last)
        rejected = [o.code or "-" for o in s.options if o.rejected]
        label = (
            self.t("total_without_rejected", count=len(rejected), codes=", ".join(rejected))
            if rejected
            else self.t("total")
        )
        ws.cell(total, 1, label).font = BOLD
        if s.options:
            if self.money:
                for col in (5, 6, 7):
                    L = get_column_letter(col)
                    ws.cell(total, col, f"=SUMPRODUCT({L}2:{L}{last},{F}2:{F}{last})")
                    ws.cell(total, col).number_format = MONEY
                ws.cell(total, 8, f'=IF(G{total}>0,E{total}/G{total},"")').number_format = YEARS
                ws.cell(total, 13, f"=SUMPRODUCT(M2:M{last},{F}2:{F}{last})").number_format = CO2E
            else:
                ws.cell(total, 5, f"=SUMPRODUCT(E2:E{last},{F}2:{F}{last})").number_format = CO2E
        self.options_total_row = total
        self.widths(ws, {2: 46})
        if self.money and s.options:
            chart = BarChart()
            chart.title = self.t("h.saving_chart")
            chart.legend = None
            k = min(len(s.options), 30)
            chart.add_data(
                Reference(ws, min_col=7, min_row=1, max_row=1 + k), titles_from_data=True
            )
            chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + k))
            chart.height, chart.width = 9, 18
            ws.add_chart(chart, "O2")

    def indicators(self) -> None:
        s = self.snap
        ws = self.sheet("indicators")
        self.header(
            ws,
            1,
            [
                self.t("col.indicator"),
                self.t("col.product"),
                self.t("col.value"),
                self.t("col.unit"),
                self.t("col.basis"),
            ],
        )
        r = 2
        for x in s.specific:
            _text(ws.cell(r, 1), self.t("specific_of", stream=self.u(x.stream)))
            _text(ws.cell(r, 2), self.u(x.product))
            ws.cell(r, 3, x.value).number_format = QTY3
            ws.cell(r, 4, x.unit)
            r += 1
        for ind in s.indicators:
            ws.cell(r, 1, self.t(f"ind.{ind.key}"))
            ws.cell(r, 3, ind.value).number_format = QTY3
            ws.cell(r, 4, ind.unit)
            ws.cell(r, 5, self.t(f"basis.{ind.basis}") if ind.basis else "")
            r += 1
        for label, value, unit in (
            (self.t("kf.energy"), s.energy_gj, "GJ"),
            (self.t("kf.energy"), s.energy_toe, "TOE"),
            (self.t("kf.co2e"), s.co2e_t, "tCO2e"),
        ):
            ws.cell(r, 1, label)
            ws.cell(r, 3, value).number_format = QTY
            ws.cell(r, 4, unit)
            r += 1
        self.step_balances(ws, r + 1)
        self.widths(ws, {1: 44})

    def step_balances(self, ws: Worksheet, r: int) -> None:
        """Below the indicators: each step's balance, one row per unit family (never t and m³
        added together), the figures of the PDF and the Balances screen."""
        rows = [(i, st, b) for i, st in enumerate(self.snap.steps, 1) for b in st.balances]
        if not rows:
            return
        ws.cell(r, 1, self.t("h.step_balances")).font = BOLD
        labels = ["col.step", "col.family", "col.unit", "col.inputs", "col.outputs"]
        labels += ["col.losses", "col.unaccounted", "col.unaccounted_share"]
        for c, key in enumerate(labels, 1):
            cell = ws.cell(r + 1, c, self.t(key))
            cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, HEADER_ALIGN
        r += 2
        for i, st, b in rows:
            _text(ws.cell(r, 1), f"{i}. {self.u(st.name)}")
            ws.cell(r, 2, self.t(f"family.{b.dimension}"))
            ws.cell(r, 3, b.unit)
            for c, value in enumerate((b.inputs, b.outputs, b.losses, b.unaccounted), 4):
                ws.cell(r, c, value).number_format = QTY
            if b.share is None:
                ws.cell(r, 8, self.t("balance.no_inputs_short"))
            else:
                ws.cell(r, 8, b.share).number_format = PCT
                if b.flagged:
                    ws.cell(r, 8).fill = PatternFill("solid", fgColor="F4B6B6")
            r += 1

    def plan(self) -> None:
        s = self.snap
        ws = self.sheet("plan")
        cols = [
            self.t("col.code"),
            self.t("col.option"),
            self.t("col.status"),
            self.t("col.responsible"),
            self.t("col.target"),
            self.t("col.done"),
        ]
        if self.money:
            cols += [self.t("col.investment"), self.t("col.net_saving")]
        self.header(ws, 1, cols)
        r = 2
        opt = self.ref("options")
        for o in s.options:
            if o.status not in ("feasible", "planned", "implemented", "verified"):
                continue
            _text(ws.cell(r, 1), o.code)
            _text(ws.cell(r, 2), self.u(o.title))
            ws.cell(r, 3, self.t(f"status.{o.status}"))
            _text(ws.cell(r, 4), o.responsible)
            for col, d in ((5, o.target_date), (6, o.implemented_date)):
                if d:
                    ws.cell(r, col, d).number_format = DATE[self.lang]
            if self.money:
                orow = self.option_row[o.id]
                ws.cell(r, 7, f"={opt}!E{orow}").number_format = MONEY
                ws.cell(r, 8, f"={opt}!G{orow}").number_format = MONEY
            r += 1
        if r == 2:
            ws.cell(2, 1, self.t("plan_empty"))
        self.widths(ws, {2: 46, 5: 13, 6: 13})

    def readiness(self) -> None:
        """Eco-enterprise readiness: a row per criterion (none in the confidential variant)."""
        result = self.snap.readiness
        if result is None:
            return
        from app.core import readiness as rd

        lang = self.lang
        ws = self.wb.create_sheet()
        ws.title = text("readiness.sheet", lang)[:31]
        self.sheet_names["readiness"] = ws.title
        self.header(
            ws,
            1,
            [
                text("readiness.col.criterion", lang),
                text("readiness.col.legal_ref", lang),
                text("readiness.col.status", lang),
                text("readiness.col.evidence", lang),
            ],
        )
        r = 2
        for row in rd.report_rows(result, lang):
            _text(ws.cell(r, 1), f"{row.criterion_id}) {row.criterion}")
            _text(ws.cell(r, 2), row.legal_ref)
            _text(ws.cell(r, 3), row.status_text)
            _text(ws.cell(r, 4), "\n".join(f"• {e}" for e in row.evidence))
            for col in range(1, 5):
                ws.cell(r, col).alignment = WRAP_TOP
            r += 1
        overall = text(f"readiness.status.{result.overall.value}", lang)
        ws.cell(r + 1, 1, text("readiness.overall", lang, status=overall)).font = BOLD
        _text(ws.cell(r + 2, 1), text("readiness.report_note", lang))
        _text(
            ws.cell(r + 3, 1),
            text("readiness.source_line", lang, source=rd.shipped_checklist().source(lang)),
        )
        self.widths(ws, {1: 48, 2: 30, 3: 24, 4: 70})

    def summary(self, ws: Worksheet) -> None:
        s, ent = self.snap, self.snap.enterprise
        ws.cell(1, 1, self.t("cover.title_summary" if self.short else "cover.title")).font = TITLE
        r = 3
        if self.short:
            ws.cell(2, 1, self.t("xlsx.summary_note"))
            r = 4
        pairs = []
        if s.confidential:
            pairs.append((self.t("ent.name"), self.t("hidden")))
        for key in ("name", "tax_code", "address", "industrial_park", "province", "sector_name"):
            v = ent.get(key)
            if isinstance(v, Text2):
                if v.vi or v.en:
                    pairs.append((self.t(f"ent.{key}"), self.u(v)))
            elif v:
                pairs.append((self.t(f"ent.{key}"), str(v)))
        for label, value in pairs:
            ws.cell(r, 1, label).font = BOLD
            _text(ws.cell(r, 2), value)
            r += 1
        for label, d in ((self.t("cover.audit_dates"), s.start_date), ("", s.end_date)):
            if d:
                ws.cell(r, 1, label).font = BOLD
                ws.cell(r, 2, d).number_format = DATE[self.lang]
                r += 1
        r += 1
        ws.cell(r, 1, self.t("h.key_figures")).font = TITLE
        r += 1
        self.header(ws, r, [self.t("col.indicator"), self.t("col.value"), self.t("col.unit")])
        r += 1
        st, op = self.ref("streams"), self.ref("options")
        ot = self.options_total_row
        # (label, value or formula, unit, number format)
        rows: list[tuple[str, float | int | str | None, str, str]] = [
            (self.t("kf.energy"), s.energy_gj, "GJ", QTY),
            (self.t("kf.energy"), s.energy_toe, "TOE", QTY),
            (self.t("kf.co2e"), s.co2e_t, "tCO2e", QTY),
        ]
        if self.money:
            rows.insert(
                0, (self.t("kf.baseline_cost"), f"={st}!F{self.streams_total_row}", "VND", MONEY)
            )
            rows += [
                (self.t("kf.options"), len(s.options), "", "0"),
                (self.t("kf.investment"), f"={op}!E{ot}", "VND", MONEY),
                (self.t("kf.saving"), f"={op}!G{ot}", "VND/" + self.t("unit.year"), MONEY),
                (self.t("kf.payback"), f"={op}!H{ot}", self.t("unit.years"), YEARS),
                (self.t("kf.avoided"), f"={op}!M{ot}", "tCO2e/" + self.t("unit.year"), QTY),
            ]
        else:
            rows += [
                (self.t("kf.options"), len(s.options), "", "0"),
                (self.t("kf.avoided"), f"={op}!E{ot}", "tCO2e/" + self.t("unit.year"), QTY),
            ]
        self.summary_rows = {}
        for label, figure, unit, nf in rows:
            ws.cell(r, 1, label)
            ws.cell(r, 2, figure).number_format = nf
            ws.cell(r, 3, unit)
            self.summary_rows[label + unit] = r
            r += 1
        r += 1
        ws.cell(r, 1, self.t("h.options_by")).font = TITLE
        r += 1
        self.header(ws, r, [self.t("col.category"), self.t("col.count")])
        ws.freeze_panes = "A2"  # the title row; the summary has several small tables
        r += 1
        first, last = self.options_rows
        for cat, _ in s.totals.by_category:
            label = self.t(f"cat.{cat}")
            ws.cell(r, 1, label)
            ws.cell(r, 2, f"=COUNTIF({op}!$C${first}:$C${max(first, last)},A{r})")
            r += 1
        if s.gaps:
            r += 1
            ws.cell(r, 1, self.t("h.missing")).font = TITLE
            for g in s.gaps:
                r += 1
                _text(ws.cell(r, 1), text(g.key, self.lang, **dict(g.params)))
        self.widths(ws, {1: 44, 2: 40})

    def build(self) -> Workbook:
        summary = self.sheet("summary", first=True)
        self.streams()
        if not self.short:
            self.indicators()
        self.option_savings()
        self.options()
        if not self.short:
            self.calculations()
        self.plan()
        self.readiness()
        self.summary(summary)
        if self.short:
            # For management: summary, streams' annual totals, options and plan. The detail
            # the formulas rest on stays in the file (live formulas) but out of sight.
            for key in SUMMARY_HIDDEN:
                if key in self.sheet_names:
                    self.wb[self.sheet_names[key]].sheet_state = "hidden"
        return self.wb


def write_xlsx(snap: ReportSnapshot, lang: str, target) -> None:
    """Render ``snap`` to ``target`` (path or binary file object) as an .xlsx workbook."""
    report = XlsxReport(snap, lang)
    wb = report.build()
    wb.properties.title = report.t("cover.title_summary" if report.short else "cover.title")
    wb.properties.creator = "RECP Audit"
    wb.save(target)
