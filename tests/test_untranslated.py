"""What an English report shows untranslated (app.core.untranslated): once per item, the same in
the PDF and the workbook, and the list the auditor sees agrees with the marks in the PDF."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from pypdf import PdfReader

from app.core import untranslated as ut
from app.core.demo import build_demo_audit
from app.core.model import Screening
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot
from app.reports.xlsx import write_xlsx

MARK = "(untranslated)"


def pdf_words(audit, lang="en", variant="full") -> str:
    buf = io.BytesIO()
    write_pdf(build_snapshot(audit, variant), lang, buf)
    pages = PdfReader(io.BytesIO(buf.getvalue())).pages
    return " ".join(" ".join((p.extract_text() or "") for p in pages).split())


def xlsx_cells(audit, lang="en", variant="full") -> list[str]:
    buf = io.BytesIO()
    write_xlsx(build_snapshot(audit, variant), lang, buf)
    wb = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    return [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]


def half_translated():
    """The demo with its 15 findings left in Vietnamese only and more untranslated: the
    rejected O-17's reason, O-19's reason for the auditor's value, a consultant's role and
    organisation, the first photo's caption and the audit title."""
    audit = build_demo_audit()
    for f in audit.findings:
        f.title_en = f.note_en = ""
    by_code = {o.code: o for o in audit.options}
    by_code["O-17"].rejection_reason_en = ""
    by_code["O-19"].override_reason_en = ""
    consultant = next(m for m in audit.team if "VNCPC" in m.organisation)
    consultant.role_en = consultant.organisation_en = ""
    audit.photos[0].caption_en = ""
    audit.info.title_en = ""
    return audit


@pytest.fixture(scope="module")
def demo():
    return half_translated()


@pytest.fixture(scope="module")
def demo_en(demo):
    return pdf_words(demo)


def test_the_list_counts_every_untranslated_item_once(demo):
    assert ut.untranslated(build_demo_audit()) == []  # the demo is translated throughout
    items = ut.untranslated(demo)
    assert [i.kind for i in items] == ["audit", "member"] + ["finding"] * 15 + ["photo"] + [
        "option"
    ] * 2
    assert all(i.fields == ("title", "note") and i.screen == "walkthrough" for i in items[2:17])
    assert items[1].fields == ("role", "organisation") and items[1].screen == "enterprise"
    o17, o19 = items[-2:]
    assert (o17.code, o17.fields, o17.screen) == ("O-17", ("rejection_reason",), "options")
    assert o17.text.startswith("Nhà máy không có công đoạn làm bóng")
    assert (o19.code, o19.fields) == ("O-19", ("override_reason",))
    assert items[17].parent_id == demo.photos[0].finding_id
    # the summary prints stream names, option titles and the audit title; the confidential
    # variant withholds the title and money (O-19's reason goes with its figure)
    assert [i.kind for i in ut.untranslated(demo, "summary")] == ["audit"]
    conf = ut.untranslated(demo, "confidential")
    assert [i.kind for i in conf] == ["member"] + ["finding"] * 15 + ["photo", "option"]


@pytest.mark.parametrize("variant", ["full", "confidential", "summary"])
def test_the_list_matches_the_marks_of_the_english_pdf(demo, demo_en, variant):
    words = demo_en if variant == "full" else pdf_words(demo, "en", variant)
    items = ut.untranslated(demo, variant)
    texts = [" ".join(i.text.split()) for i in items]
    if variant == "confidential":  # money in free text is withheld: O-17's investment
        texts = [t.replace("3,2 tỷ đồng", "[…]") for t in texts]
    for item, text in zip(items, texts, strict=True):  # each item's mark after its text ...
        assert f"{text} {MARK}" in words, item
    # ... and no other mark: every mark in the text follows one of the listed texts
    marks = [m.start() for m in re.finditer(re.escape(MARK), words)]
    assert marks and all(any(words[:at].rstrip().endswith(t) for t in texts) for at in marks)
    # the second untranslated field of an item is printed without a mark of its own
    for f in demo.findings:
        assert f"{' '.join(f.note.split())} {MARK}" not in words
    consultant = next(m for m in demo.team if "VNCPC" in m.organisation)
    assert f"{consultant.organisation} {MARK}" not in words


def test_rejection_reason_in_vietnamese_is_marked_in_english_only(demo, demo_en):
    o17 = next(o for o in demo.options if o.code == "O-17")
    assert o17.screening == Screening.REJECTED and o17.title_en and o17.description_en
    assert not o17.rejection_reason_en
    reason = " ".join(o17.rejection_reason.split())
    assert f"{reason} {MARK}" in demo_en
    vi = pdf_words(demo, "vi")
    assert reason in vi and "(chưa dịch)" not in vi


def test_an_option_in_vietnamese_only_is_marked_once_in_pdf_and_xlsx(demo):
    audit = build_demo_audit()
    o = next(o for o in audit.options if o.code == "O-05")
    o.title_en = o.description_en = ""
    items = [i for i in ut.untranslated(audit) if i.code == "O-05"]
    assert [(i.kind, i.fields) for i in items] == [("option", ("title_vi", "description_vi"))]
    words = pdf_words(audit)
    title, desc = (" ".join(x.split()) for x in (o.title_vi, o.description_vi))
    assert f"{title} {MARK}" in words  # the title carries the option's mark ...
    assert desc in words and f"{desc} {MARK}" not in words  # ... not the description too
    cells = xlsx_cells(audit)
    marked = [c for c in cells if c.endswith(MARK)]
    assert marked and all(c == f"{o.title_vi} {MARK}" for c in marked)
    assert not any(c.startswith(o.description_vi[:30]) and MARK in c for c in cells)


def test_the_mark_moves_to_the_next_field_when_the_first_is_translated():
    audit = build_demo_audit()
    o = next(o for o in audit.options if o.code == "O-05")
    o.description_en = ""
    [item] = [i for i in ut.untranslated(audit) if i.code == "O-05"]
    assert item.fields == ("description_vi",)
    words = pdf_words(audit)
    assert f"{' '.join(o.description_vi.split())} {MARK}" in words
    assert f"{o.title_en} {MARK}" not in words
    # the summary does not print descriptions: nothing to translate there for O-05
    assert not [i for i in ut.untranslated(audit, "summary") if i.code == "O-05"]


def test_a_field_the_model_lacks_reads_as_empty_english():
    class Thing:  # an object of a kind without the English attribute (yet)
        title_vi = "Quá đắt"

    assert ut.texts(Thing(), "option", "title_vi") == ("Quá đắt", "")
    assert ut.is_missing("Quá đắt", "  ") and not ut.is_missing("  ", "")


def test_every_pair_names_a_kind_and_each_field_once():
    assert {p.kind for p in ut.PAIRS} == set(ut.KINDS)
    keys = [(p.kind, p.vi) for p in ut.PAIRS]
    assert len(keys) == len(set(keys))
    with pytest.raises(ValueError):
        ut.untranslated(build_demo_audit(), "draft")


def test_narrative_written_only_in_vietnamese_is_listed_and_marked():
    audit = build_demo_audit()
    audit.info.narrative = {"focus": {"vi": "Trọng tâm là lò hơi.", "en": ""}}
    [item] = [i for i in ut.untranslated(audit) if i.kind == "narrative"]
    assert (item.id, item.screen, item.text) == ("focus", "narrative", "Trọng tâm là lò hơi.")
    assert f"Trọng tâm là lò hơi. {MARK}" in pdf_words(audit)


def test_a_sector_name_without_english_is_listed_and_marked_once_on_the_cover():
    audit = build_demo_audit()
    audit.info.enterprise.sector_name_en = ""
    (item,) = ut.untranslated(audit)
    assert (item.kind, item.fields, item.screen) == ("enterprise", ("sector_name",), "enterprise")
    assert [i.kind for i in ut.untranslated(audit, "summary")] == ["enterprise"]  # the cover
    assert ut.untranslated(audit, "confidential") == []  # only the 2-digit division is printed
    words = pdf_words(audit)
    name = " ".join(audit.info.enterprise.sector_name.split())
    assert f"{name} {MARK}" in words
