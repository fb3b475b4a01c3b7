"""The workbook is live (issue 18 item 7): IRR over each option's cash-flow row, GJ and tCO2e
of every stream and option as quantity × a factor cell, so a changed price, investment or
factor recomputes everything. The formulas are evaluated here by hand and compared with the
core's figures."""

from __future__ import annotations

import io
import re

import numpy_financial as npf
import openpyxl
import pytest

from app.core.demo import build_demo_audit
from app.core.indicators import compute_indicators
from app.core.messages import text
from app.core.options import option_finances
from app.reports.snapshot import build_snapshot
from app.reports.xlsx import write_xlsx


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


@pytest.fixture(scope="module")
def wb(demo):
    buf = io.BytesIO()
    write_xlsx(build_snapshot(demo, "full"), "en", buf)
    return openpyxl.load_workbook(io.BytesIO(buf.getvalue()))


def sheet(wb, key):
    return wb[text(f"report.sheet.{key}", "en")[:31]]


def test_irr_is_a_formula_over_the_cash_flow_row_and_matches_the_core(demo, wb):
    opts, cash = sheet(wb, "options"), sheet(wb, "cash_flows")
    fin = option_finances(demo)
    checked = 0
    for row in range(2, 2 + len(demo.options)):
        code = opts.cell(row, 1).value
        option = next(o for o in demo.options if o.code == code)
        m = re.fullmatch(
            r"=IFERROR\(IRR\('Cash flows'!B(\d+):([A-Z]+)(\d+)\),\"\"\)", opts.cell(row, 12).value
        )
        assert m and int(m[1]) == row == int(m[3])
        assert cash.cell(row, 1).value == code
        assert cash.cell(row, 2).value == f"=-'Options'!E{row}"
        # evaluate the row: -investment, then the net saving while year <= lifetime
        net = fin[option.id].annual_net_saving_vnd
        flows = [-float(opts.cell(row, 5).value or 0)]
        col = 3
        while cash.cell(row, col).value:
            k, life_ref, saving_ref = re.fullmatch(
                r"=IF\((\d+)<='Options'!\$J(\d+),'Options'!\$G(\d+),0\)", cash.cell(row, col).value
            ).groups()
            assert int(life_ref) == int(saving_ref) == row
            flows.append(net if int(k) <= opts.cell(row, 10).value else 0.0)
            col += 1
        core = fin[option.id].irr
        if core is not None:
            assert npf.irr(flows) == pytest.approx(core, rel=1e-6)
            checked += 1
    assert checked >= 10


def test_stream_gj_and_co2e_are_quantity_times_a_factor_cell(demo, wb):
    streams, factors = sheet(wb, "streams"), sheet(wb, "factors")
    ind = {t.stream_id: t for t in compute_indicators(demo).streams}
    records = sheet(wb, "records")
    for row, stream in enumerate(demo.streams, start=2):
        total = ind[stream.id]
        m = re.fullmatch(r"=SUM\('Monthly records'!D(\d+):D(\d+)\)", streams.cell(row, 5).value)
        qty = sum(records.cell(r, 4).value for r in range(int(m[1]), int(m[2]) + 1))
        for col, fcol, core in ((8, "C", total.energy_gj), (9, "D", total.co2e_t)):
            formula = streams.cell(row, col).value
            if not core:
                continue
            assert formula == f"=E{row}*'Factors'!${fcol}${row}", formula
            factor = factors[f"{fcol}{row}"].value
            assert qty * factor == pytest.approx(core, rel=1e-9)


def test_option_co2e_sums_its_savings_times_the_factor_cells(demo, wb):
    opts, sav, factors = sheet(wb, "options"), sheet(wb, "option_savings"), sheet(wb, "factors")
    fin = option_finances(demo)
    per_code: dict[str, float] = {}
    for r in range(2, sav.max_row + 1):
        ref = sav.cell(r, 7).value
        if not sav.cell(r, 1).value:
            continue
        factor = (
            factors[re.fullmatch(r"='Factors'!\$D\$(\d+)", ref).expand(r"D\1")].value
            if isinstance(ref, str)
            else 0
        )
        assert sav.cell(r, 8).value == f"=D{r}*G{r}"
        per_code[sav.cell(r, 1).value] = per_code.get(sav.cell(r, 1).value, 0.0) + sav.cell(
            r, 4
        ).value * (factor or 0)
    for row in range(2, 2 + len(demo.options)):
        code = opts.cell(row, 1).value
        option = next(o for o in demo.options if o.code == code)
        assert opts.cell(row, 13).value.startswith("=SUMIF('Option savings'!$A$2")
        assert per_code.get(code, 0.0) == pytest.approx(
            fin[option.id].avoided_co2e_t or 0.0, rel=1e-9, abs=1e-9
        )
