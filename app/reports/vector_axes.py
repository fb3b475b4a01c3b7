"""A small plotting kit for the report's charts: reportlab vector shapes, no matplotlib.

Drawing a chart as PDF paths and text takes milliseconds where rasterising a matplotlib figure
takes a quarter of a second; it also stays sharp at any zoom and its words can be searched and
copied. The kit draws what every report chart needs: a title, a plot area with value axes at
"nice" ticks (1, 2, 2.5, 5 x 10^n) labelled in the report language, gridlines, category labels
fitted to the room they have, legends, and a "no data" message. Texts use the embedded Noto
Sans of ``app.reports.fonts`` so Vietnamese diacritics (ế, ộ, ự) render everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports import fonts

GRID = colors.HexColor("#DDDDDD")
AXIS = colors.HexColor("#555555")
MUTED = colors.HexColor("#696969")
TITLE_SIZE = 9.0
LABEL_SIZE = 7.5
TICK_SIZE = 7.0
PAD_TOP, PAD_BOTTOM = 4.0, 10.0  # blank space in the drawing: charts in a row stay apart


def colour(value: str) -> colors.Color:
    return colors.HexColor(value)


# -- text -------------------------------------------------------------------------------------


def drawn_width(text: str, font: str, size: float) -> float:
    """How wide ``text`` is drawn as one String in ``font``: in the fallback font when ``font``
    lacks a glyph of it (``fonts.font_for``, as ``label`` and ``fonts.fix_drawing`` draw it),
    which is wider than the main font: measured in the main font, a label with an arrow runs
    past the room it was fitted to."""
    fonts.register()
    used, shown = fonts.font_for(text, font)
    return stringWidth(shown, used, size)


def width_of(text: str, size: float = TICK_SIZE, bold: bool = False) -> float:
    return drawn_width(text, fonts.BOLD if bold else fonts.REGULAR, size)


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    if drawn_width(text, font, size) <= width:
        return text
    # start from an estimate (average glyph ~0.5 em) so long texts are not trimmed char by char
    text = text[: max(1, int(width / (size * 0.45)))]
    while text and drawn_width(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _pieces(word: str, font: str, size: float, width: float) -> list[str]:
    """``word`` as pieces no wider than ``width`` (broken between characters)."""
    out, piece = [], ""
    for ch in word:
        if piece and drawn_width(piece + ch, font, size) > width:
            out.append(piece)
            piece = ""
        piece += ch
    return out + [piece]


def wrap_whole(text: str, font: str, size: float, width: float) -> list[str]:
    """All of ``text`` in lines of ``width`` points, as many as it needs: nothing is cut; a
    word wider than the line is broken between characters."""
    words = [
        piece
        for w in text.split()
        for piece in ([w] if drawn_width(w, font, size) <= width else _pieces(w, font, size, width))
    ]
    return wrap(" ".join(words), font, size, width, max(1, len(words)))


def wrap(text: str, font: str, size: float, width: float, lines: int = 2) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` points, the last one fitted."""
    words, out, cur = text.split(), [], ""
    for w in words:
        trial = f"{cur} {w}".strip()
        if drawn_width(trial, font, size) <= width or not cur:
            cur = trial
        else:
            out.append(cur)
            cur = w
    out.append(cur)
    if len(out) > lines:
        out = out[: lines - 1] + [fit(" ".join(out[lines - 1 :]), font, size, width)]
    return [fit(line, font, size, width) for line in out]


def label(
    x: float,
    y: float,
    text: str,
    size: float = TICK_SIZE,
    anchor: str = "start",
    *,
    bold: bool = False,
    fill=colors.black,
    angle: float = 0,
):
    """A String at (x, y) (its baseline), turned ``angle`` degrees anticlockwise about it."""
    font, text = fonts.font_for(text, fonts.BOLD if bold else fonts.REGULAR)
    s = String(
        0 if angle else x,
        0 if angle else y,
        text,
        fontName=font,
        fontSize=size,
        textAnchor=anchor,
        fillColor=fill,
    )
    if not angle:
        return s
    a = math.radians(angle)
    return Group(s, transform=(math.cos(a), math.sin(a), -math.sin(a), math.cos(a), x, y))


# -- ticks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """A value axis: its range, its ticks and their labels."""

    lo: float
    hi: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]

    def widest(self, size: float = TICK_SIZE) -> float:
        return max((width_of(t, size) for t in self.labels), default=0.0)


def nice_step(span: float, count: int) -> float:
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * magnitude >= raw * (1 - 1e-9):
            return m * magnitude
    return 10 * magnitude


def scale(
    lo: float, hi: float, fmt: Callable[[float], str], count: int = 5, *, tight: bool = False
) -> Scale:
    """Ticks at a nice step covering ``lo``..``hi``; the axis range is widened to whole steps
    unless ``tight`` (then it is ``lo``..``hi`` and only the ticks inside are kept)."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = 0.0, 1.0
    if hi - lo <= 1e-12 * max(1.0, abs(hi)):
        lo, hi = (lo - 1, hi + 1) if lo < 0 else (lo, hi + max(1.0, abs(hi)))
    step = nice_step(hi - lo, count)
    first = math.floor(lo / step + 1e-9) * step
    last = math.ceil(hi / step - 1e-9) * step
    n = round((last - first) / step)
    ticks = [first + i * step for i in range(n + 1)]
    ticks = [0.0 if abs(t) < step * 1e-9 else t for t in ticks]
    if tight:
        ticks = [t for t in ticks if lo - step * 1e-9 <= t <= hi + step * 1e-9]
    else:
        lo, hi = first, last
    return Scale(lo, hi, tuple(ticks), tuple(fmt(t) for t in ticks))


# -- the chart frame --------------------------------------------------------------------------


class Chart:
    """A Drawing with a title and a rectangular plot area mapped to data coordinates."""

    def __init__(self, width: float, height: float, title: str):
        fonts.register()
        self.d = Drawing(width, height + PAD_TOP + PAD_BOTTOM, initialFontName=fonts.REGULAR)
        self.g = Group(transform=(1, 0, 0, 1, 0, PAD_BOTTOM))  # chart coordinates: 0..height
        self.d.add(self.g)
        self.width, self.height = width, height
        lines = wrap(title, fonts.BOLD, TITLE_SIZE, width - 8)
        for i, line in enumerate(lines):
            y = height - TITLE_SIZE - 1 - i * (TITLE_SIZE + 2)
            self.add(label(width / 2, y, line, TITLE_SIZE, "middle", bold=True))
        self.top = height - len(lines) * (TITLE_SIZE + 2) - 6  # below the title
        self.x0 = self.y0 = 0.0
        self.w = self.h = 1.0
        self.xs = self.ys = Scale(0.0, 1.0, (), ())

    def add(self, shape) -> None:
        self.g.add(shape)

    def area(self, left: float, right: float, bottom: float, top_gap: float = 0.0) -> None:
        """The plot area: ``left``/``right``/``bottom`` points kept free for axes and legends."""
        self.x0, self.y0 = left, bottom
        self.w = max(10.0, self.width - left - right)
        self.h = max(10.0, self.top - top_gap - bottom)

    def X(self, v: float) -> float:
        s = self.xs
        return self.x0 + (v - s.lo) / ((s.hi - s.lo) or 1.0) * self.w

    def Y(self, v: float) -> float:
        s = self.ys
        return self.y0 + (v - s.lo) / ((s.hi - s.lo) or 1.0) * self.h

    # -- axes -----------------------------------------------------------------------------
    def y_axis(self, title: str = "", *, grid: bool = True, fill=colors.black) -> None:
        for t, text in zip(self.ys.ticks, self.ys.labels, strict=True):
            y = self.Y(t)
            if grid:
                self.add(Line(self.x0, y, self.x0 + self.w, y, strokeColor=GRID, strokeWidth=0.5))
            self.add(label(self.x0 - 3, y - TICK_SIZE * 0.35, text, anchor="end"))
        self.add(Line(self.x0, self.y0, self.x0, self.y0 + self.h, strokeColor=AXIS))
        if title:
            x = self.x0 - self.ys.widest() - 9  # room for descenders (g, y) left of the ticks
            self.add(self.axis_title(x, self.y0 + self.h / 2, title, 90, fill))

    def y_axis_right(self, scale_: Scale, title: str, fill=colors.black) -> None:
        """A second value axis on the right (its own scale; ``Y2`` maps to it)."""
        self.ys2 = scale_
        right = self.x0 + self.w
        for t, text in zip(scale_.ticks, scale_.labels, strict=True):
            y = self.Y2(t)
            self.add(Line(right, y, right + 2.5, y, strokeColor=AXIS, strokeWidth=0.5))
            self.add(label(right + 4, y - TICK_SIZE * 0.35, text, fill=fill))
        self.add(Line(right, self.y0, right, self.y0 + self.h, strokeColor=AXIS))
        x = right + scale_.widest() + 7 + LABEL_SIZE + 1
        self.add(self.axis_title(x, self.y0 + self.h / 2, title, 90, fill))

    def Y2(self, v: float) -> float:
        s = self.ys2
        return self.y0 + (v - s.lo) / ((s.hi - s.lo) or 1.0) * self.h

    def x_axis(self, title: str = "", *, grid: bool = False) -> None:
        for t, text in zip(self.xs.ticks, self.xs.labels, strict=True):
            x = self.X(t)
            if grid:
                self.add(Line(x, self.y0, x, self.y0 + self.h, strokeColor=GRID, strokeWidth=0.5))
            self.add(Line(x, self.y0, x, self.y0 - 2.5, strokeColor=AXIS, strokeWidth=0.5))
            half = width_of(text) / 2  # the end ticks' labels kept inside the drawing
            x = min(max(x, half), self.width - half)
            self.add(label(x, self.y0 - 3 - TICK_SIZE, text, anchor="middle"))
        self.add(Line(self.x0, self.y0, self.x0 + self.w, self.y0, strokeColor=AXIS))
        if title:
            y = self.y0 - 6 - TICK_SIZE - LABEL_SIZE
            self.add(label(self.x0 + self.w / 2, y, title, LABEL_SIZE, "middle"))

    def axis_title(self, x: float, y: float, text: str, angle: float, fill=colors.black):
        text = fit(text, fonts.REGULAR, LABEL_SIZE, self.h + self.y0 - 2)
        return label(x, y, text, LABEL_SIZE, "middle", fill=fill, angle=angle)

    def categories_x(self, names: Sequence[str], centres: Sequence[float], level: bool) -> None:
        """Category labels under the plot, level or at 45 degrees (see ``category_band``)."""
        for n, cx in zip(names, centres, strict=True):
            if level:
                self.add(label(cx, self.y0 - 3 - TICK_SIZE, n, anchor="middle"))
            else:
                self.add(label(cx + 2, self.y0 - 4, n, anchor="end", angle=45))
        self.add(Line(self.x0, self.y0, self.x0 + self.w, self.y0, strokeColor=AXIS))

    def categories_y(self, names: Sequence[str], centres: Sequence[float], room: float) -> None:
        """Category labels left of the plot, fitted to ``room`` points."""
        for n, cy in zip(names, centres, strict=True):
            text = fit(n, fonts.REGULAR, TICK_SIZE, room)
            self.add(label(self.x0 - 4, cy - TICK_SIZE * 0.35, text, anchor="end"))
        self.add(Line(self.x0, self.y0, self.x0, self.y0 + self.h, strokeColor=AXIS))

    # -- marks ----------------------------------------------------------------------------
    def bar(self, x: float, y: float, w: float, h: float, fill: str, stroke=None) -> Rect:
        """A rectangle in points (normalised so the height may be negative)."""
        if h < 0:
            y, h = y + h, -h
        r = Rect(x, y, w, h, fillColor=colour(fill), strokeColor=stroke, strokeWidth=0.6)
        self.add(r)
        return r

    def legend(self, items: Sequence[tuple[str, str, str]], y: float, x: float | None = None):
        """One row of (kind "box"|"line"|"dash"|"dot", colour, text) entries, centred on the
        chart (or starting at ``x``)."""
        widths = [14 + width_of(t, LABEL_SIZE) + 10 for _, _, t in items]
        left = (self.width - sum(widths)) / 2 if x is None else x
        for (kind, fill, text), w in zip(items, widths, strict=True):
            self.key(kind, fill, left, y)
            self.add(label(left + 14, y - LABEL_SIZE * 0.35, text, LABEL_SIZE))
            left += w

    def legend_column(self, items: Sequence[tuple[str, str, str]], x: float, top: float, room):
        """Entries one under another from ``top``, texts fitted to ``room`` points."""
        for i, (kind, fill, text) in enumerate(items):
            y = top - i * (LABEL_SIZE + 5)
            self.key(kind, fill, x, y)
            self.add(label(x + 14, y - LABEL_SIZE * 0.35, fit(text, fonts.REGULAR, 7.5, room)))

    def key(self, kind: str, fill: str, x: float, y: float) -> None:
        c = colour(fill)
        if kind == "box":
            self.add(Rect(x, y - 4, 10, 8, fillColor=c, strokeColor=None))
        elif kind == "dot":
            self.add(dot(x + 5, y, 3.5, c))
        else:
            dash = (3, 2) if kind == "dash" else None
            self.add(Line(x, y, x + 11, y, strokeColor=c, strokeWidth=1.5, strokeDashArray=dash))
            if kind == "line":
                self.add(dot(x + 5.5, y, 2, c))

    def no_data(self, message: str) -> Drawing:
        self.add(label(self.width / 2, self.top / 2, message, LABEL_SIZE + 1, "middle", fill=MUTED))
        return self.d


def category_band(names: Sequence[str], room: float) -> tuple[bool, float]:
    """Whether category labels fit level in ``room`` points each, and the height they take
    under the axis (turned 45 degrees when they don't fit)."""
    level = all(width_of(n) <= room - 3 for n in names)
    if level:
        return True, TICK_SIZE + 6
    return False, max(width_of(n) for n in names) * 0.71 + TICK_SIZE + 4


def dot(x: float, y: float, r: float, fill, stroke=None, alpha: float | None = None):
    from reportlab.graphics.shapes import Circle

    c = Circle(x, y, r, fillColor=fill, strokeColor=stroke, strokeWidth=0.5)
    if alpha is not None:
        c.fillOpacity = alpha
    return c


def triangle_right(x: float, y: float, r: float, fill, alpha: float | None = None) -> Polygon:
    p = Polygon(
        [x - r, y - r, x - r, y + r, x + r, y],
        fillColor=fill,
        strokeColor=colors.black,
        strokeWidth=0.5,
    )
    if alpha is not None:
        p.fillOpacity = alpha
    return p
