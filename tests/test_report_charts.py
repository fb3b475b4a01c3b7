"""The PDF's charts are vector drawings showing what the screens' charts show: placed in their
sections, searchable in the PDF's text, no money in the confidential variant, English names;
one number rule per quantity type."""

from __future__ import annotations

import io
import re

import pytest
from matplotlib.text import Text
from pypdf import PdfReader
from reportlab.graphics.shapes import Group, Rect, String
from reportlab.lib import colors

from app.core.messages import text
from app.core.model import STREAM_GROUP
from app.core.options import option_finances
from app.reports import chart_data, charts, fmt, option_charts
from app.reports.pdf import PdfReport, write_pdf
from app.reports.snapshot import build_snapshot
from tests.sample_report import build_audit

SECTIONS = ("enterprise", "baseline", "specific", "findings", "options", "finance", "plan")


def images_on(page) -> int:
    xobjects = page["/Resources"].get("/XObject", {})
    return sum(1 for v in xobjects.values() if v.get_object().get("/Subtype") == "/Image")


def sections(reader: PdfReader, lang: str) -> dict[str, tuple[str, int]]:
    """Per H1 section (pages found through the PDF outline): its text and its images."""
    starts = {}
    for entry in reader.outline:
        if isinstance(entry, list):
            continue
        starts[entry.title] = reader.get_destination_page_number(entry)
    ordered = sorted(starts.values())
    out = {}
    for key in SECTIONS:
        first = starts[text(f"report.h.{key}", lang)]
        nxt = next((p for p in ordered if p > first), len(reader.pages))
        pages = [reader.pages[i] for i in range(first, nxt)]
        words = " ".join(p.extract_text() or "" for p in pages)
        out[key] = (re.sub(r"\s+", " ", words), sum(images_on(p) for p in pages))
    return out


def build(audit, lang: str, variant: str) -> PdfReader:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant), lang, buf)
    return PdfReader(io.BytesIO(buf.getvalue()))


def charts_of(audit, lang: str, variant: str) -> dict:
    """The drawings a report places, by chart key, built as the export builds them."""
    report = PdfReport(build_snapshot(audit, variant), lang)
    report.story()
    return report._charts


def shapes(node, kind=None):
    """Every shape in a drawing (of ``kind``), groups opened."""
    for child in getattr(node, "contents", []):
        if isinstance(child, Group):
            yield from shapes(child, kind)
        elif kind is None or isinstance(child, kind):
            yield child


def words(d) -> list[str]:
    return [s.text for s in shapes(d, String)]


def fig_words(fig) -> set[str]:
    return {t.get_text() for t in fig.findobj(Text)}


@pytest.fixture(scope="module")
def audit():
    return build_audit()


def groups_with_records(audit) -> int:
    with_records = {r.stream_id for r in audit.records}
    return len({STREAM_GROUP[s.kind] for s in audit.streams if s.id in with_records})


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_full_report_places_the_charts_in_their_sections_as_vector_drawings(audit, lang):
    placed = charts_of(audit, lang, "full")
    main = min(4, groups_with_records(audit))
    kinds = [k.split(":")[0] for k in placed]
    assert kinds.count("monthly") == main
    assert {"cost_shares", "sankey", "co2e", "mac", "bubble", "category"} <= set(kinds)
    got = sections(build(audit, lang, "full"), lang)
    plant = build_snapshot(audit, "full").plant[0]
    resource = text(f"chart.plant.{plant.kind}", lang)
    where = {
        "baseline": [
            text("chart.cost_shares_title", lang),
            text("chart.quantity", lang, unit="kWh"),
        ],
        "enterprise": [text("chart.sankey_title", lang, name=resource, unit=plant.unit)],
        "specific": [text("chart.co2e_title", lang).split("(")[0].strip()],
        "finance": [text(f"options.chart.{k}_title", lang) for k in ("mac", "bubble", "category")],
    }
    for section, titles in where.items():
        for title in titles:
            assert title in got[section][0], (section, title)
    for section in ("options", "plan"):
        assert not any(t in got[section][0] for ts in where.values() for t in ts)
    # charts are drawn, not pasted as pictures: the only images are the findings' photos
    assert {k: n for k, (_, n) in got.items()} == {
        k: len(audit.photos) if k == "findings" else 0 for k in SECTIONS
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_confidential_report_keeps_quantity_charts_only(audit, lang):
    secret = charts_of(audit, lang, "confidential")
    assert {k.split(":")[0] for k in secret} == {"monthly", "specific", "co2e", "sankey"}
    got = sections(build(audit, lang, "confidential"), lang)
    assert text("chart.cost_shares_title", lang) not in got["baseline"][0]
    for k in ("mac", "bubble", "category"):
        assert text(f"options.chart.{k}_title", lang) not in got["finance"][0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_confidential_charts_show_no_money(audit, lang):
    money_words = ("VND", "đồng", "triệu", "million")
    full = charts_of(audit, lang, "full")
    # the check is not vacuous: the full report's charts do carry money axes
    assert any(w in " ".join(words(d)) for d in full.values() for w in money_words)
    for key, d in charts_of(audit, lang, "confidential").items():
        shown = " ".join(words(d))
        assert not any(w in shown for w in money_words), (key, shown)
        assert "cost" not in shown.lower() and "chi phí" not in shown.lower(), (key, shown)


def bars(d, fills) -> list[Rect]:
    """The rectangles filled with one of ``fills`` ("#RRGGBB")."""
    wanted = {colors.HexColor(c).hexval() for c in fills}
    return [r for r in shapes(d, Rect) if r.fillColor and r.fillColor.hexval() in wanted]


def test_mac_curve_bars_are_the_screens_bars(audit):
    finances = option_finances(audit)
    data = chart_data.mac_data(audit.options, finances, "en")
    d = charts_of(audit, "en", "full")["mac"]
    drawn = sorted(bars(d, [chart_data.SAVES_MONEY, chart_data.COSTS_MONEY]), key=lambda r: r.x)
    assert len(drawn) == len(data.bars) > 3
    # widths in proportion to the tonnes avoided, cheapest abatement first
    scale_ = drawn[0].width / data.bars[0].width
    for rect, bar in zip(drawn, data.bars, strict=True):
        assert rect.width == pytest.approx(bar.width * scale_, rel=1e-6)
    costs = [b.cost for b in data.bars]
    assert costs == sorted(costs)
    # the same codes carry labels as on the Options screen's chart
    screen = option_charts.mac_curve(audit.options, finances, "en")
    codes = {o.code for o in audit.options}
    assert {w for w in words(d) if w in codes} == fig_words(screen) & codes


def test_monthly_chart_is_the_baselines_screens_chart(audit):
    report = charts_of(audit, "vi", "full")
    key = next(k for k in report if k.startswith("monthly:"))
    stream_id = key.split(":", 1)[1]
    screen = charts.audit_chart(audit, "monthly", "vi", stream_id=stream_id)
    s_ax = screen.axes[0]
    d = report[key]
    shown = words(d)
    assert s_ax.get_title() in shown
    assert [t.get_text() for t in s_ax.get_xticklabels()] == [
        w for w in shown if re.fullmatch(r"\d\d/\d{4}", w)
    ]
    heights = [b.get_height() for b in s_ax.patches]
    rects = bars(d, [chart_data.QTY_COLOUR, chart_data.WARN_COLOUR])
    bar_w = max({r.width for r in rects}, key=[r.width for r in rects].count)  # not the legend's
    drawn = [r.height for r in rects if r.width == bar_w]
    assert len(drawn) == len([h for h in heights if h])
    k = drawn[0] / heights[0]
    assert drawn == pytest.approx([h * k for h in heights if h], rel=1e-6)
    assert text("chart.cost_million", "vi") in shown  # the cost line's axis


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cost_shares_show_percentages_in_the_report_language(audit, lang):
    d = charts_of(audit, lang, "full")["cost_shares"]
    shares = [w for w in words(d) if w.endswith(" %")]
    assert len(shares) >= 3
    mark = "," if lang == "vi" else "."
    assert all(mark in w for w in shares), shares
    total = sum(float(w[:-2].replace(",", ".")) for w in shares)
    assert total == pytest.approx(100, abs=0.5)  # top streams + "Other" make the whole


def test_sankey_uses_english_flow_and_step_names():
    a = build_audit()
    for flow in a.flows:
        flow.name_en = {"Nước": "Water", "Vải": "Fabric", "Nước thải": "Wastewater"}[flow.name]
    for step in a.steps:
        step.name_en = f"Step {step.position}"
    placed = charts_of(a, "en", "full")
    shown = " ".join(w for k in placed if k.startswith("sankey:") for w in words(placed[k]))
    assert "Step" in shown and ("Fabric" in shown or "Water" in shown)
    assert "Vải" not in shown and "Nước" not in shown


def test_english_finding_text_and_untranslated_marker():
    a = build_audit()
    first, second = a.findings[0], a.findings[1]
    first.title_en, first.note_en = "Steam leak at the dye-house valve", "Replace the gasket."
    second.title_en = second.note_en = ""
    buf = io.BytesIO()
    write_pdf(build_snapshot(a, "full"), "en", buf)
    words = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    words = " ".join(words.split())
    assert "Steam leak at the dye-house valve" in words
    assert "Replace the gasket." in words
    # once per item (app.core.untranslated): the title carries the finding's mark, the note
    # beside it is printed in Vietnamese without a second one
    assert f"{second.title} (untranslated)" in words
    assert second.note in words and f"{second.note} (untranslated)" not in words
    buf = io.BytesIO()
    write_pdf(build_snapshot(a, "full"), "vi", buf)
    vi = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(buf).pages).split())
    assert first.title in vi and "Steam leak" not in vi


@pytest.mark.parametrize(
    ("lang", "small", "one", "irr_cap", "irr"),
    [
        ("vi", "< 0,1", "339,4", "> 1.000 %", "28,7 %"),
        ("en", "< 0.1", "339.4", "> 1,000 %", "28.7 %"),
    ],
)
def test_one_number_rule_per_quantity(lang, small, one, irr_cap, irr):
    assert fmt.tco2e(339.42, lang) == one
    assert fmt.tco2e(0.004, lang) == small  # not "0,000"
    assert fmt.tco2e(0, lang) == fmt.number(0, lang, 1)
    assert fmt.years(0.02, lang) == small  # a payback of a week
    assert fmt.years(0, lang) == fmt.number(0, lang, 1)  # no investment
    assert fmt.years(None, lang) == fmt.DASH  # never pays back
    assert fmt.irr(25.0, lang) == irr_cap
    assert fmt.irr(0.2866, lang) == irr
