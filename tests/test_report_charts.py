"""The PDF embeds the same matplotlib charts the screens draw; confidential charts show no money;
English text fields; one number rule per quantity type."""

from __future__ import annotations

import io

import pytest
from matplotlib.text import Text
from pypdf import PdfReader

from app.core.messages import text
from app.core.model import STREAM_GROUP
from app.core.options import option_finances
from app.reports import charts, fmt, option_charts
from app.reports import report_charts as rc
from app.reports.pdf import PdfReport, write_pdf
from app.reports.sample import build_audit
from app.reports.snapshot import build_snapshot

SECTIONS = ("enterprise", "baseline", "specific", "findings", "options", "finance", "plan")


def images_on(page) -> int:
    xobjects = page["/Resources"].get("/XObject", {})
    return sum(1 for v in xobjects.values() if v.get_object().get("/Subtype") == "/Image")


def section_images(reader: PdfReader, lang: str) -> dict[str, int]:
    """Images per H1 section, the sections' pages found through the PDF outline."""
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
        out[key] = sum(images_on(reader.pages[i]) for i in range(first, nxt))
    return out


def build(audit, lang: str, variant: str) -> PdfReader:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant), lang, buf)
    return PdfReader(io.BytesIO(buf.getvalue()))


def figures_of(audit, lang: str, variant: str) -> dict:
    """The matplotlib figures a report places, built as the export builds them."""
    report = PdfReport(build_snapshot(audit, variant), lang)
    report.story()
    return report._figures


def all_text(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(Text))


@pytest.fixture(scope="module")
def audit():
    return build_audit()


def groups_with_records(audit) -> int:
    with_records = {r.stream_id for r in audit.records}
    return len({STREAM_GROUP[s.kind] for s in audit.streams if s.id in with_records})


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_full_report_places_the_charts_in_their_sections(audit, lang):
    counts = section_images(build(audit, lang, "full"), lang)
    main = min(4, groups_with_records(audit))
    assert counts["baseline"] == 1 + main  # cost shares + monthly chart of each main stream
    assert counts["enterprise"] == 1  # the Sankey (the flow chart is vector, not an image)
    assert counts["specific"] >= 2  # specific-consumption trend(s) + CO2e by source
    assert counts["finance"] == 3  # MAC curve, investment vs payback, savings by category
    assert counts["findings"] == len(audit.photos)  # photos only
    assert counts["options"] == counts["plan"] == 0


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_confidential_report_keeps_quantity_charts_only(audit, lang):
    counts = section_images(build(audit, lang, "confidential"), lang)
    assert counts["baseline"] == min(4, groups_with_records(audit))  # no cost-shares chart
    assert counts["finance"] == 0
    assert counts["enterprise"] == 1


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_confidential_charts_show_no_money(audit, lang):
    money_words = ("VND", "đồng", "triệu", "million")
    full = figures_of(audit, lang, "full")
    # the check is not vacuous: the full report's charts do carry money axes
    assert any(w in all_text(f) for f in full.values() for w in money_words)
    secret = figures_of(audit, lang, "confidential")
    assert secret and {k.split(":")[0] for k in secret} >= {"monthly", "co2e", "sankey"}
    for key, fig in secret.items():
        words = all_text(fig)
        assert not any(w in words for w in money_words), (key, words)
        assert "cost" not in words.lower() and "chi phí" not in words.lower(), (key, words)
        for ax in fig.axes:  # no second (cost) axis on the monthly charts
            assert not ax.get_ylabel() or "VND" not in ax.get_ylabel()
        assert len(fig.axes) == 1, key


def test_option_charts_are_the_options_screens_charts(audit):
    """Same inputs, same function, same size: the same pixels as the Options screen's chart."""
    report = figures_of(audit, "en", "full")
    finances = option_finances(audit)
    for name in ("mac", "bubble", "category"):
        screen = option_charts.CHARTS[name](
            audit.options, finances, "en", size=rc.OPTION_CHART_SIZE
        )
        rc.png(screen)  # drawn once already, like the report's (wrapped text settles on a redraw)
        assert rc.png(report[name]) == rc.png(screen), name


def test_monthly_chart_is_the_baselines_screens_chart(audit):
    report = figures_of(audit, "vi", "full")
    key = next(k for k in report if k.startswith("monthly:"))
    stream_id = key.split(":", 1)[1]
    screen = charts.audit_chart(audit, "monthly", "vi", stream_id=stream_id)
    r_ax, s_ax = report[key].axes[0], screen.axes[0]
    assert [b.get_height() for b in r_ax.patches] == [b.get_height() for b in s_ax.patches]
    assert [t.get_text() for t in r_ax.get_xticklabels()] == [
        t.get_text() for t in s_ax.get_xticklabels()
    ]
    assert r_ax.get_title() == s_ax.get_title()
    r_cost = report[key].axes[1].lines[0].get_ydata()
    s_cost = screen.axes[1].lines[0].get_ydata()
    assert r_cost == pytest.approx(s_cost, rel=1e-6)  # VND rounded to whole dong in reports


def test_sankey_uses_english_flow_and_step_names():
    a = build_audit()
    for flow in a.flows:
        flow.name_en = {"Nước": "Water", "Vải": "Fabric", "Nước thải": "Wastewater"}[flow.name]
    for step in a.steps:
        step.name_en = f"Step {step.position}"
    fig = figures_of(a, "en", "full")["sankey"]
    words = all_text(fig)
    assert "Step" in words and ("Fabric" in words or "Water" in words)
    assert "Vải" not in words and "Nước" not in words


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
    assert f"{second.title} (untranslated)" in words
    assert f"{second.note} (untranslated)" in words
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
