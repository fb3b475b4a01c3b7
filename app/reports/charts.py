"""Baseline charts shared by the Baselines screen and the reports.

Each function takes plain data (names, periods, numbers) and a language and returns a matplotlib
``Figure`` on the Agg canvas: no pyplot, so no global state and safe off the GUI thread. The
screen puts the figure in a ``FigureCanvasQTAgg``; a report calls ``png_bytes``. Labels come from
the message catalogue in the language asked for; numbers use that language's marks
(vi ``1.234,5``, en ``1,234.5``); fonts cover Vietnamese (Noto Sans when bundled, else the
DejaVu Sans matplotlib ships).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.figure import Figure

from app.core.messages import text
from app.paths import data_path
from app.reports import fmt
from app.reports.chart_data import (  # noqa: F401 (re-exported: the screens' and tests' names)
    BALANCE_UNITS,
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

_FAMILY: list[str] | None = None


def font_family() -> list[str]:
    """Noto Sans (the reports' font, covers Vietnamese) when bundled, else DejaVu Sans; shared by
    every chart module so screens and reports use one font set-up."""
    global _FAMILY
    if _FAMILY is None:
        from matplotlib import font_manager

        family = []
        for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
            path = data_path("resources", "fonts", name)
            if path.exists():
                font_manager.fontManager.addfont(str(path))
                if "Noto Sans" not in family:
                    family.append("Noto Sans")
        _FAMILY = family + ["DejaVu Sans"]
    return _FAMILY


def new_figure(width: float = 7.0, height: float = 3.6) -> Figure:
    """A figure with an Agg canvas and the Vietnamese-capable font."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    fig.set_facecolor("white")
    return fig


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        label.set_fontfamily(font_family())


def _numbers(lang: str):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: tick_label(v, lang))


def _no_data(fig: Figure, title: str, lang: str) -> Figure:
    ax = fig.add_subplot()
    ax.set_title(title, fontfamily=font_family())
    ax.text(
        0.5,
        0.5,
        text("chart.no_data", lang),
        ha="center",
        va="center",
        transform=ax.transAxes,
        color="grey",
        fontfamily=font_family(),
    )
    ax.set_axis_off()
    return fig


def _text_kw() -> dict:
    return {"fontfamily": font_family()}


def monthly_consumption(
    name: str,
    unit: str,
    periods: Sequence[str],
    quantities: Sequence[float | None],
    costs_vnd: Sequence[float | None] | None,
    lang: str,
    *,
    flagged: Sequence[bool] | None = None,
) -> Figure:
    """Bars of a stream's monthly quantity, with its monthly cost as a line on a second axis.

    ``flagged`` months (gaps, outliers) are drawn in the warning colour.
    """
    fig = new_figure()
    title = text("chart.monthly_title", lang, name=name)
    if not periods or all(q is None for q in quantities):
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    xs = range(len(periods))
    colours = [WARN_COLOUR if flagged and flagged[i] else QTY_COLOUR for i in xs]
    ax.bar(
        xs,
        [q or 0 for q in quantities],
        color=colours,
        width=0.7,
        label=text("chart.quantity", lang, unit=unit),
    )
    ax.set_ylabel(text("chart.quantity", lang, unit=unit), **_text_kw())
    ax.yaxis.set_major_formatter(_numbers(lang))
    ax.set_xticks(list(xs), period_labels(periods, lang), rotation=45, ha="right", fontsize=8)
    ax.set_title(title, **_text_kw())
    _style(ax)
    if costs_vnd and any(c is not None for c in costs_vnd):
        ax2 = ax.twinx()
        millions = [None if c is None else c / 1e6 for c in costs_vnd]
        ax2.plot(
            list(xs),
            [float("nan") if c is None else c for c in millions],
            color=COST_COLOUR,
            marker="o",
            linewidth=1.8,
            label=text("chart.cost_million", lang),
        )
        ax2.set_ylabel(text("chart.cost_million", lang), color=COST_COLOUR, **_text_kw())
        ax2.yaxis.set_major_formatter(_numbers(lang))
        ax2.set_ylim(bottom=0)
        ax2.spines["top"].set_visible(False)
        handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
        ax.legend(
            handles,
            [str(h.get_label()) for h in handles],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.22),
            ncol=2,
            frameon=False,
            prop={"family": font_family(), "size": 8},
        )
    return fig


def cost_shares(items: Sequence[Share], lang: str, *, top: int = 7) -> Figure:
    """Share of each stream in the total resource cost (horizontal bars, largest first; the
    rest summed as "Other"). Bars rather than a pie: shares of 2 % stay readable."""
    fig = new_figure(7.0, 3.8)
    title = text("chart.cost_shares_title", lang)
    shown, _ = top_shares(items, lang, top)
    if not shown:
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    ys = range(len(shown))[::-1]
    bars = ax.barh(list(ys), [i.value / 1e6 for i in shown], color=PALETTE[0])
    ax.set_yticks(list(ys), [i.label for i in shown], **_text_kw())
    for bar, item in zip(bars, shown, strict=True):
        ax.text(
            bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            " " + fmt.percent(item.share, lang),
            va="center",
            fontsize=8,
            **_text_kw(),
        )
    ax.set_xlabel(text("chart.cost_million", lang), **_text_kw())
    ax.xaxis.set_major_formatter(_numbers(lang))
    ax.set_xlim(right=max(i.value for i in shown) / 1e6 * 1.18)
    ax.set_title(title, **_text_kw())
    _style(ax)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    return fig


def specific_trend(
    name: str,
    unit: str,
    periods: Sequence[str],
    values: Sequence[float | None],
    lang: str,
    *,
    annual: float | None = None,
) -> Figure:
    """Specific consumption per month (e.g. kWh/t) with the baseline's annual figure as a line."""
    fig = new_figure()
    title = text("chart.specific_title", lang, name=name)
    if not periods or all(v is None for v in values):
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    xs = list(range(len(periods)))
    ys = [float("nan") if v is None else v for v in values]
    ax.plot(xs, ys, color=PALETTE[2], marker="o", linewidth=1.8, label=unit)
    if annual is not None:
        ax.axhline(
            annual,
            color=PALETTE[1],
            linestyle="--",
            linewidth=1.2,
            label=text("chart.annual_value", lang, value=fmt.smart(annual, lang), unit=unit),
        )
        ax.legend(frameon=False, prop={"family": font_family(), "size": 8})
    ax.set_ylabel(unit, **_text_kw())
    ax.yaxis.set_major_formatter(_numbers(lang))
    ax.set_xticks(xs, period_labels(periods, lang), rotation=45, ha="right", fontsize=8)
    ax.set_ylim(*trend_limits(values, annual))
    ax.set_title(title, **_text_kw())
    _style(ax)
    return fig


def co2e_by_source(sources: Sequence[EmissionSource], lang: str) -> Figure:
    """Tonnes CO2e per year by source, coloured by scope."""
    fig = new_figure(7.0, 3.6)
    title = text("chart.co2e_title", lang)
    shown = emission_rows(sources)
    if not shown:
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    ys = list(range(len(shown)))[::-1]
    colours = SCOPE_COLOURS
    ax.barh(ys, [s.tco2e for s in shown], color=[colours.get(s.scope, PALETTE[9]) for s in shown])
    ax.set_yticks(ys, [s.label for s in shown], **_text_kw())
    for y, s in zip(ys, shown, strict=True):
        ax.text(s.tco2e, y, " " + fmt.smart(s.tco2e, lang), va="center", fontsize=8, **_text_kw())
    ax.set_xlim(right=max(s.tco2e for s in shown) * 1.18)
    ax.set_xlabel(text("chart.tco2e", lang), **_text_kw())
    ax.xaxis.set_major_formatter(_numbers(lang))
    from matplotlib.patches import Patch

    scopes = sorted({s.scope for s in shown})
    ax.legend(
        [Patch(color=colours.get(k, PALETTE[9])) for k in scopes],
        [text(f"chart.scope{k}", lang) for k in scopes],
        frameon=False,
        loc="lower right",
        prop={"family": font_family(), "size": 8},
    )
    ax.set_title(title, **_text_kw())
    _style(ax)
    ax.grid(axis="y", visible=False)
    return fig


def _wrap_label(label: str, width: int = 28) -> str:
    """A long flow name on two lines: the side columns have a fixed share of a canvas that
    may be narrow on a laptop screen."""
    import textwrap

    lines = textwrap.wrap(label, width, break_long_words=False)
    return "\n".join(lines[:1] + [" ".join(lines[1:])]) if len(lines) > 1 else label


def sankey(resource: str, unit: str, flows: Sequence[SankeyFlow], lang: str) -> Figure:
    """The site's flows of one resource: inputs → process steps → products and losses
    (the layout is ``chart_data.sankey_layout``'s, shared with the report's vector chart)."""
    from matplotlib.patches import PathPatch, Rectangle
    from matplotlib.path import Path as MPath

    fig = new_figure(8.0, 4.8)
    title = text("chart.sankey_title", lang, name=resource, unit=unit)
    layout = sankey_layout(flows, lang)
    if layout is None:
        return _no_data(fig, title, lang)
    height = layout.height
    ax = fig.add_subplot()
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02 * height, height * 1.04)
    ax.set_axis_off()
    ax.set_title(title, **_text_kw())
    w = SANKEY_NODE_W
    label_kw = {"fontsize": 7.5, "va": "center", **_text_kw()}
    curve = [MPath.MOVETO] + [MPath.CURVE4] * 3 + [MPath.LINETO] + [MPath.CURVE4] * 3
    for b in layout.bands:
        xm = (b.x0 + b.x1) / 2
        verts = [
            (b.x0, b.y0),
            (xm, b.y0),
            (xm, b.y1),
            (b.x1, b.y1),
            (b.x1, b.y1 - b.size),
            (xm, b.y1 - b.size),
            (xm, b.y0 - b.size),
            (b.x0, b.y0 - b.size),
            (b.x0, b.y0),
        ]
        path = MPath(verts, curve + [MPath.CLOSEPOLY])
        ax.add_patch(
            PathPatch(path, facecolor=SANKEY_COLOURS[b.kind], alpha=0.35, edgecolor="none")
        )
    for link in layout.links:  # an intermediate product, down to the next step
        x = SANKEY_X["mid"] + w / 2 - link.width / 2
        ax.add_patch(
            Rectangle(
                (x, link.y1),
                link.width,
                link.y0 - link.y1,
                color=SANKEY_COLOURS["output"],
                alpha=0.35,
                linewidth=0,
            )
        )
        ax.text(x + link.width + 0.005, (link.y0 + link.y1) / 2, link.amount, fontsize=7,
                va="center", ha="left", **_text_kw())  # fmt: skip
    for node in layout.nodes:
        mid_y = node.top - node.size / 2
        if node.column == "mid":
            x = SANKEY_X["mid"]
            ax.add_patch(Rectangle((x, node.top - node.size), w, node.size, color="#555555"))
            ax.text(
                x + w / 2,
                mid_y,
                node.label,
                ha="center",
                va="center",
                fontsize=7.5,
                fontweight="bold",
                bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.5},
                **_text_kw(),
            )
            continue
        colour = SANKEY_COLOURS[node.kind]
        if node.column == "left":
            x = SANKEY_X["left"] - w
            ax.add_patch(Rectangle((x, node.top - node.size), w, node.size, color=colour))
            ax.text(x - 0.01, mid_y, _wrap_label(node.label), ha="right", **label_kw)
        else:
            x = SANKEY_X["right"]
            ax.add_patch(Rectangle((x, node.top - node.size), w, node.size, color=colour))
            warn = node.kind == "unaccounted"
            ax.text(
                x + w + 0.01,
                mid_y,
                _wrap_label(node.label),
                ha="left",
                color=WARN_COLOUR if warn else "black",
                fontweight="bold" if warn else "normal",
                **label_kw,
            )
    return fig


def png_bytes(fig: Figure, dpi: int = 120) -> bytes:
    """The figure as PNG bytes (reports, screenshots)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Chart data from an audit (the screen and the reports build the same charts the same way)


# the Balances screen's resource choice -> the plant diagram it shows
_PLANT_KIND = {"mass": "material", "volume": "water", "energy": "energy"}


def sankey_flows(audit, dimension: str, lang: str) -> tuple[str, list[SankeyFlow]]:
    """The plant-wide diagram of one resource ("mass": materials, "volume": water, "energy":
    energy with fuels by calorific value) in its unit, in step order, intermediate products
    step to step (``app.core.plant_flows``)."""
    from app.core.plant_flows import UNIT, plant_diagrams

    kind = _PLANT_KIND[dimension]
    names = {s.id: (s.name_en if lang == "en" and s.name_en else s.name_vi) for s in audit.steps}
    diagram = next((d for d in plant_diagrams(audit) if d.kind == kind), None)
    if diagram is None:
        return UNIT[kind], []
    out = [
        SankeyFlow(
            names[f.step_id],
            f.direction,
            f.name_en if lang == "en" and f.name_en else f.name,
            f.quantity,
        )
        for f in diagram.flows
    ]
    return diagram.unit, out


def stream_name(stream, lang: str) -> str:
    return stream.name_en if lang == "en" and stream.name_en else stream.name_vi


def cost_share_items(audit, lang: str) -> list[Share]:
    from app.core.indicators import compute_indicators

    ind = compute_indicators(audit)
    names = {s.id: stream_name(s, lang) for s in audit.streams}
    return [Share(names.get(t.stream_id, t.name_vi), float(t.cost_vnd or 0)) for t in ind.streams]


def emission_sources(audit, lang: str) -> list[EmissionSource]:
    from app.core.indicators import compute_indicators
    from app.core.model import StreamKind

    ind = compute_indicators(audit)
    by_id = {s.id: s for s in audit.streams}
    out = []
    for t in ind.streams:
        stream = by_id.get(t.stream_id)
        if stream is None or t.co2e_t <= 0:
            continue
        scope = 2 if stream.kind == StreamKind.ELECTRICITY else 1
        out.append(EmissionSource(stream_name(stream, lang), t.co2e_t, scope))
    return out


def audit_chart(
    audit,
    name: str,
    lang: str,
    *,
    stream_id: str = "",
    dimension: str = "mass",
    product_id: str = "",
) -> Figure:
    """One chart of an audit by name: "monthly", "cost_shares", "specific", "co2e", "sankey"."""
    if name == "cost_shares":
        return cost_shares(cost_share_items(audit, lang), lang)
    if name == "co2e":
        return co2e_by_source(emission_sources(audit, lang), lang)
    if name == "sankey":
        unit, flows = sankey_flows(audit, dimension, lang)
        return sankey(text(f"chart.dimension.{dimension}", lang), unit, flows, lang)
    stream = audit.stream(stream_id) or (audit.streams[0] if audit.streams else None)
    periods = audit.baseline_periods() or sorted({r.period for r in audit.records})
    if name == "monthly":
        if stream is None:
            return monthly_consumption("", "", [], [], None, lang)
        by_period = {r.period: r for r in audit.records_of(stream.id)}
        qty = [by_period[p].quantity if p in by_period else None for p in periods]
        from app.core.costs import record_cost

        costs = []
        for p in periods:
            cost = record_cost(by_period[p], stream) if p in by_period else None
            costs.append(None if cost is None else float(cost))
        from app.core.quality import Flag, check_audit

        report = check_audit(audit)
        flagged = [
            bool(report.flags_of(stream.id, p) & {Flag.OUTLIER, Flag.DUPLICATE}) for p in periods
        ]
        return monthly_consumption(
            stream_name(stream, lang), stream.unit, periods, qty, costs, lang, flagged=flagged
        )
    if name == "specific":
        from app.core.indicators import compute_indicators

        ind = compute_indicators(audit)
        chosen = [s for s in ind.specific if not stream_id or s.stream_id == stream_id]
        if product_id:
            chosen = [s for s in chosen if s.product_id == product_id]
        if not chosen or stream is None:
            return specific_trend("", "", [], [], lang)
        sc = chosen[0]
        s = audit.stream(sc.stream_id)
        product = next((p for p in audit.products if p.id == sc.product_id), None)
        label = stream_name(s, lang)
        if product is not None:
            label += " / " + (
                product.name_en if lang == "en" and product.name_en else product.name_vi
            )
        else:  # not allocated to products
            label += " / " + text("report.plant_level", lang)
        return specific_trend(
            label,
            sc.unit,
            [p for p, _ in sc.per_period],
            [v for _, v in sc.per_period],
            lang,
            annual=sc.annual,
        )
    raise ValueError(f"unknown chart {name!r}")


CHART_NAMES = ("monthly", "cost_shares", "specific", "co2e", "sankey")
