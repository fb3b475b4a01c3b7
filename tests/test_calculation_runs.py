"""Calculator runs stored with an option: saved and read back from the audit file, and
described in the report language."""

from __future__ import annotations

from app.core.model import CalculationRun
from app.reports.calculations import describe, option_calculations

STEAM = CalculationRun(
    "steam_trap", {"diameter": "0.125 inch", "pressure": "150 psi", "hours": "8760"}
)


def test_describe_in_both_languages():
    en = describe(STEAM, "en")
    assert en.title == "Steam lost through failed traps and leaks"
    assert "Orifice diameter (trap or leak) = 0.125 inch" in en.inputs
    assert any(line == "Steam lost: 33.9 kg/h" for line in en.outputs)
    assert "Steam Tip Sheet #1" in en.source
    vi = describe(STEAM, "vi")
    assert vi.title == "Tổn thất hơi qua bẫy hơi hỏng / chỗ rò"
    assert any(line.startswith("Lưu lượng hơi thất thoát: 33,9") for line in vi.outputs)


def test_bad_stored_input_is_shown_not_raised():
    text = describe(
        CalculationRun("motor_replacement", {"power": "10", "eff_old": "150", "eff_new": "95"}),
        "en",
    )
    assert text.outputs == [] and "Present motor efficiency" in text.error
    assert "nope" in describe(CalculationRun("nope"), "en").error


def test_runs_round_trip_through_the_audit_file(tmp_path):
    from app.core.demo import build_demo_audit
    from app.store.auditfile import AuditFile

    audit = build_demo_audit()
    option = audit.options[0]
    option.calculations = [STEAM, CalculationRun("lighting_retrofit", {"count_old": "10"})]
    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    af = AuditFile.open(path)
    try:
        back = next(o for o in af.load().options if o.id == option.id)
    finally:
        af.close()
    assert back.calculations == option.calculations
    assert [c.title for c in option_calculations(back, "en")][
        0
    ] == "Steam lost through failed traps and leaks"


def test_pdf_option_detail_shows_the_calculation_in_the_report_language():
    import io
    import re

    from pypdf import PdfReader

    from app.reports.pdf import write_pdf
    from app.reports.snapshot import build_snapshot
    from tests.sample_report import build_audit

    audit = build_audit()
    audit.options[0].calculations = [STEAM]

    def pdf(lang, variant="full"):
        buf = io.BytesIO()
        write_pdf(build_snapshot(audit, variant), lang, buf)
        text = " ".join(
            (page.extract_text() or "") for page in PdfReader(io.BytesIO(buf.getvalue())).pages
        )
        return re.sub(r"\s+", " ", text)

    en = pdf("en")
    assert "How the savings were calculated" in en
    assert "Steam lost: 33.9 kg/h" in en and "Steam Tip Sheet #1" in en
    vi = pdf("vi")
    assert "Cách tính khoản tiết kiệm" in vi and "Lưu lượng hơi thất thoát: 33,9 kg/h" in vi
    assert "Tiền tiết kiệm" in vi
    confidential = pdf("vi", "confidential")
    assert (
        "Lưu lượng hơi thất thoát" in confidential
        and "Tiền tiết kiệm (VND/năm)" not in confidential
    )


def test_xlsx_lists_each_calculation_with_inputs_results_and_source_in_the_language():
    import io

    from openpyxl import load_workbook

    from app.reports.snapshot import build_snapshot
    from app.reports.xlsx import write_xlsx
    from tests.sample_report import build_audit

    audit = build_audit()
    priced = CalculationRun(STEAM.calculator, {**STEAM.inputs, "fuel_price": "3250.5"})
    audit.options[0].calculations = [priced]

    def sheet(lang, variant="full"):
        buf = io.BytesIO()
        write_xlsx(build_snapshot(audit, variant), lang, buf)
        wb = load_workbook(io.BytesIO(buf.getvalue()))
        names = [n for n in wb.sheetnames if n in ("Savings calculations", "Tính toán tiết kiệm")]
        return [[c.value for c in row] for row in wb[names[0]].iter_rows()] if names else None

    en = sheet("en")
    assert en[0][:2] == ["Code", "Calculator"] or en[0][1] == "Calculator"
    code, name, inputs, results, source = en[1][:5]
    assert code == (audit.options[0].code or audit.options[0].id[:8])
    assert name == "Steam lost through failed traps and leaks"
    assert "Steam lost: 33.9 kg/h" in results and "Steam Tip Sheet #1" in source
    assert "Operating hours per year = 8,760 h" in inputs and "0.125 inch" in inputs
    vi = sheet("vi")
    assert "Lưu lượng hơi thất thoát: 33,9 kg/h" in vi[1][3]
    assert "Số giờ vận hành mỗi năm = 8.760 h" in vi[1][2]  # Vietnamese number marks
    assert "Giá nhiên liệu (VND/kg) = 3.250" in vi[1][2]
    assert "Tiền tiết kiệm" in vi[1][3]
    confidential = sheet("vi", "confidential")
    assert "Tiền tiết kiệm" not in confidential[1][3]  # no money in the confidential variant
    assert "Giá nhiên liệu" not in confidential[1][2] and "Số giờ" in confidential[1][2]
    assert sheet("vi", "summary") is None  # management's summary workbook has no such sheet
    audit.options[0].calculations = []
    assert sheet("en") is None  # no runs, no empty sheet
