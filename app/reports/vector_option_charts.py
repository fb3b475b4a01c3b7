"""The options log's charts in a report as vector drawings: MAC curve, investment vs payback
bubbles, savings by CP technique.

Same data as the Options screen's matplotlib charts (``app.reports.option_charts``), from the
same preparation (``chart_data``): bars, clipping, labelled codes, categories and colours.
Each function returns a reportlab ``Drawing`` ``width`` points wide.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Line
from reportlab.lib import colors

from app.core.messages import text
from app.core.model import CPCategory, Option
from app.reports import fonts
from app.reports.chart_data import (
    CATEGORY_COLOURS,
    COSTS_MONEY,
    NOT_YET_COLOUR,
    SAVES_MONEY,
    bubble_data,
    category_savings,
    mac_data,
    thousands_label,
)
from app.reports.vector_axes import (
    LABEL_SIZE,
    MUTED,
    TICK_SIZE,
    Chart,
    Scale,
    colour,
    dot,
    label,
    scale,
    triangle_right,
    width_of,
    wrap,
)

ASPECT = 4.6 / 8.0  # height / width, as the Options screen's figures placed in a report
FIGURE_W = 8.0 * 72  # the screen figure's width in points: marker sizes scale from it


def _ticks(lang: str):
    return lambda v: thousands_label(v, lang)


def _y_room(ys: Scale) -> float:
    return ys.widest() + 10 + LABEL_SIZE + 4


def _hatch(c: Chart, x: float, y: float, w: float, h: float, step: float = 4.0) -> None:
    """White diagonal lines across a rectangle: the bar is cut at the axis limit."""
    if h < 0:
        y, h = y + h, -h
    k = -h
    while k < w:
        x_start, x_end = max(0.0, k), min(w, k + h)
        if x_end > x_start:
            c.add(
                Line(
                    x + x_start,
                    y + x_start - k,
                    x + x_end,
                    y + x_end - k,
                    strokeColor=colors.white,
                    strokeWidth=0.8,
                )
            )
        k += step


def mac_curve(
    options: Sequence[Option], finances: Mapping[str, Any], lang: str, width: float
) -> Drawing:
    """One bar per option, cheapest abatement first: width = tCO2e avoided per year, height =
    cost per tonne (negative: saves money)."""
    c = Chart(width, width * ASPECT, text("options.chart.mac_title", lang))
    data = mac_data(options, finances, lang)
    if data is None:
        return c.no_data(text("options.chart.no_data", lang))
    low, high = data.low, data.high
    pad = (high - low) * 0.12
    ys = scale(low - pad if low < 0 else 0, high + pad if high > 0 else pad, _ticks(lang))
    c.area(_y_room(ys), 10, TICK_SIZE + 10 + LABEL_SIZE)
    c.ys = ys
    c.xs = scale(0.0, data.total * 1.01, _ticks(lang), tight=True)
    c.y_axis(text("options.chart.mac_y", lang))
    c.x_axis(text("options.chart.mac_x", lang))
    zero = c.Y(0)
    for bar in data.bars:
        x, w = c.X(bar.left), c.X(bar.left + bar.width) - c.X(bar.left)
        h = c.Y(bar.shown) - zero
        c.bar(x, zero, w, h, SAVES_MONEY if bar.cost < 0 else COSTS_MONEY, colors.white)
        if bar.shown != bar.cost:
            _hatch(c, x, zero, w, h)
        if bar.labelled:
            y = zero + h + (2 if h >= 0 else -2 - 6.5)
            c.add(label(x + w / 2, y, bar.code, 6.5, "middle"))
        elif bar.code:  # a narrow (or clipped) bar: its code turned upright beyond its end
            y = zero + h + (2 if h >= 0 else -2)
            anchor = "start" if h >= 0 else "end"
            c.add(label(x + w / 2 + 2.3, y, bar.code, 6.5, anchor, angle=90))
    c.add(Line(c.x0, zero, c.x0 + c.w, zero, strokeColor=colors.black, strokeWidth=0.8))
    lines = [
        line
        for part in data.note(lang).split("\n")
        for line in wrap(part, fonts.REGULAR, TICK_SIZE, c.w - 8)
    ]
    for i, line in enumerate(lines):
        c.add(label(c.x0 + 4, c.y0 + c.h - 9 - i * 9, line, fill=MUTED))
    return c.d


CELL = 16.0  # points: the grid the bubble chart keeps its placed codes in


def investment_payback(
    options: Sequence[Option], finances: Mapping[str, Any], lang: str, width: float
) -> Drawing:
    """Bubbles at (simple payback, investment), area proportional to the net saving per year;
    paybacks beyond the cap drawn at the edge as a triangle."""
    c = Chart(width, width * ASPECT, text("options.chart.bubble_title", lang))
    data = bubble_data(options, finances)
    if data is None:
        return c.no_data(text("options.chart.no_data", lang))
    cap = data.cap
    ys = scale(-data.y_max * 0.06 - 1, data.y_max * 1.12 + 1, _ticks(lang), tight=True)
    names = [text(f"options.category.{k.value}", lang) for k in data.categories]
    legend_w = min(max(width_of(n, LABEL_SIZE) for n in names) + 22, 0.3 * width)
    c.area(_y_room(ys), legend_w + 6, TICK_SIZE + 10 + LABEL_SIZE)
    c.ys = ys
    c.xs = scale(-0.05 * cap - 0.2, cap * 1.08 + 0.2, _ticks(lang), 8, tight=True)
    c.y_axis(text("options.chart.bubble_y", lang))
    c.x_axis(text("options.chart.bubble_x", lang), grid=True)
    k = width / FIGURE_W  # the screen's marker sizes, at this drawing's scale
    for b in sorted(data.bubbles, key=lambda b: -b.area):  # small bubbles on top
        r = math.sqrt(b.area) / 2 * k
        fill = colour(CATEGORY_COLOURS[b.category])
        if b.beyond:
            c.add(triangle_right(c.X(b.x), c.Y(b.y), r, fill, alpha=0.6))
        else:
            c.add(dot(c.X(b.x), c.Y(b.y), r, fill, colors.black, alpha=0.6))
    # every bubble carries its code, placed where it overlaps no other code (largest first);
    # the codes placed so far are kept in a grid of CELL-point squares, so a candidate spot is
    # compared with the codes near it only (500 options: seconds -> milliseconds)
    placed: list[tuple[float, float, float, float]] = []
    grid: dict[tuple[int, int], list[int]] = {}

    def cells(bx):
        for gx in range(math.floor(bx[0] / CELL), math.floor(bx[2] / CELL) + 1):
            for gy in range(math.floor(bx[1] / CELL), math.floor(bx[3] / CELL) + 1):
                yield gx, gy

    def overlap(bx) -> float:
        near = {i for cell in cells(bx) for i in grid.get(cell, ())}
        return sum(
            max(0.0, min(bx[2], p[2]) - max(bx[0], p[0]))
            * max(0.0, min(bx[3], p[3]) - max(bx[1], p[1]))
            for p in (placed[i] for i in sorted(near))
        )

    for b in sorted(data.bubbles, key=lambda b: -b.area):
        if not b.code:
            continue
        x, y, r = c.X(b.x), c.Y(b.y), math.sqrt(b.area) / 2 * k
        tw, th = width_of(b.code, 6.5), 6.5
        spots = [(x, y - 2.3, "middle")]  # (x, baseline, anchor): inside, then around it
        for far in (0.0, 7.0, 14.0, 21.0, 28.0, 35.0):
            spots += [
                (x, y + r + 1.5 + far, "middle"),
                (x + r + 1.5 + far, y - 2.3, "start"),
                (x - r - 1.5 - far, y - 2.3, "end"),
                (x, y - r - th - 0.5 - far, "middle"),
                (x + r + far, y + r + far, "start"),
                (x - r - far, y + r + far, "end"),
                (x + r + far, y - r - th - far, "start"),
                (x - r - far, y - r - th - far, "end"),
            ]

        def box(spot, tw=tw, th=th):
            sx, sy, anchor = spot
            left = sx - tw / 2 if anchor == "middle" else sx if anchor == "start" else sx - tw
            return (left, sy - 1, left + tw, sy + th - 1)

        # the first spot free of other codes (inside the plot), else the least covered
        boxes = [(sp, box(sp)) for sp in spots]
        inside = [
            (sp, bx)
            for sp, bx in boxes
            if c.x0 <= bx[0] and bx[2] <= c.x0 + c.w and c.y0 <= bx[1] and bx[3] <= c.y0 + c.h
        ] or boxes
        covered: list[tuple[float, int, Any, Any]] = []
        best = None
        for sp, bx in inside:
            o = overlap(bx)
            if o == 0:
                best = (sp, bx)
                break
            covered.append((o, len(covered), sp, bx))
        if best is None:
            _, _, sp, bx = min(covered)
            best = (sp, bx)
        spot, bx = best
        for cell in cells(bx):
            grid.setdefault(cell, []).append(len(placed))
        placed.append(bx)
        c.add(label(spot[0], spot[1], b.code, 6.5, spot[2]))
    x = c.x0 + c.w + 8
    items = [("dot", CATEGORY_COLOURS[k], n) for k, n in zip(data.categories, names, strict=True)]
    c.legend_column(items, x, c.y0 + c.h - 4, legend_w - 16)
    room = c.width - x - 1  # the note ends inside the drawing
    note = wrap(text("options.chart.bubble_size", lang), fonts.REGULAR, TICK_SIZE, room, 4)
    for i, line in enumerate(note):
        c.add(label(x, c.y0 + (len(note) - 1 - i) * 9, line, fill=MUTED))
    return c.d


def savings_by_category(
    options: Sequence[Option], finances: Mapping[str, Any], lang: str, width: float
) -> Drawing:
    """Net saving per year by CP technique, the implemented (and verified) part first."""
    c = Chart(width, width * ASPECT, text("options.chart.category_title", lang))
    sums = category_savings(options, finances)
    if sums is None:
        return c.no_data(text("options.chart.no_data", lang))
    done, other = sums
    cats = list(CPCategory)  # first category at the top
    names = [text(f"options.category.{k.value}", lang) for k in cats]
    room = min(max(width_of(n) for n in names), 0.34 * width)
    c.area(room + 10, 12, TICK_SIZE + 26 + LABEL_SIZE)
    c.xs = scale(0.0, max(done[k] + other[k] for k in cats), _ticks(lang))
    c.ys = Scale(0.0, float(len(cats)), (), ())
    c.x_axis(text("options.chart.category_x", lang), grid=True)
    slot = c.h / len(cats)
    centres = [c.Y(len(cats) - i - 0.5) for i in range(len(cats))]
    for k, cy in zip(cats, centres, strict=True):
        x = c.X(0)
        for value, fill in ((done[k], SAVES_MONEY), (other[k], NOT_YET_COLOUR)):
            if value > 0:
                w = c.X(value) - c.X(0)
                c.bar(x, cy - 0.4 * slot, w, 0.8 * slot, fill)
                x += w
    c.categories_y(names, centres, room)
    c.legend(
        [
            ("box", SAVES_MONEY, text("options.chart.category_implemented", lang)),
            ("box", NOT_YET_COLOUR, text("options.chart.category_other", lang)),
        ],
        6,
    )
    return c.d


CHARTS = {
    "mac": mac_curve,
    "bubble": investment_payback,
    "category": savings_by_category,
}
