"""The Excel workbook: live formulas that point at the right cells, injection-safe text,
per-language formats, confidential variant."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from app.core.finance import option_finance
from app.core.indicators import compute_indicators
from app.reports.snapshot import build_snapshot
from app.reports.xlsx import write_xlsx
from tests.sample_report import build_audit


def workbook(audit, lang="vi", variant="full") -> tuple[openpyxl.Workbook, bytes]:
    buf = io.BytesIO()
    write_xlsx(build_snapshot(audit, variant), lang, buf)
    data = buf.getvalue()
    return openpyxl.load_workbook(io.BytesIO(data)), data


REF = re.compile(r"^='?(?P<sheet>[^'!]+)'?!\$?(?P<col>[A-Z]+)\$?(?P<row>\d+)$")


def deref(wb, formula: str):
    """The value of the cell a ``='Sheet'!$D$3`` formula points at."""
    m = REF.match(formula)
    assert m, formula
    return wb[m["sheet"]][f"{m['col']}{m['row']}"].value


@pytest.fixture(scope="module")
def audit():
    return build_audit()


@pytest.fixture(scope="module")
def book(audit):
    return workbook(audit, "en")


def test_sheets_have_frozen_headers(book):
    wb, _ = book
    assert wb.sheetnames[:3] == ["Summary", "Streams", "Monthly records"]
    assert {"Options", "Implementation plan", "Indicators"} <= set(wb.sheetnames)
    for ws in wb.worksheets:
        assert ws.freeze_panes in ("A2",), ws.title


def test_stream_totals_are_sums_of_the_monthly_records(audit, book):
    wb, _ = book
    streams, records = wb["Streams"], wb["Monthly records"]
    ind = {s.stream_id: s for s in compute_indicators(audit).streams}
    for row, stream in enumerate(audit.streams, start=2):
        formula = streams.cell(row, 5).value
        m = re.fullmatch(r"=SUM\('Monthly records'!D(\d+):D(\d+)\)", formula)
        assert m, formula
        first, last = int(m[1]), int(m[2])
        names = {records.cell(r, 1).value for r in range(first, last + 1)}
        assert names == {stream.name_en}
        qty = sum(records.cell(r, 4).value for r in range(first, last + 1))
        assert qty == pytest.approx(ind[stream.id].quantity)
        assert streams.cell(row, 4).value == stream.unit_price_vnd  # the live price cell


def test_option_saving_is_quantity_times_the_price_cell(audit, book):
    """Evaluate the workbook's own formulas by hand and compare with app.core.finance."""
    wb, _ = book
    sav, opts = wb["Option savings"], wb["Options"]
    for row, option in enumerate(audit.options, start=2):
        formula = opts.cell(row, 7).value
        assert formula.startswith("=SUMIF('Option savings'!$A$2:$A$"), formula
        assert formula.endswith(f"-F{row}")
        code = opts.cell(row, 1).value
        gross = 0.0
        for r in range(2, sav.max_row + 1):
            if sav.cell(r, 1).value == code:
                assert sav.cell(r, 6).value == f"=D{r}*E{r}"
                price = deref(wb, sav.cell(r, 5).value)
                gross += sav.cell(r, 4).value * price
        net = gross - opts.cell(row, 6).value
        assert net == pytest.approx(option_finance(option, audit).annual_net_saving_vnd, abs=1)
        payback = f'IF(E{row}=0,0,IF(G{row}>0,E{row}/G{row},""))'
        assert opts.cell(row, 8).value == (
            f'=IF(AND(E{row}=0,F{row}=0,G{row}=0),"not assessed",{payback})'
        )
        assert opts.cell(row, 11).value == f"=PV(I{row},J{row},-G{row})-E{row}"


def test_summary_totals_are_formulas_over_the_options(book):
    wb, _ = book
    summary = {r[0].value: r[1].value for r in wb["Summary"].iter_rows() if r[0].value}
    assert summary["Total investment"].startswith("='Options'!E")
    assert summary["Total annual savings"].startswith("='Options'!G")
    assert summary["Average payback"].startswith("='Options'!H")
    total_row = int(summary["Total investment"].rsplit("E", 1)[1])
    assert wb["Options"].cell(total_row, 5).value.startswith("=SUMPRODUCT(E2:E")


DANGEROUS = ["=1+1", "+84 912 345", "-5", "@SUM(A1)", "\tTab", "\rCR", '=HYPERLINK("http://x","y")']


def test_user_text_that_looks_like_a_formula_stays_text():
    a = build_audit(n_options=len(DANGEROUS))
    for option, value in zip(a.options, DANGEROUS, strict=True):
        option.title_vi = value
        option.title_en = value
        option.responsible = value
        option.status = "planned"
    a.streams[0].name_en = "=cmd|' /C calc'!A0"
    wb, data = workbook(a, "en")
    ws = wb["Options"]
    got = [ws.cell(r, 2).value for r in range(2, 2 + len(DANGEROUS))]
    # XML reading normalises a carriage return to a line feed; the text is otherwise intact
    assert got == [v.replace("\r", "\n") for v in DANGEROUS]
    for r in range(2, 2 + len(DANGEROUS)):
        assert ws.cell(r, 2).data_type == "s"
        assert ws.cell(r, 2).quotePrefix
    assert wb["Streams"]["A2"].value == "=cmd|' /C calc'!A0"
    assert wb["Streams"]["A2"].data_type == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode()
                formulas = re.findall(r"<f>(.*?)</f>", xml)
                assert not any("HYPERLINK" in f or "calc" in f or f == "1+1" for f in formulas)


def test_dates_and_headers_follow_the_language(audit):
    for lang, date_fmt, header in (
        ("vi", "dd/mm/yyyy", "Người phụ trách"),
        ("en", "d mmm yyyy", "Responsible"),
    ):
        wb, _ = workbook(audit, lang)
        plan = wb.worksheets[-2]  # the last is the eco-enterprise readiness sheet
        assert plan["D1"].value == header
        dated = [c for c in plan["E"][1:] if c.value is not None]
        assert dated and all(c.number_format == date_fmt for c in dated)


def test_workbook_has_charts(book):
    wb, _ = book
    assert wb["Streams"]._charts and wb["Options"]._charts


def test_confidential_workbook_has_no_identity_and_no_money(audit):
    ent = audit.info.enterprise
    hidden = {ent.name, ent.tax_code, ent.address, ent.contact_name, "Phạm Quốc Bảo"}
    money = {s.unit_price_vnd for s in audit.streams} | {o.investment_vnd for o in audit.options}
    money |= {r.cost_vnd for r in audit.records}
    money.discard(0)
    for lang in ("vi", "en"):
        wb, _ = workbook(audit, lang, "confidential")
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    if isinstance(v, str):
                        assert not any(h in v for h in hidden), (ws.title, v)
                    elif isinstance(v, (int, float)) and not isinstance(v, bool):
                        assert v not in money, (ws.title, v)
        assert wb.worksheets[2].max_row > 10  # monthly quantities are still there


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_workbook_shows_management_sheets_and_keeps_formulas_live(audit, lang):
    full, _ = workbook(audit, lang)
    short, _ = workbook(audit, lang, "summary")
    names = dict(zip(full.sheetnames, full.worksheets, strict=True))
    visible = [ws.title for ws in short.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in short.worksheets if ws.sheet_state == "hidden"]
    (summary, streams, records, factors, indicators, savings, options, cash, plan, readiness) = (
        full.sheetnames
    )
    assert visible == [summary, streams, options, plan, readiness]
    assert hidden == [records, factors, savings, cash]  # what the formulas read, out of sight
    assert indicators not in short.sheetnames
    # the same live formulas as the full workbook, pointing at sheets that are there
    for title in (streams, options, plan):
        for row_full, row_short in zip(
            names[title].iter_rows(values_only=True),
            short[title].iter_rows(values_only=True),
            strict=True,
        ):
            assert row_full == row_short
    referenced = set()
    for ws in short.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str) and v.startswith("="):
                    referenced |= set(re.findall(r"'([^']+)'!", v))
    assert referenced and referenced <= set(short.sheetnames)
    first = short[summary]
    title = first["A1"].value
    assert title != full[summary]["A1"].value
    assert ("tóm tắt" if lang == "vi" else "summary") in title.lower()
    assert "Excel" in first["A2"].value  # says where the detail went
    assert short.properties.title == title
