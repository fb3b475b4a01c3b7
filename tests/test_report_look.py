"""What the demo's exported pages look like (issue 18, "Look"): every text a chart draws stays
inside its drawing (measured in the font it is drawn in), the Sankey diagrams print every side
label whole with no two labels overlapping, and no table breaks a word that its column could
hold whole.

The geometry is read from the reportlab drawings of the report's story, the texts also from the
written PDF (pypdf), so each test checks what a reader sees, not how the code meant it."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.core.demo import build_demo_audit
from app.reports import fonts
from app.reports.pdf import BODY_W, PdfReport, write_pdf
from app.reports.snapshot import build_snapshot
from tests.drawing_helpers import shapes


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


@pytest.fixture(scope="module")
def reports(demo):
    """(report, story) per language, the full variant, built once."""
    out = {}
    for lang in ("en", "vi"):
        report = PdfReport(build_snapshot(demo, "full"), lang)
        out[lang] = (report, report.story())
    return out


def text_boxes(drawing):
    """(text, (x0, y0, x1, y1)) of every String, measured in the font it is drawn in."""
    fonts.register()
    out = []
    for item, m in shapes(drawing):
        if not isinstance(item, String) or not item.text:
            continue
        w = stringWidth(item.text, item.fontName, item.fontSize)
        a = {"middle": -w / 2, "start": 0.0, "end": -w}[item.textAnchor]
        pts = [
            (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
            for x in (item.x + a, item.x + a + w)
            for y in (item.y - 0.2 * item.fontSize, item.y + 0.75 * item.fontSize)
        ]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        out.append((item.text, (min(xs), min(ys), max(xs), max(ys))))
    return out


def drawings(flowables):
    for f in flowables:
        if isinstance(f, Drawing):
            yield f
        yield from drawings(getattr(f, "_content", []))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_chart_text_lies_inside_its_drawing_and_the_text_frame(reports, lang):
    """A label holding "→" (drawn in the fallback font, wider than Noto Sans) was fitted as if
    in Noto Sans and ran past the flow chart's and the Sankey's right edge, into the margin."""
    _, story = reports[lang]
    found = list(drawings(story))
    assert len(found) >= 10  # the flow chart, three Sankey diagrams, the baseline charts...
    arrows = 0
    for d in found:
        assert d.width <= BODY_W + 0.01
        for t, (x0, _, x1, _) in text_boxes(d):
            arrows += "→" in t
            assert x0 >= -0.5 and x1 <= d.width + 0.5, (t, x0, x1, d.width)
    assert arrows >= 3  # the demo's "heating → waste heat" losses are covered


def _apart(boxes) -> None:
    for i, (ta, a) in enumerate(boxes):
        for tb, b in boxes[i + 1 :]:
            wide = min(a[2], b[2]) - max(a[0], b[0])
            high = min(a[3], b[3]) - max(a[1], b[1])
            assert wide <= 0.01 or high <= 0.01, (ta, tb, a, b)


def _side_labels(report, diagram):
    """The "name: quantity" of every input, product and loss node the diagram has."""
    from app.reports.chart_data import SankeyFlow, sankey_layout

    names = [report.u(st.name) for st in report.snap.steps]
    flows = [
        SankeyFlow(names[f.step], f.direction, report.u(f.name), f.quantity) for f in diagram.flows
    ]
    layout = sankey_layout(flows, report.lang)
    assert layout is not None
    return [n.label for n in layout.nodes if n.column != "mid"]


def _flat(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_sankey_side_labels_are_whole_inside_and_apart(reports, lang):
    """Every input's, product's and loss's "name: quantity" is printed whole (wrapped on lines
    where it is long, never cut with "…"), in the drawing and in the PDF's text; no two texts of
    a diagram overlap and all lie inside it. Before: "Waxes, pectin and natural i…: 116",
    "Heat to evaporate the fabr…: 2,219", "Combustion gases and wast…: 980"."""
    report, story = reports[lang]
    buf = io.BytesIO()
    write_pdf(report.snap, lang, buf)
    pdf_text = _flat(" ".join(p.extract_text() for p in PdfReader(buf).pages))
    long_ones = 0
    for diagram in report.snap.plant:
        d = report._charts[f"sankey:{diagram.kind}"]
        boxes = text_boxes(d)
        drawn = _flat(" ".join(t for t, _ in boxes))
        labels = _side_labels(report, diagram)
        assert len(labels) >= 3
        for whole in labels:
            assert _flat(whole) in drawn, whole
            assert _flat(whole) in pdf_text, whole
            long_ones += len(whole) > 32
        assert not [t for t, _ in boxes if "…" in t]
        _apart(boxes)
        for t, (x0, y0, x1, y1) in boxes:
            assert x0 >= -0.5 and x1 <= d.width + 0.5 and y0 >= 0 and y1 <= d.height, t
    assert long_ones >= 3  # the names that were cut are covered


@pytest.mark.parametrize(
    ("lang", "variant", "whole"),
    [
        ("en", "full", ["Environmental", "Responsible", "Implemented", "2011-05-15"]),
        ("vi", "full", ["Trạng thái", "2011-05-15"]),
        ("en", "confidential", ["(confidential)", "Implemented"]),
    ],
)
def test_tables_break_no_word_their_columns_can_hold(demo, monkeypatch, lang, variant, whole):
    """No table cell of the demo's reports breaks a word between characters: a column too
    narrow for its longest word takes room from a column with some to spare. Before: the
    headers "Environme|ntal", "Responsibl|e", "Implemente|d", statuses "Implemen|ted", the
    confidential "(confidentia|l)" and the annex's years "2011-03|-24" were split."""
    from app.reports import pdf

    broken: list[str] = []
    real = pdf._break_word

    def spy(line, font, width):
        pieces = real(line, font, width)
        if len(pieces) > 1:
            broken.append(line)
        return pieces

    monkeypatch.setattr(pdf, "_break_word", spy)
    snap = build_snapshot(demo, variant)
    buf = io.BytesIO()
    write_pdf(snap, lang, buf)
    assert broken == []
    lines = {
        line.strip() for page in PdfReader(buf).pages for line in page.extract_text().splitlines()
    }
    words = {w for line in lines for w in line.split()} | lines
    for w in whole:
        assert any(w in x for x in words), w
    # the tables still fill the body width and no more
    report = PdfReport(snap, lang)
    tables = [f for f in report.story() if type(f).__name__ == "Table"]
    assert tables
    for t in tables:
        assert abs(sum(t._colWidths) - BODY_W) < 0.5 or sum(t._colWidths) < BODY_W


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_annex_sources_read_from_the_left(reports, lang):
    """The annex's source notes (several lines each) are laid out from the column's left
    edge, as prose is, while the values beside them stay right-aligned; so is the basis of the
    RECP indicators. Before: the whole Source column was right-aligned, each line of a note
    starting somewhere else."""
    from reportlab.platypus import Table

    report, story = reports[lang]

    def table_with(header: str) -> Table:
        for f in story:
            if isinstance(f, Table) and header in [str(c) for c in f._cellvalues[0]]:
                return f
        raise AssertionError(header)

    refs = table_with(report.t("col.source"))
    heads = [str(c) for c in refs._cellvalues[0]]
    source, value = heads.index(report.t("col.source")), heads.index(report.t("col.value"))
    body = refs._cellStyles[1:]
    assert len(body) == len(report.snap.references) >= 10
    assert any("\n" in str(row[source]) for row in refs._cellvalues[1:])  # multi-line notes
    assert {row[source].alignment for row in body} == {"LEFT"}
    assert {row[value].alignment for row in body} == {"RIGHT"}
    ind = table_with(report.t("col.basis"))
    col = [str(c) for c in ind._cellvalues[0]].index(report.t("col.basis"))
    assert {row[col].alignment for row in ind._cellStyles[1:]} == {"LEFT"}


def test_sankey_prints_a_long_step_name_whole():
    """A process step's name longer than its column is wrapped onto lines over the step's
    bar, not cut with "…"; the side labels stay apart from each other and inside."""
    from app.reports import vector_charts
    from app.reports.chart_data import SankeyFlow

    step = "Drying, stentering and heat-setting of the knitted fabric on line 2"
    flows = [
        SankeyFlow(step, "input", "Wet fabric from the dyeing and washing range", 3_700.0),
        SankeyFlow(step, "output", "Stentered fabric", 3_651.0),
        SankeyFlow(step, "loss", "Trimmed selvedges and fabric scraps", 30.8),
    ]
    d = vector_charts.sankey("materials", "t", flows, "en", BODY_W)
    fonts.fix_drawing(d)
    boxes = text_boxes(d)
    drawn = _flat(" ".join(t for t, _ in boxes))
    assert not [t for t, _ in boxes if "…" in t]
    assert step in drawn
    assert "Wet fabric from the dyeing and washing range: 3,700" in drawn
    assert len([t for t, _ in boxes if t in step]) >= 2  # on two lines or more
    for t, (x0, y0, x1, y1) in boxes:
        assert x0 >= -0.5 and x1 <= d.width + 0.5 and y0 >= 0 and y1 <= d.height, t


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_flow_chart_tells_where_each_name_ends(demo, lang):
    """The inputs and losses beside a step are listed with "; " between them: a name holds
    commas itself ("Electricity used (motors, pumps, fans, heating → waste heat)"), so with
    ", " between names nobody could tell where one ended. Each step's list reads back exactly,
    in order, from the drawing."""
    from app.reports.report_charts import flow_diagram

    steps = sorted(demo.steps, key=lambda s: s.position)

    def name(f):
        return f.name_en if lang == "en" and f.name_en else f.name

    def of(step, direction):
        flows = sorted(
            (f for f in demo.flows if f.step_id == step.id and f.direction == direction),
            key=lambda f: f.position,
        )
        return list(dict.fromkeys(name(f) for f in flows))

    losses = [of(s, "loss") for s in steps]
    assert any("," in n for group in losses for n in group)  # the ambiguity is covered
    d = flow_diagram(
        [s.name_en if lang == "en" else s.name_vi for s in steps],
        [of(s, "input") for s in steps],
        losses,
        BODY_W,
        "Inputs",
        "Losses",
    )
    drawn = _flat(" ".join(t for t, _ in text_boxes(d)))
    for group in losses:
        assert _flat("; ".join(group)) in drawn, group
