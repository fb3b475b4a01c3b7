"""The auditor's narrative in the report, per language, in the Vietnamese CP report order:
enterprise description (Giới thiệu), audit focus before the flow chart (Đánh giá), causes of
losses per step after the step balances, conclusions and recommendations before the annex.
Empty sections are left out, not printed empty; a text without English is marked."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.messages import text
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot
from app.store.auditfile import AuditFile


def pdf(audit, lang, variant="full"):
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant), lang, buf)
    r = PdfReader(io.BytesIO(buf.getvalue()))
    words = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in r.pages))
    titles = [e.title for e in r.outline if not isinstance(e, list)]
    return words, titles


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_narrative_sections_in_the_cp_report_order(lang):
    audit = build_demo_audit()
    n = audit.info.narrative
    words, titles = pdf(audit, lang)
    enterprise, focus, conclusions = (n[k][lang] for k in ("enterprise", "focus", "conclusions"))
    dyeing = next(v[lang] for k, v in n.items() if k.startswith("cause:") and "dye" in v["en"])

    def short(s):
        return re.sub(r"\s+", " ", s)[:60]

    # in this order through the report, each right after what comes before it
    sequence = [
        text("report.h.enterprise", lang),
        short(enterprise),
        text("report.h.products", lang),
        text("report.h.focus", lang),
        short(focus),
        text("report.h.process", lang),
        text("report.h.step_flows", lang),
        text("report.h.causes", lang),
        short(dyeing),
        text("report.h.monitoring", lang),
        text("report.h.conclusions", lang),
        short(conclusions),
        text("report.h.annex", lang),
    ]
    start = words.index(short(enterprise)) - 400  # past the contents page
    pos = words.index(sequence[0], start)
    for item in sequence[1:]:
        pos = words.index(item, pos)
    assert words.index(short(focus)) - words.index(text("report.h.focus", lang), start) < 30
    assert (
        titles.index(text("report.h.conclusions", lang))
        == titles.index(text("report.h.annex", lang)) - 1
    )


def test_empty_sections_are_left_out_and_missing_english_is_marked(tmp_path):
    audit = build_demo_audit()
    audit.info.narrative = {
        "focus": {"vi": "Trọng tâm là lò hơi.", "en": ""},
        "conclusions": {"vi": " ", "en": ""},
    }
    path = tmp_path / "n.recp"
    AuditFile.create(path, audit).close()
    with AuditFile.open(path) as af:
        back = af.load()
    assert back.info.narrative["focus"] == {"vi": "Trọng tâm là lò hơi.", "en": ""}
    words, titles = pdf(back, "en")
    assert text("report.h.conclusions", "en") not in titles  # blank: left out
    assert text("report.h.causes", "en") not in words
    assert f"Trọng tâm là lò hơi. {text('report.untranslated', 'en')}" in words
    bare = build_demo_audit()
    bare.info.narrative = {}
    words, _ = pdf(bare, "vi")
    assert (
        text("report.h.focus", "vi") not in words
        and text("report.h.conclusions", "vi") not in words
    )


def test_confidential_narrative_is_redacted():
    audit = build_demo_audit()
    audit.info.narrative["enterprise"] = {
        "vi": "Công ty TNHH Dệt nhuộm Lam Hải ở KCN Đình Vũ.",
        "en": "Lam Hai Dyeing in Dinh Vu park.",
    }
    for lang in ("vi", "en"):
        words, _ = pdf(audit, lang, "confidential")
        assert "Lam H" not in words and "Dinh Vu" not in words and "Đình Vũ" not in words
