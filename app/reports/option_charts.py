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
from app.core.model import CPCategory, Option, OptionStatus, Screening
from app.reports.charts import font_family

# One colour per CP technique (colour-blind-safe "tab10" order), used by every chart.
CATEGORY_COLOURS: dict[CPCategory, str] = {
    CPCategory.GOOD_HOUSEKEEPING: "#1f77b4",
    CPCategory.INPUT_CHANGE: "#ff7f0e",
    CPCategory.PROCESS_CONTROL: "#2ca02c",
    CPCategory.EQUIPMENT_MODIFICATION: "#d62728",
    CPCategory.TECHNOLOGY_CHANGE: "#9467bd",
    CPCategory.ONSITE_RECOVERY: "#8c564b",
    CPCategory.BYPRODUCT: "#e377c2",
    CPCategory.PRODUCT_MODIFICATION: "#7f7f7f",
}
SAVES_MONEY = "#2e8b57"
COSTS_MONEY = "#d2691e"


def _figure(size: tuple[float, float]) -> Figure:
    from matplotlib import rcParams
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    rcParams["font.family"] = font_family()
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _candidates(options: Sequence[Option]) -> list[Option]:
    return [o for o in options if o.screening != Screening.REJECTED]


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

    sep = "." if lang == "vi" else ","
    dec = "," if lang == "vi" else "."

    def fmt(value: float, _pos: int) -> str:
        if abs(value - round(value)) < 1e-9:
            return f"{round(value):,}".replace(",", sep)
        return f"{value:,.1f}".replace(",", "\0").replace(".", dec).replace("\0", sep)

    return FuncFormatter(fmt)


def _robust_limits(values: list[float]) -> tuple[float, float]:
    """Axis limits that show the bulk of ``values``: beyond 3x the 80th percentile of the
    magnitudes a bar is clipped (and labelled with its value) instead of squashing the rest."""
    magnitudes = sorted(abs(v) for v in values)
    typical = magnitudes[int(0.8 * (len(magnitudes) - 1))] or magnitudes[-1] or 1.0
    cap = 3 * typical
    return max(min(values), -cap), min(max(values), cap)


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
    rows = []
    for option in _candidates(options):
        fin = finances.get(option.id)
        if fin is None or not fin.avoided_co2e_t or fin.avoided_co2e_t <= 0:
            continue
        if fin.abatement_cost_vnd_per_t is None:
            continue
        rows.append((fin.abatement_cost_vnd_per_t / 1000.0, fin.avoided_co2e_t, option))
    if not rows:
        return _no_data(fig, title, lang)
    rows.sort(key=lambda r: r[0])
    ax = fig.add_subplot()
    total = sum(r[1] for r in rows)
    low, high = _robust_limits([r[0] for r in rows])
    clipped: list[str] = []
    left = 0.0
    for cost, width, option in rows:
        colour = SAVES_MONEY if cost < 0 else COSTS_MONEY
        shown = min(max(cost, low), high)  # a few extreme costs would flatten all the others
        ax.bar(
            left,
            shown,
            width=width,
            align="edge",
            color=colour,
            edgecolor="white",
            linewidth=0.8,
            hatch="//" if shown != cost else None,
        )
        if shown != cost:
            clipped.append(f"{option.code} {_thousands(lang)(round(cost), 0)}")
        elif width >= total * 0.035:  # label only the bars wide enough to hold a code
            ax.annotate(
                option.code or "",
                (left + width / 2, shown),
                ha="center",
                va="top" if shown < 0 else "bottom",
                fontsize=7,
                xytext=(0, -2 if shown < 0 else 2),
                textcoords="offset points",
            )
        left += width
    pad = (high - low) * 0.12
    ax.set_ylim(low - pad if low < 0 else 0, high + pad if high > 0 else pad)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlim(0, total * 1.01)
    ax.set_title(title)
    ax.set_xlabel(text("options.chart.mac_x", lang))
    ax.set_ylabel(text("options.chart.mac_y", lang))
    ax.yaxis.set_major_formatter(_thousands(lang))
    ax.xaxis.set_major_formatter(_thousands(lang))
    ax.grid(axis="y", alpha=0.3)
    note = text("options.chart.mac_note", lang)
    if clipped:
        more = ", …" if len(clipped) > 4 else ""
        items = ", ".join(clipped[:4]) + more
        note += "\n" + text("options.chart.mac_clipped", lang, items=items)
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
    rows = []
    for option in _candidates(options):
        fin = finances.get(option.id)
        if fin is None or fin.payback_years is None or fin.annual_net_saving_vnd <= 0:
            continue
        rows.append(
            (fin.payback_years, fin.investment_vnd / 1e6, fin.annual_net_saving_vnd, option)
        )
    if not rows:
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    biggest = max(r[2] for r in rows)
    longest = max(r[0] for r in rows)
    cap = min(longest, 2.0 * max(r[3].lifetime_years for r in rows))
    # Label the largest savings only: dozens of codes on top of each other help no one.
    labelled = {id(r[3]) for r in sorted(rows, key=lambda r: -r[2])[:12]}
    # One scatter per category and marker, not per option: with 500 options, 500 collections
    # made this chart the slowest part of a report.
    groups: dict[tuple[CPCategory, str], list[tuple[float, float, float]]] = {}
    for payback, investment, saving, option in rows:
        x = min(payback, cap)
        marker = ">" if payback > cap else "o"
        groups.setdefault((CPCategory(option.category), marker), []).append(
            (x, investment, 40 + 1400 * saving / biggest)
        )
        if id(option) in labelled or payback > cap:
            ax.annotate(option.code or "", (x, investment), fontsize=7, ha="center", va="center")
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

    present = [c for c in CPCategory if any(CPCategory(r[3].category) == c for r in rows)]
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
    ax.set_ylim(bottom=-max(r[1] for r in rows) * 0.06 - 1)
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
    done = {c: 0.0 for c in CPCategory}
    other = {c: 0.0 for c in CPCategory}
    for option in _candidates(options):
        fin = finances.get(option.id)
        if fin is None:
            continue
        target = (
            done if option.status in (OptionStatus.IMPLEMENTED, OptionStatus.VERIFIED) else other
        )
        target[CPCategory(option.category)] += max(fin.annual_net_saving_vnd, 0) / 1e6
    if not any(done.values()) and not any(other.values()):
        return _no_data(fig, title, lang)
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
        color="#9ecae1",
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
