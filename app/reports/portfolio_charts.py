"""The portfolio's charts as matplotlib figures (object API, no pyplot): the window shows them,
and the figures follow the same tables as the PDF (``app.reports.portfolio_tables``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core import portfolio as pf
from app.core.messages import text
from app.reports import portfolio_tables as pt

FOUND = "#1F5F8B"
DONE = "#7FB77E"


def portfolio_figure(summaries: Sequence[pf.AuditSummary], lang: str) -> Any:
    """Options found and implemented by industrial park, and by CP technique."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(12, 4.6), dpi=100, layout="constrained")
    by_park, by_tech = fig.subplots(1, 2, width_ratios=[1, 1.3])
    park = pt.breakdown_table(summaries, "park", lang)
    labels = [r[0] for r in park.values]
    xs = range(len(labels))
    by_park.bar(
        [x - 0.2 for x in xs],
        [r[2] for r in park.values],
        0.4,
        color=FOUND,
        label=text("portfolio.col.found", lang),
    )
    by_park.bar(
        [x + 0.2 for x in xs],
        [r[4] for r in park.values],
        0.4,
        color=DONE,
        label=text("portfolio.col.implemented", lang),
    )
    by_park.set_xticks(list(xs), labels, rotation=20, ha="right", fontsize=8)
    by_park.set_title(text("portfolio.export.chart_park", lang), fontsize=10)
    by_park.legend(fontsize=8)
    tech = pt.technique_table(summaries, lang)
    names = [r[0] for r in tech.values]
    ys = range(len(names))
    by_tech.barh(
        [y + 0.2 for y in ys],
        [r[1] for r in tech.values],
        0.4,
        color=FOUND,
        label=text("portfolio.col.found", lang),
    )
    by_tech.barh(
        [y - 0.2 for y in ys],
        [r[2] for r in tech.values],
        0.4,
        color=DONE,
        label=text("portfolio.col.implemented", lang),
    )
    by_tech.set_yticks(list(ys), names, fontsize=8)
    by_tech.invert_yaxis()
    by_tech.set_title(tech.title.rstrip(":"), fontsize=10)
    for ax in (by_park, by_tech):
        ax.spines[["top", "right"]].set_visible(False)
    return fig
