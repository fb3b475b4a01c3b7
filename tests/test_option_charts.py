"""Option charts: what each draws (bars, bubbles, labels) in both languages, and PNG output."""

from dataclasses import dataclass

import pytest
from matplotlib.collections import PathCollection
from matplotlib.patches import Rectangle

from app.core.messages import text
from app.core.model import CPCategory, Option, OptionStatus, Screening
from app.reports import option_charts as oc


@dataclass
class Fin:
    annual_net_saving_vnd: int
    investment_vnd: int
    payback_years: float | None
    avoided_co2e_t: float
    abatement_cost_vnd_per_t: float | None


def sample():
    opts = [
        Option("Bảo ôn đường ống hơi", code="O-01", category=CPCategory.EQUIPMENT_MODIFICATION),
        Option("Sửa rò rỉ khí nén", code="O-02", status=OptionStatus.IMPLEMENTED),
        Option("Nồi hơi mới", code="O-03", category=CPCategory.TECHNOLOGY_CHANGE),
        Option("Nước làm mát", code="O-04", category=CPCategory.ONSITE_RECOVERY),  # no CO2e
        Option(
            "Bị loại",
            code="O-05",
            screening=Screening.REJECTED,
            rejection_reason="x",
            status=OptionStatus.SCREENED,
        ),
    ]
    fins = {
        opts[0].id: Fin(300_000_000, 600_000_000, 2.0, 40.0, 500_000.0),
        opts[1].id: Fin(100_000_000, 0, 0.0, 20.0, -5_000_000.0),
        opts[2].id: Fin(-10_000_000, 2_000_000_000, None, 60.0, 9_000_000.0),
        opts[3].id: Fin(50_000_000, 100_000_000, 2.0, 0.0, None),
        opts[4].id: Fin(900_000_000, 1, 0.1, 500.0, -9e9),
    }
    return opts, fins


def bars(fig):
    ax = fig.axes[0]
    return [p for p in ax.patches if isinstance(p, Rectangle)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_mac_curve_sorts_by_cost_with_width_the_abatement(lang):
    opts, fins = sample()
    fig = oc.mac_curve(opts, fins, lang)
    ax = fig.axes[0]
    drawn = bars(fig)
    # O-02 (saves money) first, then O-01, then O-03; O-04 avoids nothing, O-05 is rejected.
    assert [round(b.get_width(), 6) for b in drawn] == [20.0, 40.0, 60.0]
    assert [b.get_x() for b in drawn] == pytest.approx([0, 20, 60])
    assert drawn[0].get_height() < 0 < drawn[1].get_height()
    assert ax.get_title() == text("options.chart.mac_title", lang)
    assert ax.get_xlabel() == text("options.chart.mac_x", lang)
    assert ax.get_ylabel() == text("options.chart.mac_y", lang)


def test_mac_curve_clips_an_extreme_cost_and_says_so():
    opts = [Option(f"o{i}", code=f"O-{i:02d}") for i in range(6)]
    fins = {o.id: Fin(1, 1, 1.0, 10.0, 100_000.0 * (i + 1)) for i, o in enumerate(opts)}
    fins[opts[-1].id] = Fin(1, 1, 1.0, 10.0, 1e12)
    fig = oc.mac_curve(opts, fins, "en")
    heights = [b.get_height() for b in bars(fig)]
    assert max(heights) < 1e12 / 1000  # the extreme bar is cut off ...
    notes = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "O-05" in notes and "cut off" in notes  # ... and named with its value


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bubble_chart_places_options_that_pay_back(lang):
    opts, fins = sample()
    fig = oc.investment_payback(opts, fins, lang)
    ax = fig.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    # O-01, O-02 and O-04 pay back; O-03 never does; O-05 is rejected.
    # (one collection per category: read every point of every collection)
    drawn = [
        (tuple(xy), size)
        for c in points
        for xy, size in zip(c.get_offsets(), c.get_sizes(), strict=True)
    ]
    offsets = sorted(xy for xy, _ in drawn)
    assert offsets == [(0.0, 0.0), (2.0, 100.0), (2.0, 600.0)]
    sizes = dict(drawn)
    assert sizes[(2.0, 600.0)] > sizes[(0.0, 0.0)] > sizes[(2.0, 100.0)]  # area ~ saving
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert text("options.category.good_housekeeping", lang) in legend
    assert ax.get_ylabel() == text("options.chart.bubble_y", lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_savings_by_category_stacks_implemented_first(lang):
    opts, fins = sample()
    fig = oc.savings_by_category(opts, fins, lang)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == text("options.category.good_housekeeping", lang)  # first at the top
    assert len(labels) == 8
    drawn = bars(fig)
    done, other = drawn[:8], drawn[8:]
    row = labels.index(text("options.category.good_housekeeping", lang))
    assert done[row].get_width() == pytest.approx(100.0)  # O-02 implemented, million VND
    assert other[row].get_width() == pytest.approx(0.0)
    row = labels.index(text("options.category.equipment_modification", lang))
    assert other[row].get_width() == pytest.approx(300.0)
    row = labels.index(text("options.category.technology_change", lang))
    assert other[row].get_width() == 0.0  # a loss is not a saving


@pytest.mark.parametrize("name", sorted(oc.CHARTS))
def test_each_chart_without_data_says_so(name):
    fig = oc.CHARTS[name]([], {}, "vi")
    assert text("options.chart.no_data", "vi") in [t.get_text() for t in fig.axes[0].texts]


@pytest.mark.parametrize("name", sorted(oc.CHARTS))
def test_png_bytes_in_both_languages_differ(name):
    opts, fins = sample()
    vi = oc.chart_png(name, opts, fins, "vi", dpi=60)
    en = oc.chart_png(name, opts, fins, "en", dpi=60)
    assert vi[:8] == en[:8] == b"\x89PNG\r\n\x1a\n"
    assert vi != en
