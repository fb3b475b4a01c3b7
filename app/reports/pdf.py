"""The PDF report (reportlab platypus), in Vietnamese or English, from a ``ReportSnapshot``.

Layout decisions: A4 portrait, Noto Sans embedded; a real table of contents (one build: its page
numbers are filled in at the end, ``app.reports.pdf_toc``); running header and page number on every page but the cover; long
tables repeat their header row and headings stay with what follows them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from app.core.messages import text
from app.core.shares import cost_shares
from app.reports import fmt, fonts, reference_labels
from app.reports import report_charts as rc
from app.reports.pdf_toc import ContentsPage, fill_numbers, headings
from app.reports.report_charts import flow_diagram
from app.reports.snapshot import OptionRow, ReportSnapshot, StreamRow, Text2

ACCENT = colors.HexColor("#1F6F5C")
LIGHT = colors.HexColor("#E8F1EE")
GRID = colors.HexColor("#B8C7C2")
PAGE_W, PAGE_H = A4
MARGIN = 2 * cm
BODY_W = PAGE_W - 2 * MARGIN

Progress = Callable[[float], None]


class Cancelled(Exception):
    """Raised from a progress callback to stop an export."""


def _styles() -> dict[str, ParagraphStyle]:
    fam = fonts.register()
    base = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=9.5, leading=13)
    s = {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cellb": ParagraphStyle("cellb", parent=base, fontSize=8, leading=10, fontName=fonts.BOLD),
        "note": ParagraphStyle("note", parent=base, fontName=fonts.ITALIC, textColor=colors.grey),
        "H1": ParagraphStyle(
            "H1",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=16,
            leading=20,
            spaceBefore=6,
            spaceAfter=8,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        "H2": ParagraphStyle(
            "H2",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "H3": ParagraphStyle(
            "H3",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=24,
            leading=30,
            textColor=ACCENT,
            alignment=TA_CENTER,
        ),
        "cover_sub": ParagraphStyle(
            "cover_sub", parent=base, fontSize=14, leading=19, alignment=TA_CENTER
        ),
        "cover_big": ParagraphStyle(
            "cover_big",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=17,
            leading=22,
            alignment=TA_CENTER,
        ),
        "family": fam,
    }
    return s


class _Doc(BaseDocTemplate):
    """Bookmarks the H1/H2 headings, lists them in the outline and notes their pages for the
    contents page, whose numbers it writes at the end of the build."""

    def __init__(self, target, header: str, lang: str, progress: Progress | None, **kw):
        super().__init__(target, pagesize=A4, initialFontName=fonts.REGULAR, **kw)
        self.header_text = header
        self.report_lang = lang
        self.progress = progress
        self._count = 0
        self._headings = 0
        self.total_flowables = 1
        self.contents: ContentsPage | None = None
        self.heading_pages: dict[str, int] = {}
        frame = Frame(MARGIN, MARGIN, BODY_W, PAGE_H - 2 * MARGIN, id="body")
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._footer_only),
                PageTemplate("normal", [frame], onPage=self._header_footer),
            ]
        )

    def afterFlowable(self, flowable):
        self._count += 1
        if self.progress and self._count % 25 == 0:
            self.progress(min(1.0, self._count / max(1, self.total_flowables)))
        if isinstance(flowable, Paragraph) and flowable.style.name in ("H1", "H2"):
            level = 0 if flowable.style.name == "H1" else 1
            self._headings += 1
            key = f"h{self._headings}"  # headings in story order: the contents page's keys
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level)
            self.heading_pages[key] = self.page

    def _endBuild(self):
        if self.contents is not None and self.contents.entries:
            fill_numbers(self.canv, self.contents, self.heading_pages)
        super()._endBuild()

    def _footer_only(self, canv, doc):
        canv.saveState()
        canv.setFont(fonts.REGULAR, 7.5)
        canv.setFillColor(colors.grey)
        canv.drawCentredString(PAGE_W / 2, 1.1 * cm, text("report.footer.tool", self.report_lang))
        canv.restoreState()

    def _header_footer(self, canv, doc):
        canv.saveState()
        font, header = fonts.font_for(self.header_text[:110])  # fallback where Noto lacks glyphs
        canv.setFont(font, 8)
        canv.setFillColor(colors.grey)
        canv.drawString(MARGIN, PAGE_H - 1.25 * cm, header)
        canv.setFont(fonts.REGULAR, 8)
        canv.setStrokeColor(GRID)
        canv.line(MARGIN, PAGE_H - 1.4 * cm, PAGE_W - MARGIN, PAGE_H - 1.4 * cm)
        canv.drawRightString(
            PAGE_W - MARGIN, 1.1 * cm, text("report.footer.page", self.report_lang, page=doc.page)
        )
        canv.restoreState()


# Longest text a table cell shows (a row must fit one page; the rest is cut with a note).
MAX_CELL_LINES = 40
MAX_CELL_CHARS = 3000


class _KvCell(CellStyle):
    """A key-value table's cell: the body font at 8 pt, text from the top. Set as the cell's
    defaults, not as table-wide style commands, which reportlab applies cell by cell (a
    third of a table's set-up time in a report of many small tables)."""

    fontname = fonts.REGULAR
    fontsize = 8
    leading = 10
    valign = "TOP"


class _GridCell(_KvCell):
    """A data table's cell: as ``_KvCell``, with tighter rows."""

    topPadding = 2
    bottomPadding = 2


def _cell_styles(rows: int, cols: int, kind: type[CellStyle]) -> list[list[CellStyle]]:
    return [[kind("cell") for _ in range(cols)] for _ in range(rows)]


def _break_word(line: str, font: str, width: float) -> list[str]:
    """``line`` as pieces no wider than ``width``: a word longer than the column (a URL, a
    code, a run of letters) is broken between characters."""
    if stringWidth(line, font, 8) <= width:
        return [line]
    out, piece = [], ""
    for ch in line:
        if piece and stringWidth(piece + ch, font, 8) > width:
            out.append(piece)
            piece = ""
        piece += ch
    return out + [piece]


def _room_for_words(rows: list[list], col_w: list[float]) -> list[float]:
    """Column widths (the same total) in which no word is broken: a column too narrow for its
    longest word (a header such as "Environmental", a status, "(confidential)", a date) takes
    the room it lacks from the columns that have some to spare, in proportion to it. A
    column's need is, per cell, the cell's whole width when it fits on one line (so no cell that
    fitted on one line is made to wrap) and else its longest word; the first row is the bold
    header. Words longer than a third of the body (a URL) are left to be broken."""
    n = len(col_w)
    need = [0.0] * n
    widths: dict[tuple[str, str], float] = {}

    def measure(value: str, font: str) -> float:
        key = (value, font)
        if key not in widths:
            widths[key] = stringWidth(value, font, 8)
        return widths[key]

    for r, row in enumerate(rows):
        font = fonts.BOLD if r == 0 else fonts.REGULAR
        for i, value in enumerate(row[:n]):
            if not isinstance(value, str) or not value:
                continue
            room = col_w[i] - 8
            whole = measure(value, font) if "\n" not in value else room + 1
            if whole <= room:
                need[i] = max(need[i], whole)
            elif len(value) <= MAX_CELL_CHARS:
                need[i] = max(need[i], max((measure(w, font) for w in value.split()), default=0))
    need = [min(x + 8.5, BODY_W / 3) for x in need]
    lack = [max(0.0, need[i] - col_w[i]) for i in range(n)]
    spare = [max(0.0, col_w[i] - need[i]) for i in range(n)]
    wanted, have = sum(lack), sum(spare)
    if wanted <= 0.01 or have <= 0.01:
        return col_w
    give = min(1.0, have / wanted)  # share of each lack that can be met
    take = wanted * give / have  # share of each spare that is given
    return [col_w[i] + lack[i] * give - spare[i] * take for i in range(n)]


class PdfReport:
    """Builds the story of one report in one language."""

    def __init__(self, snap: ReportSnapshot, lang: str):
        self.snap = snap
        self.lang = lang
        self.st = _styles()
        self.money = not snap.confidential
        self.table_rows = 0  # rows laid out in tables (the benchmark's reference uses it)
        self.toc_flowable: ContentsPage | None = None
        self._charts: dict[str, Drawing] = {}  # chart key -> its drawing (built once)
        self.chart_count = 0  # charts placed (tests and the benchmark use it)
        self._fixed: dict[str, str] = {}  # report.* texts without parameters, in self.lang

    # -- small helpers -------------------------------------------------------------------
    def t(self, key: str, **params) -> str:
        if params:
            return text(f"report.{key}", self.lang, **params)
        if key not in self._fixed:  # labels without parameters: asked for a thousand times
            self._fixed[key] = text(f"report.{key}", self.lang)
        return self._fixed[key]

    def payback(self, row: Any, unit: bool = False) -> str:
        """An option's simple payback: "not assessed" when no money is entered (never 0)."""
        if not getattr(row, "assessed", True):
            return self.t("not_assessed")
        shown = fmt.years(row.payback, self.lang)
        return shown + " " + self.t("unit.years") if unit and row.payback is not None else shown

    def p(self, value: str, style: str = "body") -> Paragraph:
        st = self.st[style]
        return Paragraph(fonts.markup(value, st.fontName), st)

    def u(self, value: Text2) -> str:
        """User text in the report language; the Vietnamese marked when not translated."""
        shown, untranslated = value.get(self.lang)
        return f"{shown} {self.t('untranslated')}" if untranslated else shown

    def sector_name(self) -> str:
        """The enterprise's sector name in the report language (``u``), empty when none."""
        name = self.snap.enterprise.get("sector_name") or Text2()
        return self.u(name) if name.vi or name.en else ""

    def balance_text(self, b) -> str:
        """A step's balance of one unit family: its share of that family's inputs, or that
        there are none (never a share of another family's inputs)."""
        family = self.t(f"family.{b.dimension}")
        if b.share is None:
            return self.t("balance.no_inputs", family=family)
        flag = " ⚠" if b.flagged else ""
        return self.t("balance.share", family=family, share=fmt.percent(b.share, self.lang)) + flag

    def n(self, value, decimals: int | None = None) -> str:
        return (
            fmt.smart(value, self.lang)
            if decimals is None
            else fmt.number(value, self.lang, decimals)
        )

    def enum(self, group: str, value: str) -> str:
        return self.t(f"{group}.{value}") if value else fmt.DASH

    def table(
        self,
        header: list[str],
        rows: list[list],
        widths: list[float],
        numeric_from: int = 99,
        total_row: bool = False,
        text_cols: tuple[int, ...] = (),
        total_rows: int = 1,
        spanned_rows: tuple[int, ...] = (),
    ) -> Table:
        """A table with a repeated header row; ``total_rows`` last rows shaded when
        ``total_row``; the rows numbered in ``spanned_rows`` (0: the first of ``rows``) are one
        cell, their first, across the whole width (a label too long for one column).

        Cells are plain strings, wrapped here into lines (see ``_cell``), drawn in the cell's
        font and right-aligned in numeric columns: a Paragraph per cell is far slower to lay
        out, which matters for reports with thousands of rows.
        """
        scale = BODY_W / sum(widths)
        spanned = [r for i, r in enumerate(rows) if i in spanned_rows]
        sized = [r for i, r in enumerate(rows) if i not in spanned_rows]
        col_w = _room_for_words([header, *sized], [w * scale for w in widths])
        data = [[self._cell(h, col_w[i] - 8, bold=True) for i, h in enumerate(header)]]
        for r in rows:
            if any(r is x for x in spanned):
                data.append([self._cell(r[0], sum(col_w) - 8)] + [""] * (len(r) - 1))
            else:
                data.append([self._cell(c, col_w[i] - 8) for i, c in enumerate(r)])
        self.table_rows += len(data)
        tbl = Table(
            data,
            colWidths=col_w,
            repeatRows=1,
            hAlign="LEFT",
            cellStyles=_cell_styles(len(data), len(col_w), _GridCell),
        )
        style = [
            ("FONTNAME", (0, 0), (-1, 0), fonts.BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ]
        if numeric_from < len(widths):
            style.append(("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"))
        for col in text_cols:  # prose among the numbers (a source) reads from the left
            style.append(("ALIGN", (col, 1), (col, -1), "LEFT"))
        if total_row:
            style.append(("BACKGROUND", (0, -total_rows), (-1, -1), LIGHT))
        for i in spanned_rows:
            style += [("SPAN", (0, i + 1), (-1, i + 1)), ("ALIGN", (0, i + 1), (0, i + 1), "LEFT")]
        tbl.setStyle(TableStyle(style))
        return tbl

    def _cell(self, value, width: float, bold: bool = False):
        """A table cell: text as lines that fit ``width`` (a multi-line string, which a table
        draws line by line; a word too long for the column is broken between characters), at
        most MAX_CELL_LINES lines."""
        if not isinstance(value, str):
            return value
        font = fonts.BOLD if bold else fonts.REGULAR
        if "\n" not in value and stringWidth(value, font, 8) <= width and not fonts.lacks(value):
            return value
        # A row taller than the page cannot be laid out (reportlab's LayoutError): a cell keeps
        # at most MAX_CELL_LINES lines, and says that the rest was cut.
        cut = self.t("text_cut", chars=fmt.number(len(value), self.lang, 0))
        if len(value) > MAX_CELL_CHARS:
            value = value[:MAX_CELL_CHARS].rstrip() + " " + cut
        lines = [
            y
            for part in value.split("\n")
            for x in (simpleSplit(part, font, 8, width) or [""])
            for y in _break_word(x, font, width)
        ]
        if len(lines) > MAX_CELL_LINES:
            lines = lines[: MAX_CELL_LINES - 2] + [
                y for x in simpleSplit(cut, font, 8, width) for y in _break_word(x, font, width)
            ]
        if fonts.lacks(value, font):  # drawn with the fallback font where Noto Sans has no glyph
            return Paragraph(
                "<br/>".join(fonts.markup(x, font) for x in lines),
                self.st["cellb" if bold else "cell"],
            )
        return "\n".join(lines)

    def kv(self, pairs: list[tuple[str, str]], widths=(5, 11)) -> Table:
        col_w = [w * BODY_W / sum(widths) for w in widths]
        rows = [
            [
                self._cell(k, col_w[0] - 8, bold=True),
                self._cell(v, col_w[1] - 8),
            ]
            for k, v in pairs
        ]
        self.table_rows += len(rows)
        tbl = Table(
            rows, colWidths=col_w, hAlign="LEFT", cellStyles=_cell_styles(len(rows), 2, _KvCell)
        )
        tbl.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (0, -1), fonts.BOLD),
                    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ]
            )
        )
        return tbl

    def drawing(self, make, *args):
        """A diagram drawn by ``make(*args)``."""
        d = make(*args)
        fonts.fix_drawing(d)  # the fallback font where Noto Sans lacks a glyph
        return d

    def chart(self, key: str, make: Callable[[float], Drawing], width: float = 0.85 * BODY_W):
        """One chart as a vector drawing ``width`` wide, centred (``_charts`` keeps it by key
        for tests and the benchmark)."""
        d = self._charts[key] = make(width)
        fonts.fix_drawing(d)  # the fallback font where Noto Sans lacks a glyph
        self.chart_count += 1
        d.hAlign = "CENTER"
        return d

    def total_label(self, options) -> str:
        """ "Total", saying which rejected options the totals leave out (``options.is_rejected``)."""
        codes = [o.code or fmt.DASH for o in options if o.rejected]
        if not codes:
            return self.t("total")
        return self.t("total_without_rejected", count=len(codes), codes=", ".join(codes))

    def money_or_hidden(self, value) -> str:
        return fmt.money(value, self.lang) if self.money else self.t("hidden")

    # -- sections -------------------------------------------------------------------------
    def cover(self, short: bool = False) -> list:
        s, ent = self.snap, self.snap.enterprise
        out: list = [Spacer(1, 1.5 * cm if short else 3 * cm)]
        if s.logo:
            try:
                img = Image(io.BytesIO(s.logo))
                ratio = img.imageHeight / max(1, img.imageWidth)
                img.drawWidth, img.drawHeight = 4 * cm, 4 * cm * ratio
                out += [img, Spacer(1, 0.6 * cm)]
            except Exception:  # an unreadable logo is left out, never fatal
                pass
        title_key = "cover.title_summary" if s.variant == "summary" else "cover.title"
        out.append(self.p(self.t(title_key), "cover_title"))
        out.append(Spacer(1, 0.8 * cm))
        name = ent.get("name") or (
            self.t("cover.confidential_enterprise") if s.confidential else ""
        )
        if name:
            out.append(self.p(name, "cover_big"))
        place = ", ".join(str(x) for x in (ent.get("industrial_park"), ent.get("province")) if x)
        if place:
            out.append(self.p(place, "cover_sub"))
        if s.title.vi or s.title.en:
            out += [Spacer(1, 0.3 * cm), self.p(self.u(s.title), "cover_sub")]
        out.append(Spacer(1, 0.8 * cm))
        pairs = [
            (
                self.t("cover.audit_dates"),
                f"{fmt.day(s.start_date, self.lang)} – {fmt.day(s.end_date, self.lang)}",
            ),
            (
                self.t("cover.baseline"),
                f"{fmt.period(s.periods[0], self.lang)} – {fmt.period(s.periods[-1], self.lang)}"
                if s.periods
                else fmt.DASH,
            ),
            (
                self.t("cover.sector"),
                self.t("sector_division", code=ent.get("sector_vsic"))
                if s.confidential and ent.get("sector_vsic")
                else " ".join(
                    x for x in (str(ent.get("sector_vsic") or ""), self.sector_name()) if x
                )
                or fmt.DASH,
            ),
            (self.t("cover.generated"), fmt.day(s.report_date, self.lang)),
        ]
        if s.confidential:
            pairs.append((self.t("cover.variant"), self.t("cover.confidential_note")))
        out.append(self.kv(pairs))
        if s.team and not short:
            out += [Spacer(1, 0.6 * cm), self.p(self.t("cover.team"), "H3")]
            out.append(
                self.table(
                    [self.t("col.name"), self.t("col.role"), self.t("col.organisation")],
                    [
                        [
                            m.name or self.t("withheld"),
                            self.u(m.role),
                            " / ".join(
                                x for x in (self.u(m.organisation), self.u(m.department)) if x
                            ),
                        ]
                        for m in s.team
                    ],
                    [5, 5, 6],
                )
            )
        return out

    def toc(self) -> list:
        """The contents page; ``write_pdf`` gives it the story's headings."""
        self.toc_flowable = ContentsPage()
        return [self.p(self.t("toc"), "H3"), Spacer(1, 0.3 * cm), self.toc_flowable]

    def gaps(self) -> list:
        if not self.snap.gaps:
            return []
        out = [self.p(self.t("h.missing"), "H2")]
        for g in self.snap.gaps:
            out.append(self.p("• " + text(g.key, self.lang, **dict(g.params))))
        return out

    def narrative(self, key: str) -> list:
        """The auditor's text of one narrative section, a paragraph per blank-line block;
        nothing when the section is empty."""
        value = self.snap.narrative.get(key)
        if value is None:
            return []
        shown = self.u(value)
        blocks = [self.p(block) for block in shown.split("\n\n") if block.strip()]
        return [Spacer(1, 0.2 * cm), *blocks] if blocks else []

    def conclusions(self) -> list:
        if "conclusions" not in self.snap.narrative:
            return []
        return [self.p(self.t("h.conclusions"), "H1"), *self.narrative("conclusions")]

    def decision(self, limit: int | None = None) -> list:
        """The director's page: what is done, what is still to fund, the recommended order
        (``limit``: at most that many rows per table, the summary's page budget)."""
        d = self.snap.decision
        if d.empty:
            return []
        done, ranking = d.done[:limit], d.ranking[:limit]
        m = (lambda v: fmt.millions(v, self.lang)) if self.money else (lambda v: self.t("hidden"))
        out = [self.p(self.t("h.decision"), "H1")]
        out.append(self.p(self.t("decision.done", count=len(d.done)), "H2"))
        if d.done:
            out.append(
                self.table(
                    [
                        self.t("col.code"),
                        self.t("col.option"),
                        self.t("col.status"),
                        self.t("col.investment_m"),
                        self.t("col.estimated_saving"),
                        self.t("col.measured_saving"),
                    ],
                    [
                        [
                            x.code,
                            self.u(x.title),
                            self.t(f"status.{x.status}"),
                            m(x.investment),
                            m(x.estimated_saving),
                            m(x.measured_saving)
                            if x.measured_saving is not None or not self.money
                            else self.t("decision.not_measured"),
                        ]
                        for x in done
                    ],
                    [1.4, 6.6, 2.2, 2.2, 2.4, 2.4],
                    numeric_from=3,
                )
            )
            if len(d.done) > len(done):
                out.append(self.p(self.t("decision.more", count=len(d.done) - len(done)), "note"))
        else:
            out.append(self.p(self.t("decision.done_none"), "note"))
        out.append(self.p(self.t("decision.to_fund", count=d.to_fund_count), "H2"))
        payback = (
            fmt.years(d.to_fund_payback, self.lang) + " " + self.t("unit.years")
            if self.money
            else self.t("hidden")
        )
        out.append(
            self.kv(
                [
                    (self.t("col.investment_m"), m(d.to_fund_investment)),
                    (self.t("col.saving_m"), m(d.to_fund_saving)),
                    (self.t("decision.payback"), payback),
                ]
            )
        )
        if d.ranking:
            out.append(self.p(self.t("decision.order"), "H2"))
            weights = ", ".join(
                f"{text(f'options.criterion.{c}', self.lang)} {fmt.percent(w / (sum(d.weights.values()) or 1), self.lang, 0)}"
                for c, w in d.weights.items()
            )
            out.append(
                self.table(
                    [
                        self.t("col.rank"),
                        self.t("col.code"),
                        self.t("col.option"),
                        self.t("col.score"),
                        self.t("col.investment_m"),
                        self.t("col.saving_m"),
                        self.t("col.payback"),
                    ],
                    [
                        [
                            str(x.rank),
                            x.code,
                            self.u(x.title),
                            fmt.number(x.score, self.lang, 1),
                            m(x.investment),
                            m(x.annual_saving),
                            self.payback(x) if self.money else self.t("hidden"),
                        ]
                        for x in ranking
                    ],
                    [1.1, 1.4, 6.9, 1.3, 2.2, 2.3, 2.0],
                    numeric_from=3,
                )
            )
            if len(d.ranking) > len(ranking):
                more = len(d.ranking) - len(ranking)
                out.append(self.p(self.t("decision.more", count=more), "note"))
            out.append(self.p(self.t("decision.criteria", weights=weights), "note"))
        return out

    def summary(self, n_options: int | None = None) -> list:
        s, tot = self.snap, self.snap.totals
        out = [self.p(self.t("h.summary"), "H1")]
        figures = [
            (self.t("kf.energy"), f"{self.n(s.energy_gj, 0)} GJ · {self.n(s.energy_toe, 1)} TOE"),
            (
                self.t("kf.key_energy_user"),
                fmt.DASH
                if s.key_energy_user is None
                else self.t("yes" if s.key_energy_user else "no"),
            ),
            (self.t("kf.co2e"), f"{fmt.tco2e(s.co2e_t, self.lang)} tCO2e"),
            (
                self.t("kf.options"),
                self.t("kf.options_value", count=len(s.options), implemented=tot.implemented),
            ),
            (
                self.t("kf.investment"),
                self.money_or_hidden(tot.investment) + (" VND" if self.money else ""),
            ),
            (
                self.t("kf.saving"),
                self.money_or_hidden(tot.annual_saving) + (" VND" if self.money else ""),
            ),
            (
                self.t("kf.payback"),
                (fmt.years(tot.payback, self.lang) + " " + self.t("unit.years"))
                if self.money
                else self.t("hidden"),
            ),
            (
                self.t("kf.avoided"),
                f"{fmt.tco2e(tot.co2e_t, self.lang)} tCO2e/{self.t('unit.year')}",
            ),
        ]
        out += [self.p(self.t("h.key_figures"), "H2"), self.kv(figures, (7, 9))]
        out += [self.p(self.t("h.baseline_per_resource"), "H2"), self.baseline_table(s.streams)]
        cats = [(self.enum("cat", c), n) for c, n in tot.by_category if n]
        stats = [(self.enum("status", st), n) for st, n in tot.by_status if n]
        if s.options:
            rows = []
            for i in range(max(len(cats), len(stats))):
                c = cats[i] if i < len(cats) else ("", "")
                st = stats[i] if i < len(stats) else ("", "")
                rows.append([c[0], str(c[1]), st[0], str(st[1])])
            out += [
                self.p(self.t("h.options_by"), "H2"),
                self.table(
                    [
                        self.t("col.category"),
                        self.t("col.count"),
                        self.t("col.status"),
                        self.t("col.count"),
                    ],
                    rows,
                    [6, 2, 5, 2],
                ),
            ]
        if n_options is not None and s.options:
            top = sorted(
                s.options,
                key=lambda o: -(o.co2e_t or 0) if not self.money else -(o.annual_saving or 0),
            )[:n_options]
            out += [self.p(self.t("h.top_options", count=len(top)), "H2"), self.options_table(top)]
        if (
            n_options is not None
            and self.money
            and any((x.annual_cost or 0) > 0 for x in s.streams)
        ):
            out.append(KeepTogether([self.p(self.t("h.cost_chart"), "H2"), self.cost_chart()]))
        out += self.gaps()
        return out

    def baseline_table(self, streams: tuple[StreamRow, ...]) -> Table:
        total_cost = sum(x.annual_cost or 0 for x in streams)
        # the one share rule (app.core.shares), the cost-share chart's and the workbook's
        shares = cost_shares([x.annual_cost for x in streams])
        rows = []
        for x, share in zip(streams, shares, strict=True):
            row = [
                self.u(x.name),
                self.enum("group", x.group),
                x.unit,
                self.n(x.annual_quantity)
                if x.months and x.annual_quantity is not None
                else self.t("no_records"),
            ]
            if self.money:
                row += [
                    fmt.money(x.unit_price, self.lang),
                    fmt.money(x.annual_cost, self.lang),
                    fmt.percent(share, self.lang),
                ]
            rows.append(row)
        header = [
            self.t("col.resource"),
            self.t("col.group"),
            self.t("col.unit"),
            self.t("col.annual_qty"),
        ]
        widths = [6, 3, 1.6, 3]
        if self.money:
            header += [self.t("col.price"), self.t("col.annual_cost"), self.t("col.share")]
            widths += [2.6, 3.4, 1.8]
            bought = sum(x.annual_cost for x in streams if x.annual_cost and x.annual_cost > 0)
            if bought != total_cost:  # something sold: the shares are of the bought total
                one = fmt.percent(1.0, self.lang)
                rows.append(
                    [self.t("total_bought"), "", "", "", "", fmt.money(bought, self.lang), one]
                )
                rows.append(
                    [self.t("total_net"), "", "", "", "", fmt.money(total_cost, self.lang), ""]
                )
            else:
                rows.append([self.t("total"), "", "", "", "", fmt.money(total_cost, self.lang), ""])
        tbl = self.table(header, rows, widths, numeric_from=3, total_row=self.money)
        if self.money and rows[-1][0] == self.t("total_net"):
            tbl.setStyle(TableStyle([("BACKGROUND", (0, -2), (-1, -2), LIGHT)]))
        return tbl

    def enterprise(self) -> list:
        s, ent = self.snap, self.snap.enterprise
        out = [self.p(self.t("h.enterprise"), "H1")]
        pairs = []
        for key in (
            "name",
            "tax_code",
            "address",
            "province",
            "industrial_park",
            "sector_name",
            "employees",
            "shifts_per_day",
            "operating_days_per_year",
            "contact_name",
        ):
            v = ent.get(key)
            if v in (None, ""):
                continue
            if isinstance(v, Text2):
                if v.vi or v.en:
                    pairs.append((self.t(f"ent.{key}"), self.u(v)))
                continue
            pairs.append((self.t(f"ent.{key}"), self.n(v, 0) if isinstance(v, int) else str(v)))
        if s.confidential:
            pairs.insert(0, (self.t("ent.name"), self.t("hidden")))
            pairs += [
                (self.t(f"ent.{key}"), self.t("withheld"))
                for key in ("shifts_per_day", "operating_days_per_year")
            ]
        out.append(self.kv(pairs))
        out += self.narrative("enterprise")
        out.append(self.p(self.t("h.products"), "H2"))
        if s.products and s.confidential:  # shares of the output, never the firm's tonnes
            out.append(
                self.table(
                    [self.t("col.product"), self.t("col.output_share")],
                    [[self.u(p.name), fmt.percent(p.share, self.lang)] for p in s.products],
                    [11, 4],
                    numeric_from=1,
                )
            )
        elif s.products:
            out.append(
                self.table(
                    [self.t("col.product"), self.t("col.unit"), self.t("col.annual_output")],
                    [[self.u(p.name), p.unit, self.n(p.annual_output)] for p in s.products],
                    [9, 2, 4],
                    numeric_from=2,
                )
            )
        else:
            out.append(self.p(self.t("none_entered"), "note"))
        if "focus" in s.narrative:  # Đánh giá: the audit focus first
            out.append(self.p(self.t("h.focus"), "H2"))
            out += self.narrative("focus")
        out.append(self.p(self.t("h.process"), "H2"))
        if s.steps:
            out.append(
                self.drawing(
                    flow_diagram,
                    [self.u(st.name) for st in s.steps],
                    [
                        [self.u(f.name) for f in st.flows if f.direction == "input"]
                        for st in s.steps
                    ],
                    [[self.u(f.name) for f in st.flows if f.direction == "loss"] for st in s.steps],
                    BODY_W,
                    self.t("flow.inputs"),
                    self.t("flow.losses"),
                )
            )
            out.append(self.p(self.t("h.step_flows"), "H2"))
            rows = []
            for i, st in enumerate(s.steps, 1):
                for f in st.flows:
                    rows.append(
                        [
                            f"{i}. {self.u(st.name)}",
                            self.t(f"dir.{f.direction}"),
                            self.u(f.name),
                            self.n(f.quantity),
                            f.unit,
                        ]
                    )
                for b in st.balances:  # one line per unit family: t and m³ never mixed
                    rows.append(
                        [
                            f"{i}. {self.u(st.name)}",
                            self.t("dir.unaccounted"),
                            self.balance_text(b),
                            self.n(b.unaccounted, 1) if b.share is not None else fmt.DASH,
                            b.unit,
                        ]
                    )
            if rows:
                out.append(
                    self.table(
                        [
                            self.t("col.step"),
                            self.t("col.direction"),
                            self.t("col.flow"),
                            self.t("col.quantity"),
                            self.t("col.unit"),
                        ],
                        rows,
                        [5, 2.5, 5, 2.5, 1.5],
                        numeric_from=3,
                    )
                )
            causes = [(i, st) for i, st in enumerate(s.steps) if f"cause:{i}" in s.narrative]
            if causes:
                out.append(self.p(self.t("h.causes"), "H2"))
                for i, st in causes:
                    out.append(self.p(f"{i + 1}. {self.u(st.name)}", "H3"))
                    out += self.narrative(f"cause:{i}")
            names = [self.u(st.name) for st in s.steps]
            for diagram in s.plant:  # one diagram per resource kind, step to step
                chart = self.chart(
                    f"sankey:{diagram.kind}",
                    partial(rc.plant_sankey, diagram, names, self.lang, flow_name=self.u),
                    BODY_W,
                )
                title = self.t("h.sankey_of", name=self.t(f"sankey_kind.{diagram.kind}"))
                out.append(KeepTogether([self.p(title, "H2"), chart]))
        else:
            out.append(self.p(self.t("none_entered"), "note"))
        return out

    def baseline(self) -> list:
        s = self.snap
        out = [self.p(self.t("h.baseline"), "H1")]
        if not s.streams:
            return out + [self.p(self.t("gap.no_streams"), "note")]
        out.append(self.baseline_table(s.streams))
        if self.money and any((x.annual_cost or 0) > 0 for x in s.streams):
            out.append(KeepTogether([self.p(self.t("h.cost_chart"), "H2"), self.cost_chart()]))
        main = self.main_streams()
        if main:
            out.append(self.p(self.t("h.monthly"), "H2"))
            if not self.money:
                out.append(self.p(self.t("charts_no_money"), "note"))
            for x in main:
                out.append(
                    self.chart(
                        f"monthly:{x.id}",
                        partial(rc.monthly, x, self.u(x.name), self.lang),
                    )
                )
        out += self.monthly_tables()
        return out

    def cost_chart(self):
        names = [self.u(x.name) for x in self.snap.streams]
        return self.chart(
            "cost_shares", lambda w: rc.cost_shares(self.snap.streams, names, self.lang, w)
        )

    def main_streams(self, limit: int = 4) -> list[StreamRow]:
        """The largest stream with records of each group (energy, water, materials…), by cost
        (by energy, then quantity, when money is hidden), the costliest groups first."""
        best: dict[str, tuple] = {}
        for x in self.snap.streams:
            if not any(q is not None for _, q, _ in x.months):
                continue
            key = (x.annual_cost or 0, x.energy_gj or 0, x.annual_quantity or 0)
            if x.group not in best or key > best[x.group][0]:
                best[x.group] = (key, x)
        ranked = sorted(best.values(), key=lambda kx: -(kx[1].annual_cost or 0))
        return [x for _, x in ranked][:limit]

    def monthly_tables(self) -> list:
        out = []
        s = self.snap
        per = 5
        for start in range(0, len(s.streams), per):
            chunk = s.streams[start : start + per]
            header = [self.t("col.period")] + [f"{self.u(x.name)} ({x.unit})" for x in chunk]
            rows = []
            for i, per_name in enumerate(s.periods or [p for p, _, _ in chunk[0].months]):
                row = [fmt.period(per_name, self.lang)]
                for x in chunk:
                    q = x.months[i][1] if i < len(x.months) else None
                    row.append(self.n(q) if q is not None else fmt.DASH)
                rows.append(row)
            if rows:
                out += [
                    CondPageBreak(4 * cm),
                    self.table(header, rows, [2.2] + [3] * len(chunk), numeric_from=1),
                    Spacer(1, 0.3 * cm),
                ]
        return out

    def specific(self) -> list:
        s = self.snap
        out = [self.p(self.t("h.specific"), "H1")]
        if s.specific:
            out.append(
                self.table(
                    [
                        self.t("col.resource"),
                        self.t("col.product"),
                        self.t("col.value"),
                        self.t("col.unit"),
                    ],
                    [
                        [self.u(r.stream), self.u(r.product), self.n(r.value), r.unit]
                        for r in s.specific
                    ],
                    [6, 5, 3, 2.5],
                    numeric_from=2,
                )
            )
            if any(r.plant_level for r in s.specific):
                out.append(self.p(self.t("plant_level_note"), "note"))
        else:
            out.append(self.p(self.t("not_available"), "note"))
        trends = []
        for x in self.main_streams(3):
            row = next((r for r in s.specific if r.stream_id == x.id and r.per_period), None)
            if row is not None:
                trends.append(row)
        if trends:
            out.append(self.p(self.t("h.specific_trend"), "H2"))
            for r in trends:
                name = f"{self.u(r.stream)} / {self.u(r.product)}"
                out.append(
                    self.chart(
                        f"specific:{r.stream_id}:{r.unit}",
                        partial(rc.specific, r, name, self.lang),
                    )
                )
        out.append(self.p(self.t("h.indicators"), "H2"))
        if s.indicators:
            out.append(
                self.table(
                    [
                        self.t("col.indicator"),
                        self.t("col.value"),
                        self.t("col.unit"),
                        self.t("col.basis"),
                    ],
                    [
                        [
                            self.t(f"ind.{i.key}"),
                            self.n(i.value),
                            i.unit,
                            self.t(f"basis.{i.basis}") if i.basis else "",
                        ]
                        for i in s.indicators
                    ],
                    [7, 3, 3, 3],
                    numeric_from=1,
                    text_cols=(3,),
                )
            )
        elif "indicators" not in s.withheld:
            out.append(self.p(self.t("not_available"), "note"))
        if "indicators" in s.withheld:
            out.append(self.p(self.t("indicators_withheld"), "note"))
        out.append(self.p(self.t("h.energy_co2"), "H2"))
        rows = [
            [self.u(x.name), self.n(x.energy_gj, 0), fmt.tco2e(x.co2e_t, self.lang)]
            for x in s.streams
            if x.energy_gj or x.co2e_t
        ]
        rows.append([self.t("total"), self.n(s.energy_gj, 0), fmt.tco2e(s.co2e_t, self.lang)])
        out.append(
            self.table(
                [self.t("col.resource"), "GJ", "tCO2e"],
                rows,
                [8, 4, 4],
                numeric_from=1,
                total_row=True,
            )
        )
        if any((x.co2e_t or 0) > 0 for x in s.streams):
            names = [self.u(x.name) for x in s.streams]
            out.append(self.chart("co2e", lambda w: rc.co2e(s.streams, names, self.lang, w)))
        if s.grid_ef is not None:
            key = "grid_note" if s.grid_ef_year == s.reference_year else "grid_note_earlier"
            out.append(
                self.p(
                    self.t(
                        key, ef=self.n(s.grid_ef, 4), year=s.grid_ef_year, ref_year=s.reference_year
                    ),
                    "note",
                )
            )
        return out

    def findings(self) -> list:
        s = self.snap
        out = [self.p(self.t("h.findings"), "H1")]
        if not s.findings:
            return out + [self.p(self.t("gap.no_findings"), "note")]
        for i, f in enumerate(s.findings, 1):
            block = [self.p(f"{i}. {self.u(f.title) or self.u(f.area)}", "H3")]
            meta = [
                self.u(f.area),
                self.u(f.step) if f.step.vi else "",
                self.enum("severity", f.severity) if f.severity else "",
                self.enum("cat", f.category) if f.category else "",
            ]
            block.append(self.p(" · ".join(m for m in meta if m), "small"))
            note = self.u(f.note)
            if note:
                block.append(self.p(note))
            imgs = []
            for ph in f.photos:
                if ph.jpeg is None:
                    imgs.append(self.p(self.t("photo_unreadable"), "note"))
                    continue
                w = 7.5 * cm
                h = w * (ph.height / ph.width) if ph.width else w * 0.75
                if h > 6 * cm:
                    w, h = w * 6 * cm / h, 6 * cm
                cell = [Image(io.BytesIO(ph.jpeg), w, h)]
                if ph.caption.vi or ph.caption.en:
                    cell.append(self.p(self.u(ph.caption), "small"))
                imgs.append(cell)
            if imgs:
                rows = [
                    imgs[k : k + 2] + [""] * (2 - len(imgs[k : k + 2]))
                    for k in range(0, len(imgs), 2)
                ]
                tbl = Table(rows, colWidths=[BODY_W / 2] * 2, hAlign="LEFT")
                tbl.setStyle(
                    TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                        ]
                    )
                )
                block.append(tbl)
            out.append(KeepTogether(block))
        return out

    def options_table(self, options) -> Table:
        header = [
            self.t("col.code"),
            self.t("col.option"),
            self.t("col.category"),
            self.t("col.status"),
        ]
        widths = [1.3, 5.2, 2.7, 2.6]
        if self.money:
            header += [self.t("col.investment_m"), self.t("col.saving_m"), self.t("col.payback")]
            widths += [2.5, 2.5, 1.9]
        else:
            header += ["tCO2e/" + self.t("unit.year")]
            widths += [2.2]
        rows = []
        for o in options:
            row = [
                o.code,
                self.u(o.title),
                self.enum("cat", o.category),
                self.enum("status", o.status),
            ]
            if self.money:
                row += [
                    fmt.millions(o.investment, self.lang),
                    fmt.millions(o.annual_saving, self.lang),
                    self.payback(o),
                ]
            else:
                row += [fmt.tco2e(o.co2e_t, self.lang)]
            rows.append(row)
        return self.table(header, rows, widths, numeric_from=4)

    def options(self) -> list:
        s = self.snap
        out = [self.p(self.t("h.options"), "H1")]
        if not s.options:
            return out + [self.p(self.t("gap.no_options"), "note")]
        out.append(self.options_table(s.options))
        if self.money:
            out.append(self.p(self.t("options_money_note"), "note"))
        heading = self.p(self.t("h.option_details"), "H2")
        for i, o in enumerate(s.options):
            # the heading travels with the first block: never alone at the foot of a page
            out.append(KeepTogether(([heading] if i == 0 else []) + self.option_block(o)))
        return out

    def option_block(self, o: OptionRow) -> list:
        block = [self.p(f"{o.code} {self.u(o.title)}".strip(), "H3")]
        desc = self.u(o.description)
        if desc:
            block.append(self.p(desc))
        pairs = [
            (
                self.t("col.category"),
                self.enum("cat", o.category) + (f" · {self.t('symbiosis')}" if o.symbiosis else ""),
            ),
            (
                self.t("col.status"),
                self.enum("status", o.status)
                + (f" · {self.enum('screening', o.screening)}" if o.screening else ""),
            ),
        ]
        if o.step.vi:
            pairs.append((self.t("col.step"), self.u(o.step)))
        if o.rejected and (o.rejection_reason.vi or o.rejection_reason.en):
            pairs.append((self.t("rejection_reason"), self.u(o.rejection_reason)))
        for sv in o.savings:
            line = f"{self.n(sv.quantity)} {sv.unit}/{self.t('unit.year')}"
            if self.money and sv.unit_price is not None:
                line += f" × {fmt.money(sv.unit_price, self.lang)} VND = {fmt.money(sv.quantity * sv.unit_price, self.lang)} VND"
            pairs.append((self.t("saving_of", stream=self.u(sv.stream)), line))
        if self.money:
            if o.override_saving is not None:
                pairs.append(
                    (
                        self.t("override"),
                        f"{fmt.money(o.override_saving, self.lang)} VND · {self.u(o.override_reason)}",
                    )
                )
            pairs += [
                (self.t("col.investment"), fmt.money(o.investment, self.lang) + " VND"),
                (self.t("col.added_opex"), fmt.money(o.added_opex, self.lang) + " VND"),
                (self.t("col.net_saving"), fmt.money(o.annual_saving, self.lang) + " VND"),
                (
                    self.t("col.payback"),
                    self.payback(o, unit=True),
                ),
                (
                    self.t(
                        "col.npv", rate=fmt.percent(o.discount_rate, self.lang, 0), years=o.lifetime
                    ),
                    fmt.money(o.npv, self.lang) + " VND",
                ),
                (self.t("col.irr"), fmt.irr(o.irr, self.lang)),
            ]
        pairs.append(
            (self.t("col.co2e"), f"{fmt.tco2e(o.co2e_t, self.lang)} tCO2e/{self.t('unit.year')}")
        )
        from app.reports.calculations import pdf_flowables  # the calculators behind the savings

        return block + [self.kv(pairs, (5, 11))] + pdf_flowables(self, o) + [Spacer(1, 0.25 * cm)]

    def finance(self) -> list:
        s = self.snap
        out = [self.p(self.t("h.finance"), "H1")]
        if not s.options:
            return out + [self.p(self.t("gap.no_options"), "note")]
        out += self.feasibility()
        if not self.money:
            return out + [self.p(self.t("finance_hidden"), "note")]
        out.append(self.p(self.t("h.feasibility_economic"), "H2"))
        header = [
            self.t("col.code"),
            self.t("col.investment_m"),
            self.t("col.saving_m"),
            self.t("col.payback"),
            self.t("col.npv_m"),
            self.t("col.irr"),
            "tCO2e",
        ]
        rows = [
            [
                o.code,
                fmt.millions(o.investment, self.lang),
                fmt.millions(o.annual_saving, self.lang),
                self.payback(o),
                fmt.millions(o.npv, self.lang),
                fmt.irr(o.irr, self.lang),
                fmt.tco2e(o.co2e_t, self.lang),
            ]
            for o in s.options
        ]
        tot = s.totals
        label = self.total_label(s.options)
        spanned: tuple[int, ...] = ()
        if label != self.t("total"):  # "Total (leaves out …)": on a row of its own, full width
            rows.append([label, "", "", "", "", "", ""])
            spanned, label = (len(rows) - 1,), ""
        rows.append(
            [
                label,
                fmt.millions(tot.investment, self.lang),
                fmt.millions(tot.annual_saving, self.lang),
                fmt.years(tot.payback, self.lang),
                "",
                "",
                fmt.tco2e(tot.co2e_t, self.lang),
            ]
        )
        out.append(
            self.table(
                header,
                rows,
                [1.6, 2.5, 2.5, 2, 2.5, 2, 2],
                numeric_from=1,
                total_row=True,
                total_rows=1 + len(spanned),
                spanned_rows=spanned,
            )
        )
        out.append(self.p(self.t("finance_note"), "note"))
        if s.chart_options:  # the Options screen's charts (empty in the confidential variant)
            for name, heading in (
                ("mac", "h.mac"),
                ("bubble", "h.bubble"),
                ("category", "h.saving_by_category"),
            ):
                chart = self.chart(name, partial(rc.option_chart, s, name, self.lang), BODY_W)
                out.append(KeepTogether([self.p(self.t(heading), "H2"), chart]))
        return out

    def feasibility(self) -> list:
        """Technical and environmental assessment per option (the audit's screening scores),
        beside the economic score; the money follows in the next table."""
        rows = self.snap.decision.feasibility
        if not rows:
            return []

        def score(v, derived=False) -> str:
            if v is None:
                return fmt.DASH
            return fmt.number(v, self.lang, 1) + (" *" if derived else "")

        out = [self.p(self.t("h.feasibility"), "H2")]
        out.append(
            self.table(
                [
                    self.t("col.code"),
                    self.t("col.option"),
                    self.t("col.screening"),
                    text("options.criterion.technical", self.lang),
                    text("options.criterion.environmental", self.lang),
                    text("options.criterion.economic", self.lang),
                    self.t("col.co2e_per_year"),
                ],
                [
                    [
                        x.code,
                        self.u(x.title),
                        self.enum("screening", x.screening) if x.screening else fmt.DASH,
                        score(x.technical),
                        score(x.environmental),
                        score(x.economic, x.economic_derived),
                        fmt.tco2e(x.co2e_t, self.lang),
                    ]
                    for x in rows
                ],
                [1.3, 6.4, 3.0, 1.9, 2.1, 1.8, 1.9],
                numeric_from=3,
            )
        )
        out.append(self.p(self.t("feasibility_note"), "note"))
        return out

    def overdue(self) -> list:
        """Options not implemented yet whose target date is before the report date."""
        s = self.snap
        return [
            o
            for o in s.options
            if o.status in ("feasible", "planned")
            and not o.rejected
            and o.target_date is not None
            and o.target_date < s.report_date
        ]

    def indicator_to_watch(self, o) -> str:
        """The specific consumption that will show the option worked: its largest saving."""
        if not o.savings:
            return fmt.DASH
        main = max(o.savings, key=lambda sv: abs(sv.quantity or 0) * abs(sv.unit_price or 1))
        return self.t("plan.indicator", stream=self.u(main.stream), unit=main.unit)

    def plan(self) -> list:
        s = self.snap
        out = [self.p(self.t("h.plan"), "H1")]
        wanted = ("feasible", "planned", "implemented", "verified")
        late = {o.id for o in self.overdue()}
        rows = [
            [
                o.code,
                self.u(o.title),
                self.enum("status", o.status),
                o.responsible or fmt.DASH,
                fmt.day(o.target_date, self.lang)
                + (f" ({self.t('plan.overdue')})" if o.id in late else ""),
                fmt.day(o.implemented_date, self.lang),
                self.indicator_to_watch(o),
                fmt.millions(o.investment, self.lang) if self.money else self.t("hidden"),
            ]
            for o in s.options
            if o.status in wanted and not o.rejected
        ]
        if not rows:
            out.append(self.p(self.t("plan_empty"), "note"))
        else:
            out.append(
                self.table(
                    [
                        self.t("col.code"),
                        self.t("col.option"),
                        self.t("col.status"),
                        self.t("col.responsible"),
                        self.t("col.target"),
                        self.t("col.done"),
                        self.t("col.indicator_to_watch"),
                        self.t("col.budget"),
                    ],
                    rows,
                    [1.2, 4.3, 1.9, 2.2, 2.4, 2.4, 3.3, 1.8],
                    numeric_from=7,
                )
            )
        if late:
            codes = ", ".join(o.code for o in self.overdue())
            date_text = fmt.day(s.report_date, self.lang)
            out.append(
                self.p(self.t("plan.overdue_note", count=len(late), date=date_text, codes=codes))
            )
        return out + self.monitoring()

    def monitoring(self) -> list:
        """Estimated against measured saving, planned against actual investment, for every
        implemented or verified option."""
        s = self.snap
        out = [self.p(self.t("h.monitoring"), "H2")]
        done = [o for o in s.options if o.status in ("implemented", "verified")]
        if not done:
            return out + [self.p(self.t("monitoring.none"), "note")]
        m = (lambda v: fmt.millions(v, self.lang)) if self.money else (lambda v: self.t("hidden"))

        def gap(o) -> str:
            if not self.money:
                return self.t("hidden")
            if o.verified_saving is None:
                return self.t("decision.not_measured")
            if not o.annual_saving:
                return fmt.DASH
            return fmt.percent(o.verified_saving / o.annual_saving, self.lang, 0)

        out.append(
            self.table(
                [
                    self.t("col.code"),
                    self.t("col.option"),
                    self.t("col.planned_investment"),
                    self.t("col.actual_investment"),
                    self.t("col.estimated_saving"),
                    self.t("col.measured_saving"),
                    self.t("col.saving_gap"),
                ],
                [
                    [
                        o.code,
                        self.u(o.title),
                        m(o.investment),
                        m(o.actual_investment),
                        m(o.annual_saving),
                        m(o.verified_saving),
                        gap(o),
                    ]
                    for o in done
                ],
                [1.3, 5.6, 2.2, 2.2, 2.4, 2.4, 2.0],
                numeric_from=2,
            )
        )
        measured = [o for o in done if o.verified_saving is not None and o.annual_saving]
        if self.money and measured:
            got = sum(o.verified_saving or 0 for o in measured)
            est = sum(o.annual_saving or 0 for o in measured)
            out.append(
                self.p(
                    self.t(
                        "monitoring.totals",
                        measured=fmt.millions(got, self.lang),
                        estimated=fmt.millions(est, self.lang),
                        share=fmt.percent(got / est, self.lang, 0),
                    ),
                    "note",
                )
            )
        return out

    def annex(self) -> list:
        s = self.snap
        out = [self.p(self.t("h.annex"), "H1"), self.p(self.t("h.references"), "H2")]
        if s.references:
            out.append(
                self.table(
                    [
                        self.t("col.reference"),
                        self.t("col.value"),
                        self.t("col.unit"),
                        self.t("col.source"),
                        self.t("col.year"),
                    ],
                    [
                        [
                            self.u(r.label) or r.key,
                            fmt.exact(r.value * reference_labels.scale(r.unit), self.lang),
                            self.u(r.unit_text) if r.unit_text else r.unit,
                            (self.u(r.source_text) if r.source_text else r.source)
                            + (
                                f" — {self.t('override')}: {r.override_reason}"
                                if r.override_reason
                                else ""
                            ),
                            r.year,
                        ]
                        for r in s.references
                    ],
                    [5, 2.2, 2.2, 6, 1.4],
                    numeric_from=1,
                    text_cols=(3,),
                )
            )
        else:
            out.append(self.p(self.t("not_available"), "note"))
        out.append(self.p(self.t("h.data_sources"), "H2"))
        if s.streams:
            out.append(
                self.table(
                    [self.t("col.resource"), self.t("col.unit"), self.t("col.records")],
                    [
                        [
                            self.u(x.name),
                            x.unit,
                            str(sum(1 for _, q, _ in x.months if q is not None)),
                        ]
                        for x in s.streams
                    ],
                    [9, 3, 3],
                    numeric_from=2,
                )
            )
        return out

    def readiness(self) -> list:
        """Eco-enterprise readiness (Decree 35/2022/NĐ-CP art. 37 cl. 2): a row per criterion."""
        result = self.snap.readiness
        if result is None:
            return []
        from app.core import readiness as rd

        lang = self.lang
        # Heading, note and table kept together: the summary puts it after other content.
        out = [
            self.p(text("readiness.title", lang), "H1"),
            self.p(text("readiness.report_note", lang), "note"),
            self.p(
                text(
                    "readiness.overall",
                    lang,
                    status=text(f"readiness.status.{result.overall.value}", lang),
                ),
                "H2",
            ),
            self.table(
                [
                    text("readiness.col.criterion", lang),
                    text("readiness.col.legal_ref", lang),
                    text("readiness.col.status", lang),
                    text("readiness.col.evidence", lang),
                ],
                [
                    [
                        fonts.printable(f"{row.criterion_id}) {row.criterion}"),
                        fonts.printable(row.legal_ref),
                        row.status_text,
                        fonts.printable(self._evidence_lines(row.evidence)),
                    ]
                    for row in rd.report_rows(result, lang)
                ],
                [5, 3, 2.4, 6.6],
            ),
            self.p(
                text("readiness.source_line", lang, source=rd.shipped_checklist().source(lang)),
                "note",
            ),
        ]
        if self.snap.variant == "summary":  # after the summary's tables: no page of its own
            return [CondPageBreak(6 * cm), *out]
        return [KeepTogether(out)]

    def _evidence_lines(self, evidence: tuple[str, ...]) -> str:
        """Bulleted evidence; the summary shows the first few and counts the others."""
        limit = 3 if self.snap.variant == "summary" else len(evidence)
        lines = [f"• {e}" for e in evidence[:limit]]
        if len(evidence) > limit:
            lines.append(text("readiness.more_evidence", self.lang, count=len(evidence) - limit))
        return "\n".join(lines) or fmt.DASH

    # -- assembly ---------------------------------------------------------------------------
    def story(self) -> list:
        if self.snap.variant == "summary":
            return [
                *self.cover(short=True),
                NextPageTemplate("normal"),
                PageBreak(),
                *self.decision(limit=5),
                *self.summary(n_options=5),  # the decision page ranks them all
                *self.readiness(),
            ]
        story = [*self.cover(), NextPageTemplate("normal"), PageBreak(), *self.toc(), PageBreak()]
        for part in (
            self.decision,
            self.summary,
            self.enterprise,
            self.baseline,
            self.specific,
            self.findings,
            self.options,
            self.finance,
            self.plan,
            self.readiness,
            self.conclusions,
            self.annex,
        ):
            section = part()
            if section:  # an empty section (no decision page without options) is left out
                story += section
                story.append(PageBreak())
        return story[:-1]

    def header(self) -> str:
        ent = self.snap.enterprise.get("name") or (
            self.t("cover.confidential_enterprise") if self.snap.confidential else ""
        )
        return " — ".join(x for x in (self.t("cover.title"), ent) if x)


def write_pdf(snap: ReportSnapshot, lang: str, target, progress: Progress | None = None) -> None:
    """Render ``snap`` to ``target`` (a path or binary file object) in ``lang``, in one build
    (the contents page gets its page numbers at the end: see ``app.reports.pdf_toc``)."""
    rl_config.useA85 = 0  # binary streams: smaller files, no ASCII85 pass over every photo
    report = PdfReport(snap, lang)
    story = report.story()
    doc = _Doc(
        target,
        report.header(),
        lang,
        progress,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=text("report.cover.title", lang),
        author="RECP Audit",
        subject=snap.enterprise.get("name") or "",
    )
    doc.total_flowables = len(story)
    if report.toc_flowable is not None:
        report.toc_flowable.set_headings(headings(story))
        doc.contents = report.toc_flowable
    doc.build(story)
    if progress:
        progress(1.0)
