"""Feasibility per option: the technical and environmental assessment the audit holds (the
screening scores), beside the economic score, in every variant (no money needed)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.messages import text
from app.core.options import is_rejected
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def feasibility_text(audit, lang, variant) -> str:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant), lang, buf)
    r = PdfReader(io.BytesIO(buf.getvalue()))
    words = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in r.pages))
    start = words.rindex(text("report.h.feasibility", lang))
    return words[start : words.index(text("report.feasibility_note", lang)[:20], start)]


@pytest.mark.parametrize(("lang", "variant"), [("en", "full"), ("vi", "confidential")])
def test_each_option_shows_its_technical_and_environmental_scores(demo, lang, variant):
    got = feasibility_text(demo, lang, variant)
    shown = [o for o in demo.options if not is_rejected(o)]
    assert all(o.code in got for o in shown)
    assert not any(o.code in got for o in demo.options if is_rejected(o))
    o13 = next(o for o in demo.options if o.code == "O-13")
    row = got[got.index("O-13") :][:400]
    sep = "." if lang == "en" else ","
    tech, env = (f"{o13.scores[c]:.1f}".replace(".", sep) for c in ("technical", "environmental"))
    assert f"{tech} {env}" in row  # the two screening scores, in that order
