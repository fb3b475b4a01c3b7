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
    report = PdfReport(build_snapshot(demo, "full"), "en")
    report.story()
    key = next(k for k in report._charts if k.startswith("specific:"))
    ticks = [s for s in strings(report._charts[key]) if re.fullmatch(r"[\d.,]+", s)]
    assert ticks and "0" not in ticks
    assert len(set(ticks)) == len(ticks)  # each tick its own label (1.085 and 1.09)


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
        assert name in flat or all(part in flat for part in name.split()), name


def _codes(drawing):
    """(text, x, y, anchor, angle-turned) of each option code drawn."""
    out = []

    def walk(node, turned=False):
        for item in getattr(node, "contents", []):
            if isinstance(item, String) and re.fullmatch(r"O-\d\d", item.text):
                out.append((item.text, item.x, item.y, item.textAnchor, turned))
            elif isinstance(item, Group):
                walk(item, turned or any(item.transform[1:3]))

    walk(drawing)
    return out


def test_bubble_chart_labels_every_option_without_overlap(demo):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.core.options import option_finances
    from app.reports import fonts, vector_option_charts

    fonts.register()
    fin = option_finances(demo)
    d = vector_option_charts.CHARTS["bubble"](tuple(demo.options), fin, "en", 480)
    data = chart_data.bubble_data(demo.options, fin)
    drawn = _codes(d)
    assert sorted(t for t, *_ in drawn) == sorted(b.code for b in data.bubbles)
    boxes = []
    for t, x, y, anchor, _ in drawn:
        w = stringWidth(t, fonts.REGULAR, 6.5)
        left = x - w / 2 if anchor == "middle" else x if anchor == "start" else x - w
        boxes.append((left, y - 1, left + w, y + 5.5))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert (
                min(a[2], b[2]) - max(a[0], b[0]) <= 0.01
                or min(a[3], b[3]) - max(a[1], b[1]) <= 0.01
            )


def test_mac_curve_labels_narrow_bars_too(demo):
    from app.core.options import option_finances
    from app.reports import vector_option_charts

    fin = option_finances(demo)
    d = vector_option_charts.CHARTS["mac"](tuple(demo.options), fin, "en", 480)
    data = chart_data.mac_data(demo.options, fin, "en")
    drawn = {t for t, *_ in _codes(d)}
    assert any(not b.labelled for b in data.bars)  # the demo has narrow bars
    assert drawn == {b.code for b in data.bars}
