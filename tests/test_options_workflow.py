"""Issue 24: status, screening and rejection reason change together or not at all; an option
with no money entered is "not assessed", never the best payback of the audit.

Core rules first, then the option editor driven by keys and clicks (in Vietnamese, the message
saying why a change is refused sits next to the status control and names fields by label),
then the report rows and ``python -m app options``.
"""

from __future__ import annotations

import copy
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core import options as opt
from app.core.finance import option_finance
from app.core.model import Option, OptionSaving, OptionStatus, Screening
from app.reports.rows import Text2
from tests.test_options_synthetic import synthetic_audit
from tests.ui_helpers import reload

TODAY = date.today()


# ---------------------------------------------------------------------------------------------
# Core: the workflow rule


def test_a_refused_rejection_changes_nothing():
    option = Option(title_vi="Thu hồi nước ngưng")
    before = copy.deepcopy(option)
    new, problems = opt.change_status(
        option, OptionStatus.SCREENED, TODAY, screening=Screening.REJECTED, rejection_reason=""
    )
    assert new is option and option == before
    assert option.status == OptionStatus.IDENTIFIED and option.screening is None
    assert any(p.key == "options.rejected_without_reason" for p in problems)
    assert any(p.location.field == "rejection_reason" for p in problems)


def test_rejected_is_a_status_choice_that_sets_status_screening_and_reason_together():
    assert opt.REJECTED_CHOICE in opt.STATUS_CHOICES
    option = Option(title_vi="Lắp biến tần")
    refused, problems = opt.change_status(option, opt.REJECTED_CHOICE, TODAY)
    assert refused is option and problems
    new, _ = opt.change_status(option, opt.REJECTED_CHOICE, TODAY, rejection_reason="Quá đắt")
    assert new.status == OptionStatus.SCREENED
    assert new.screening == Screening.REJECTED and new.rejection_reason == "Quá đắt"
    assert opt.is_rejected(new)


def test_changing_back_from_rejected_clears_the_reason():
    option, _ = opt.change_status(
        Option(title_vi="x"), opt.REJECTED_CHOICE, TODAY, rejection_reason="Quá đắt"
    )
    back, _ = opt.change_status(
        option, OptionStatus.SCREENED, TODAY, screening=Screening.FURTHER_STUDY
    )
    assert back.screening == Screening.FURTHER_STUDY and back.rejection_reason == ""
    again, _ = opt.change_status(option, OptionStatus.IDENTIFIED, TODAY)
    assert again.screening is None and again.rejection_reason == ""
    # the same rule for any edit of the option (the editor, the store)
    odd = copy.deepcopy(option)
    odd.screening = Screening.IMPLEMENT_DIRECTLY
    assert opt.settle_workflow(odd).rejection_reason == ""


def test_rejected_while_identified_is_an_error():
    option = Option(title_vi="x", screening=Screening.REJECTED, rejection_reason="r")
    assert any(p.key == "options.rejected_not_screened" for p in opt.status_problems(option))


def test_the_store_never_writes_a_reason_under_an_option_that_is_not_rejected(tmp_path):
    from app.store.auditfile import AuditFile

    audit = synthetic_audit(3, seed=2)
    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    option = copy.deepcopy(audit.options[0])
    option.status, option.screening = OptionStatus.SCREENED, Screening.FURTHER_STUDY
    option.rejection_reason = "left over"
    af = AuditFile.open(path)
    try:
        af.put(option)
    finally:
        af.close()
    saved = {o.id: o for o in reload(path).options}[option.id]
    assert saved.screening == Screening.FURTHER_STUDY and saved.rejection_reason == ""


# ---------------------------------------------------------------------------------------------
# Core: no money is "not assessed"


def _audit_with_an_empty_option():
    audit = synthetic_audit(6, seed=5)
    for o in audit.options:  # every other option is a candidate with real figures
        o.status, o.screening, o.rejection_reason = (
            OptionStatus.SCREENED,
            Screening.FURTHER_STUDY,
            "",
        )
    empty = Option(
        title_vi="Chưa có số liệu",
        code="O-99",
        savings=[OptionSaving(audit.streams[0].id, 0.0)],
        scores={"technical": 5.0, "environmental": 5.0},
    )
    audit.options.append(empty)
    return audit, empty


def test_an_option_without_money_has_no_payback_and_ranks_last():
    audit, empty = _audit_with_an_empty_option()
    fin = option_finance(empty, audit)
    assert not fin.assessed
    assert fin.payback_years is None and fin.discounted_payback_years is None
    ranked = opt.rank_options(audit)
    assert ranked[-1].option.id == empty.id and not ranked[-1].assessed
    assert all(r.assessed for r in ranked[:-1])
    # a no-cost option with a real saving is assessed and still pays back at once
    free = copy.deepcopy(empty)
    free.savings = [OptionSaving(audit.streams[0].id, 1000.0)]
    fin = option_finance(free, audit)
    assert fin.assessed and fin.payback_years == 0.0


# ---------------------------------------------------------------------------------------------
# The option editor, by keys and clicks, in Vietnamese


@pytest.fixture
def vi_screen(tmp_path, qtbot):
    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext
    from app.ui.screens.options import OptionsScreen
    from app.ui.translations import Translations

    translations = Translations(QApplication.instance())
    translations.set_language("vi")
    path = tmp_path / "opts.recp"
    AuditFile.create(path, synthetic_audit(12, seed=11)).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang="vi")
    widget = OptionsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget
    af.close()
    translations.set_language("en")


def _choose(qtbot, combo, data: str) -> None:
    """Pick the item with ``data`` by keyboard (Home, then Down), as a user would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentData() == data


def _saved(ctx, option_id):
    return {o.id: o for o in reload(ctx.path).options}[option_id]


def test_editor_refused_rejection_saves_nothing_and_says_why_next_to_the_control(vi_screen, qtbot):
    ctx = vi_screen.context
    target = next(o for o in ctx.audit.options if o.status == OptionStatus.IDENTIFIED)
    vi_screen.select_option(target.id)
    ed = vi_screen.editor
    _choose(qtbot, ed.f_screening, Screening.REJECTED.value)
    assert ed.f_rejection.isVisible()  # the reason is asked for while rejecting
    _choose(qtbot, ed.new_status, OptionStatus.SCREENED.value)
    qtbot.mouseClick(ed.btn_status, Qt.LeftButton)
    saved = _saved(ctx, target.id)
    assert saved.status == OptionStatus.IDENTIFIED
    assert saved.screening is None and saved.rejection_reason == ""
    assert not opt.is_rejected(ctx.current(target))
    message = ed.status_message.text()
    assert ed.status_message.isVisible()
    assert "Lý do loại bỏ" in message and "phải có lý do" in message  # label + Vietnamese
    assert "rejection_reason" not in message and "option " not in message  # no raw keys
    # the message sits in the status box, just under the "Move to" row
    form = ed._status_form
    row_move, _ = form.getWidgetPosition(ed.labels["change_status"])
    row_msg, _ = form.getWidgetPosition(ed.status_message)
    assert row_msg == row_move + 1


def test_editor_rejects_with_a_reason_and_clears_it_when_changed_back(vi_screen, qtbot):
    ctx = vi_screen.context
    target = next(o for o in ctx.audit.options if o.status == OptionStatus.IDENTIFIED)
    vi_screen.select_option(target.id)
    ed = vi_screen.editor
    labels = [ed.new_status.itemText(i) for i in range(ed.new_status.count())]
    assert "Loại bỏ" in labels  # rejection is one of the status choices
    _choose(qtbot, ed.new_status, opt.REJECTED_CHOICE)
    assert ed.f_rejection.isVisible()
    ed.f_rejection.setFocus()
    qtbot.keyClicks(ed.f_rejection, "Chi phi qua lon")
    qtbot.mouseClick(ed.btn_status, Qt.LeftButton)
    saved = _saved(ctx, target.id)
    assert saved.status == OptionStatus.SCREENED
    assert saved.screening == Screening.REJECTED and saved.rejection_reason == "Chi phi qua lon"
    assert not ed.status_message.isVisible()
    # change back: the reason goes with the rejection
    _choose(qtbot, ed.f_screening, Screening.FURTHER_STUDY.value)
    saved = _saved(ctx, target.id)
    assert saved.screening == Screening.FURTHER_STUDY and saved.rejection_reason == ""
    assert saved.status == OptionStatus.SCREENED
    assert not ed.f_rejection.isVisible()
    # and no report prints a reason under it
    from app.reports.snapshot import build_snapshot

    rows = {r.id: r for r in build_snapshot(reload(ctx.path)).options}
    assert rows[target.id].rejection_reason == Text2() and not rows[target.id].rejected


def test_editor_refuses_rejecting_a_feasible_option_from_the_screening_box(vi_screen, qtbot):
    ctx = vi_screen.context
    target = next(o for o in ctx.audit.options if o.status == OptionStatus.FEASIBLE)
    vi_screen.select_option(target.id)
    ed = vi_screen.editor
    before = _saved(ctx, target.id)
    _choose(qtbot, ed.f_screening, Screening.REJECTED.value)
    after = _saved(ctx, target.id)
    assert (after.status, after.screening, after.rejection_reason) == (
        before.status,
        before.screening,
        before.rejection_reason,
    )
    assert ed.status_message.isVisible() and "Chuyển sang" in ed.status_message.text()


# ---------------------------------------------------------------------------------------------
# Reports and the command line: an option with no money is "not assessed", not ranked first


@pytest.fixture
def empty_option_file(tmp_path):
    from app.store.auditfile import AuditFile

    audit, empty = _audit_with_an_empty_option()
    path = tmp_path / "empty.recp"
    AuditFile.create(path, audit).close()
    return path, empty


@pytest.mark.parametrize(("lang", "words"), [("en", "not assessed"), ("vi", "chưa đánh giá")])
def test_cli_options_says_not_assessed_and_ranks_it_last(empty_option_file, capsys, lang, words):
    import json

    from app import cli

    path, empty = empty_option_file
    assert cli.main(["--lang", lang, "options", str(path)]) == 0
    out = capsys.readouterr().out
    table = [line.split() for line in out.splitlines() if line.strip()[:1].isdigit()]
    ranked_codes = [cells[1] for cells in table if len(cells) > 2 and cells[1].startswith("O-")]
    assert ranked_codes[-1] == "O-99" and ranked_codes[0] != "O-99"
    last = next(line for line in out.splitlines() if " O-99 " in line)
    assert words in last
    assert cli.main(["--lang", lang, "options", "--json", str(path)]) == 0
    ranked = json.loads(capsys.readouterr().out)["ranked"]
    assert ranked[-1]["code"] == "O-99" and ranked[-1]["assessed"] is False
    assert ranked[-1]["payback_years"] is None
    assert all(r["assessed"] for r in ranked[:-1])


@pytest.mark.parametrize(("lang", "words"), [("en", "not assessed"), ("vi", "chưa đánh giá")])
def test_reports_say_not_assessed_and_do_not_rank_it_first(empty_option_file, lang, words):
    import io

    import openpyxl
    from pypdf import PdfReader

    from app.reports.pdf import write_pdf
    from app.reports.snapshot import build_snapshot
    from app.reports.xlsx import write_xlsx

    path, empty = empty_option_file
    audit = reload(path)
    snap = build_snapshot(audit)
    row = next(o for o in snap.options if o.code == "O-99")
    assert not row.assessed and row.payback is None
    ranking = snap.decision.ranking
    assert ranking[0].code != "O-99" and ranking[-1].code == "O-99"
    assert not ranking[-1].assessed
    buf = io.BytesIO()
    write_pdf(snap, lang, buf)
    pdf = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    assert words in " ".join(pdf.split())
    xbuf = io.BytesIO()
    write_xlsx(snap, lang, xbuf)
    ws = openpyxl.load_workbook(io.BytesIO(xbuf.getvalue()))
    cells = [
        str(c.value)
        for sheet in ws.worksheets
        for line in sheet.iter_rows()
        for c in line
        if c.value is not None
    ]
    assert any(f'"{words}"' in c for c in cells)  # the payback formula's answer without money


def test_a_new_option_shows_not_assessed_on_screen_and_ranks_last(vi_screen, qtbot):
    from app.ui.screens.options.model import COLUMN

    qtbot.mouseClick(vi_screen.btn_new, Qt.LeftButton)
    ed = vi_screen.editor
    new = ed.option
    assert new is not None and ed.figures["payback"].text() == "chưa đánh giá"
    rows = [
        vi_screen.proxy.index(r, 0).data(Qt.UserRole + 2) for r in range(vi_screen.proxy.rowCount())
    ]
    row = next(r for r, o in enumerate(rows) if o.id == new.id)
    assert vi_screen.proxy.index(row, COLUMN["payback"]).data() == "chưa đánh giá"
    vi_screen.tabs.setCurrentIndex(1)
    last = vi_screen.ranked.rowCount() - 1
    assert vi_screen.ranked.item(last, 0).data(Qt.UserRole) == new.id
    assert "chưa đánh giá" in [
        vi_screen.ranked.item(last, c).text() for c in range(vi_screen.ranked.columnCount())
    ]
