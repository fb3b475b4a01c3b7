"""The confidential variant redacts every free text in both languages: the demo's park, the
enterprise's name and the team's names appear nowhere in its PDF or workbook, vi or en, even
where the auditor wrote them into roles, step and stream names, notes or reasons."""

from __future__ import annotations

import copy
import io

import openpyxl
import pytest
from pypdf import PdfReader

from app.core.demo import build_demo_audit
from app.core.folding import without_marks
from app.core.model import ReferenceOverride, ResourceStream, StreamKind
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot
from app.reports.xlsx import write_xlsx


def folded(text: str) -> str:
    return " ".join(without_marks(text).casefold().split())


def leaky_demo():
    """The demo with identity written into free texts the auditor types."""
    audit = build_demo_audit()
    consultant = next(m for m in audit.team if "VNCPC" in m.organisation)
    consultant.role += ", phụ trách Lam Hải tại KCN Đình Vũ"
    consultant.role_en += ", in charge of Lam Hai in Dinh Vu park"
    dyeing = next(s for s in audit.steps if s.name_vi == "Nhuộm")
    dyeing.name_vi, dyeing.name_en = "Nhuộm (xưởng Lam Hải)", "Dyeing (Lam Hai mill)"
    audit.findings[0].note_en = "Counted with Tran Minh Duc on 5 March in Dinh Vu park."
    audit.overrides = [ReferenceOverride("grid_ef", 0.7, "Số liệu EVN cho KCN Đình Vũ")]
    audit.streams.append(
        ResourceStream(
            name_vi="Nước giếng KCN Đình Vũ",
            name_en="Well water, Dinh Vu park",
            kind=StreamKind.WATER,
            unit="m³",
        )
    )  # no records: the report lists it among the gaps, by name
    o17 = next(o for o in audit.options if o.code == "O-17")
    o17.rejection_reason += " Ý kiến của ThS. Nguyễn Thị Thu Hà (VNCPC)."
    return audit


def forbidden(audit) -> list[str]:
    ent = audit.info.enterprise
    names = [m.name for m in audit.team]
    # every name with its title, without it, and the last two words (how people are cited)
    names += [" ".join(n.split()[1:]) for n in names if n.split()[0].endswith(".")]
    return [
        ent.name,
        "Lam Hải",
        ent.industrial_park,
        "Đình Vũ",
        *names,
    ]


def pdf_text(audit, lang: str) -> str:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, "confidential"), lang, buf)
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(buf.getvalue())).pages)


def xlsx_text(audit, lang: str) -> str:
    buf = io.BytesIO()
    write_xlsx(build_snapshot(audit, "confidential"), lang, buf)
    wb = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    return " ".join(
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value
    )


@pytest.fixture(scope="module")
def audit():
    return leaky_demo()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("writer", [pdf_text, xlsx_text], ids=["pdf", "xlsx"])
def test_no_park_enterprise_or_team_name_in_the_confidential_report(audit, lang, writer):
    text = folded(writer(audit, lang))
    for word in forbidden(audit):
        assert folded(word) not in text, (lang, word)
    assert "dinh vu" not in text and "lam hai" not in text


def test_the_full_report_still_prints_them(audit):
    """The same texts are in the full report: the test above checks what it should."""
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, "full"), "en", buf)
    text = folded(" ".join(p.extract_text() or "" for p in PdfReader(buf).pages))
    assert "dinh vu park" in text and "lam hai mill" in text and "tran minh duc" in text


def test_redaction_keeps_the_texts_around_the_names(audit):
    snap = build_snapshot(copy.deepcopy(audit), "confidential")
    consultant = next(m for m in snap.team if "VNCPC" in m.organisation.vi)
    assert consultant.name == "" and consultant.role.vi.endswith("phụ trách […] tại […]")
    assert consultant.role.en.endswith("in charge of […] in […] park")
    step = next(s for s in snap.steps if s.name.vi.startswith("Nhuộm"))
    assert (step.name.vi, step.name.en) == ("Nhuộm (xưởng […])", "Dyeing ([…] mill)")
    assert snap.findings[0].note.en == "Counted with […] on 5 March in […] park."
    assert [r.override_reason for r in snap.references if r.key == "grid_ef"] == [
        "Số liệu EVN cho […]"
    ]
