"""The plan lists every feasible or planned option with owner, dates, budget and the
indicator that will show it worked, and flags the overdue ones against the report date;
monitoring sets estimated against measured saving and planned against actual investment for
every implemented or verified option."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.messages import text
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def section(audit, lang, on: date, variant="full") -> str:
    snap = replace(build_snapshot(audit, variant), report_date=on)
    buf = io.BytesIO()
    write_pdf(snap, lang, buf)
    r = PdfReader(io.BytesIO(buf.getvalue()))
    words = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in r.pages))
    heading = text("report.h.plan", lang)
    return words[words.rindex(heading) : words.rindex(text("report.h.annex", lang))]


def test_plan_flags_overdue_options_against_the_report_date(demo):
    late = section(demo, "en", date(2026, 12, 5))
    note = text(
        "report.plan.overdue_note", "en", count=3, date="5 Dec 2026", codes="O-05, O-12, O-16"
    )
    assert note in late
    assert late.count(f"({text('report.plan.overdue', 'en')})") == 3
    early = section(demo, "en", date(2026, 1, 1))
    assert text("report.plan.overdue", "en") not in early


def test_plan_has_every_feasible_and_planned_option_with_owner_budget_indicator(demo):
    words = section(demo, "en", date(2026, 12, 5))
    for o in demo.options:
        if o.status.value in ("feasible", "planned"):
            assert o.code in words and o.responsible in words
    o16 = next(o for o in demo.options if o.code == "O-16")
    assert f"{o16.investment_vnd / 1e6:,.1f}" in words  # its budget
    assert text("report.col.indicator_to_watch", "en") in words
    assert "Specific Mains water (park supply) (m³/product)" in words  # what O-16 saves


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_monitoring_sets_measured_against_estimated_and_actual_against_planned(demo, lang):
    words = section(demo, lang, date(2026, 12, 5))
    mon = words[words.index(text("report.h.monitoring", lang)) :]
    o01 = next(o for o in demo.options if o.code == "O-01")
    assert (o01.investment_vnd, o01.actual_investment_vnd, o01.verified_saving_vnd) == (
        45_000_000,
        41_500_000,
        335_000_000,
    )
    row = mon[mon.index("O-01") : mon.index("O-02")]
    nums = ["45.0", "41.5", "371.7", "335.0", "90 %"]
    if lang == "vi":
        nums = [n.replace(".", ",") for n in nums]
    positions = [row.index(n) for n in nums]
    assert positions == sorted(positions)  # in the columns' order
    assert text("report.decision.not_measured", lang) in mon  # O-02: implemented, not measured
    measured = "804.0" if lang == "en" else "804,0"
    assert measured in mon


def test_confidential_monitoring_shows_no_money(demo):
    mon = section(demo, "en", date(2026, 12, 5), "confidential")
    mon = mon[mon.index(text("report.h.monitoring", "en")) :]
    assert "335.0" not in mon and "41.5" not in mon
