"""The eco-enterprise readiness section of the full report and the summary (PDF and XLSX, both
languages), opened and read back."""

from __future__ import annotations

import openpyxl
import pytest
from pypdf import PdfReader

from app.core import readiness as rd
from app.core.demo import build_demo_audit
from app.reports.export import export_report

ANSWERS = {"a": rd.Answer(rd.Status.MET, "Xác nhận của Ban quản lý KCN số 12/BQL")}


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def _pdf_pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _section(pages: list[str], title: str) -> str:
    hits = [p for p in pages if title in p and ". . . ." not in p]  # not the contents page
    assert hits, f"no page with {title!r}"
    return hits[0]


@pytest.mark.parametrize(
    ("variant", "lang", "title", "words"),
    [
        ("full", "vi", "Mức sẵn sàng doanh nghiệp sinh thái", ["Đạt một phần", "O-18", "Đạt ("]),
        ("summary", "en", "Eco-enterprise readiness", ["Partly met", "O-18", "Overall: Partly"]),
    ],
)
def test_pdf_section(tmp_path, demo, variant, lang, title, words):
    out = export_report(
        demo, tmp_path / "r.pdf", lang=lang, fmt="pdf", variant=variant, readiness_answers=ANSWERS
    )
    page = _section(_pdf_pages(out), title)
    for word in words:
        assert word in page
    assert "12/BQL" in page  # the auditor's evidence for criterion a
    assert "35/2022" in page


def test_full_pdf_lists_the_section_in_its_contents(tmp_path, demo):
    out = export_report(demo, tmp_path / "r.pdf", lang="en", fmt="pdf")
    pages = _pdf_pages(out)
    assert any("Eco-enterprise readiness" in p and ". . . ." in p for p in pages[:3])
    page = _section(pages, "Eco-enterprise readiness")
    assert "Overall: Unknown" in page  # no auditor answer for a: unknown


@pytest.mark.parametrize(("variant", "lang"), [("full", "vi"), ("summary", "en")])
def test_xlsx_sheet(tmp_path, demo, variant, lang):
    out = export_report(
        demo, tmp_path / "r.xlsx", lang=lang, fmt="xlsx", variant=variant, readiness_answers=ANSWERS
    )
    wb = openpyxl.load_workbook(out)
    name = rd_text("readiness.sheet", lang)
    assert name in wb.sheetnames and wb[name].sheet_state == "visible"
    ws = wb[name]
    rows = {ws.cell(r, 1).value[:2]: r for r in range(2, 5)}
    assert ws.freeze_panes == "A2"
    assert set(rows) == {"a)", "b)", "c)"}
    met, partly = rd_text("readiness.status.met", lang), rd_text("readiness.status.partly", lang)
    assert ws.cell(rows["a)"], 3).value.startswith(met)
    assert "12/BQL" in ws.cell(rows["a)"], 4).value
    assert ws.cell(rows["b)"], 3).value.startswith(partly)
    assert "O-18" in ws.cell(rows["b)"], 4).value
    assert ws.cell(rows["c)"], 3).value.startswith(met)
    assert "O-01" in ws.cell(rows["c)"], 4).value
    overall = rd_text("readiness.status.partly", lang)
    assert any(overall in str(ws.cell(r, 1).value) for r in range(5, 9))


def test_confidential_variant_leaves_the_section_out(tmp_path, demo):
    out = export_report(demo, tmp_path / "r.xlsx", lang="vi", fmt="xlsx", variant="confidential")
    assert rd_text("readiness.sheet", "vi") not in openpyxl.load_workbook(out).sheetnames


def rd_text(key: str, lang: str) -> str:
    from app.core.messages import text

    return text(key, lang)


# --- The self-assessment annex (Vietnamese) ----------------------------------------------------


def test_annex_pdf_and_xlsx_via_the_cli(tmp_path, demo, capsys):
    from app.cli import main
    from app.store.auditfile import AuditFile

    path = tmp_path / "a.recp"
    with AuditFile.create(path, demo) as af:
        af.set_setting(rd.ANSWERS_SETTING, {"a": {"status": "met", "evidence": "Công văn 45/BQL"}})
    assert (
        main(["readiness", str(path), "--annex", str(tmp_path / "annex.pdf"), "--lang", "en"]) == 0
    )
    assert "Self-assessment annex written" in capsys.readouterr().out
    text_ = " ".join(" ".join(_pdf_pages(tmp_path / "annex.pdf")).split())
    assert "BẢN TỰ ĐÁNH GIÁ ĐÁP ỨNG TIÊU CHÍ DOANH NGHIỆP SINH THÁI" in text_
    assert demo.info.enterprise.tax_code in text_
    positions = [text_.index(f"Tiêu chí {c} —") for c in ("a", "b", "c")]
    assert positions == sorted(positions)  # criterion by criterion
    assert "Công văn 45/BQL" in text_ and "O-18" in text_ and "Đạt một phần" in text_
    assert "Bằng chứng cần có" in text_ and "đóng dấu" in text_

    assert main(["readiness", str(path), "--annex", str(tmp_path / "annex.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "annex.xlsx").active
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert any(c.startswith("a) Tuân thủ") for c in cells)
    assert any("Công văn 45/BQL" in c for c in cells)
    assert any(c.startswith("Đạt một phần") for c in cells)
    assert demo.info.enterprise.name in cells


def test_annex_with_a_wrong_suffix_says_so(tmp_path, demo, capsys):
    from app.cli import main
    from app.store.auditfile import AuditFile

    path = tmp_path / "a.recp"
    AuditFile.create(path, demo).close()
    assert main(["readiness", str(path), "--annex", str(tmp_path / "x.docx"), "--lang", "vi"]) == 1
    err = capsys.readouterr().err
    assert "phải có đuôi .pdf hoặc .xlsx" in err and not (tmp_path / "x.docx").exists()
