"""Options screen round 2: lazy figures at open, an editor that never scrolls sideways,
undoable weights (checked in the file itself), empty log and empty charts."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core import options as opt
from app.core.model import Audit, Finding, OptionStatus, Screening
from app.ui.context import AuditContext
from app.ui.screens.options.model import COLUMN, OPTION_ROLE
from tests.test_options_synthetic import synthetic_audit
from tests.ui_helpers import ensure_qm, reload


def _open(tmp_path, qtbot, audit: Audit, lang: str = "en"):
    from app.store.auditfile import AuditFile
    from app.ui.screens.options import OptionsScreen

    path = tmp_path / f"opts{len(list(tmp_path.glob('*.recp')))}.recp"
    AuditFile.create(path, audit).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang=lang)
    screen = OptionsScreen(ctx)
    qtbot.addWidget(screen)
    return screen, af


@pytest.fixture
def opened(tmp_path, qtbot):
    made = []

    def make(audit: Audit, lang: str = "en"):
        screen, af = _open(tmp_path, qtbot, audit, lang)
        made.append(af)
        return screen

    yield make
    for af in made:
        af.close()


def stored_setting(path: str, key: str):
    """The setting as written in the file (read with sqlite3, not through the app)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


# --------------------------------------------------------------------------- lazy figures
def test_lazy_analysis_gives_the_same_figures_and_totals_as_computing_everything():
    audit = synthetic_audit(60, seed=3)
    analysis = opt.OptionsAnalysis(audit)
    assert analysis._finances == {}  # nothing computed up front
    one = analysis.finance(audit.options[5])
    assert set(analysis._finances) == {audit.options[5].id}
    eager = opt.option_finances(audit)
    assert one == eager[audit.options[5].id]
    assert opt.totals_as_dict(analysis.totals()) == opt.totals_as_dict(
        opt.option_totals(audit, eager)
    )
    for option in audit.options:
        lazy = analysis.finances[option.id]
        assert lazy.npv_vnd == pytest.approx(eager[option.id].npv_vnd)
        if eager[option.id].irr is None:
            assert lazy.irr is None
        else:
            assert lazy.irr == pytest.approx(eager[option.id].irr, rel=1e-6)


def test_open_computes_only_painted_rows_then_summary_follows(opened, qtbot):
    screen = opened(synthetic_audit(300, seed=5))
    screen.resize(1366, 768)
    screen.show()
    screen.grab()
    computed = len(screen.analysis._finances)
    assert 0 < computed < 60  # the visible rows, not all 300
    qtbot.waitUntil(lambda: "300 options" in screen.summary.text())
    totals = opt.option_totals(screen.context.audit)
    saving = screen.context.format_number(totals.proposed.annual_saving_vnd)
    assert saving in screen.summary.text()


def test_sort_by_a_figure_column_completes_the_figures_and_orders_by_them(opened):
    screen = opened(synthetic_audit(80, seed=9))
    screen.table.sortByColumn(COLUMN["npv"], Qt.DescendingOrder)
    fins = opt.option_finances(screen.context.audit)
    shown = [screen.proxy.index(r, 0).data(OPTION_ROLE).id for r in range(80)]
    npvs = [fins[i].npv_vnd for i in shown]
    assert npvs == sorted(npvs, reverse=True)
    # A reset (e.g. a price changed) keeps the chosen order.
    screen.model.reset()
    again = [screen.proxy.index(r, 0).data(OPTION_ROLE).id for r in range(80)]
    assert again == shown


# --------------------------------------------------------------------------- editor width
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_editor_fits_without_sideways_scrolling(opened, qtbot, lang):
    ensure_qm()
    from app.ui.translations import Translations

    translations = Translations(QApplication.instance())
    translations.set_language(lang)
    try:
        screen = opened(synthetic_audit(30, seed=2), lang)
        screen.retranslate()
        # The screen's share of a 1366x768 window (the navigation takes ~270 px).
        screen.resize(1090, 700)
        screen.show()
        qtbot.waitExposed(screen)
        target = next(o for o in screen.context.audit.options if o.status == OptionStatus.VERIFIED)
        screen.select_option(target.id)
        editor = screen.editor
        assert editor.horizontalScrollBarPolicy() == Qt.ScrollBarAlwaysOff
        for width, columns in ((1090, 2), (640, 1)):
            screen.resize(width, 700)
            QApplication.processEvents()
            assert editor._columns == columns
            # Nothing is cut off: the form's minimum fits the visible width.
            assert editor.widget().minimumSizeHint().width() <= editor.viewport().width()
            assert editor.widget().width() <= editor.viewport().width()
    finally:
        translations.set_language("en")


# --------------------------------------------------------------------------- weights
def test_weight_change_is_one_undoable_step_on_disk(opened):
    screen = opened(synthetic_audit(40, seed=11))
    ctx = screen.context
    assert stored_setting(ctx.path, opt.WEIGHTS_SETTING) is None
    screen.tabs.setCurrentIndex(1)
    default_first = screen.ranked.item(0, 1).text()
    for c, v in (("economic", 0), ("technical", 0), ("environmental", 1)):
        screen.weight_spins[c].setValue(v)
    screen._weights_edited()
    wanted = {"economic": 0.0, "technical": 0.0, "environmental": 1.0}
    assert stored_setting(ctx.path, opt.WEIGHTS_SETTING) == wanted
    assert ctx.undo_stack.canUndo() and ctx.undo_stack.undoText() == "Change weights"
    env_first = screen.ranked.item(0, 1).text()

    ctx.undo_stack.undo()
    assert opt.weights_from_setting(stored_setting(ctx.path, opt.WEIGHTS_SETTING))[0] == (
        opt.DEFAULT_WEIGHTS
    )
    assert {c: s.value() for c, s in screen.weight_spins.items()} == opt.DEFAULT_WEIGHTS
    assert screen.model.weights == opt.DEFAULT_WEIGHTS
    assert screen.ranked.item(0, 1).text() == default_first

    ctx.undo_stack.redo()
    assert stored_setting(ctx.path, opt.WEIGHTS_SETTING) == wanted
    assert screen.weight_spins["environmental"].value() == 1.0
    assert screen.ranked.item(0, 1).text() == env_first
    # The option scores in the log follow the weights in force.
    top = next(o for o in ctx.audit.options if o.code == env_first)
    row = screen.model.row_of(top.id)
    assert screen.model.sort_value(row, COLUMN["score"]) == pytest.approx(
        top.scores["environmental"]
    )


def test_invalid_or_refused_weights_change_nothing(opened, qtbot):
    screen = opened(synthetic_audit(20, seed=4))
    ctx = screen.context
    for spin in screen.weight_spins.values():
        spin.setValue(0)
    screen._weights_edited()  # all zero: shown as a problem, not saved, nothing to undo
    assert stored_setting(ctx.path, opt.WEIGHTS_SETTING) is None
    assert not ctx.undo_stack.canUndo()
    assert "above 0" in screen.weight_note.text()

    def refuse(*_a, **_k):
        raise OSError("disk full")

    ctx.file.apply = refuse  # the one write of an edit, settings included
    screen.weight_spins["economic"].setValue(2)
    with qtbot.waitSignal(ctx.failed) as failed:
        screen._weights_edited()
    assert "disk full" in failed.args[0]
    assert not ctx.undo_stack.canUndo()
    assert {c: s.value() for c, s in screen.weight_spins.items()} == opt.DEFAULT_WEIGHTS


# --------------------------------------------------------------------------- empty states
def test_empty_log_explains_and_adds_the_first_option(opened, qtbot):
    screen = opened(Audit())
    ctx = screen.context
    assert screen.log_pages.currentWidget() is screen.empty
    assert "No options yet" in screen.empty.heading.text()
    assert not screen.empty.btn_from_finding.isEnabled()  # no findings to start from
    assert not screen.empty.no_findings.isHidden()
    qtbot.mouseClick(screen.empty.btn_new, Qt.LeftButton)
    assert len(reload(ctx.path).options) == 1
    assert screen.log_pages.currentWidget() is not screen.empty
    assert screen.editor.option is not None and screen.editor.option.code == "O-01"
    ctx.undo_stack.undo()
    assert reload(ctx.path).options == []
    assert screen.log_pages.currentWidget() is screen.empty


def test_empty_log_creates_an_option_from_a_finding(opened):
    audit = Audit()
    audit.findings.append(Finding("Lò hơi", title="Rò rỉ hơi ở van", note="Van DN50"))
    screen = opened(audit, "vi")
    assert screen.empty.btn_from_finding.isEnabled()
    assert screen.empty.no_findings.isHidden()
    actions = screen._finding_menu().actions()
    assert [a.text() for a in actions] == ["Rò rỉ hơi ở van"]
    actions[0].trigger()
    saved = reload(screen.context.path).options
    assert len(saved) == 1 and saved[0].finding_ids == [audit.findings[0].id]
    assert saved[0].title_vi == "Rò rỉ hơi ở van"
    assert screen.editor.option.id == saved[0].id


def test_charts_without_data_say_what_they_need(opened):
    screen = opened(Audit())
    screen.tabs.setCurrentIndex(2)
    screen.show_chart()
    assert not screen.chart_hint.isHidden()
    assert "no options yet" in screen.chart_hint.text().lower()
    # Options that all were rejected: the charts have nothing to show, for another reason.
    audit = synthetic_audit(10, seed=1)
    for o in audit.options:
        o.screening, o.rejection_reason = Screening.REJECTED, "không phù hợp"
    other = opened(audit)
    other.tabs.setCurrentIndex(2)
    other.chart_choice.setCurrentIndex(other.chart_choice.findData("bubble"))
    other.show_chart()
    assert "positive net saving" in other.chart_hint.text()
    # With options to plot, no hint.
    plotted = opened(synthetic_audit(10, seed=1))
    plotted.tabs.setCurrentIndex(2)
    plotted.chart_choice.setCurrentIndex(plotted.chart_choice.findData("category"))
    plotted.show_chart()
    assert plotted.chart_hint.isHidden() and plotted.chart_hint.text() == ""


def test_undoing_a_bulk_delete_lists_the_options_in_the_chosen_order(opened):
    screen = opened(synthetic_audit(25, seed=8))
    ctx = screen.context
    screen.table.sortByColumn(COLUMN["code"], Qt.AscendingOrder)
    codes = [screen.proxy.index(r, COLUMN["code"]).data() for r in range(25)]
    assert codes == sorted(codes)
    assert ctx.edit("delete all", delete=list(ctx.audit.options))
    assert screen.log_pages.currentWidget() is screen.empty
    ctx.undo_stack.undo()
    assert len(reload(ctx.path).options) == 25
    assert [screen.proxy.index(r, COLUMN["code"]).data() for r in range(25)] == codes


def test_selection_survives_a_price_change(opened):
    import copy

    screen = opened(synthetic_audit(25, seed=8))
    ctx = screen.context
    target = ctx.audit.options[7]
    screen.select_option(target.id)
    before = screen.analysis.finance(target).annual_net_saving_vnd
    stream = copy.deepcopy(
        next(s for s in ctx.audit.streams if s.id == target.savings[0].stream_id)
    )
    stream.unit_price_vnd = (stream.unit_price_vnd or 0) * 2 + 1000
    assert ctx.edit("price", put=[stream])
    assert screen.editor.option is not None and screen.editor.option.id == target.id
    assert screen.analysis.finance(target).annual_net_saving_vnd > before
