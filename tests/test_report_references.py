"""The annex: every reference value with a translated label (no internal key), its unit, full
precision and its source, the Vietnamese report without English source prose and neither
report with the shipped "(verify)" to-dos."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.messages import text
from app.core.reference import table
from app.reports import fmt, reference_labels
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot


def annex(audit, lang) -> str:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, "full"), lang, buf)
    r = PdfReader(io.BytesIO(buf.getvalue()))
    words = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in r.pages))
    return words[words.rindex(text("report.h.references", lang)) :]


def test_every_shipped_value_has_a_translated_label_unit_and_clean_source():
    for key, values in table().items():
        ref = values[0]
        if ref.unit == "flag":
            continue  # switches, not printed
        label = reference_labels.label(key)
        assert label.vi != key and label.en != key and label.vi != label.en or key == "toe_iea"
        assert "fraction" not in reference_labels.unit(ref.unit).vi
        src = reference_labels.source(ref)
        assert "verify" not in src.vi.lower() and "verify" not in src.en.lower(), key
        for english in ("Project default", "adjustable per audit", "Typical density", "excluding"):
            assert english not in src.vi, (key, src.vi)


def test_the_key_energy_user_thresholds_say_decree_30_2026_keeps_them():
    for key in ("key_energy_user.industrial_toe", "key_energy_user.building_toe"):
        src = reference_labels.source(table()[key][0])
        assert src.vi.startswith("Nghị định 30/2026/NĐ-CP ngày 21/01/2026"), src.vi
        assert "giữ nguyên ngưỡng của Nghị định 21/2011/NĐ-CP" in src.vi
        assert "keeps the threshold of Decree 21/2011/NĐ-CP" in src.en
        assert "not yet checked against" not in src.en


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_demo_annex_shows_labels_full_precision_and_no_keys(lang):
    audit = build_demo_audit()
    got = annex(audit, lang)
    snap = build_snapshot(audit, "full")
    assert snap.references
    for r in snap.references:
        assert r.key not in got, r.key
        assert (r.label.vi if lang == "vi" else r.label.en)[:25] in got
    assert "fraction" not in got and "(verify)" not in got
    grid = next(r for r in snap.references if r.key == "grid_ef")
    assert fmt.exact(grid.value, lang) in got and len(str(grid.value)) > 5  # 0.6592, not 0.66
    share = next(r for r in snap.references if r.key == "balance.flag_share")
    assert f"{fmt.exact(share.value * 100, lang)} %" in got
    if lang == "vi":
        assert "Project default" not in got and "default —" not in got


def test_exact_keeps_every_digit():
    assert fmt.exact(41.868, "en") == "41.868"
    assert fmt.exact(94600.0, "vi") == "94.600"
    assert fmt.exact(0.6592, "vi") == "0,6592"


def _vietnamese(s: str) -> bool:
    """Text with letters English does not have (đ, ư, ơ, ạ …): a Vietnamese document's title."""
    return any(ord(c) > 127 and c.isalpha() for c in s)


def test_a_vietnamese_source_keeps_its_title_and_gets_an_english_gloss():
    cited = [v for values in table().values() for v in values if _vietnamese(v.source)]
    assert len(cited) >= 10  # tariffs, grid factors, TOE factors, thresholds, reactive power
    for ref in cited:
        assert ref.source_en and not _vietnamese(ref.source_en.replace("Đ", "D")), ref.key
        src = reference_labels.source(ref)
        assert src.vi.startswith(ref.source) and ref.source_en not in src.vi
        assert src.en.startswith(f"{ref.source} ({ref.source_en})"), ref.key


def test_the_english_annex_glosses_the_vietnamese_documents():
    audit = build_demo_audit()
    en, vi = annex(audit, "en"), annex(audit, "vi")
    title = "Cục Biến đổi khí hậu, Bộ TN&MT: hệ số phát thải lưới điện Việt Nam 2023"
    gloss = (
        "Department of Climate Change, Ministry of Natural Resources and Environment: "
        "Vietnam grid emission factor 2023"
    )
    assert f"{title} ({gloss})" in en
    assert title in vi and gloss not in vi
    toe = "Bộ Công Thương, công văn 3505/BCT-KHCN ngày 19/4/2011"
    assert (
        f"{toe} (Ministry of Industry and Trade, official letter 3505/BCT-KHCN of 19 April 2011"
        in en
    )
    assert "Ministry of Industry and Trade" not in vi
