"""The plant-wide Sankey (report and Balances screen): an intermediate product goes from one
step to the next, never as an outside input or a product; outside inputs only enter, products
and losses only leave; energy (fuels by calorific value) has its own diagram, never tonnes on
the materials one. What is drawn conserves mass."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Group, String

from app.core.demo import build_demo_audit
from app.core.indicators import step_balances
from app.core.messages import text
from app.core.model import FlowDirection, StreamKind
from app.core.plant_flows import plant_diagrams
from app.reports import chart_data, charts
from app.reports.pdf import PdfReport
from app.reports.snapshot import build_snapshot


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def _layout(demo, dimension="mass", lang="en"):
    _unit, flows = charts.sankey_flows(demo, dimension, lang)
    return chart_data.sankey_layout(flows, lang)


def _side(layout, column):
    return {n.name: n.size for n in layout.nodes if n.column == column}


def test_the_drawn_materials_diagram_conserves_mass_and_counts_the_fabric_once(demo):
    layout = _layout(demo)
    left, right = _side(layout, "left"), _side(layout, "right")
    unaccounted = text("chart.unaccounted", "en")
    # Σ outside inputs = Σ products + Σ losses + Σ unaccounted (the drawing closes exactly)
    assert sum(left.values()) == pytest.approx(sum(right.values()), rel=1e-9)
    # ... and what the steps leave unaccounted is within the balance tolerance of the inputs
    assert right.get(unaccounted, 0.0) <= 0.05 * sum(left.values())
    # the outside inputs are what the plant buys: the streams entered at the steps, in t
    bought = sum(
        f.quantity * (0.001 if f.unit == "kg" else 1.0)
        for f in demo.flows
        if f.direction == FlowDirection.INPUT
        and f.stream_id
        and demo.stream(f.stream_id).kind not in (StreamKind.FUEL, StreamKind.ELECTRICITY)
        and f.unit in ("t", "kg")
    )
    assert sum(left.values()) == pytest.approx(bought, rel=1e-9)
    grey = next(f.quantity for f in demo.flows if f.name_en == "Grey fabric")
    assert left["Grey fabric"] == pytest.approx(grey)  # the fabric enters once
    assert sum(left.values()) < 1.6 * grey  # not ~7 times (the old 34,900 t)
    assert "Fabric from the previous step" not in left
    assert not any(name.startswith(("Singed", "Desized", "Dyed fabric")) for name in right)
    assert {"Reactive-dyed cotton knit fabric", "Disperse-dyed polyester knit fabric"} <= set(right)
    # the fabric goes down the middle column: seven links, the first of 3,916 t
    assert len(layout.links) == 7
    assert layout.links[0].size == pytest.approx(3916.12)


def test_each_step_of_the_drawing_balances_like_the_step_balance(demo):
    """Per step: outside inputs + from the step before = products + losses + to the next
    + unaccounted, the unaccounted part being the materials' own imbalance."""
    (material,) = [d for d in plant_diagrams(demo) if d.kind == "material"]
    for step in demo.steps:
        mine = [f for f in material.flows if f.step_id == step.id]
        got = sum(f.quantity for f in mine if f.direction in ("input", "prev"))
        gone = sum(f.quantity for f in mine if f.direction in ("output", "loss", "next"))
        assert got > 0 and abs(got - gone) <= 0.05 * got, step.name_en


def test_no_fuel_or_heat_in_tonnes_on_the_materials_diagram(demo):
    diagrams = {d.kind: d for d in plant_diagrams(demo)}
    assert set(diagrams) == {"material", "water", "energy"}
    material = {f.name_en for f in diagrams["material"].flows}
    for name in ("Steam and thermal oil (as coal equivalent)", "LPG", "Heat in hot wastewater"):
        assert name not in material
    energy = diagrams["energy"]
    assert energy.unit == "GJ"
    names = {f.name_en for f in energy.flows}
    assert {"LPG", "Heat in hot wastewater", "Electricity"} <= names
    # coal in t through its calorific value: the inputs are far more than the tonnes entered
    coal_t = sum(f.quantity for f in demo.flows if f.name_en.startswith("Steam and thermal"))
    coal_gj = sum(f.quantity for f in energy.flows if f.name_en.startswith("Steam and thermal"))
    assert coal_gj > 15 * coal_t
    # electricity (kWh) in GJ
    kwh = sum(f.quantity for f in demo.flows if f.name_en == "Electricity")
    gj = sum(f.quantity for f in energy.flows if f.name_en == "Electricity")
    assert gj == pytest.approx(kwh * 0.0036)


def test_a_step_that_puts_out_more_than_it_gets_is_drawn_on_the_left():
    flows = [
        chart_data.SankeyFlow("A", "input", "Ore", 10.0),
        chart_data.SankeyFlow("A", "next", "", 12.0),
        chart_data.SankeyFlow("B", "prev", "From A", 12.0),
        chart_data.SankeyFlow("B", "output", "Product", 12.0),
    ]
    layout = chart_data.sankey_layout(flows, "en")
    left, right = _side(layout, "left"), _side(layout, "right")
    assert left == {"Ore": 10.0, text("chart.unaccounted", "en"): pytest.approx(2.0)}
    assert right == {"Product": 12.0}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_draws_one_diagram_per_resource_kind_without_intermediates(demo, lang):
    report = PdfReport(build_snapshot(demo, "full"), lang)
    report.story()
    keys = sorted(k for k in report._charts if k.startswith("sankey"))
    assert keys == ["sankey:energy", "sankey:material", "sankey:water"]

    def strings(node):
        for item in getattr(node, "contents", []):
            if isinstance(item, String):
                yield item.text
            elif isinstance(item, Group):
                yield from strings(item)

    drawn = " ".join(strings(report._charts["sankey:material"]))
    prev = "Vải từ công đoạn trước" if lang == "vi" else "Fabric from the previous step"
    assert prev not in drawn
    assert text("chart.sankey_title", lang, name=text("chart.plant.energy", lang), unit="GJ") in (
        " ".join(strings(report._charts["sankey:energy"]))
    )
    assert step_balances(demo)  # the balance table still has its rows
