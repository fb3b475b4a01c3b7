"""Report narrative screen (issue 18): the auditor types each section in Vietnamese and English;
the text is saved in the audit file at once, undone with Ctrl+Z, shown again on reopening, and
printed in the report of its language. A process step's causes go with the step; the list says
which sections are empty per language, as the report treats them (left out, or the Vietnamese
marked untranslated)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.core import narrative as nar
from app.core.messages import text
from tests.ui_helpers import ensure_qm, make_file, reload


@pytest.fixture
def state(tmp_path, qtbot, monkeypatch):
    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings

    ensure_qm()
    monkeypatch.setenv("RECP_LOG_DIR", str(tmp_path / "logs"))
    st = AppState(make_app(), AppSettings.at(tmp_path / "settings.ini"), "en")
    qtbot.addWidget(st.window)
    st.path = make_file(tmp_path)
    assert st.open_path(st.path)
    st.window.resize(1366, 768)
    st.window.show()
    qtbot.waitExposed(st.window)
    qtbot.waitUntil(lambda: st.window._keys_set)
    yield st
    st.window.close_context()
    st.translations.set_language("en")


def _screen(state, qtbot):
    screen = state.window.workspace.show_phase("narrative")
    screen.tree.setFocus()
    qtbot.waitUntil(screen.tree.hasFocus)
    return screen


def _focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _type(qtbot, editor, *paragraphs):
    """Click into the editor and type the paragraphs, a blank line between them."""
    qtbot.mouseClick(editor.viewport(), Qt.LeftButton)
    qtbot.waitUntil(editor.hasFocus)
    for i, para in enumerate(paragraphs):
        if i:
            qtbot.keyClick(editor, Qt.Key_Return)
            qtbot.keyClick(editor, Qt.Key_Return)
        _key_chars(qtbot, editor, para)


def _key_chars(qtbot, widget, chars: str) -> None:
    """Type ``chars`` as key presses; Vietnamese letters as a Vietnamese keyboard sends them (a
    key event carrying the letter: QTest's keyClicks only knows Latin-1)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in chars:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, ch))


def _pdf_words(audit, lang, tmp_path) -> str:
    from app.reports.export import export_report

    path = export_report(audit, tmp_path / f"report_{lang}.pdf", lang=lang)
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def test_typed_text_is_saved_undone_reopened_and_exported(state, qtbot, tmp_path):
    screen = _screen(state, qtbot)
    assert screen.current_key() == nar.ENTERPRISE
    qtbot.keyClick(screen.tree, Qt.Key_Down)  # the audit focus
    assert screen.current_key() == nar.FOCUS
    vi, en = screen.editors["vi"], screen.editors["en"]
    _type(qtbot, vi, "Trọng tâm là công đoạn nhuộm", "Nhuộm dùng nhiều hơi nhất")
    qtbot.keyClick(vi, Qt.Key_Tab)  # leaves the field: saved, and on to the English
    assert en.hasFocus()
    on_disk = reload(state.path).info.narrative
    assert on_disk[nar.FOCUS] == {
        "vi": "Trọng tâm là công đoạn nhuộm\n\nNhuộm dùng nhiều hơi nhất",
        "en": "",
    }
    item = screen.item_for(nar.FOCUS)
    assert (item.text(1), item.text(2)) == ("written", "missing")
    assert "(untranslated)" in screen.state_labels["en"].text()
    qtbot.keyClicks(en, "Dyeing is the focus of this audit")
    qtbot.keyClick(en, Qt.Key_Tab)
    assert reload(state.path).info.narrative[nar.FOCUS]["en"] == "Dyeing is the focus of this audit"
    assert (item.text(1), item.text(2)) == ("written", "written")
    assert screen.summary.text() == "Written: Vietnamese 1 of 6 sections, English 1 of 6."

    # Ctrl+Z undoes the English, in the file too; Ctrl+Y brings it back
    focused = state.window.focusWidget()
    qtbot.keyClick(focused, Qt.Key_Z, Qt.ControlModifier)
    assert reload(state.path).info.narrative[nar.FOCUS]["en"] == ""
    assert en.toPlainText() == "" and item.text(2) == "missing"
    assert state.window.context.undo_stack.canUndo()
    qtbot.keyClick(state.window.focusWidget(), Qt.Key_Y, Qt.ControlModifier)
    assert reload(state.path).info.narrative[nar.FOCUS]["en"] == "Dyeing is the focus of this audit"

    # each report prints its own language's text
    audit = reload(state.path)
    words_en = _pdf_words(audit, "en", tmp_path)
    words_vi = _pdf_words(audit, "vi", tmp_path)
    assert text("report.h.focus", "en") in words_en
    assert "Dyeing is the focus of this audit" in words_en
    assert "Trọng tâm là công đoạn nhuộm" not in words_en
    assert "Trọng tâm là công đoạn nhuộm" in words_vi
    assert "Nhuộm dùng nhiều hơi nhất" in words_vi
    assert "Dyeing is the focus" not in words_vi

    # reopening the audit shows the text
    state.window.close_context()
    assert state.open_path(state.path)
    screen = _screen(state, qtbot)
    screen.tree.setCurrentItem(screen.item_for(nar.FOCUS))
    assert screen.editors["en"].toPlainText() == "Dyeing is the focus of this audit"
    assert screen.editors["vi"].toPlainText().startswith("Trọng tâm là công đoạn nhuộm\n\n")


def test_typing_is_undone_in_the_field_first(state, qtbot):
    screen = _screen(state, qtbot)
    vi = screen.editors["vi"]
    _type(qtbot, vi, "Doanh nghiệp dệt nhuộm")
    stack = state.window.context.undo_stack
    done = stack.count()
    qtbot.keyClick(vi, Qt.Key_Z, Qt.ControlModifier)  # the field's own typing, not the audit's
    assert vi.toPlainText() == ""
    assert stack.count() == done and stack.index() == done
    qtbot.keyClick(vi, Qt.Key_Tab)
    assert nar.ENTERPRISE not in reload(state.path).info.narrative
    assert stack.count() == done  # nothing to save


def test_causes_per_step_go_with_the_step(state, qtbot, tmp_path):
    ctx = state.window.context
    dyeing = next(s for s in ctx.audit.steps if s.name_en == "Dyeing")
    screen = _screen(state, qtbot)
    causes = screen.item_for("causes")
    assert [causes.child(i).text(0) for i in range(causes.childCount())] == [
        "1. Desizing",
        "2. Dyeing",
        "3. Drying",
    ]
    for _ in range(4):  # enterprise, focus, the causes group, 1., 2.
        qtbot.keyClick(screen.tree, Qt.Key_Down)
    assert screen.current_key() == nar.cause_key(dyeing.id)
    assert "Nước thải 900 m3" in screen.losses.text()  # its losses as typed (no English name)
    _type(qtbot, screen.editors["en"], "Overflow rinsing without flow control")
    qtbot.keyClick(screen.editors["en"], Qt.Key_Tab)
    assert reload(state.path).info.narrative[nar.cause_key(dyeing.id)] == {
        "vi": "",
        "en": "Overflow rinsing without flow control",
    }
    assert causes.text(2) == "1/3" and causes.text(1) == "0/3"
    words = _pdf_words(reload(state.path), "en", tmp_path)
    assert f"{text('report.h.causes', 'en')} 2. Dyeing Overflow rinsing" in words

    # the step removed on the Products screen: its section is gone, and comes back on undo
    products = state.window.workspace.show_phase("products")
    products.steps.setCurrentRow(1)
    qtbot.mouseClick(products.btn_remove_step, Qt.LeftButton)
    screen = state.window.workspace.show_phase("narrative")
    causes = screen.item_for("causes")
    assert [causes.child(i).text(0) for i in range(causes.childCount())] == [
        "1. Desizing",
        "2. Drying",
    ]
    assert screen.item_for(nar.cause_key(dyeing.id)) is None
    assert "Overflow rinsing" not in _pdf_words(reload(state.path), "en", tmp_path)
    _focus(qtbot, screen.tree)
    qtbot.keyClick(screen.tree, Qt.Key_Z, Qt.ControlModifier)
    screen.tree.setCurrentItem(screen.item_for(nar.cause_key(dyeing.id)))
    assert screen.editors["en"].toPlainText() == "Overflow rinsing without flow control"


def test_empty_sections_are_shown_as_the_report_treats_them(state, qtbot):
    ctx = state.window.context
    info = ctx.audit.info
    info.narrative = {
        nar.FOCUS: {"vi": "Trọng tâm: lò hơi.", "en": ""},
        nar.CONCLUSIONS: {"vi": "", "en": "Fund the boiler first."},
        nar.ENTERPRISE: {"vi": "  ", "en": ""},  # blank: left out, like an empty one
    }
    assert ctx.edit("set", info=info)
    screen = _screen(state, qtbot)
    states = {
        key: (screen.item_for(key).text(1), screen.item_for(key).text(2))
        for key in (nar.ENTERPRISE, nar.FOCUS, nar.CONCLUSIONS)
    }
    assert states == {
        nar.ENTERPRISE: ("empty", "empty"),
        nar.FOCUS: ("written", "missing"),
        nar.CONCLUSIONS: ("missing", "written"),
    }
    assert screen.item_for(nar.ENTERPRISE).font(0).italic()
    assert "left out of the report" in screen.state_labels["vi"].text()
    screen.tree.setCurrentItem(screen.item_for(nar.CONCLUSIONS))
    assert "Vietnamese report prints the English" in screen.state_labels["vi"].text()
    assert screen.summary.text() == "Written: Vietnamese 1 of 6 sections, English 1 of 6."
    # Next to write: after the conclusions, round to the enterprise (English first: the UI's)
    qtbot.mouseClick(screen.btn_next, Qt.LeftButton)
    assert screen.current_key() == nar.ENTERPRISE and screen.editors["en"].hasFocus()
    qtbot.mouseClick(screen.btn_next, Qt.LeftButton)
    assert screen.current_key() == nar.FOCUS and screen.editors["en"].hasFocus()


def test_the_screen_in_vietnamese(state, qtbot):
    state.set_language("vi")
    screen = _screen(state, qtbot)
    assert screen.title() == "Nội dung báo cáo"
    assert screen.tree.headerItem().text(1) == "Tiếng Việt"
    assert screen.section_title.text() == "Giới thiệu doanh nghiệp"
    assert screen.item_for(nar.ENTERPRISE).text(1) == "trống"
    assert screen.lang_labels["en"].text() == "Tiếng Anh"
    nav = state.window.workspace.nav
    assert any(nav.item(i).text().startswith("8. Nội dung báo cáo") for i in range(nav.count()))


def test_read_only_audit_cannot_be_typed_in(state, qtbot):
    screen = _screen(state, qtbot)
    screen.set_read_only(True)
    _type(qtbot, screen.editors["vi"], "abc")
    assert screen.editors["vi"].toPlainText() == ""


def test_core_rules():
    from app.core.model import Audit, ProcessStep

    audit = Audit()
    audit.steps = [ProcessStep("B", position=1), ProcessStep("A", position=0)]
    keys = nar.section_keys(audit)
    assert keys == [
        "enterprise",
        "focus",
        nar.cause_key(audit.steps[1].id),
        nar.cause_key(audit.steps[0].id),
        "conclusions",
    ]
    n = nar.with_text({}, "focus", "vi", "  Tie\u0302\u0301ng Vie\u0323\u0302t ")  # decomposed
    assert n == {"focus": {"vi": "Tiếng Việt", "en": ""}}
    assert nar.with_text(n, "focus", "vi", " ") == {}  # empty in both: dropped
    audit.info.narrative = {"focus": {"vi": "x", "en": "y"}, "cause:gone": {"vi": "z"}}
    assert nar.written_share(audit) == 2 / 10
