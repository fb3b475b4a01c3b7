"""The English report prints the English audit title, team roles and organisations, photo
captions and options' rejection and override reasons; a missing one shows the Vietnamese marked
untranslated, as every other user text; the Vietnamese report is unchanged (issue 18)."""

from __future__ import annotations

import copy
import io
import re

import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.messages import text
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot

MARK = text("report.untranslated", "en")


def _words(audit, lang: str, variant: str = "full") -> str:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant), lang, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


@pytest.fixture(scope="module")
def en(demo):
    return _words(demo, "en")


@pytest.fixture(scope="module")
def vi(demo):
    return _words(demo, "vi")


# The demo's texts as typed (app/core/demo_data/content.py), written out here, not read from it.
TITLE_VI = "Đánh giá SDHQTN&SXSH chi tiết năm 2025"
TITLE_EN = "Detailed RECP audit 2025"
ROLE_VI = "Trưởng nhóm đánh giá, chuyên gia năng lượng"
ROLE_EN = "Audit team leader, energy expert"
ORG_VI = "Trung tâm Sản xuất sạch hơn Việt Nam"
ORG_EN = "Vietnam Cleaner Production Centre"
DEPT_VI = "Phân xưởng Cơ điện"
DEPT_EN = "Mechanical and electrical workshop"
CAPTION_VI = "Bãi xỉ lò hơi để lộ thiên cạnh nhà lò"
CAPTION_EN = "Boiler slag heaped in the open beside the boiler house"
REJECTION_VI = "Nhà máy không có công đoạn làm bóng"
REJECTION_EN = "The plant has no mercerising step"
OVERRIDE_VI = "Cơ sở tái chế báo giá 9,0 triệu đồng/t"
OVERRIDE_EN = "The recycler quoted 9.0 million VND/t"


def test_the_english_report_prints_the_english_texts(en):
    for english in (TITLE_EN, ROLE_EN, ORG_EN, DEPT_EN, CAPTION_EN, REJECTION_EN, OVERRIDE_EN):
        assert english in en, english
    for vietnamese in (TITLE_VI, ROLE_VI, ORG_VI, DEPT_VI, CAPTION_VI, REJECTION_VI, OVERRIDE_VI):
        assert vietnamese not in en, vietnamese


def test_the_vietnamese_report_prints_the_vietnamese_texts(vi):
    for vietnamese in (TITLE_VI, ROLE_VI, ORG_VI, DEPT_VI, CAPTION_VI, REJECTION_VI, OVERRIDE_VI):
        assert vietnamese in vi, vietnamese
    for english in (TITLE_EN, ROLE_EN, ORG_EN, DEPT_EN, CAPTION_EN, REJECTION_EN, OVERRIDE_EN):
        assert english not in vi, english


def test_a_missing_english_text_shows_the_vietnamese_marked_untranslated(demo):
    audit = copy.deepcopy(demo)
    audit.info.title_en = ""
    leader = next(m for m in audit.team if m.role.startswith("Trưởng nhóm đánh giá"))
    leader.role_en = ""
    leader.organisation_en = ""
    next(m for m in audit.team if m.department == DEPT_VI).department_en = ""
    next(p for p in audit.photos if p.caption == CAPTION_VI).caption_en = ""
    rejected = next(o for o in audit.options if o.rejection_reason)
    rejected.rejection_reason_en = ""
    priced = next(o for o in audit.options if o.override_reason)
    priced.override_reason_en = ""
    words = _words(audit, "en")
    for vietnamese in (ROLE_VI, CAPTION_VI, DEPT_VI):
        assert f"{vietnamese} {MARK}" in words, vietnamese
    assert f"{TITLE_VI} – Công ty TNHH Dệt nhuộm Lam Hải {MARK}" in words
    # once per item (app.core.untranslated): the leader's role carries the member's mark, the
    # organisation beside it is printed in Vietnamese without a second one
    assert f"{ORG_VI} (VNCPC)" in words and f"{ORG_VI} (VNCPC) {MARK}" not in words
    assert re.search(re.escape(REJECTION_VI) + r".*?" + re.escape(MARK), words)
    assert re.search(re.escape(OVERRIDE_VI) + r".*?" + re.escape(MARK), words)
    for english in (TITLE_EN, ROLE_EN, CAPTION_EN, REJECTION_EN, OVERRIDE_EN):
        assert english not in words, english
    # the Vietnamese report of the same audit is as before
    assert _words(audit, "vi") == _words(demo, "vi")


def test_the_confidential_report_withholds_the_english_texts_as_the_vietnamese(demo):
    words = _words(demo, "en", "confidential")
    assert TITLE_EN not in words and "Lam Hai Textile" not in words
    assert "3.2 billion" not in words and "9.0 million" not in words  # money in free text
    assert CAPTION_EN in words  # nothing to withhold in it


SECTOR_VI = "Hoàn thiện sản phẩm dệt (nhuộm và hoàn tất vải dệt kim)"
SECTOR_EN = "Finishing of textiles (dyeing and finishing of knitted fabric)"


def test_the_sector_name_is_printed_in_the_report_language(demo, en, vi):
    """Cover and enterprise page: "1313 Finishing of textiles …" in English, the Vietnamese in
    Vietnamese; without an English name the Vietnamese marked untranslated (PDF and XLSX)."""
    assert en.count(f"1313 {SECTOR_EN}") == 1  # the cover, beside the VSIC code
    assert en.count(SECTOR_EN) == 2 and SECTOR_VI not in en  # and the enterprise page
    assert vi.count(SECTOR_VI) == 2 and SECTOR_EN not in vi
    audit = copy.deepcopy(demo)
    audit.info.enterprise.sector_name_en = ""
    words = _words(audit, "en")
    assert words.count(f"{SECTOR_VI} {MARK}") == 2 and SECTOR_EN not in words


def test_the_workbook_prints_the_sector_name_in_its_language(demo):
    from openpyxl import load_workbook

    from app.reports.xlsx import write_xlsx

    def cells(audit, lang: str) -> list:
        buf = io.BytesIO()
        write_xlsx(build_snapshot(audit, "full"), lang, buf)
        ws = load_workbook(io.BytesIO(buf.getvalue())).worksheets[0]
        return [c.value for row in ws.iter_rows() for c in row if c.value]

    assert SECTOR_EN in cells(demo, "en") and SECTOR_VI not in cells(demo, "en")
    assert SECTOR_VI in cells(demo, "vi")
    audit = copy.deepcopy(demo)
    audit.info.enterprise.sector_name_en = ""
    assert f"{SECTOR_VI} {MARK}" in cells(audit, "en")
