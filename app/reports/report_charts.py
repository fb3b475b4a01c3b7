"""Vector charts and the process-flow diagram drawn with reportlab graphics for the PDF.

Vector drawings stay sharp when printed, embed the same Noto font as the text (so Vietnamese
labels render) and cost far less than rasterising matplotlib figures for every page.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports import fmt, fonts

ACCENT = colors.HexColor("#1F6F5C")
SOFT = colors.HexColor("#E8F1EE")


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    # start from an estimate (average glyph ~0.5 em) so long texts are not trimmed char by char
    text = text[: max(1, int(width / (size * 0.45)))]
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _wrap(text: str, font: str, size: float, width: float, lines: int = 2) -> list[str]:
    words, out, cur = text.split(), [], ""
    for w in words:
        trial = f"{cur} {w}".strip()
        if stringWidth(trial, font, size) <= width or not cur:
            cur = trial
        else:
            out.append(cur)
            cur = w
    out.append(cur)
    if len(out) > lines:
        out = out[: lines - 1] + [_fit(" ".join(out[lines - 1 :]), font, size, width)]
    return out


def flow_diagram(
    steps: list[str],
    inputs: list[list[str]],
    losses: list[list[str]],
    width: float,
    inputs_label: str,
    losses_label: str,
) -> Drawing:
    """The ordered process steps as boxes top to bottom; inputs on the left, losses right."""
    fonts.register()
    box_w, box_h, gap = width * 0.36, 30, 14
    side_w = (width - box_w) / 2 - 12
    height = 18 + len(steps) * (box_h + gap)
    d = Drawing(width, height, initialFontName=fonts.REGULAR)
    x0 = (width - box_w) / 2
    d.add(
        String(
            side_w / 2,
            height - 10,
            inputs_label,
            fontName=fonts.BOLD,
            fontSize=8,
            textAnchor="middle",
            fillColor=colors.grey,
        )
    )
    d.add(
        String(
            width - side_w / 2,
            height - 10,
            losses_label,
            fontName=fonts.BOLD,
            fontSize=8,
            textAnchor="middle",
            fillColor=colors.grey,
        )
    )
    for i, name in enumerate(steps):
        y = height - 18 - (i + 1) * (box_h + gap) + gap
        d.add(
            Rect(x0, y, box_w, box_h, rx=4, ry=4, fillColor=SOFT, strokeColor=ACCENT, strokeWidth=1)
        )
        lines = _wrap(f"{i + 1}. {name}", fonts.BOLD, 8.5, box_w - 8)
        for k, line in enumerate(lines):
            ty = y + box_h / 2 + (len(lines) / 2 - k - 0.8) * 10
            d.add(
                String(
                    x0 + box_w / 2, ty, line, fontName=fonts.BOLD, fontSize=8.5, textAnchor="middle"
                )
            )
        if i < len(steps) - 1:  # arrow to the next step
            cx = x0 + box_w / 2
            d.add(Line(cx, y, cx, y - gap + 4, strokeColor=ACCENT, strokeWidth=1.2))
            d.add(
                Polygon(
                    [cx - 3.5, y - gap + 5, cx + 3.5, y - gap + 5, cx, y - gap],
                    fillColor=ACCENT,
                    strokeColor=ACCENT,
                )
            )
        for side, names in (
            ("in", inputs[i] if i < len(inputs) else []),
            ("out", losses[i] if i < len(losses) else []),
        ):
            if not names:
                continue
            lines = _wrap(", ".join(names), fonts.REGULAR, 6.5, side_w - 4)
            my = y + box_h / 2
            for k, line in enumerate(lines):  # two lines at most, centred on the arrow
                ty = my + 1.5 + (len(lines) / 2 - k - 0.5) * 8
                if side == "in":
                    d.add(
                        String(
                            side_w, ty, line, fontName=fonts.REGULAR, fontSize=6.5, textAnchor="end"
                        )
                    )
                else:
                    d.add(
                        String(
                            width - side_w,
                            ty,
                            line,
                            fontName=fonts.REGULAR,
                            fontSize=6.5,
                            fillColor=colors.HexColor("#8A3B2E"),
                        )
                    )
            if side == "in":
                d.add(Line(side_w + 3, my, x0, my, strokeColor=colors.grey, strokeWidth=0.6))
            else:
                d.add(
                    Line(
                        x0 + box_w,
                        my,
                        width - side_w - 3,
                        my,
                        strokeColor=colors.grey,
                        strokeWidth=0.6,
                    )
                )
    return d


def bar_chart(
    labels: list[str], values: list[float], width: float, axis_label: str, lang: str
) -> Drawing:
    """Horizontal bars, largest first, value labels in the report language."""
    fonts.register()
    n = max(1, len(values))
    height = 30 + n * 16
    d = Drawing(width, height, initialFontName=fonts.REGULAR)
    label_w = width * 0.36
    c = HorizontalBarChart()
    c.x, c.y, c.width, c.height = label_w, 22, width - label_w - 50, height - 30
    c.data = [list(reversed(values))]
    c.categoryAxis.categoryNames = [
        _fit(x, fonts.REGULAR, 7.5, label_w - 8) for x in reversed(labels)
    ]
    c.categoryAxis.labels.fontName = fonts.REGULAR
    c.categoryAxis.labels.fontSize = 7.5
    c.categoryAxis.labels.boxAnchor = "e"
    c.valueAxis.labels.fontName = fonts.REGULAR
    c.valueAxis.labels.fontSize = 7
    c.valueAxis.valueMin = 0
    c.valueAxis.labelTextFormat = lambda v: fmt.number(v, lang, 0)
    c.bars[0].fillColor = ACCENT
    c.bars[0].strokeColor = None
    c.barLabelFormat = lambda v: fmt.number(v, lang, 1 if v < 100 else 0)
    c.barLabels.fontName = fonts.REGULAR
    c.barLabels.fontSize = 6.5
    c.barLabels.boxAnchor = "w"
    c.barLabels.dx = 3
    d.add(c)
    d.add(
        String(
            c.x + c.width / 2,
            2,
            axis_label,
            fontName=fonts.REGULAR,
            fontSize=7.5,
            textAnchor="middle",
            fillColor=colors.grey,
        )
    )
    return d


def line_chart(
    title: str, periods: list[str], values: list[float | None], width: float, lang: str
) -> Drawing:
    """Monthly quantities of one stream; missing months leave a gap in the points."""
    fonts.register()
    height = 120
    d = Drawing(width, height, initialFontName=fonts.REGULAR)
    pts = [(i, v) for i, v in enumerate(values) if v is not None]
    lp = LinePlot()
    lp.x, lp.y, lp.width, lp.height = 50, 28, width - 70, height - 50
    lp.data = [pts]
    lp.lines[0].strokeColor = ACCENT
    lp.lines[0].strokeWidth = 1.4
    lp.xValueAxis.valueMin, lp.xValueAxis.valueMax = 0, max(1, len(values) - 1)
    step = max(1, len(periods) // 12)
    lp.xValueAxis.valueSteps = list(range(0, len(periods), step))
    lp.xValueAxis.labelTextFormat = lambda v: periods[int(v)] if 0 <= int(v) < len(periods) else ""
    lp.xValueAxis.labels.fontName = fonts.REGULAR
    lp.xValueAxis.labels.fontSize = 6
    lp.xValueAxis.labels.angle = 30
    lp.xValueAxis.labels.boxAnchor = "ne"
    lp.yValueAxis.labels.fontName = fonts.REGULAR
    lp.yValueAxis.labels.fontSize = 6.5
    lp.yValueAxis.valueMin = 0
    lp.yValueAxis.labelTextFormat = lambda v: fmt.smart(v, lang)
    d.add(lp)
    d.add(String(50, height - 12, title, fontName=fonts.BOLD, fontSize=8.5))
    return d
