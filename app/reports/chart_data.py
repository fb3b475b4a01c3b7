"""What the charts show, independent of how they are drawn.

The screens draw with matplotlib (``charts``, ``option_charts``), the PDF with reportlab vector
shapes (``vector_charts``, ``vector_option_charts``). Both take their rows, groupings, limits,
colours and tick labels from here, so a report's chart and the screen's chart of the same data
show the same bars, the same "Other" group and the same numbers. No matplotlib and no reportlab
here: importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.messages import text
from app.core.model import CPCategory, Option, OptionStatus, Screening
from app.core.shares import cost_shares
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
SCOPE_COLOURS = {1: PALETTE[3], 2: PALETTE[2]}
SANKEY_COLOURS = {
    "input": PALETTE[2],
    "output": PALETTE[0],
    "loss": PALETTE[1],
    "unaccounted": WARN_COLOUR,
}
# One colour per CP technique (colour-blind-safe "tab10" order), used by every option chart.
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
NOT_YET_COLOUR = "#9ecae1"
BALANCE_UNITS = {"mass": "t", "volume": "m³", "energy": "GJ"}


# -- tick labels ------------------------------------------------------------------------------


def tick_label(value: float, lang: str) -> str:
    """A baseline chart's tick: whole numbers grouped, others with as many decimals as needed."""
    if abs(value - round(value)) < 1e-9:
        return fmt.number(round(value), lang)
    return fmt.smart(value, lang)


def thousands_label(value: float, lang: str) -> str:
    """An option chart's tick: the language's grouping mark (vi 1.234.567; en 1,234,567)."""
    sep, dec = (".", ",") if lang == "vi" else (",", ".")
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}".replace(",", sep)
    return f"{value:,.1f}".replace(",", "\0").replace(".", dec).replace("\0", sep)


def period_labels(periods: Sequence[str], lang: str) -> list[str]:
    return [fmt.period(p, lang) for p in periods]


# -- baseline charts --------------------------------------------------------------------------


def trend_limits(
    values: Sequence[float | None], annual: float | None = None
) -> tuple[float, float]:
    """The value axis of a specific-consumption trend: the data's range with a margin, not
    from zero (a ±5 % month would look flat on an axis from zero); never below zero for
    data that is not."""
    shown = [v for v in values if v is not None] + ([annual] if annual is not None else [])
    if not shown:
        return 0.0, 1.0
    lo, hi = min(shown), max(shown)
    margin = (hi - lo) * 0.25 or abs(hi) * 0.05 or 1.0
    bottom = lo - margin
    return (max(0.0, bottom) if lo >= 0 else bottom), hi + margin


@dataclass(frozen=True)
class Share:
    label: str
    value: float
    share: float | None = None  # of what was bought (``app.core.shares``); set by top_shares


@dataclass(frozen=True)
class EmissionSource:
    label: str
    tco2e: float
    scope: int  # 1 (fuels) or 2 (grid electricity)


@dataclass(frozen=True)
class SankeyFlow:
    """One flow of the chosen resource at one process step, in one common unit."""

    step: str  # step name, in process order
    # "input", "output" or "loss" (FlowDirection values); "next": to the following step (an
    # intermediate product), "prev": the same amount arriving from the step before
    direction: str
    label: str
    quantity: float


def top_shares(items: Sequence[Share], lang: str, top: int = 7) -> tuple[list[Share], float]:
    """The ``top`` largest positive shares, largest first, the rest summed as "Other"; and the
    total they are shares of. Empty when nothing is positive. Each carries its share by the
    one rule (``app.core.shares``) that the baseline table beside the chart uses too."""
    shares = cost_shares([i.value for i in items])
    positive = sorted(
        (Share(i.label, i.value, f) for i, f in zip(items, shares, strict=True) if f),
        key=lambda i: -i.value,
    )
    shown = positive[:top]
    rest = positive[top:]
    if rest:
        other = sum(i.value for i in rest)
        shown.append(Share(text("chart.other", lang), other, sum(i.share or 0.0 for i in rest)))
    return shown, sum(i.value for i in positive)


def emission_rows(sources: Sequence[EmissionSource]) -> list[EmissionSource]:
    """Sources with emissions, largest first."""
    return sorted((s for s in sources if s.tco2e > 0), key=lambda s: -s.tco2e)


# Sankey columns as fractions of the plot's width: sources, steps, destinations; node width.
SANKEY_X = {"left": 0.2, "mid": 0.47, "right": 0.74}
SANKEY_NODE_W = 0.025


@dataclass(frozen=True)
class SankeyNode:
    column: str  # "left" (sources), "mid" (process steps) or "right" (destinations)
    name: str  # the resource's or the step's name
    amount: str  # the node's quantity in the report language ("" for a step)
    kind: str  # "input", "output", "loss", "unaccounted"; "step" in the middle
    top: float  # data units, y grows upwards
    size: float

    @property
    def label(self) -> str:
        """ "name: quantity" on the sides, the step's name in the middle."""
        return f"{self.name}: {self.amount}" if self.amount else self.name


@dataclass(frozen=True)
class SankeyBand:
    x0: float  # start and end x (fractions of the width)
    y0: float  # top edge at the start and at the end
    x1: float
    y1: float
    size: float
    kind: str


@dataclass(frozen=True)
class SankeyLayout:
    height: float  # the y range is 0 .. height
    nodes: tuple[SankeyNode, ...]
    bands: tuple[SankeyBand, ...]
    links: tuple[SankeyLink, ...] = ()  # step to step, down the middle column


@dataclass(frozen=True)
class SankeyLink:
    """An intermediate product going down from one step to the next (in the middle column)."""

    y0: float  # bottom of the upper step, top of the lower one (data units)
    y1: float
    width: float  # fraction of the plot's width, as the quantity
    amount: str
    size: float


def sankey_layout(flows: Sequence[SankeyFlow], lang: str) -> SankeyLayout | None:
    """Outside inputs → process steps → products and losses as three columns of nodes and the
    bands between them, as wide as the quantity; None without flows.

    An intermediate product (direction "next" from a step, "prev" into the following one) goes
    down the middle column from one step to the next as a link, never as an outside input or a
    product: outside inputs only enter, products and losses only leave. Each step's unaccounted
    remainder (inputs + what comes from the step before − outputs − losses − what goes on) gets
    its own band in the warning colour, on the right when something is missing, on the left
    when a step puts out more than it gets; so the left column always sums to the right one.
    One node per resource name (mains water feeding five steps is one source), nodes under 2 %
    of the total merged into "Other" so labels stay readable.
    """
    flows = [f for f in flows if f.quantity and f.quantity > 0]
    steps: list[str] = []
    for f in flows:
        if f.step not in steps:
            steps.append(f.step)
    if not steps:
        return None
    unaccounted = text("chart.unaccounted", lang)
    links_in, links_out = [], []  # (node label, step, quantity, kind)
    down = {
        s: sum(f.quantity for f in flows if f.step == s and f.direction == "next") for s in steps
    }
    came = {
        s: sum(f.quantity for f in flows if f.step == s and f.direction == "prev") for s in steps
    }
    for step in steps:
        ins = [f for f in flows if f.step == step and f.direction == "input"]
        outs = [f for f in flows if f.step == step and f.direction in ("output", "loss")]
        links_in += [(f.label, step, f.quantity, "input") for f in ins]
        links_out += [(f.label, step, f.quantity, f.direction) for f in outs]
        got = sum(f.quantity for f in ins) + came[step]
        gap = got - sum(f.quantity for f in outs) - down[step]
        if gap > 1e-9 * max(1.0, got):
            links_out.append((unaccounted, step, gap, "unaccounted"))
        elif -gap > 1e-9 * max(1.0, got):
            links_in.append((unaccounted, step, -gap, "unaccounted"))
    total = max(sum(q for *_, q, _ in links_in), sum(q for *_, q, _ in links_out), 1e-12)
    other = text("chart.other", lang)
    left = _merge_nodes(links_in, total, other, keep={unaccounted})
    right = _merge_nodes(links_out, total, other, keep={unaccounted})
    step_size = {
        s: max(
            sum(q for _, st, q, _ in links_in if st == s),
            sum(q for _, st, q, _ in links_out if st == s),
            0.004 * total,
        )
        for s in steps
    }
    pad = 0.03 * total
    most = max(len(left), len(right))
    sides = total + pad * (most - 1)
    if any(down.values()) and len(steps) > 1:
        # room between the steps for a link and its amount: a share of the whole height
        share = min(0.06, 0.45 / (len(steps) - 1))
        mid = sum(step_size.values()) + 2 * pad
        height = max(mid / (1 - share * (len(steps) - 1)), sides + 2 * pad)
        step_pad = share * height
    else:
        step_pad = pad
        height = max(sum(step_size.values()) + pad * (len(steps) - 1), sides) + 2 * pad

    if most > 1:  # the side labels get the room the height has
        pad = max(pad, min(0.03 * height, (height - total - 2 * pad) / (most - 1)))

    def stack(sizes, gap=pad):
        """Top y of each node, stacked from the top with padding, centred vertically."""
        used = sum(sizes) + gap * (len(sizes) - 1)
        y, tops = height - (height - used) / 2, []
        for size in sizes:
            tops.append(y)
            y -= size + gap
        return tops

    w = SANKEY_NODE_W
    xl, xm, xr = SANKEY_X["left"], SANKEY_X["mid"], SANKEY_X["right"]
    step_tops = dict(zip(steps, stack([step_size[s] for s in steps], step_pad), strict=True))
    in_cursor, out_cursor = dict(step_tops), dict(step_tops)
    nodes: list[SankeyNode] = []
    bands: list[SankeyBand] = []
    for (label, size, kind, parts), top in zip(left, stack([n[1] for n in left]), strict=True):
        nodes.append(SankeyNode("left", label, fmt.smart(size, lang), kind, top, size))
        y = top
        for step, q in parts:
            bands.append(SankeyBand(xl, y, xm, in_cursor[step], q, kind))
            in_cursor[step] -= q
            y -= q
    for step in steps:
        nodes.append(SankeyNode("mid", step, "", "step", step_tops[step], step_size[step]))
    biggest = max(down.values(), default=0.0) or 1.0
    links = []
    for upper, lower in zip(steps, steps[1:], strict=False):
        if down[upper] > 0:
            links.append(
                SankeyLink(
                    step_tops[upper] - step_size[upper],
                    step_tops[lower],
                    0.004 + 0.03 * down[upper] / biggest,
                    fmt.smart(down[upper], lang),
                    down[upper],
                )
            )
    for (label, size, kind, parts), top in zip(right, stack([n[1] for n in right]), strict=True):
        nodes.append(SankeyNode("right", label, fmt.smart(size, lang), kind, top, size))
        y = top
        for step, q in parts:
            bands.append(SankeyBand(xm + w, out_cursor[step], xr, y, q, kind))
            out_cursor[step] -= q
            y -= q
    return SankeyLayout(height, tuple(nodes), tuple(bands), tuple(links))


def _merge_nodes(links, total: float, other: str, keep: frozenset[str] | set[str] = frozenset()):
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


# -- option charts ----------------------------------------------------------------------------


def candidates(options: Sequence[Option]) -> list[Option]:
    """Rejected options are no candidates: no chart shows them."""
    return [o for o in options if o.screening != Screening.REJECTED]


def robust_limits(values: list[float]) -> tuple[float, float]:
    """Axis limits that show the bulk of ``values``: beyond 3x the 80th percentile of the
    magnitudes a bar is clipped (and labelled with its value) instead of squashing the rest."""
    magnitudes = sorted(abs(v) for v in values)
    typical = magnitudes[int(0.8 * (len(magnitudes) - 1))] or magnitudes[-1] or 1.0
    cap = 3 * typical
    return max(min(values), -cap), min(max(values), cap)


@dataclass(frozen=True)
class MacBar:
    code: str
    left: float  # tCO2e/year avoided by the cheaper options
    width: float  # tCO2e/year this option avoids
    cost: float  # thousand VND per tCO2e (negative: saves money)
    shown: float  # the cost clipped to the axis limits
    labelled: bool  # wide enough to carry its code


@dataclass(frozen=True)
class MacData:
    bars: tuple[MacBar, ...]
    total: float
    low: float
    high: float
    clipped: tuple[str, ...]  # "code cost" of the bars cut at the axis limit

    def note(self, lang: str) -> str:
        note = text("options.chart.mac_note", lang)
        if self.clipped:
            more = ", …" if len(self.clipped) > 4 else ""
            items = ", ".join(self.clipped[:4]) + more
            note += "\n" + text("options.chart.mac_clipped", lang, items=items)
        return note


def mac_data(options: Sequence[Option], finances: Mapping[str, Any], lang: str) -> MacData | None:
    """The MAC curve's bars, cheapest abatement first; None when no option avoids CO2e."""
    rows = []
    for option in candidates(options):
        fin = finances.get(option.id)
        if fin is None or not fin.avoided_co2e_t or fin.avoided_co2e_t <= 0:
            continue
        if fin.abatement_cost_vnd_per_t is None:
            continue
        rows.append((fin.abatement_cost_vnd_per_t / 1000.0, fin.avoided_co2e_t, option))
    if not rows:
        return None
    rows.sort(key=lambda r: r[0])
    total = sum(r[1] for r in rows)
    low, high = robust_limits([r[0] for r in rows])
    bars, clipped, left = [], [], 0.0
    for cost, width, option in rows:
        shown = min(max(cost, low), high)  # a few extreme costs would flatten all the others
        if shown != cost:
            clipped.append(f"{option.code} {thousands_label(round(cost), lang)}")
        labelled = shown == cost and width >= total * 0.035
        bars.append(MacBar(option.code or "", left, width, cost, shown, labelled))
        left += width
    return MacData(tuple(bars), total, low, high, tuple(clipped))


@dataclass(frozen=True)
class Bubble:
    code: str
    x: float  # simple payback in years, capped
    y: float  # investment, million VND
    area: float  # marker area in points², proportional to the net saving per year
    category: CPCategory
    beyond: bool  # payback beyond the cap: drawn at the edge as ">"
    labelled: bool


@dataclass(frozen=True)
class BubbleData:
    bubbles: tuple[Bubble, ...]
    cap: float
    y_max: float
    categories: tuple[CPCategory, ...]  # present, in the catalogue's order


def bubble_data(options: Sequence[Option], finances: Mapping[str, Any]) -> BubbleData | None:
    """Bubbles at (simple payback, investment), area proportional to the net saving per year.

    Options that never pay back (saving <= 0) have no place on the x axis and are left out;
    paybacks beyond twice the longest lifetime are drawn at the edge. Only the 12 largest
    savings carry their code: dozens of codes on top of each other help no one.
    """
    rows = []
    for option in candidates(options):
        fin = finances.get(option.id)
        if fin is None or fin.payback_years is None or fin.annual_net_saving_vnd <= 0:
            continue
        rows.append(
            (fin.payback_years, fin.investment_vnd / 1e6, fin.annual_net_saving_vnd, option)
        )
    if not rows:
        return None
    biggest = max(r[2] for r in rows)
    cap = min(max(r[0] for r in rows), 2.0 * max(r[3].lifetime_years for r in rows))
    labelled = {id(r[3]) for r in sorted(rows, key=lambda r: -r[2])[:12]}
    bubbles = []
    for payback, investment, saving, option in rows:
        beyond = payback > cap
        bubbles.append(
            Bubble(
                option.code or "",
                min(payback, cap),
                investment,
                40 + 1400 * saving / biggest,
                CPCategory(option.category),
                beyond,
                id(option) in labelled or beyond,
            )
        )
    present = {b.category for b in bubbles}
    return BubbleData(
        tuple(bubbles),
        cap,
        max(r[1] for r in rows),
        tuple(c for c in CPCategory if c in present),
    )


def category_savings(
    options: Sequence[Option], finances: Mapping[str, Any]
) -> tuple[dict[CPCategory, float], dict[CPCategory, float]] | None:
    """Net saving per year (million VND) by CP technique: implemented (or verified) options and
    the others; None when no option saves anything."""
    done = {c: 0.0 for c in CPCategory}
    other = {c: 0.0 for c in CPCategory}
    for option in candidates(options):
        fin = finances.get(option.id)
        if fin is None:
            continue
        target = (
            done if option.status in (OptionStatus.IMPLEMENTED, OptionStatus.VERIFIED) else other
        )
        target[CPCategory(option.category)] += max(fin.annual_net_saving_vnd, 0) / 1e6
    if not any(done.values()) and not any(other.values()):
        return None
    return done, other
