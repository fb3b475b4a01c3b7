"""The confidential variant names nobody and fingerprints no firm: every free text is redacted
in both languages (also where English writes a name without diacritics, or only its core),
no team member is named, sector at 2 digits, headcount as a band, no shift pattern, outputs as
shares; what is withheld on purpose says "withheld", not "missing data"."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.messages import text
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def pdf_text(audit, lang: str, variant: str = "confidential") -> str:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant), lang, buf)
    pages = PdfReader(io.BytesIO(buf.getvalue())).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in pages))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_confidential_pdf_names_nobody_and_no_place(demo, lang):
    full = pdf_text(demo, lang, "full")
    got = pdf_text(demo, lang)
    o18 = next(o for o in demo.options if o.code == "O-18")
    assert "Dinh Vu" in o18.description_en and "Dinh Vu" in full or lang == "vi"
    for word in ("Đình Vũ", "Dinh Vu", "Lam Hải", "Lam Hai", "0201897345"):
        assert word.casefold() not in got.casefold(), word
    for member in demo.team:
        assert member.name in full  # the full report does name them
        assert member.name not in got, member.name
    assert "VNCPC" in got  # the auditors' organisation stays


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_confidential_pdf_generalises_the_fingerprint(demo, lang):
    ent = demo.info.enterprise
    got = pdf_text(demo, lang)
    assert ent.sector_vsic == "1313" and "1313" not in got
    assert text("report.sector_division", lang, code="13") in got
    assert "300–499" in got and ent.sector_name not in got
    withheld = text("report.withheld", lang)
    assert got.count(withheld) >= 2  # shifts and operating days say so
    # outputs as shares of the whole output, not tonnes
    out = {
        p.id: sum(
            r.quantity
            for r in demo.production
            if r.product_id == p.id and r.period in set(demo.baseline_periods())
        )
        for p in demo.products
    }
    share = out[demo.products[0].id] / sum(out.values()) * 100
    sep = "," if lang == "vi" else "."
    assert f"{share:.1f}".replace(".", sep) + " %" in got
    assert text("report.col.output_share", lang) in got


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_withheld_indicators_say_withheld_not_missing(demo, lang):
    got = pdf_text(demo, lang)
    assert text("report.indicators_withheld", lang) in got
    assert text("report.not_available", lang) not in got
