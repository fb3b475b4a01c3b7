"""Specific consumption per product comes from what the audit knows: the auditor's allocation
key on a stream (stored in the stream's JSON data); a stream without one is "plant level",
never the plant figure printed for every product as if it were its own."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.indicators import compute_indicators
from app.core.messages import text
from app.core.model import StreamKind
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot
from app.store.auditfile import AuditFile


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def _named(audit, name_en):
    return next(s for s in audit.streams if s.name_en == name_en)


def _output(audit, product):
    periods = set(audit.baseline_periods())
    return sum(
        r.quantity for r in audit.production if r.product_id == product.id and r.period in periods
    )


def test_polyester_shows_no_reactive_dye_and_cotton_carries_all_of_it(demo):
    ind = compute_indicators(demo)
    cotton, polyester = demo.products
    assert "polyester" in polyester.name_en.lower()
    dye = _named(demo, "Reactive dyes")
    rows = [s for s in ind.specific if s.stream_id == dye.id]
    assert [r.product_id for r in rows] == [cotton.id]
    used = sum(
        r.quantity
        for r in demo.records
        if r.stream_id == dye.id and r.period in set(demo.baseline_periods())
    )
    assert rows[0].annual == pytest.approx(used / _output(demo, cotton))
    assert rows[0].allocation == "key" and rows[0].share == 1.0
    disperse = [s for s in ind.specific if s.stream_id == _named(demo, "Disperse dyes").id]
    assert [r.product_id for r in disperse] == [polyester.id]


def test_a_stream_without_a_key_is_plant_level_not_one_figure_per_product(demo):
    ind = compute_indicators(demo)
    elec = next(s for s in demo.streams if s.kind == StreamKind.ELECTRICITY)
    rows = [s for s in ind.specific if s.stream_id == elec.id]
    assert len(rows) == 1 and rows[0].product_id == "" and rows[0].allocation == "plant"
    total_t = sum(_output(demo, p) for p in demo.products)
    kwh = sum(
        r.quantity
        for r in demo.records
        if r.stream_id == elec.id and r.period in set(demo.baseline_periods())
    )
    assert rows[0].annual == pytest.approx(kwh / total_t) and rows[0].unit == "kWh/t"


def test_a_key_splits_a_stream_and_survives_the_file(tmp_path):
    audit = build_demo_audit()
    cotton, polyester = audit.products
    elec = next(s for s in audit.streams if s.kind == StreamKind.ELECTRICITY)
    elec.allocation = {cotton.id: 3, polyester.id: 1, "gone": 5}  # a removed product is ignored
    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    with AuditFile.open(path) as af:
        back = af.load()
    assert back.stream(elec.id).allocation == {cotton.id: 3, polyester.id: 1, "gone": 5}
    ind = compute_indicators(back)
    rows = {s.product_id: s for s in ind.specific if s.stream_id == elec.id}
    assert set(rows) == {cotton.id, polyester.id}
    assert rows[cotton.id].share == pytest.approx(0.75)
    kwh = sum(
        r.quantity
        for r in back.records
        if r.stream_id == elec.id and r.period in set(back.baseline_periods())
    )
    together = sum(rows[p.id].annual * _output(back, p) for p in back.products)
    assert together == pytest.approx(kwh)  # the products together use the whole stream


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_table_says_plant_level_and_gives_polyester_no_reactive_dye(demo, lang):
    buf = io.BytesIO()
    write_pdf(build_snapshot(demo, "full"), lang, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    heading = text("report.h.specific", lang)
    page = next(
        p.extract_text()
        for p in reader.pages
        if heading in (p.extract_text() or "")
        and text("report.plant_level", lang).split(" (")[0] in (p.extract_text() or "")
    )
    flat = re.sub(r"\s+", " ", page)
    poly = next(p for p in demo.products if "polyester" in p.name_en.lower())
    poly_name = poly.name_en if lang == "en" else poly.name_vi
    dye = "Reactive dyes" if lang == "en" else "Thuốc nhuộm hoạt tính"
    # the reactive-dye row names cotton, never polyester
    at = flat.index(dye)
    assert poly_name not in flat[at : at + len(dye) + 60]
    assert text("report.plant_level", lang).split(" (")[0] in flat
