"""Chart text that misled (issue 18 item 8, in part) and the confidential workbook's shifted
Streams columns (item 7, in part): one rule for cost shares in the table, the chart and the
workbook; specific-consumption trends on an axis that shows the month-to-month change; the
confidential Streams sheet has a header over every filled column and none over an empty one."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from reportlab.graphics.shapes import Group, String

from app.core.demo import build_demo_audit
from app.core.indicators import compute_indicators
from app.core.messages import text
from app.reports import chart_data, fmt
from app.reports.pdf import PdfReport
from app.reports.snapshot import build_snapshot
from app.reports.xlsx import write_xlsx
from tests.drawing_helpers import shapes


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def strings(node):
    for item in getattr(node, "contents", []):
        if isinstance(item, String):
            yield item.text
        elif isinstance(item, Group):
            yield from strings(item)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_share_the_cost_chart_draws_is_the_tables(demo, lang):
    """The bars' percentages, stream by stream, are the table's (the demo sells fabric scraps:
    a share of the net total would print 78.5 % in the table against the chart's 78.4 %)."""
    report = PdfReport(build_snapshot(demo, "full"), lang)
    report.story()
    drawn = list(strings(report._charts["cost_shares"]))
    percents = [t for t in drawn if t.endswith(" %")]
    names = drawn[drawn.index(percents[-1]) + 1 :]  # the bar names follow their percentages
    assert len(names) == len(percents) >= 5
    table = report.baseline_table(report.snap.streams)._cellvalues
    col = len(table[0]) - 1
    by_name = {str(row[0]): str(row[col]) for row in table[1 : 1 + len(report.snap.streams)]}
    other = text("chart.other", lang)
    for name, shown in zip(names, percents, strict=True):
        if name == other:
            continue
        whole = next(n for n in by_name if n == name or n.startswith(name.rstrip("…")))
        assert by_name[whole] == shown, (whole, by_name[whole], shown)
    # the table's shares are of what was bought: they add up to 100 %
    values = [float(v[:-2].replace(",", ".")) for v in by_name.values() if v.endswith(" %")]
    assert abs(sum(values) - 100) < 0.1 * len(values)
    grey = next(s for s in demo.streams if s.name_en == "Grey fabric")
    core = next(t.cost_share for t in compute_indicators(demo).streams if t.stream_id == grey.id)
    assert fmt.percent(core, lang) in percents  # the indicators' share, the same rule
    # scraps sold: the table says which total the shares are of, and that it is 100 %
    bought, net = table[-2], table[-1]
    assert bought[0] == text("report.total_bought", lang) and bought[col] == fmt.percent(1, lang)
    assert net[0] == text("report.total_net", lang)


def test_the_workbook_share_counts_only_what_was_bought(demo):
    buf = io.BytesIO()
    write_xlsx(build_snapshot(demo, "full"), "en", buf)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))[text("report.sheet.streams", "en")]
    formulas = [ws.cell(r, 7).value for r in range(2, 2 + len(demo.streams))]
    assert all("SUMIF(" in f and '">0"' in f for f in formulas)


def test_specific_trend_axis_shows_the_change_not_zero(demo):
    lo, hi = chart_data.trend_limits([1.08, 1.10, 1.09], 1.09)
    assert 0.9 < lo < 1.08 and 1.10 < hi < 1.3
    assert chart_data.trend_limits([0.0, 2.0]) == (0.0, 2.5)  # data at zero keeps zero


def test_specific_trend_charts_in_the_pdf_start_near_their_data(demo):
    report = PdfReport(build_snapshot(demo, "full"), "en")
    report.story()
    keys = [k for k in report._charts if k.startswith("specific:")]
    assert keys
    for key in keys:
        row = next(r for r in report.snap.specific if key == f"specific:{r.stream_id}:{r.unit}")
        data = [v for _, v in row.per_period if v is not None] + [row.value]
        ticks = [
            float(t.replace(",", ""))
            for t in strings(report._charts[key])
            if re.fullmatch(r"[\d.,]+", t)
        ]
        assert len(set(ticks)) == len(ticks) >= 2  # each tick its own label (1.085 and 1.09)
        # the axis starts near the data, not at zero: the month-to-month change fills a
        # good part of the height (from zero a +-5 % month is a flat line)
        assert 0 < min(ticks) <= min(data) and max(data) <= max(ticks) * 1.2, key
        assert (max(data) - min(data)) / (max(ticks) - min(ticks)) > 0.3, (key, ticks, data)


def test_confidential_streams_sheet_has_no_shifted_columns(demo):
    buf = io.BytesIO()
    write_xlsx(build_snapshot(demo, "confidential"), "en", buf)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))[text("report.sheet.streams", "en")]
    headers = {c: ws.cell(1, c).value for c in range(1, ws.max_column + 1)}
    for col in range(1, ws.max_column + 1):
        filled = any(ws.cell(r, col).value not in (None, "") for r in range(2, ws.max_row + 1))
        assert bool(headers[col]) == filled, (col, headers[col])
    assert [headers[c] for c in (5, 6)] == ["GJ", "tCO2e"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_flow_chart_prints_every_input_and_loss_name_whole(demo, lang):
    from app.reports.report_charts import flow_diagram

    names = [
        (s.name_en if lang == "en" else s.name_vi)
        for s in sorted(demo.steps, key=lambda s: s.position)
    ]
    steps = sorted(demo.steps, key=lambda s: s.position)

    def of(step, direction):
        flows = sorted(
            (f for f in demo.flows if f.step_id == step.id and f.direction == direction),
            key=lambda f: f.position,
        )
        return [(f.name_en if lang == "en" and f.name_en else f.name) for f in flows]

    inputs = [of(s, "input") for s in steps]
    losses = [of(s, "loss") for s in steps]
    d = flow_diagram(names, inputs, losses, 480, "Inputs", "Losses")
    drawn = " ".join(strings(d))
    assert "…" not in drawn
    flat = re.sub(r"\s+", " ", drawn)
    for name in {n for group in inputs + losses for n in group}:
        assert re.sub(r"\s+", " ", name) in flat, name  # whole, on consecutive lines


def _box(m, corners):
    pts = [(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]) for x, y in corners]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _codes(drawing):
    """(text, box) of each option code drawn, the box in drawing coordinates."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out = []
    for item, m in shapes(drawing):
        if isinstance(item, String) and re.fullmatch(r"O-\d\d", item.text):
            w = stringWidth(item.text, item.fontName, item.fontSize)
            a = {"middle": -w / 2, "start": 0.0, "end": -w}[item.textAnchor]
            corners = [
                (item.x + dx, item.y + dy)
                for dx in (a, a + w)
                for dy in (-0.15 * item.fontSize, 0.8 * item.fontSize)
            ]
            out.append((item.text, _box(m, corners)))
    return out


def _apart(boxes) -> None:
    for i, (ta, a) in enumerate(boxes):
        for tb, b in boxes[i + 1 :]:
            wide = min(a[2], b[2]) - max(a[0], b[0])
            high = min(a[3], b[3]) - max(a[1], b[1])
            assert wide <= 0.01 or high <= 0.01, (ta, tb, a, b)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_bubble_chart_labels_every_option_without_overlap(demo, lang):
    """Every option the chart can place (not rejected, saves money: a payback) carries its
    code, and no two codes overlap, also in the crowd of quick paybacks near the origin."""
    from app.core.model import Screening
    from app.core.options import option_finances
    from app.reports import vector_option_charts

    fin = option_finances(demo)
    placed = {
        o.code
        for o in demo.options
        if o.screening != Screening.REJECTED and fin[o.id].annual_net_saving_vnd > 0
    }
    assert len(placed) == len(demo.options) - 1  # the demo rejects one option (O-17)
    d = vector_option_charts.CHARTS["bubble"](tuple(demo.options), fin, lang, 480)
    drawn = _codes(d)
    assert sorted(t for t, _ in drawn) == sorted(placed)
    near = [t for t, b in drawn if b[0] < 0.3 * d.width and b[1] < 0.3 * d.height]
    assert len(near) >= 4  # the test covers the crowded corner
    _apart(drawn)
    for t, b in drawn:  # inside the drawing, not cut at its edge
        assert 0 <= b[0] and b[2] <= d.width and 0 <= b[1] and b[3] <= d.height, t


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_mac_curve_labels_narrow_bars_too(demo, lang):
    """Every bar carries its code, a narrow one too, over its own bar; codes never overlap."""
    from reportlab.graphics.shapes import Rect

    from app.core.options import option_finances
    from app.reports import vector_option_charts
    from app.reports.chart_data import COSTS_MONEY, SAVES_MONEY
    from app.reports.vector_axes import colour

    fin = option_finances(demo)
    d = vector_option_charts.CHARTS["mac"](tuple(demo.options), fin, lang, 480)
    data = chart_data.mac_data(demo.options, fin, lang)
    assert data is not None
    assert any(not b.labelled for b in data.bars)  # the demo has narrow bars
    drawn = dict(_codes(d))
    assert sorted(drawn) == sorted(b.code for b in data.bars)
    _apart(list(drawn.items()))
    # each code stands over its own bar (the bars are drawn cheapest first)
    fills = {colour(SAVES_MONEY).hexval(), colour(COSTS_MONEY).hexval()}
    rects = [
        _box(m, [(r.x, r.y), (r.x + r.width, r.y + r.height)])
        for r, m in shapes(d)
        if isinstance(r, Rect) and r.fillColor is not None and r.fillColor.hexval() in fills
    ]
    assert len(rects) == len(data.bars)
    for bar, rect in zip(data.bars, rects, strict=True):
        box = drawn[bar.code]
        centre = (box[0] + box[2]) / 2
        assert rect[0] <= centre <= rect[2] + 4, (bar.code, rect, box)
        assert box[1] >= rect[3] - 0.5 or box[3] <= rect[1] + 0.5  # beyond its end, not on it
