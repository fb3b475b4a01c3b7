"""Report pages that misled or crashed (issue 18): totals that leave rejected options out say
so; any text a user can type exports; a layout failure is one translated line."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from pypdf import PdfReader

from app.core.errors import UserError
from app.core.messages import render
from app.core.model import Screening
from app.reports.export import export_report
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot
from app.reports.xlsx import write_xlsx
from tests.sample_report import build_audit


def _reject(option, reason: str) -> None:
    from app.core.model import OptionStatus

    option.status, option.screening, option.rejection_reason = (
        OptionStatus.SCREENED,
        Screening.REJECTED,
        reason,
    )


def pdf_text(audit, lang, variant="full") -> str:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant), lang, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


@pytest.fixture(scope="module")
def with_rejected():
    a = build_audit()
    a.options[1].screening = Screening.REJECTED
    a.options[1].rejection_reason = "Không đủ vốn"
    return a


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Total (leaves out 1 rejected option: O-02)"),
        ("vi", "Tổng cộng (không tính 1 cơ hội bị loại: O-02)"),
    ],
)
def test_totals_row_says_it_leaves_out_the_rejected_option(with_rejected, lang, words):
    assert words in pdf_text(with_rejected, lang)
    buf = io.BytesIO()
    write_xlsx(build_snapshot(with_rejected, "full"), lang, buf)
    wb = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    labels = [c.value for ws in wb for row in ws.iter_rows() for c in row[:1]]
    assert words in labels


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Total (leaves out 1 rejected option: O-02)"),
        ("vi", "Tổng cộng (không tính 1 cơ hội bị loại: O-02)"),
    ],
)
def test_the_totals_label_reads_on_one_line_across_the_table(with_rejected, lang, words):
    """The label spans the finance table's width on a row above the totals (in the 1.6 cm code
    column it took five lines); the figures follow on the next line, the label not among them."""
    buf = io.BytesIO()
    write_pdf(build_snapshot(with_rejected, "full"), lang, buf)
    lines = [
        line.strip()
        for page in PdfReader(io.BytesIO(buf.getvalue())).pages
        for line in (page.extract_text() or "").splitlines()
    ]
    assert words in lines
    after = lines[lines.index(words) + 1]
    assert re.fullmatch(r"[\d.,\s–%> ]+", after), after  # the totals' figures, no label


def test_totals_row_is_plain_when_nothing_is_rejected():
    text = pdf_text(build_audit(), "en")
    assert "leaves out" not in text


LONG = ("Giải pháp rất dài cho công đoạn nhuộm " * 80)[:2500]


@pytest.mark.parametrize(
    "edit",
    [
        lambda a: setattr(a.options[0], "title_vi", LONG),  # the 2,500-character title
        lambda a: setattr(a.options[0], "title_vi", "x" * 4000),  # one word longer than a page
        # (printed under a rejected option only: options.settle_workflow)
        lambda a: _reject(a.options[2], "lý do " * 1500),
        lambda a: setattr(a.options[3], "responsible", "Ông Nguyễn Văn A " * 300),
        # a finding's title is a paragraph, which runs on over the pages: nothing cut
        pytest.param(lambda a: setattr(a.findings[0], "title", "y" * 6000), id="finding"),
        lambda a: setattr(a.info.enterprise, "address", "Đường " * 2000),
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_any_text_a_user_can_type_exports(tmp_path, edit, lang):
    a = build_audit()
    edit(a)
    out = export_report(a, tmp_path / "r.pdf", lang=lang, fmt="pdf")
    text = pdf_text(a, lang)
    assert out.exists()
    cut = "cut short in the report" if lang == "en" else "đã cắt bớt trong báo cáo"
    if a.findings[0].title.startswith("yyy"):
        assert text.count("y" * 40) > 100  # all of it, over several pages
    else:
        assert cut in text  # a table cell is shortened, and the reader is told


def test_a_layout_failure_is_one_translated_line(tmp_path, monkeypatch):
    from reportlab.platypus.doctemplate import LayoutError

    import app.reports.pdf as pdf

    def broken(*args, **kw):
        raise LayoutError("Flowable <Table@0x1 9 rows x 7 cols> with cell(0,0) too large")

    monkeypatch.setattr(pdf, "write_pdf", broken)
    target = tmp_path / "r.pdf"
    with pytest.raises(UserError) as err:
        export_report(build_audit(), target, lang="vi", fmt="pdf")
    message = render(err.value.problem, "vi")
    assert "Không dàn trang được báo cáo" in message and "\n" not in message
    assert "Traceback" not in message
    assert not target.exists()
