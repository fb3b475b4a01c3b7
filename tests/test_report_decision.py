"""The decision page comes first: what is done (with measured savings), what is still to fund
(the remaining portfolio's investment, saving and payback) and the recommended order (the
audit's weighted ranking with its criteria and weights, as stored in the file)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.messages import text
from app.core.options import is_implemented, rank_options
from app.reports.decision import build_decision
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def reader(audit, lang, variant="full", weights=None) -> PdfReader:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant, weights=weights), lang, buf)
    return PdfReader(io.BytesIO(buf.getvalue()))


def decision_page(r: PdfReader, lang: str) -> tuple[int, str]:
    heading = text("report.h.decision", lang)
    for i, page in enumerate(r.pages):
        words = re.sub(r"\s+", " ", page.extract_text() or "")
        note = text("report.decision.criteria", lang, weights="").split(":")[0]
        if heading in words and note in words:  # the note under the ranking, not the contents
            return i, words
    raise AssertionError("no decision page")


@pytest.mark.parametrize(
    ("lang", "investment", "saving", "payback"),
    [("en", "18,520.0", "9,069.7", "2.0"), ("vi", "18.520,0", "9.069,7", "2,0")],
)
def test_decision_page_first_with_the_remaining_portfolio(demo, lang, investment, saving, payback):
    r = reader(demo, lang)
    first_h1 = next(e for e in r.outline if not isinstance(e, list))
    assert first_h1.title == text("report.h.decision", lang)
    _, words = decision_page(r, lang)
    assert investment in words and saving in words  # the figure that appeared nowhere
    assert f"{payback} {text('report.unit.years', lang)}" in words
    done = [o for o in demo.options if is_implemented(o)]
    assert text("report.decision.done", lang, count=len(done)) in words
    o01 = next(o for o in done if o.code == "O-01")
    assert (
        o01.verified_saving_vnd == 335_000_000 and ("335.0" if lang == "en" else "335,0") in words
    )
    assert text("report.decision.not_measured", lang) in words  # implemented, not yet measured


def test_recommended_order_is_the_weighted_ranking_of_what_is_left(demo):
    d = build_decision(demo)
    expected = [r.option.code for r in rank_options(demo) if not is_implemented(r.option)]
    assert [x.code for x in d.ranking] == expected and len(expected) == d.to_fund_count
    # the file's weights change the order (all on technical feasibility)
    tech = build_decision(demo, {"economic": 0, "technical": 1, "environmental": 0})
    assert [x.code for x in tech.ranking] != expected
    assert tech.weights == {"economic": 0.0, "technical": 1.0, "environmental": 0.0}
    _, words = decision_page(
        reader(demo, "en", weights={"economic": 0, "technical": 1, "environmental": 0}), "en"
    )
    assert "Technical 100 %" in words or "technical 100 %" in words.lower()
    codes = [c for c in re.findall(r"O-\d\d", words.split(text("report.decision.order", "en"))[1])]
    assert codes[: len(tech.ranking)] == [x.code for x in tech.ranking]


def test_confidential_decision_page_keeps_the_order_without_money(demo):
    _, words = decision_page(reader(demo, "en", "confidential"), "en")
    assert "18,520.0" not in words and "9,069.7" not in words and "335.0" not in words
    assert text("report.hidden", "en") in words
    assert build_decision(demo).ranking[0].code in words


def test_summary_keeps_its_four_pages_with_the_decision_page(demo):
    r = reader(demo, "en", "summary")
    assert len(r.pages) <= 4
    decision_page(r, "en")
