"""Baseline charts render in both languages, with real content and the language's labels."""

import io

import pytest
from PIL import Image

from app.core.demo import build_demo_audit
from app.reports import charts


def rendered(fig):
    png = charts.png_bytes(fig, dpi=60)
    image = Image.open(io.BytesIO(png)).convert("L")
    return image, len(image.getcolors(maxcolors=256) or range(256))


def texts(fig):
    return {
        t.get_text()
        for ax in fig.axes
        for t in ax.texts
        + [ax.title]
        + ax.get_yticklabels()
        + ax.get_xticklabels()
        + [ax.xaxis.label, ax.yaxis.label]
    }


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


@pytest.mark.parametrize("name", charts.CHART_NAMES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_of_the_demo_renders_non_blank(demo, name, lang):
    fig = charts.audit_chart(demo, name, lang)
    image, shades = rendered(fig)
    assert image.width > 300 and image.height > 150
    assert shades > 20  # bars, text and lines, not a blank or single-colour page
    assert charts.text("chart.no_data", lang) not in texts(fig)


def test_labels_follow_the_language():
    fig_vi = charts.monthly_consumption(
        "Điện", "kWh", ["2024-01", "2024-02"], [1234.5, 2000], [2.5e6, 3e6], "vi"
    )
    fig_en = charts.monthly_consumption(
        "Power", "kWh", ["2024-01", "2024-02"], [1234.5, 2000], [2.5e6, 3e6], "en"
    )
    assert "01/2024" in texts(fig_vi) and "Jan 2024" in texts(fig_en)
    assert "Lượng (kWh)" in texts(fig_vi) and "Quantity (kWh)" in texts(fig_en)
    fig_vi.canvas.draw()
    assert any("." in t and "," not in t for t in texts(fig_vi) if t[:1].isdigit() and len(t) > 4)


def test_empty_data_says_so_instead_of_failing():
    for fig in (
        charts.cost_shares([], "vi"),
        charts.co2e_by_source([], "en"),
        charts.sankey("nước", "m³", [], "vi"),
        charts.specific_trend("x", "kWh/t", [], [], "en"),
    ):
        assert any(t in texts(fig) for t in ("Chưa có số liệu", "No data yet"))


def test_cost_shares_group_the_tail_as_other_and_show_percentages():
    items = [charts.Share(f"S{i}", 100 - i) for i in range(10)]
    fig = charts.cost_shares(items, "en", top=3)
    labels = texts(fig)
    assert {"S0", "S1", "S2", "Other"} <= labels and "S3" not in labels
    total = sum(i.value for i in items)
    assert any(t.strip() == f"{100 / total * 100:.1f} %" for t in labels)


def test_sankey_shows_the_unaccounted_remainder_of_a_step():
    flows = [
        charts.SankeyFlow("Nhuộm", "input", "Nước cấp", 100.0),
        charts.SankeyFlow("Nhuộm", "loss", "Nước thải", 80.0),
        charts.SankeyFlow("Nhuộm", "output", "Vải", 5.0),
    ]
    fig = charts.sankey("nước", "m³", flows, "vi")
    assert any(t.startswith("Chưa xác định: 15") for t in texts(fig))


def test_sankey_flows_convert_units_to_one(demo):
    unit, flows = charts.sankey_flows(demo, "volume", "en")
    assert unit == "m³" and flows and all(f.quantity > 0 for f in flows)


def test_sankey_flows_are_named_in_the_chosen_language(demo):
    _, en = charts.sankey_flows(demo, "mass", "en")
    _, vi = charts.sankey_flows(demo, "mass", "vi")
    assert [f.quantity for f in en] == [f.quantity for f in vi]  # the same flows
    names = {(f.name, f.name_en or f.name) for f in demo.flows}
    named = [(v, e) for v, e in zip(vi, en, strict=True) if v.direction != "next"]
    pairs = {(v.label, e.label) for v, e in named}
    assert pairs <= names  # each flow's Vietnamese name beside its own English one
    assert any(v != e for v, e in pairs)


def test_long_sankey_labels_wrap_onto_two_lines():
    assert charts._wrap_label("Grey fabric: 3,936") == "Grey fabric: 3,936"
    wrapped = charts._wrap_label("Steam and thermal oil (as coal equivalent): 2,753")
    assert wrapped.count("\n") == 1 and wrapped.replace("\n", " ").endswith("2,753")
