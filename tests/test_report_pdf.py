"""The PDF report: headings, figures, diacritics, fonts, variants, missing data."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from app.core.finance import option_finance
from app.core.indicators import compute_indicators
from app.core.options import option_totals
from app.reports import fmt
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot
from tests.sample_report import build_audit


def pdf_text(audit, lang, variant="full", photo_loader=None) -> tuple[str, PdfReader]:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant, photo_loader=photo_loader), lang, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text), reader


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


@pytest.fixture(scope="module")
def audit():
    return build_audit()


@pytest.fixture(scope="module")
def vi(audit):
    return pdf_text(audit, "vi")


@pytest.fixture(scope="module")
def en(audit):
    return pdf_text(audit, "en")


def test_vietnamese_headings_and_words_keep_their_diacritics(vi):
    text, _ = vi
    for words in (
        "Mục lục",
        "Tóm tắt",
        "Sơ đồ dòng quy trình sản xuất",
        "Định mức tiêu hao",
        "Kết quả khảo sát hiện trường",
        "Phân tích tài chính",
        "Kế hoạch thực hiện",
        "Phụ lục",
        "Nấu tẩy",  # a process step typed by the user
        "Rò rỉ hơi tại van số 1",  # a finding title
    ):
        assert words in text, words


def test_english_headings(en):
    text, _ = en
    for words in (
        "Contents",
        "Executive summary",
        "Process flow chart",
        "Specific consumption",
        "Walkthrough findings",
        "Financial analysis",
        "Implementation plan",
        "Annex",
    ):
        assert words in text, words


def test_toc_lists_sections_with_page_numbers_and_links(en):
    """Each contents line links to its heading's page and shows that page's number (the numbers
    are written at the end of the single build, into a form the contents page refers to)."""
    _, reader = en
    toc = reader.pages[1]
    words = toc.extract_text()
    assert "Contents" in words and "Financial analysis" in words
    numbers = [int(n) for n in re.findall(r"^(\d+)$", words, re.M)]
    links = [a.get_object() for a in toc.get("/Annots", [])]
    page_of = {page.indirect_reference.idnum: i + 1 for i, page in enumerate(reader.pages)}
    targets = [page_of[a["/Dest"][0].idnum] for a in links]
    assert len(targets) == len(numbers) > 20
    assert numbers == targets  # the number shown is the page the link goes to
    assert numbers == sorted(numbers) and numbers[0] == 3
    outline = [e for e in _flat_outline(reader.outline)]
    assert [reader.get_destination_page_number(e) + 1 for e in outline] == numbers
    finance = next(e for e in outline if e.title == "Financial analysis")
    assert (
        "Financial analysis"
        in reader.pages[reader.get_destination_page_number(finance)].extract_text()
    )


def _flat_outline(items):
    for e in items:
        if isinstance(e, list):
            yield from _flat_outline(e)
        else:
            yield e


def test_figures_match_the_core_modules_in_each_language(audit, vi, en):
    ind = compute_indicators(audit)
    totals = option_totals(audit)
    elec = ind.streams[0]
    first = audit.options[0]
    fin = option_finance(first, audit)
    for lang, (text, _) in (("vi", vi), ("en", en)):
        assert fmt.money(elec.cost_vnd, lang) in text
        assert fmt.money(totals.proposed.annual_saving_vnd, lang) in text
        assert fmt.money(totals.proposed.investment_vnd, lang) in text
        assert fmt.money(fin.npv_vnd, lang) in text
    # the two languages write the same number differently
    assert fmt.money(elec.cost_vnd, "vi") != fmt.money(elec.cost_vnd, "en")
    assert "." in fmt.money(elec.cost_vnd, "vi") and "," in fmt.money(elec.cost_vnd, "en")


def test_dates_follow_the_language(audit, vi, en):
    assert "03/03/2025" in vi[0]
    assert "3 Mar 2025" in en[0]


def test_missing_english_text_shows_the_vietnamese_marked_untranslated(audit, en):
    untranslated = next(o for o in audit.options if not o.title_en)
    assert f"{untranslated.title_vi} (untranslated)" in en[0]


def test_every_font_is_embedded(vi):
    _, reader = vi
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            assert desc is not None, font.get("/BaseFont")
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"NotoSans-Regular", "NotoSans-Bold"} <= seen


def test_summary_fits_four_pages_even_with_many_options():
    big = build_audit(n_streams=12, n_options=80, n_photos=2)
    for lang in ("vi", "en"):
        text, reader = pdf_text(big, lang, "summary")
        assert len(reader.pages) <= 4
        assert ("Tóm tắt" if lang == "vi" else "Executive summary") in text


def test_confidential_hides_identity_and_money(audit):
    ent = audit.info.enterprise
    hidden = [
        ent.name,
        ent.tax_code,
        ent.address,
        ent.contact_name,
        ent.contact_phone,
        ent.contact_email,
        "Phạm Quốc Bảo",
    ]  # the enterprise's own team member
    ind = compute_indicators(audit)
    money = [s.cost_vnd for s in ind.streams] + [s.unit_price_vnd for s in audit.streams]
    money += [o.investment_vnd for o in audit.options if o.investment_vnd]
    money.append(option_totals(audit).proposed.annual_saving_vnd)
    for lang in ("vi", "en"):
        text, _ = pdf_text(audit, lang, "confidential")
        for h in hidden:
            assert h not in text, h
        for v in money:
            assert fmt.money(v, lang) not in text, v
        # physical quantities stay
        assert fmt.smart(ind.streams[0].quantity, lang) in text
    # the auditors are not named either (issue 18: their names point at the firm); their
    # organisation and role stay
    secret = pdf_text(audit, "vi", "confidential")[0]
    assert "Trần Văn Minh" not in secret and "Trần Văn Minh" in pdf_text(audit, "vi", "full")[0]
    auditor = next(m for m in audit.team if m.name == "Trần Văn Minh")
    assert auditor.organisation in secret


def test_no_options_still_gives_a_complete_report():
    a = build_audit(n_options=0)
    for lang, msg in (
        ("vi", "Chưa có cơ hội SXSH nào được ghi nhận."),
        ("en", "No RECP option has been recorded yet."),
    ):
        text, reader = pdf_text(a, lang)
        assert msg in text
        assert ("Phụ lục" if lang == "vi" else "Annex") in text


def test_stream_without_records_is_reported():
    a = build_audit()
    gone = a.streams[2]
    a.records = [r for r in a.records if r.stream_id != gone.id]
    a.options = [o for o in a.options if all(s.stream_id != gone.id for s in o.savings)]
    text, _ = pdf_text(a, "en")
    assert f"Stream “{gone.name_vi}” has no monthly records." in text
    assert "no records" in text


def test_undecodable_photo_is_left_out_and_reported():
    a = build_audit(n_photos=2)
    broken = a.photos[0]
    broken.jpeg = b"\xff\xd8 not really a jpeg"
    text, _ = pdf_text(a, "vi", photo_loader=lambda pid: None)
    assert "[Ảnh không đọc được]" in text
    assert "không đọc được và đã được bỏ qua" in text


def test_photo_loader_failure_is_not_fatal():
    a = build_audit(n_photos=1)

    def loader(pid):
        raise OSError("blob gone")

    text, _ = pdf_text(a, "en", photo_loader=loader)  # falls back to the photo's own bytes
    assert "Photo could not be read" not in text


def test_demo_audit_reports_in_both_languages():
    """The bundled demo: the manager's key figures as the core computes them; the confidential
    version without the company's identity."""
    from app.core.demo import build_demo_audit

    demo = build_demo_audit()
    totals = option_totals(demo)
    ent = demo.info.enterprise
    for lang in ("vi", "en"):
        text, reader = pdf_text(demo, lang, "summary")
        assert len(reader.pages) <= 4
        assert fmt.money(totals.proposed.annual_saving_vnd, lang) in text
        assert ent.name in text
        text, _ = pdf_text(demo, lang, "confidential")
        for hidden in (ent.name, ent.tax_code, ent.address, ent.contact_name):
            assert hidden not in text
        assert fmt.money(totals.proposed.annual_saving_vnd, lang) not in text


def test_confidential_withholds_the_park_and_money_written_in_notes():
    """Auditors write money and places into free text; the confidential variant must not leak it."""
    a = build_audit()
    a.info.enterprise.industrial_park = "KCN Đình Vũ"
    a.info.enterprise.province = "Hải Phòng"
    rejected = a.options[0]
    rejected.rejection_reason = "Không đủ hoàn vốn cho khoản đầu tư 3,2 tỷ đồng tại KCN Đình Vũ"
    rejected.description_vi = "Tiết kiệm khoảng 250 triệu mỗi năm; giảm 12 % nước"
    rejected.description_en = "Saves about 250 million VND a year; 12 % less water"
    for lang in ("vi", "en"):
        full, _ = pdf_text(a, lang, "full")
        assert "Đình Vũ" in full  # the full report shows them: the test can see a leak
        text, _ = pdf_text(a, lang, "confidential")
        assert "Đình Vũ" not in text
        for money in ("3,2 tỷ", "250 triệu", "250 million"):
            assert money not in text
        assert "12 %" in text or "12 %" in text.replace("\u00a0", " ")  # quantities stay
        assert "Hải Phòng" in text  # the province stays


def test_finance_totals_say_that_overlapping_options_are_added_as_independent(vi, en):
    """Managers read the total saving as what they will get: the report says it is a sum."""
    from app.core.messages import text

    assert "trùng nhau" in text("report.finance_note", "vi")
    assert "overlap" in text("report.finance_note", "en")
    assert flat(text("report.finance_note", "vi")) in vi[0]
    assert flat(text("report.finance_note", "en")) in en[0]


def test_symbols_the_font_lacks_are_drawn_in_the_fallback_font():
    """Noto Sans has no arrows or ≤/≥: they are drawn in the DejaVu Sans fallback, as typed
    (tests/test_report_glyphs.py checks every drawn character has a glyph)."""
    a = build_audit()
    a.findings[0].title = "Nhiệt thải → thu hồi, pH ≤ 9"
    text, _ = pdf_text(a, "vi")
    assert "Nhiệt thải → thu hồi, pH ≤ 9" in text
