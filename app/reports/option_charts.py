"""Charts of the options log: MAC curve, investment vs payback bubbles, savings by category.

Plain matplotlib ``Figure`` objects on the Agg canvas (no pyplot: no global state, safe off the
GUI thread), so the Options screen shows them in a canvas and the reports embed their PNG. All
labels come from the message catalogue in the language asked for, independent of the UI's.

Inputs are the options and their ``OptionFinance`` figures by option id (``app.core.finance``);
rejected options are left out: they are not candidates.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.figure import Figure

from app.core.messages import text
from app.core.model import CPCategory, Option
from app.reports.chart_data import (  # noqa: F401 (re-exported: the screen's names)
    CATEGORY_COLOURS,
    COSTS_MONEY,
    NOT_YET_COLOUR,
    SAVES_MONEY,
    bubble_data,
    category_savings,
    mac_data,
    thousands_label,
)
from app.reports.charts import font_family


def _figure(size: tuple[float, float]) -> Figure:
    from matplotlib import rcParams
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    rcParams["font.family"] = font_family()
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _no_data(fig: Figure, title: str, lang: str) -> Figure:
    ax = fig.add_subplot()
    ax.set_title(title)
    ax.text(
        0.5,
        0.5,
        text("options.chart.no_data", lang),
        ha="center",
        va="center",
        transform=ax.transAxes,
        color="grey",
    )
    ax.set_axis_off()
    return fig


def _thousands(lang: str):
    """Axis tick formatter with the language's grouping mark (vi 1.234.567; en 1,234,567)."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: thousands_label(value, lang))


def mac_curve(
    options: Sequence[Option],
    finances: Mapping[str, Any],
    lang: str,
    size: tuple[float, float] = (9.0, 5.0),
) -> Figure:
    """Marginal abatement cost curve: one bar per option, cheapest abatement first.

    Width = tCO2e avoided per year, height = cost per tonne (negative: saves money), so the
    area left of any point is the abatement reachable at or below that cost.
    """
    fig = _figure(size)
    title = text("options.chart.mac_title", lang)
    data = mac_data(options, finances, lang)
    if data is None:
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    for bar in data.bars:
        ax.bar(
            bar.left,
            bar.shown,
            width=bar.width,
            align="edge",
            color=SAVES_MONEY if bar.cost < 0 else COSTS_MONEY,
            edgecolor="white",
            linewidth=0.8,
            hatch="//" if bar.shown != bar.cost else None,
        )
        if bar.labelled:
            ax.annotate(
                bar.code,
                (bar.left + bar.width / 2, bar.shown),
                ha="center",
                va="top" if bar.shown < 0 else "bottom",
                fontsize=7,
                xytext=(0, -2 if bar.shown < 0 else 2),
                textcoords="offset points",
            )
    low, high = data.low, data.high
    pad = (high - low) * 0.12
    ax.set_ylim(low - pad if low < 0 else 0, high + pad if high > 0 else pad)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlim(0, data.total * 1.01)
    ax.set_title(title)
    ax.set_xlabel(text("options.chart.mac_x", lang))
    ax.set_ylabel(text("options.chart.mac_y", lang))
    ax.yaxis.set_major_formatter(_thousands(lang))
    ax.xaxis.set_major_formatter(_thousands(lang))
    ax.grid(axis="y", alpha=0.3)
    note = data.note(lang)
    ax.text(0.01, 0.98, note, transform=ax.transAxes, fontsize=8, color="dimgrey", va="top")
    return fig


def investment_payback(
    options: Sequence[Option],
    finances: Mapping[str, Any],
    lang: str,
    size: tuple[float, float] = (9.0, 5.0),
) -> Figure:
    """Bubbles at (simple payback, investment), area proportional to the net saving per year.

    Options that never pay back (saving <= 0) have no place on the x axis and are left out;
    paybacks beyond twice the longest lifetime are drawn at the edge as a ">" marker.
    """
    fig = _figure(size)
    title = text("options.chart.bubble_title", lang)
    data = bubble_data(options, finances)
    if data is None:
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    cap = data.cap
    # One scatter per category and marker, not per option: with 500 options, 500 collections
    # made this chart the slowest part of a report.
    groups: dict[tuple[CPCategory, str], list[tuple[float, float, float]]] = {}
    for b in data.bubbles:
        groups.setdefault((b.category, ">" if b.beyond else "o"), []).append((b.x, b.y, b.area))
        if b.labelled:
            ax.annotate(b.code, (b.x, b.y), fontsize=7, ha="center", va="center")
    for (category, marker), points in groups.items():
        xs, ys, sizes = zip(*points, strict=True)
        ax.scatter(
            xs,
            ys,
            s=sizes,
            color=CATEGORY_COLOURS[category],
            alpha=0.6,
            edgecolors="black",
            linewidths=0.5,
            marker=marker,
        )
    from matplotlib.lines import Line2D

    present = data.categories
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=8,
            alpha=0.6,
            markerfacecolor=CATEGORY_COLOURS[c],
            markeredgecolor="black",
            label=text(f"options.category.{c.value}", lang),
        )
        for c in present
    ]
    ax.set_title(title)
    ax.set_xlabel(text("options.chart.bubble_x", lang))
    ax.set_ylabel(text("options.chart.bubble_y", lang))
    ax.yaxis.set_major_formatter(_thousands(lang))
    ax.xaxis.set_major_formatter(_thousands(lang))
    ax.set_xlim(-0.05 * cap - 0.2, cap * 1.08 + 0.2)
    ax.set_ylim(bottom=-data.y_max * 0.06 - 1)
    ax.grid(alpha=0.3)
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False
    )
    ax.text(
        1.02,
        0.0,
        text("options.chart.bubble_size", lang),
        transform=ax.transAxes,
        fontsize=8,
        color="dimgrey",
        va="bottom",
        wrap=True,
    )
    return fig


def savings_by_category(
    options: Sequence[Option],
    finances: Mapping[str, Any],
    lang: str,
    size: tuple[float, float] = (9.0, 5.0),
) -> Figure:
    """Net saving per year by CP technique, implemented (and verified) part first."""
    fig = _figure(size)
    title = text("options.chart.category_title", lang)
    sums = category_savings(options, finances)
    if sums is None:
        return _no_data(fig, title, lang)
    done, other = sums
    ax = fig.add_subplot()
    cats = list(CPCategory)[::-1]  # first category at the top
    labels = [text(f"options.category.{c.value}", lang) for c in cats]
    ys = range(len(cats))
    ax.barh(
        ys,
        [done[c] for c in cats],
        color=SAVES_MONEY,
        label=text("options.chart.category_implemented", lang),
    )
    ax.barh(
        ys,
        [other[c] for c in cats],
        left=[done[c] for c in cats],
        color=NOT_YET_COLOUR,
        label=text("options.chart.category_other", lang),
    )
    ax.set_yticks(list(ys), labels)
    ax.set_title(title)
    ax.set_xlabel(text("options.chart.category_x", lang))
    ax.xaxis.set_major_formatter(_thousands(lang))
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    return fig


CHARTS = {
    "mac": mac_curve,
    "bubble": investment_payback,
    "category": savings_by_category,
}


def png_bytes(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes (for reports and screenshots)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def chart_png(
    name: str, options: Sequence[Option], finances: Mapping[str, Any], lang: str, dpi: int = 150
) -> bytes:
    """One chart by name ("mac", "bubble", "category") as PNG bytes."""
    return png_bytes(CHARTS[name](options, finances, lang), dpi)
