"""The report's vector charts: nice ticks in the report language, fitted labels, "no data",
Vietnamese text kept intact in the PDF, the Sankey's quantities kept when names are cut."""

from __future__ import annotations

import io
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Group, Line, Rect, String

from app.core.messages import text
from app.core.options import option_finances
from app.reports import chart_data, fonts, vector_charts, vector_option_charts
from app.reports.vector_axes import fit, scale, width_of, wrap
from tests.sample_report import build_audit

W = 420.0


def shapes(node, kind) -> list:
    """Every shape of ``kind`` in a drawing, groups opened."""
    out = []
    for child in getattr(node, "contents", []):
        if isinstance(child, Group):
            out += shapes(child, kind)
        elif isinstance(child, kind):
            out.append(child)
    return out


def words(d) -> list[str]:
    return [s.text for s in shapes(d, String)]


def pdf_words(d) -> str:
    reader = PdfReader(io.BytesIO(renderPDF.drawToString(d)))
    return " ".join(reader.pages[0].extract_text().split())


@given(
    lo=st.floats(-1e7, 1e7, allow_nan=False),
    span=st.floats(1e-3, 1e8, allow_nan=False),
    count=st.integers(3, 8),
)
def test_scale_covers_the_data_with_nice_steps(lo, span, count):
    assume(span > 1e-6 * abs(lo))  # a range narrower than that is lost in float rounding
    hi = lo + span
    s = scale(lo, hi, str, count)
    assert s.lo <= lo + 1e-6 * span and s.hi >= hi - 1e-6 * span
    assert s.ticks[0] == pytest.approx(s.lo) and s.ticks[-1] == pytest.approx(s.hi)
    step = s.ticks[1] - s.ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(mantissa == pytest.approx(m) for m in (1, 2, 2.5, 5, 10))
    assert 2 <= len(s.ticks) <= 2 * count + 2


def test_tight_scale_keeps_the_range_and_only_ticks_inside():
    s = scale(-0.7, 9.3, str, 5, tight=True)
    assert (s.lo, s.hi) == (-0.7, 9.3)
    assert all(-0.7 <= t <= 9.3 for t in s.ticks) and 0.0 in s.ticks


@pytest.mark.parametrize(("lang", "label"), [("vi", "25.000"), ("en", "25,000")])
def test_ticks_use_the_report_languages_marks(lang, label):
    s = scale(0, 21_000, lambda v: chart_data.tick_label(v, lang))
    assert label in s.labels
    half = scale(0, 1.2, lambda v: chart_data.tick_label(v, lang))
    assert ("0,25" if lang == "vi" else "0.25") in half.labels


def test_fit_and_wrap_stay_within_their_width():
    long = "Thu hồi nhiệt từ nước thải nhuộm nóng để gia nhiệt nước cấp lò hơi ở xưởng"
    for room in (40, 90, 200):
        shown = fit(long, fonts.REGULAR, 7, room)
        assert width_of(shown, 7) <= room and shown.startswith(long[:3])
        assert shown == long or shown.endswith("…")
        lines = wrap(long, fonts.REGULAR, 7, room, 2)
        assert len(lines) <= 2 and all(width_of(x, 7) <= room for x in lines)


CASES = [
    ("monthly", lambda lang: vector_charts.monthly("Điện", "kWh", [], [], None, lang, W)),
    ("cost", lambda lang: vector_charts.cost_shares([], lang, W)),
    ("specific", lambda lang: vector_charts.specific_trend("x", "kWh/t", [], [], lang, W)),
    ("co2e", lambda lang: vector_charts.co2e_by_source([], lang, W)),
    ("sankey", lambda lang: vector_charts.sankey("nước", "m³", [], lang, W)),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("name", "make"), CASES)
def test_empty_charts_say_so(name, make, lang):
    shown = words(make(lang))
    assert text("chart.no_data", lang) in shown, name
    assert len(shown) == 2  # the title and the message, no axes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_empty_option_charts_say_so(lang):
    for make in vector_option_charts.CHARTS.values():
        assert text("options.chart.no_data", lang) in words(make([], {}, lang, W))


def test_vietnamese_chart_text_survives_into_the_pdf():
    d = vector_charts.co2e_by_source(
        [
            chart_data.EmissionSource("Điện lưới", 4138.0, 2),
            chart_data.EmissionSource("Than cám cho lò hơi", 8458.0, 1),
        ],
        "vi",
        W,
    )
    shown = pdf_words(d)
    for phrase in ("Phát thải khí nhà kính theo nguồn", "Than cám cho lò hơi", "Điện lưới"):
        assert phrase in shown
    assert "Phạm vi 1" in shown and "8.458" in shown  # vi grouping mark


def test_monthly_chart_marks_flagged_months_and_skips_missing_costs():
    periods = ["2024-01", "2024-02", "2024-03"]
    d = vector_charts.monthly(
        "Điện",
        "kWh",
        periods,
        [100.0, None, 300.0],
        [2e6, None, 6e6],
        "en",
        W,
        flagged=[False, False, True],
    )
    fills = [r.fillColor.hexval() for r in shapes(d, Rect) if r.width > 12]
    warn = vector_charts.colour(chart_data.WARN_COLOUR).hexval()
    assert fills.count(warn) == 1 and len(fills) == 2  # the missing month has no bar
    assert {"Jan 2024", "Feb 2024", "Mar 2024"} <= set(words(d))
    assert text("chart.cost_million", "en") in words(d)


def test_sankey_prints_a_long_name_whole_with_its_quantity():
    """A name longer than two lines is wrapped on as many as it needs (issue 18: never cut
    with "…"), its quantity after it."""
    long = "Vải từ công đoạn trước chuyển sang sau khi kiểm tra chất lượng đạt yêu cầu"
    flows = [
        chart_data.SankeyFlow("Nhuộm", "input", long, 26_433.0),
        chart_data.SankeyFlow("Nhuộm", "output", "Vải", 26_000.0),
    ]
    shown = words(vector_charts.sankey("vật liệu", "t", flows, "vi", W))
    first = next(i for i, w in enumerate(shown) if w.startswith("Vải từ"))
    last = next(i for i in range(first, len(shown)) if shown[i].endswith("26.433"))
    assert last - first >= 2  # three lines or more
    assert " ".join(shown[first : last + 1]) == long + ": 26.433"
    assert not any("…" in w for w in shown)
    assert any(w.startswith(text("chart.unaccounted", "vi")) and w.endswith(": 433") for w in shown)


def test_mac_curve_hatches_a_bar_cut_at_the_axis_limit():
    import dataclasses

    audit = build_audit(n_options=12)
    finances = option_finances(audit)
    d = vector_option_charts.mac_curve(audit.options, finances, "en", W)
    assert not _whiteshapes(d, Line)  # no extreme cost, no hatching
    extreme = next(o for o in audit.options if finances[o.id].avoided_co2e_t > 0)
    finances[extreme.id] = dataclasses.replace(finances[extreme.id], abatement_cost_vnd_per_t=5e10)
    data = chart_data.mac_data(audit.options, finances, "en")
    assert data.clipped and data.clipped[0].startswith(extreme.code)
    d = vector_option_charts.mac_curve(audit.options, finances, "en", W)
    assert _whiteshapes(d, Line)
    assert any(extreme.code in w and "50,000,000" in w for w in words(d))  # named in the note


def _whiteshapes(d, Line):
    return [
        s
        for s in shapes(d, Line)
        if s.strokeColor is not None and s.strokeColor.hexval() == "0xffffff"
    ]


def test_sankey_label_fits_whole_on_two_lines_when_there_is_room():
    flows = [
        chart_data.SankeyFlow("Nhuộm", "input", "Vải từ công đoạn trước", 26_433.0),
        chart_data.SankeyFlow("Nhuộm", "output", "Vải", 26_000.0),
    ]
    shown = words(vector_charts.sankey("vật liệu", "t", flows, "vi", W))
    first = next(i for i, w in enumerate(shown) if w.startswith("Vải từ"))
    lines = shown[first : first + 2]
    joined = " ".join(lines)
    assert "…" not in joined and joined.startswith("Vải từ công đoạn trước:")
    assert joined.endswith("26.433")
