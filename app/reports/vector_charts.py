"""The baseline charts of a report as vector drawings: monthly consumption, cost shares,
specific consumption trend, CO2e by source and the Sankey diagram of one resource.

They show what the Baselines screen's matplotlib charts (``app.reports.charts``) show, from
the same data preparation (``chart_data``): same titles, labels, colours, "Other" grouping and
number marks of the report language. Each function returns a reportlab ``Drawing`` ``width``
points wide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Path, PolyLine, Rect
from reportlab.lib import colors

from app.core.messages import text
from app.reports import fmt, fonts
from app.reports.chart_data import (
    COST_COLOUR,
    PALETTE,
    QTY_COLOUR,
    SANKEY_COLOURS,
    SANKEY_NODE_W,
    SANKEY_X,
    SCOPE_COLOURS,
    WARN_COLOUR,
    EmissionSource,
    SankeyFlow,
    Share,
    emission_rows,
    period_labels,
    sankey_layout,
    tick_label,
    top_shares,
    trend_limits,
)
from app.reports.vector_axes import (
    LABEL_SIZE,
    MUTED,
    TICK_SIZE,
    Chart,
    Scale,
    category_band,
    colour,
    dot,
    label,
    scale,
    width_of,
    wrap_whole,
)

ASPECT = 3.6 / 7.0  # height / width, as the screens' figures


def _ticks(lang: str):
    return lambda v: tick_label(v, lang)


def _series(c: Chart, xs: Sequence[float], ys: Sequence[float | None], fill: str, Y=None):
    """A line through the known points (a gap where a value is missing), a dot on each."""
    Y = Y or c.Y
    run: list[float] = []
    for x, y in zip(xs, ys, strict=True):
        if y is None:
            if len(run) > 2:
                c.add(PolyLine(run, strokeColor=colour(fill), strokeWidth=1.6))
            run = []
            continue
        run += [x, Y(y)]
        c.add(dot(x, Y(y), 2.2, colour(fill)))
    if len(run) > 2:
        c.add(PolyLine(run, strokeColor=colour(fill), strokeWidth=1.6))


def _time_frame(c: Chart, lang, periods, ys: Scale, right: float, legend: bool) -> list[float]:
    """Plot area for a value per month: y axis left, month labels under it; returns each
    month's centre x."""
    left = ys.widest() + 10 + LABEL_SIZE + 4
    names = period_labels(periods, lang)
    room = (c.width - left - right) / max(len(names), 1)
    level, band = category_band(names, room)
    c.area(left, right, band + (16 if legend else 2))
    c.ys = ys
    c.xs = Scale(0.0, float(len(periods)), (), ())
    centres = [c.X(i + 0.5) for i in range(len(periods))]
    c.categories_x(names, centres, level)
    return centres


def monthly(
    name: str,
    unit: str,
    periods: Sequence[str],
    quantities: Sequence[float | None],
    costs_vnd: Sequence[float | None] | None,
    lang: str,
    width: float,
    *,
    flagged: Sequence[bool] | None = None,
    title: str | None = None,
) -> Drawing:
    """Bars of a stream's monthly quantity (flagged months in the warning colour), with its
    monthly cost as a line on a second axis when ``costs_vnd`` has any value."""
    c = Chart(width, width * ASPECT, title or text("chart.monthly_title", lang, name=name))
    if not periods or all(q is None for q in quantities):
        return c.no_data(text("chart.no_data", lang))
    costs = list(costs_vnd or ())
    has_cost = any(v is not None for v in costs)
    ys = scale(0.0, max(q or 0 for q in quantities), _ticks(lang))
    qty_label = text("chart.quantity", lang, unit=unit)
    cost_label = text("chart.cost_million", lang)
    if has_cost:
        millions = [None if v is None else v / 1e6 for v in costs]
        ys2 = scale(0.0, max(v for v in millions if v is not None), _ticks(lang))
        right = ys2.widest() + 10 + LABEL_SIZE + 6
    else:
        right = 8.0
    centres = _time_frame(c, lang, periods, ys, right, legend=has_cost)
    c.y_axis(qty_label)
    slot = c.w / len(periods)
    for i, (q, cx) in enumerate(zip(quantities, centres, strict=True)):
        if q:
            fill = WARN_COLOUR if flagged and flagged[i] else QTY_COLOUR
            c.bar(cx - 0.35 * slot, c.Y(0), 0.7 * slot, c.Y(q) - c.Y(0), fill)
    if has_cost:
        c.y_axis_right(ys2, cost_label, colour(COST_COLOUR))
        _series(c, centres, millions, COST_COLOUR, c.Y2)
        c.legend([("box", QTY_COLOUR, qty_label), ("line", COST_COLOUR, cost_label)], 6)
    return c.d


def specific_trend(
    name: str,
    unit: str,
    periods: Sequence[str],
    values: Sequence[float | None],
    lang: str,
    width: float,
    *,
    annual: float | None = None,
) -> Drawing:
    """Specific consumption per month (e.g. kWh/t) with the baseline's annual figure dashed."""
    c = Chart(width, width * ASPECT, text("chart.specific_title", lang, name=name))
    if not periods or all(v is None for v in values):
        return c.no_data(text("chart.no_data", lang))
    ys = scale(*trend_limits(values, annual), _ticks(lang))
    if len(ys.ticks) > 1:  # as many decimals as the step needs: 1.085 and 1.09, not 1.08 twice
        step = ys.ticks[1] - ys.ticks[0]
        decimals = max(0, math.ceil(-math.log10(step) - 1e-9)) if step > 0 else 0
        ys = Scale(ys.lo, ys.hi, ys.ticks, tuple(fmt.number(t, lang, decimals) for t in ys.ticks))
    centres = _time_frame(c, lang, periods, ys, 8.0, legend=annual is not None)
    c.y_axis(unit)
    _series(c, centres, values, PALETTE[2])
    if annual is not None:
        y = c.Y(annual)
        dash = Line(c.x0, y, c.x0 + c.w, y, strokeColor=colour(PALETTE[1]), strokeWidth=1.1)
        dash.strokeDashArray = (4, 2.5)
        c.add(dash)
        value = fmt.smart(annual, lang)
        annual_label = text("chart.annual_value", lang, value=value, unit=unit)
        c.legend([("line", PALETTE[2], unit), ("dash", PALETTE[1], annual_label)], 6)
    return c.d


def _hbars(
    c: Chart,
    names: Sequence[str],
    values: Sequence[float],
    fills: Sequence[str],
    ends: Sequence[str],
    x_title: str,
    lang: str,
    legend: list[tuple[str, str, str]] | None = None,
) -> Drawing:
    """Horizontal bars, first at the top, each with its text at the bar's end."""
    room = min(max(width_of(n) for n in names), 0.34 * c.width)
    xs = scale(0.0, max(values) * 1.18, _ticks(lang))
    bottom = TICK_SIZE + 8 + LABEL_SIZE + (16 if legend else 4)
    c.area(room + 10, 12, bottom)
    c.xs = xs
    c.ys = Scale(0.0, float(len(names)), (), ())
    c.x_axis(x_title, grid=True)
    slot = c.h / len(names)
    centres = [c.Y(len(names) - i - 0.5) for i in range(len(names))]
    for v, fill, end, cy in zip(values, fills, ends, centres, strict=True):
        c.bar(c.X(0), cy - 0.4 * slot, c.X(v) - c.X(0), 0.8 * slot, fill)
        c.add(label(c.X(v) + 3, cy - TICK_SIZE * 0.35, end))
    c.categories_y(names, centres, room)
    if legend:
        c.legend(legend, 6)
    return c.d


def cost_shares(items: Sequence[Share], lang: str, width: float, *, top: int = 7) -> Drawing:
    """Share of each stream in the total resource cost, largest first, the rest as "Other"."""
    c = Chart(width, width * 3.8 / 7.0, text("chart.cost_shares_title", lang))
    shown, _ = top_shares(items, lang, top)
    if not shown:
        return c.no_data(text("chart.no_data", lang))
    return _hbars(
        c,
        [i.label for i in shown],
        [i.value / 1e6 for i in shown],
        [PALETTE[0]] * len(shown),
        [fmt.percent(i.share, lang) for i in shown],
        text("chart.cost_million", lang),
        lang,
    )


def co2e_by_source(sources: Sequence[EmissionSource], lang: str, width: float) -> Drawing:
    """Tonnes CO2e per year by source, coloured by scope."""
    c = Chart(width, width * ASPECT, text("chart.co2e_title", lang))
    shown = emission_rows(sources)
    if not shown:
        return c.no_data(text("chart.no_data", lang))
    fills = [SCOPE_COLOURS.get(s.scope, PALETTE[9]) for s in shown]
    scopes = sorted({s.scope for s in shown})
    legend = [
        ("box", SCOPE_COLOURS.get(k, PALETTE[9]), text(f"chart.scope{k}", lang)) for k in scopes
    ]
    return _hbars(
        c,
        [s.label for s in shown],
        [s.tco2e for s in shown],
        fills,
        [fmt.smart(s.tco2e, lang) for s in shown],
        text("chart.tco2e", lang),
        lang,
        legend,
    )


def _place(wanted: Sequence[tuple[float, float]], lo: float, hi: float, gap: float) -> list[float]:
    """Centres for label blocks of one column, each (wanted centre, height), given top first:
    as near their node as they can be without overlapping (``gap`` apart) between ``lo`` and
    ``hi``; pushed down from the top, then up from the bottom where they ran past it."""
    tops: list[float] = []
    floor = hi + gap
    for want, h in wanted:
        tops.append(min(want + h / 2, floor - gap))
        floor = tops[-1] - h
    ceiling = lo - gap
    for i in reversed(range(len(tops))):
        h = wanted[i][1]
        tops[i] = max(tops[i], ceiling + gap + h)
        ceiling = tops[i]
    return [t - h / 2 for t, (_, h) in zip(tops, wanted, strict=True)]


def _side_labels(c: Chart, nodes, column: str, x: float, edge: float, room: float, size: float):
    """The labels of one side column: each node's "name: quantity" whole, wrapped on as many
    lines as it needs, stacked so that no two overlap; a label moved off its node's middle is
    tied to it by a thin leader."""
    side = sorted((n for n in nodes if n.column == column), key=lambda n: -(n.top - n.size / 2))
    step = size * 1.15
    blocks = []
    for node in side:
        warn = node.kind == "unaccounted"
        font = fonts.BOLD if warn else fonts.REGULAR
        lines = wrap_whole(node.label, font, size, room)
        want = (c.Y(node.top) + c.Y(node.top - node.size)) / 2
        blocks.append((node, lines, warn, want, step * (len(lines) - 1) + size))
    mids = _place([(b[3], b[4]) for b in blocks], 0.0, c.top, 0.4 * size)
    anchor, sign = ("end", -1) if column == "left" else ("start", 1)
    for (node, lines, warn, want, _), mid in zip(blocks, mids, strict=True):
        fill = colour(SANKEY_COLOURS[node.kind]) if warn else colors.black
        if abs(mid - want) > 0.6 * size:
            c.add(Line(edge, want, x - sign * 0.5, mid, strokeColor=MUTED, strokeWidth=0.4))
        _lines(c, x, mid - size * 0.3, lines, size, anchor, bold=warn, fill=fill)


def _lines(c: Chart, x: float, mid: float, lines: list[str], size: float, anchor: str, **kw):
    """Label lines stacked about ``mid`` (the baseline of a single line)."""
    step = size * 1.15
    first = mid + step * (len(lines) - 1) / 2
    for i, line in enumerate(lines):
        c.add(label(x, first - i * step, line, size, anchor, **kw))


def sankey(
    resource: str, unit: str, flows: Sequence[SankeyFlow], lang: str, width: float
) -> Drawing:
    """Inputs → process steps → products and losses, bands as wide as the quantity; each
    step's unaccounted remainder in the warning colour (``chart_data.sankey_layout``)."""
    # taller than the other charts: it has a page of its own and names on both sides
    c = Chart(width, width * 0.85, text("chart.sankey_title", lang, name=resource, unit=unit))
    layout = sankey_layout(flows, lang)
    if layout is None:
        return c.no_data(text("chart.no_data", lang))
    c.area(4, 4, 4)
    c.xs = Scale(-0.02, 1.02, (), ())
    c.ys = Scale(-0.02 * layout.height, layout.height * 1.04, (), ())
    for b in layout.bands:
        x0, x1 = c.X(b.x0), c.X(b.x1)
        xm = (x0 + x1) / 2
        top0, top1 = c.Y(b.y0), c.Y(b.y1)
        bot0, bot1 = c.Y(b.y0 - b.size), c.Y(b.y1 - b.size)
        p = Path(fillColor=colour(SANKEY_COLOURS[b.kind]), strokeColor=None)
        p.fillOpacity = 0.35
        p.moveTo(x0, top0)
        p.curveTo(xm, top0, xm, top1, x1, top1)
        p.lineTo(x1, bot1)
        p.curveTo(xm, bot1, xm, bot0, x0, bot0)
        p.closePath()
        c.add(p)
    w = c.X(SANKEY_NODE_W) - c.X(0)
    size = TICK_SIZE
    for link in layout.links:  # an intermediate product, down to the next step
        lw = c.X(link.width) - c.X(0)
        x = c.X(SANKEY_X["mid"]) + w / 2 - lw / 2
        y0, y1 = c.Y(link.y0), c.Y(link.y1)
        band = Rect(
            x, y1, lw, y0 - y1, fillColor=colour(SANKEY_COLOURS["output"]), strokeColor=None
        )
        band.fillOpacity = 0.35
        c.add(band)
        c.add(label(x + lw + 2, (y0 + y1) / 2 - size * 0.35, link.amount, size * 0.9, "start"))
    left_room = c.X(SANKEY_X["left"] - SANKEY_NODE_W - 0.01) - 2
    right_x = c.X(SANKEY_X["right"]) + w + 3
    for node in layout.nodes:
        y_top, y_bot = c.Y(node.top), c.Y(node.top - node.size)
        mid = (y_top + y_bot) / 2 - size * 0.35
        if node.column == "mid":
            x = c.X(SANKEY_X["mid"])
            c.add(Rect(x, y_bot, w, y_top - y_bot, fillColor=colour("#555555"), strokeColor=None))
            # the step's name whole, on more lines when long, on a white box over the bands
            names = wrap_whole(node.label, fonts.BOLD, size, c.X(0.25) - c.X(0))
            half = max(width_of(n, size, bold=True) for n in names) / 2 + 2
            extra = size * 1.15 * (len(names) - 1)
            box = Rect(
                x + w / 2 - half, mid - 2 - extra / 2, 2 * half, size + 3 + extra, strokeColor=None
            )
            box.fillColor, box.fillOpacity = colors.white, 0.85
            c.add(box)
            _lines(c, x + w / 2, mid, names, size, "middle", bold=True)
            continue
        fill = colour(SANKEY_COLOURS[node.kind])
        if node.column == "left":
            x = c.X(SANKEY_X["left"]) - w
        else:
            x = right_x - 3 - w
        c.add(Rect(x, y_bot, w, y_top - y_bot, fillColor=fill, strokeColor=None))
    left_x = c.X(SANKEY_X["left"]) - w
    _side_labels(c, layout.nodes, "left", left_x - 3, left_x, left_room, size)
    _side_labels(c, layout.nodes, "right", right_x, right_x - 3, c.width - right_x - 2, size)
    return c.d
