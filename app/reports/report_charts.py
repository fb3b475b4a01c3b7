"""The report's charts, drawn from the snapshot as reportlab vector drawings.

The Baselines and Options screens draw matplotlib charts from an ``Audit``; a report only has
its ``ReportSnapshot`` (already redacted for the confidential variant), so the functions here
turn snapshot rows into the charts' plain inputs and draw them with ``vector_charts`` and
``vector_option_charts``, which share their data preparation with the screens' charts
(``chart_data``). Vector drawings cost milliseconds where a rasterised figure cost a quarter of
a second, and stay sharp and searchable in the PDF.

The process-flow diagram (``flow_diagram``) has no screen twin.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

from app.core.messages import text
from app.reports import fonts, vector_charts, vector_option_charts
from app.reports.chart_data import EmissionSource, SankeyFlow, Share
from app.reports.snapshot import PlantDiagramRow, ReportSnapshot, SpecificRow, StreamRow
from app.reports.vector_axes import wrap as _wrap
from app.reports.vector_axes import wrap_whole

ACCENT = colors.HexColor("#1F6F5C")
SOFT = colors.HexColor("#E8F1EE")


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
    # every input and loss name whole, on as many lines as it needs: the row grows instead;
    # "; " between names, as a name may hold commas ("Electricity used (motors, pumps, ...)")
    side_lines = [
        [
            wrap_whole("; ".join(dict.fromkeys(names[i])), fonts.REGULAR, 6.5, side_w - 4)
            if i < len(names) and names[i]
            else []
            for names in (inputs, losses)
        ]
        for i in range(len(steps))
    ]
    row_h = [max(box_h, 8 * max(len(a), len(b)) + 6) for a, b in side_lines]
    height = 18 + sum(h + gap for h in row_h)
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
    top = height - 18
    for i, name in enumerate(steps):
        top -= row_h[i] + gap
        y = top + gap + (row_h[i] - box_h) / 2  # the box centred in its row
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
        if i < len(steps) - 1:  # arrow to the next step's box
            cx = x0 + box_w / 2
            end = y - gap - (row_h[i] - box_h) / 2 - (row_h[i + 1] - box_h) / 2
            d.add(Line(cx, y, cx, end + 4, strokeColor=ACCENT, strokeWidth=1.2))
            d.add(
                Polygon(
                    [cx - 3.5, end + 5, cx + 3.5, end + 5, cx, end],
                    fillColor=ACCENT,
                    strokeColor=ACCENT,
                )
            )
        for side, lines in zip(("in", "out"), side_lines[i], strict=True):
            if not lines:
                continue
            my = y + box_h / 2
            for k, line in enumerate(lines):  # centred on the arrow
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


# --------------------------------------------------------------------------------------------
# The screens' charts from a snapshot


def monthly(x: StreamRow, name: str, lang: str, width: float) -> Drawing:
    """Monthly quantity bars with the cost line (no cost line when the snapshot has no money,
    and then the title promises no cost)."""
    costs = [c for _, _, c in x.months]
    has_cost = any(c is not None for c in costs)
    return vector_charts.monthly(
        name,
        x.unit,
        [p for p, _, _ in x.months],
        [q for _, q, _ in x.months],
        costs if has_cost else None,
        lang,
        width,
        flagged=x.flagged or None,
        title=None if has_cost else text("report.chart_monthly_qty", lang, name=name),
    )


def cost_shares(
    streams: Sequence[StreamRow], names: Sequence[str], lang: str, width: float
) -> Drawing:
    items = [Share(n, float(x.annual_cost or 0)) for x, n in zip(streams, names, strict=True)]
    return vector_charts.cost_shares(items, lang, width)


def specific(row: SpecificRow, name: str, lang: str, width: float) -> Drawing:
    return vector_charts.specific_trend(
        name,
        row.unit,
        [p for p, _ in row.per_period],
        [v for _, v in row.per_period],
        lang,
        width,
        annual=row.value,
    )


def co2e(streams: Sequence[StreamRow], names: Sequence[str], lang: str, width: float) -> Drawing:
    sources = [
        EmissionSource(n, x.co2e_t, 2 if x.kind == "electricity" else 1)
        for x, n in zip(streams, names, strict=True)
        if x.co2e_t and x.co2e_t > 0
    ]
    return vector_charts.co2e_by_source(sources, lang, width)


def plant_sankey(
    diagram: PlantDiagramRow, names: Sequence[str], lang: str, width: float, flow_name=None
) -> Drawing:
    """One plant-wide diagram (one resource kind), intermediate products step to step."""
    flows = [
        SankeyFlow(
            names[f.step], f.direction, flow_name(f.name) if flow_name else f.name.vi, f.quantity
        )
        for f in diagram.flows
    ]
    resource = text(f"chart.plant.{diagram.kind}", lang)
    return vector_charts.sankey(resource, diagram.unit, flows, lang, width)


def option_chart(snap: ReportSnapshot, name: str, lang: str, width: float) -> Drawing:
    """ "mac", "bubble" or "category", as the Options screen draws it."""
    return vector_option_charts.CHARTS[name](snap.chart_options, snap.chart_finances, lang, width)
