"""Date fields (issue 24): typed as dd/mm/yyyy in both languages and shown so, empty stays
empty (never 01/01/2000), the calendar opens on today when the field is empty. Driven by keys
and clicks on the options editor and the enterprise screen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from app.core.model import OptionStatus, Screening
from app.ui.dates import DateField, format_date, parse_date
from tests.test_options_synthetic import synthetic_audit
from tests.ui_helpers import ensure_qm, make_file, reload


@pytest.fixture
def language():
    ensure_qm()
    from app.ui.translations import Translations

    translations = Translations(QApplication.instance())
    yield translations.set_language
    translations.set_language("en")


@pytest.fixture
def options_screen(tmp_path, qtbot, language):
    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext
    from app.ui.screens.options import OptionsScreen

    made = []

    def make(lang: str):
        language(lang)
        path = tmp_path / f"opts_{lang}.recp"
        AuditFile.create(path, synthetic_audit(8, seed=5)).close()
        af = AuditFile.open(path)
        made.append(af)
        screen = OptionsScreen(AuditContext(af, path=str(path), lang=lang))
        qtbot.addWidget(screen)
        screen.resize(1366, 768)
        screen.show()
        qtbot.waitExposed(screen)
        return screen

    yield make
    for af in made:
        af.close()


def retype(qtbot, field, text: str) -> None:
    """Select the field's text, type over it (or delete it), end with Enter."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key_Delete)
    qtbot.keyClick(field, Qt.Key_Return)


def _saved(screen, option_id):
    return {o.id: o for o in reload(screen.context.path).options}[option_id]


def _identified(screen):
    option = next(o for o in screen.context.audit.options if o.status == OptionStatus.IDENTIFIED)
    screen.select_option(option.id)
    ed = screen.editor
    ed.tabs.setCurrentWidget(ed.page_plan)  # where the plan's dates are
    return option, ed


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_typed_date_is_stored_and_shown_as_typed(options_screen, qtbot, lang):
    screen = options_screen(lang)
    option, ed = _identified(screen)
    assert ed.f_target.placeholderText() == ("dd/mm/yyyy" if lang == "en" else "nn/tt/nnnn")
    retype(qtbot, ed.f_target, "05/03/2026")
    assert _saved(screen, option.id).target_date == date(2026, 3, 5)
    assert ed.f_target.text() == "05/03/2026"
    # shown so again after the option is left and opened again
    other = next(o for o in screen.context.audit.options if o.id != option.id)
    screen.select_option(other.id)
    screen.select_option(option.id)
    assert ed.f_target.text() == "05/03/2026"
    # a short form is read in the same order and shown the one way
    retype(qtbot, ed.f_implemented, "5/3/26")
    assert _saved(screen, option.id).implemented_date == date(2026, 3, 5)
    assert ed.f_implemented.text() == "05/03/2026"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_empty_date_stays_empty(options_screen, qtbot, lang):
    screen = options_screen(lang)
    option, ed = _identified(screen)
    option_saved = _saved(screen, option.id)
    assert option_saved.target_date is None
    assert ed.f_target.text() == ""  # not 01/01/2000
    retype(qtbot, ed.f_target, "")
    assert _saved(screen, option.id).target_date is None
    retype(qtbot, ed.f_target, "05/03/2026")
    retype(qtbot, ed.f_target, "")  # deleting a date gives no date, not a default one
    assert _saved(screen, option.id).target_date is None
    assert ed.f_target.text() == ""


def test_a_text_that_is_no_date_is_marked_and_not_saved(options_screen, qtbot):
    screen = options_screen("vi")
    option, ed = _identified(screen)
    retype(qtbot, ed.f_target, "05/03/2026")
    retype(qtbot, ed.f_target, "31/02/2026")
    assert _saved(screen, option.id).target_date == date(2026, 3, 5)
    assert ed.f_target.styleSheet() and "05/03/2026" in ed.f_target.toolTip()
    retype(qtbot, ed.f_target, "01/04/2026")
    assert _saved(screen, option.id).target_date == date(2026, 4, 1)
    assert not ed.f_target.styleSheet()


def _calendar_button(field: DateField) -> QToolButton:
    buttons = [b for b in field.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) == 1
    return buttons[0]


def test_calendar_opens_on_today_when_empty_and_picks_by_keys(options_screen, qtbot):
    screen = options_screen("vi")
    option, ed = _identified(screen)
    qtbot.mouseClick(_calendar_button(ed.f_target), Qt.LeftButton)
    assert ed.f_target.popup.isVisible()
    cal = ed.f_target.calendar
    today = QDate.currentDate()
    assert cal.selectedDate() == today
    assert (cal.yearShown(), cal.monthShown()) == (today.year(), today.month())
    qtbot.keyClick(cal.focusWidget() or cal, Qt.Key_Right)
    qtbot.keyClick(cal.focusWidget() or cal, Qt.Key_Return)
    assert not ed.f_target.popup.isVisible()
    tomorrow = date.today() + timedelta(days=1)
    assert _saved(screen, option.id).target_date == tomorrow
    assert ed.f_target.text() == format_date(tomorrow)
    # with a date shown the calendar opens on it (Alt+Down from the keyboard)
    retype(qtbot, ed.f_target, "05/03/2026")
    ed.f_target.setFocus()
    qtbot.keyClick(ed.f_target, Qt.Key_Down, Qt.AltModifier)
    assert ed.f_target.popup.isVisible()
    assert cal.selectedDate() == QDate(2026, 3, 5)
    ed.f_target.popup.hide()


def test_status_change_uses_the_typed_day(options_screen, qtbot):
    screen = options_screen("en")
    option, ed = _identified(screen)
    assert ed.status_date.text() == format_date(date.today())  # today unless typed
    retype(qtbot, ed.status_date, "05/03/2026")
    ed.f_screening.setFocus()
    qtbot.keyClick(ed.f_screening, Qt.Key_Home)
    qtbot.keyClick(ed.f_screening, Qt.Key_Down)  # "implement directly", after "—"
    qtbot.mouseClick(ed.btn_status, Qt.LeftButton)
    saved = _saved(screen, option.id)
    assert saved.status != OptionStatus.IDENTIFIED, ed.status_message.text()
    assert saved.status_history[-1].on == date(2026, 3, 5)
    assert saved.screening == Screening.IMPLEMENT_DIRECTLY


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_enterprise_audit_dates_by_keys(tmp_path, qtbot, language, lang):
    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext
    from app.ui.screens.enterprise import EnterpriseScreen

    language(lang)
    path = make_file(tmp_path)
    with AuditFile.open(path) as af:
        screen = EnterpriseScreen(AuditContext(af, path=str(path), lang=lang))
        qtbot.addWidget(screen)
        screen.show()
        start = screen.fields[("info", "start_date")]
        assert isinstance(start, DateField) and start.text() == ""
        retype(qtbot, start, "05/03/2026")
        assert reload(path).info.start_date == date(2026, 3, 5)
        assert start.text() == "05/03/2026"
        end = screen.fields[("info", "end_date")]
        qtbot.mouseClick(_calendar_button(end), Qt.LeftButton)
        assert end.calendar.selectedDate() == QDate.currentDate()  # empty: opens on today
        end.popup.hide()
        retype(qtbot, start, "")
        assert reload(path).info.start_date is None and start.text() == ""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("05/03/2026", date(2026, 3, 5)),
        ("5/3/2026", date(2026, 3, 5)),
        ("05.03.2026", date(2026, 3, 5)),
        ("05-03-26", date(2026, 3, 5)),
        ("05032026", date(2026, 3, 5)),
        ("2026-03-05", date(2026, 3, 5)),
        (" ", None),
    ],
)
def test_parse_date_reads_day_first(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/2026", "03/2026", "abc", "05/13/2026", "1/1/99999"])
def test_parse_date_refuses_what_is_no_date(typed):
    with pytest.raises(ValueError):
        parse_date(typed)
