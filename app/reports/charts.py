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
from dataclasses import dataclass

from matplotlib.figure import Figure

from app.core.messages import text
from app.paths import data_path
from app.reports import fmt

PALETTE = (
    "#1F6F5C",
    "#E07A2F",
    "#3B6FB6",
    "#C04A4A",
    "#8A63B8",
    "#6B8E23",
    "#B8860B",
    "#4A9BA8",
    "#A0522D",
    "#708090",
)
COST_COLOUR = "#E07A2F"
QTY_COLOUR = "#1F6F5C"
WARN_COLOUR = "#C04A4A"
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

    def label(v: float, _pos) -> str:
        if abs(v - round(v)) < 1e-9:
            return fmt.number(round(v), lang)
        return fmt.smart(v, lang)

    return FuncFormatter(label)


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


def _period_labels(periods: Sequence[str], lang: str) -> list[str]:
    return [fmt.period(p, lang) for p in periods]


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
    ax.set_xticks(list(xs), _period_labels(periods, lang), rotation=45, ha="right", fontsize=8)
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
            [h.get_label() for h in handles],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.22),
            ncol=2,
            frameon=False,
            prop={"family": font_family(), "size": 8},
        )
    return fig


@dataclass(frozen=True)
class Share:
    label: str
    value: float


def cost_shares(items: Sequence[Share], lang: str, *, top: int = 7) -> Figure:
    """Share of each stream in the total resource cost (horizontal bars, largest first; the
    rest summed as "Other"). Bars rather than a pie: shares of 2 % stay readable."""
    fig = new_figure(7.0, 3.8)
    title = text("chart.cost_shares_title", lang)
    positive = sorted((i for i in items if i.value > 0), key=lambda i: -i.value)
    if not positive:
        return _no_data(fig, title, lang)
    shown = positive[:top]
    rest = sum(i.value for i in positive[top:])
    if rest > 0:
        shown.append(Share(text("chart.other", lang), rest))
    total = sum(i.value for i in positive)
    ax = fig.add_subplot()
    ys = range(len(shown))[::-1]
    bars = ax.barh(list(ys), [i.value / 1e6 for i in shown], color=PALETTE[0])
    ax.set_yticks(list(ys), [i.label for i in shown], **_text_kw())
    for bar, item in zip(bars, shown, strict=True):
        ax.text(
            bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            " " + fmt.percent(item.value / total, lang),
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
    ax.set_xticks(xs, _period_labels(periods, lang), rotation=45, ha="right", fontsize=8)
    ax.set_ylim(bottom=0)
    ax.set_title(title, **_text_kw())
    _style(ax)
    return fig


@dataclass(frozen=True)
class EmissionSource:
    label: str
    tco2e: float
    scope: int  # 1 (fuels) or 2 (grid electricity)


def co2e_by_source(sources: Sequence[EmissionSource], lang: str) -> Figure:
    """Tonnes CO2e per year by source, coloured by scope."""
    fig = new_figure(7.0, 3.6)
    title = text("chart.co2e_title", lang)
    shown = sorted((s for s in sources if s.tco2e > 0), key=lambda s: -s.tco2e)
    if not shown:
        return _no_data(fig, title, lang)
    ax = fig.add_subplot()
    ys = list(range(len(shown)))[::-1]
    colours = {1: PALETTE[3], 2: PALETTE[2]}
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


@dataclass(frozen=True)
class SankeyFlow:
    """One flow of the chosen resource at one process step, in one common unit."""

    step: str  # step name, in process order
    direction: str  # "input", "output" or "loss" (FlowDirection values)
    label: str
    quantity: float


def sankey(resource: str, unit: str, flows: Sequence[SankeyFlow], lang: str) -> Figure:
    """The site's flows of one resource: inputs → process steps → products and losses.

    Three columns of nodes joined by bands as wide as the quantity. Each step's unaccounted
    remainder (inputs − outputs − losses) gets its own band in the warning colour, so a balance
    that does not close is seen at once.
    """
    from matplotlib.patches import PathPatch, Rectangle
    from matplotlib.path import Path as MPath

    fig = new_figure(8.0, 4.8)
    title = text("chart.sankey_title", lang, name=resource, unit=unit)
    flows = [f for f in flows if f.quantity and f.quantity > 0]
    steps: list[str] = []
    for f in flows:
        if f.step not in steps:
            steps.append(f.step)
    if not steps:
        return _no_data(fig, title, lang)
    unaccounted_label = text("chart.unaccounted", lang)
    links_in, links_out = [], []  # (node label, step, quantity, kind)
    for step in steps:
        ins = [f for f in flows if f.step == step and f.direction == "input"]
        outs = [f for f in flows if f.step == step and f.direction != "input"]
        links_in += [(f.label, step, f.quantity, "input") for f in ins]
        links_out += [(f.label, step, f.quantity, f.direction) for f in outs]
        gap = sum(f.quantity for f in ins) - sum(f.quantity for f in outs)
        if gap > 1e-9 * max(1.0, sum(f.quantity for f in ins)):
            links_out.append((unaccounted_label, step, gap, "unaccounted"))
    total = max(sum(q for *_, q, _ in links_in), sum(q for *_, q, _ in links_out), 1e-12)
    other = text("chart.other", lang)
    # A whole-site view: one node per resource name (mains water feeding five steps is one
    # source), small nodes (< 2 %) merged into "Other" so labels stay readable.
    left_nodes = _merge_nodes(links_in, total, other)
    right_nodes = _merge_nodes(links_out, total, other, keep={unaccounted_label})
    step_size = {
        s: max(
            sum(q for _, st, q, _ in links_in if st == s),
            sum(q for _, st, q, _ in links_out if st == s),
        )
        for s in steps
    }
    most = max(len(left_nodes), len(right_nodes), len(steps))
    pad = 0.03 * total
    height = max(sum(step_size.values()), total) + pad * most
    ax = fig.add_subplot()
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02 * height, height * 1.04)
    ax.set_axis_off()
    ax.set_title(title, **_text_kw())
    x_left, x_mid, x_right, w = 0.2, 0.47, 0.74, 0.025
    colour = {
        "input": PALETTE[2],
        "output": PALETTE[0],
        "loss": PALETTE[1],
        "unaccounted": WARN_COLOUR,
    }

    def stack(sizes):
        """Top y of each node, stacked from the top with padding, centred vertically."""
        used = sum(sizes) + pad * (len(sizes) - 1)
        y, tops = height - (height - used) / 2, []
        for size in sizes:
            tops.append(y)
            y -= size + pad
        return tops

    step_tops = dict(zip(steps, stack([step_size[s] for s in steps]), strict=True))
    step_in_cursor = dict(step_tops)
    step_out_cursor = dict(step_tops)
    label_kw = {"fontsize": 7.5, "va": "center", **_text_kw()}

    def band(x0, y0, x1, y1, q, c):
        xm = (x0 + x1) / 2
        verts = [
            (x0, y0),
            (xm, y0),
            (xm, y1),
            (x1, y1),
            (x1, y1 - q),
            (xm, y1 - q),
            (xm, y0 - q),
            (x0, y0 - q),
            (x0, y0),
        ]
        codes = [
            MPath.MOVETO,
            MPath.CURVE4,
            MPath.CURVE4,
            MPath.CURVE4,
            MPath.LINETO,
            MPath.CURVE4,
            MPath.CURVE4,
            MPath.CURVE4,
            MPath.CLOSEPOLY,
        ]
        ax.add_patch(PathPatch(MPath(verts, codes), facecolor=c, alpha=0.35, edgecolor="none"))

    for node, top in zip(left_nodes, stack([n[1] for n in left_nodes]), strict=True):
        label, size, kind, parts = node
        ax.add_patch(Rectangle((x_left - w, top - size), w, size, color=colour[kind]))
        ax.text(
            x_left - w - 0.01,
            top - size / 2,
            f"{label}: {fmt.smart(size, lang)}",
            ha="right",
            **label_kw,
        )
        y = top
        for step, q in parts:
            band(x_left, y, x_mid, step_in_cursor[step], q, colour[kind])
            step_in_cursor[step] -= q
            y -= q
    for step in steps:
        top, size = step_tops[step], step_size[step]
        ax.add_patch(Rectangle((x_mid, top - size), w, size, color="#555555"))
        ax.text(
            x_mid + w / 2,
            top - size / 2,
            step,
            ha="center",
            va="center",
            fontsize=7.5,
            fontweight="bold",
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.5},
            **_text_kw(),
        )
    for node, top in zip(right_nodes, stack([n[1] for n in right_nodes]), strict=True):
        label, size, kind, parts = node
        ax.add_patch(Rectangle((x_right, top - size), w, size, color=colour[kind]))
        warn = kind == "unaccounted"
        ax.text(
            x_right + w + 0.01,
            top - size / 2,
            f"{label}: {fmt.smart(size, lang)}",
            ha="left",
            color=WARN_COLOUR if warn else "black",
            fontweight="bold" if warn else "normal",
            **label_kw,
        )
        y = top
        for step, q in parts:
            band(x_mid + w, step_out_cursor[step], x_right, y, q, colour[kind])
            step_out_cursor[step] -= q
            y -= q
    return fig


def _merge_nodes(links, total: float, other: str, keep: set[str] = frozenset()):
    """Links (label, step, quantity, kind) grouped into nodes (label, size, kind, [(step, q)])
    by label; nodes under 2 % of ``total`` go into one "Other" node (``keep`` labels never)."""
    nodes: dict[str, list] = {}
    for label, step, q, kind in links:
        node = nodes.setdefault(label, [label, 0.0, kind, []])
        node[1] += q
        node[3].append((step, q))
    big = [n for n in nodes.values() if n[1] >= 0.02 * total or n[0] in keep]
    small = [n for n in nodes.values() if n not in big]
    if len(small) == 1:
        big += small
    elif small:
        kind = small[0][2] if len({n[2] for n in small}) == 1 else "loss"
        big.append([other, sum(n[1] for n in small), kind, [p for n in small for p in n[3]]])
    big.sort(key=lambda n: (n[0] in keep, n[0] == other, -n[1]))
    return [tuple(n) for n in big]


def png_bytes(fig: Figure, dpi: int = 120) -> bytes:
    """The figure as PNG bytes (reports, screenshots)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Chart data from an audit (the screen and the reports build the same charts the same way)

BALANCE_UNITS = {"mass": "t", "volume": "m³", "energy": "GJ"}


def sankey_flows(audit, dimension: str, lang: str) -> tuple[str, list[SankeyFlow]]:
    """The step flows of one dimension ("mass", "volume", "energy") in one unit, in step order."""
    from app.core import units

    unit = BALANCE_UNITS[dimension]
    order = sorted(audit.steps, key=lambda s: s.position)
    names = {s.id: (s.name_en if lang == "en" and s.name_en else s.name_vi) for s in order}
    rank = {s.id: i for i, s in enumerate(order)}
    out = []
    for flow in sorted(audit.flows, key=lambda f: (rank.get(f.step_id, 1e9), f.position)):
        if flow.quantity is None or flow.step_id not in names:
            continue
        if units.dimension(flow.unit) != dimension:
            continue
        q = flow.quantity * units.factor(flow.unit, unit)
        out.append(SankeyFlow(names[flow.step_id], str(flow.direction), flow.name, q))
    return unit, out


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
        price = stream.unit_price_vnd
        costs = []
        for p in periods:
            rec = by_period.get(p)
            if rec is None:
                costs.append(None)
            elif rec.cost_vnd is not None:
                costs.append(float(rec.cost_vnd))
            else:
                costs.append(None if price is None else rec.quantity * price)
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
