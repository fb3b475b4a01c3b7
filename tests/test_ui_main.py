"""Main window: language at run time, undo text, read-only banner, start page, wizard, jobs,
crash hook, remembered settings, smoke start and a light start-up path."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.core import model
from tests.ui_helpers import app_state, make_file, reload

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def state(tmp_path, qtbot, monkeypatch):
    with app_state(tmp_path, qtbot, monkeypatch) as st:
        yield st


def test_language_switch_at_run_time_and_remembered(state, tmp_path):
    from app.ui.settings import AppSettings

    w = state.window
    assert state.open_path(make_file(tmp_path))
    assert w.menu_file.title() == "&Tệp"
    assert w.save_label.text() == "Đã lưu"
    assert w.workspace.nav.item(0).text().startswith("1. Doanh nghiệp và nhóm")
    enterprise = w.workspace.screens["enterprise"]
    assert enterprise.box_team.title() == "Nhóm đánh giá SXSH"
    state.set_language("en")
    assert w.menu_file.title() == "&File"
    assert w.save_label.text() == "Saved"
    assert enterprise.box_team.title() == "Audit team"  # retranslated without restart
    assert AppSettings.at(tmp_path / "settings.ini").language() == "en"


def test_language_switch_retranslates_every_screen_already_built(state, tmp_path):
    """Screens are retranslated by the main window on a switch (no changeEvent of their own):
    every built screen's buttons, tabs and box titles follow, and back again."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QTabWidget

    from app.ui.phases import PHASES

    def chrome(screen) -> list[str]:
        texts = [b.text() for b in screen.findChildren(QAbstractButton) if b.text()]
        texts += [g.title() for g in screen.findChildren(QGroupBox) if g.title()]
        for tabs in screen.findChildren(QTabWidget):
            texts += [tabs.tabText(i) for i in range(tabs.count())]
        return texts

    w = state.window
    assert state.open_path(make_file(tmp_path))
    screens = {p.key: w.workspace.show_phase(p.key) for p in PHASES}
    vietnamese = {key: chrome(screen) for key, screen in screens.items()}
    state.set_language("en")
    for key, screen in screens.items():
        english = chrome(screen)
        assert english != vietnamese[key], key
    state.set_language("vi")
    for key, screen in screens.items():
        assert chrome(screen) == vietnamese[key], key


def test_edit_menu_names_the_action_in_the_ui_language(state, tmp_path):
    w = state.window
    path = make_file(tmp_path)
    state.open_path(path)
    screen = w.workspace.screens["enterprise"]
    screen.add_member()
    assert w.act_undo.text() == "&Hoàn tác Thêm thành viên nhóm"
    assert w.act_undo.isEnabled()
    w.act_undo.trigger()
    assert len(reload(path).team) == 1
    assert w.act_redo.text() == "&Làm lại Thêm thành viên nhóm"
    w.act_redo.trigger()
    assert len(reload(path).team) == 2


def test_numbers_follow_the_ui_language(state, tmp_path):
    audit = model.Audit(info=model.AuditInfo(baseline_start="2024-01"))
    audit.info.enterprise.employees = 1250
    state.open_path(make_file(tmp_path, audit))
    field = state.window.workspace.screens["enterprise"].fields[("enterprise", "employees")]
    assert field.text() == "1.250"
    state.set_language("en")
    assert field.text() == "1,250"


def test_read_only_audit_shows_banner_and_refuses_edits(state, tmp_path):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path)
    with AuditFile.open(path):  # another "window" holds the lock
        assert state.open_path(path)
        ws = state.window.workspace
        assert ws.context.read_only
        assert not ws.banner.isHidden()
        assert ws.banner.text().startswith("Chỉ đọc")
        assert state.window.save_label.text() == "Chỉ đọc"
        screen = ws.screens["enterprise"]
        assert screen.fields[("enterprise", "name")].isReadOnly()
        assert not screen.btn_add.isEnabled()
        state.window.close_context()


def test_start_page_lists_recent_audits_and_missing_files(state, tmp_path, qtbot):
    path = make_file(tmp_path)
    state.open_path(path)
    assert state.settings.recent() == []  # remembered once the window is painted, not before
    state.window.show()
    qtbot.waitUntil(lambda: state.settings.recent() != [])
    assert state.settings.last_folder() == str(tmp_path)
    state.settings.add_recent(tmp_path / "gone.recp", "Cũ", "DN cũ")
    state.window.show_start_page()
    tree = state.window.start_page.recent
    rows = {
        tree.topLevelItem(i).text(3): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }
    assert rows[str(path.resolve())].text(0) == "Đánh giá SXSH 2025"
    assert rows[str(path.resolve())].text(1) == "Công ty TNHH Thử nghiệm"
    assert rows[str((tmp_path / "gone.recp").resolve())].text(2) == "Không tìm thấy tệp"


def test_new_audit_wizard_creates_the_file(state, tmp_path, qtbot):
    from app.ui.new_audit import NewAuditWizard

    wiz = NewAuditWizard(state.settings, state.window, "vi")
    qtbot.addWidget(wiz)
    wiz.name.setText("Công ty CP Giấy Sông Lam")
    wiz.vsic.setText("1701")
    wiz.add_member("Trần Thị Bình", "Trưởng nhóm", "VNCPC")
    wiz.baseline_start.setText("01/2024")
    wiz.path.setText(str(tmp_path / "new.recp"))
    wiz.accept()
    assert wiz.created_path
    audit = reload(tmp_path / "new.recp")
    assert audit.info.enterprise.name == "Công ty CP Giấy Sông Lam"
    assert audit.info.baseline_start == "2024-01"
    assert [m.name for m in audit.team] == ["Trần Thị Bình"]
    # an existing path is refused and left alone
    wiz2 = NewAuditWizard(state.settings, state.window, "vi")
    qtbot.addWidget(wiz2)
    wiz2.name.setText("Khác")
    wiz2.path.setText(str(tmp_path / "new.recp"))
    QTimer.singleShot(0, lambda: None)
    os.environ["RECP_TEST_NO_MODAL"] = "1"
    from PySide6.QtWidgets import QMessageBox

    orig = QMessageBox.warning
    QMessageBox.warning = staticmethod(lambda *a, **k: None)
    try:
        wiz2.accept()
    finally:
        QMessageBox.warning = orig
    assert not wiz2.created_path
    assert reload(tmp_path / "new.recp").info.enterprise.name == "Công ty CP Giấy Sông Lam"


def test_window_stays_responsive_while_a_job_runs(state, qtbot):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    results = []

    def work(progress):
        for i in range(30):
            if progress.cancelled:
                return None
            time.sleep(0.01)  # blocking work in the worker thread
            progress.update(i + 1, 30)
        return "done"

    job = state.jobs.run("Job", work, on_done=results.append, parent=state.window)
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    timer.stop()
    assert not job.running
    assert len(ticks) >= 10  # the GUI thread kept processing timers
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.25


def test_job_cancel(state, qtbot):
    cancelled = []
    done = []

    def work(progress):
        while not progress.cancelled:
            time.sleep(0.005)
        return "unfinished"

    job = state.jobs.run("Job", work, on_done=done.append, on_cancel=lambda: cancelled.append(1))
    job.cancel()
    qtbot.waitUntil(lambda: cancelled == [1], timeout=3000)
    assert done == []


def test_closing_the_window_stops_running_jobs_first(state, qtbot, tmp_path):
    """A worker must not outlive the audit it reads (nor the interpreter, after exit)."""
    assert state.open_path(make_file(tmp_path))
    started, seen_cancel = threading.Event(), []

    def work(progress):
        started.set()
        while not progress.cancelled:
            time.sleep(0.005)
        seen_cancel.append(state.window.context is not None)  # the audit was still open
        return None

    job = state.jobs.run("Job", work, show_dialog=False)
    assert started.wait(5)
    try:
        state.window.close()
        assert seen_cancel == [True]
    finally:
        job.cancel()  # a failing run must not leave the worker spinning
    assert state.jobs.pool.activeThreadCount() == 0
    qtbot.waitUntil(lambda: not job.running, timeout=3000)


def test_crash_hook_logs_and_keeps_running(state, tmp_path):
    from app.ui import crash

    crash.install()
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        crash.handle_exception(*sys.exc_info())
    text = crash.log_file().read_text(encoding="utf-8")
    assert "boom in a slot" in text and "Traceback" in text
    assert crash.log_file().parent == tmp_path / "logs"


def test_log_is_rotated_at_start_once_over_its_size(tmp_path):
    from app.ui import crash

    log = tmp_path / "recp-audit.log"
    for name, text in (
        ("recp-audit.log.1", "one"),
        ("recp-audit.log.2", "two"),
        ("recp-audit.log.3", "three"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    log.write_text("small", encoding="utf-8")
    crash.rotate(log, max_bytes=100)
    assert log.read_text(encoding="utf-8") == "small"  # under the limit: kept as it is
    log.write_text("x" * 101, encoding="utf-8")
    crash.rotate(log, max_bytes=100, backups=3)
    assert not log.exists()  # the next record starts a new file
    assert (tmp_path / "recp-audit.log.1").read_text(encoding="utf-8") == "x" * 101
    assert (tmp_path / "recp-audit.log.2").read_text(encoding="utf-8") == "one"
    assert (tmp_path / "recp-audit.log.3").read_text(encoding="utf-8") == "two"  # "three" dropped
    assert not (tmp_path / "recp-audit.log.4").exists()
    crash.rotate(tmp_path / "none.log")  # no log yet: nothing to do, no error


def test_after_first_paint_waits_for_the_paint_then_runs_once(state, qtbot):
    from PySide6.QtCore import QObject

    w = state.window
    ran, gone = [], QObject()
    w.after_first_paint(lambda: ran.append("a"))
    w.after_first_paint(lambda: ran.append("gone"), gone)
    gone.deleteLater()
    QApplication.processEvents()
    assert ran == []  # not painted yet: waiting, however many turns the loop makes
    w.show()
    qtbot.waitUntil(lambda: ran == ["a"])
    w.after_first_paint(lambda: ran.append("b"))  # painted already: on the next turn
    assert ran == ["a"]
    qtbot.waitUntil(lambda: ran == ["a", "b"])
    w.repaint()
    QApplication.processEvents()
    assert ran == ["a", "b"]


def test_geometry_is_remembered(state, tmp_path):
    from app.ui.settings import AppSettings

    state.window.resize(1100, 700)
    state.window.close()
    settings = AppSettings.at(tmp_path / "settings.ini")
    assert settings.geometry() is not None


def _run(code: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        RECP_LOG_DIR=str(tmp_path / "logs"),
        RECP_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        RECP_NO_DIALOGS="1",
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_smoke_start_opens_and_paints(tmp_path):
    path = make_file(tmp_path)
    proc = _run(
        "import sys; from app.cli import main; sys.exit(main())", tmp_path, str(path), "--smoke"
    )
    assert proc.returncode == 0, proc.stderr
    assert "painted" in proc.stderr


def test_heavy_libraries_stay_out_of_the_start_up_path(tmp_path):
    path = make_file(tmp_path)
    code = (
        "import sys, json\n"
        "from app.ui.main import AppState, make_app\n"
        "from app.ui.settings import AppSettings\n"
        "app = make_app(); st = AppState(app, AppSettings.at(sys.argv[2]), 'vi')\n"
        "assert st.open_path(sys.argv[1]); st.window.show(); app.processEvents(); st.window.grab()\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'reportlab', 'openpyxl') if m in sys.modules]\n"
        "print(json.dumps(heavy))\n"
    )
    proc = _run(code, tmp_path, str(path), str(tmp_path / "s.ini"))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_signal_emit_does_not_leak_bool_references(qtbot):
    """PySide6 6.12.0 drops a reference to True on every emit: the app aborts after ~150 edits."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(str)

    obj = Emitter()
    obj.fired.connect(lambda _v: None)
    before = sys.getrefcount(True)
    for _ in range(50):
        obj.fired.emit("x")
    assert sys.getrefcount(True) - before > -10, (
        "this PySide6 version leaks on emit (pin != 6.12.0)"
    )


# ---------------------------------------------------------------- lazy start-up (issue 6, Speed)
def _nav_texts(ws) -> list[str]:
    return [ws.nav.item(i).text() for i in range(ws.nav.count())]


def _expected_nav_line(phase, audit) -> str | None:
    """The figure line a phase should show once measured, from its registered screen class."""
    share = phase.screen_class().completeness_of(audit)
    return None if share is None else f"{round(share * 100)} %"


def test_first_paint_builds_only_the_first_screen_and_imports_no_other(tmp_path):
    """Other phases' modules and the start page stay out until after the first paint; then the
    navigation fills in every phase's figure by itself (the event loop runs, no edit needed)."""
    path = make_file(tmp_path)
    code = (
        "import sys, json\n"
        "from app.ui.main import AppState, make_app\n"
        "from app.ui.phases import PHASES\n"
        "from app.ui.settings import AppSettings\n"
        "app = make_app(); st = AppState(app, AppSettings.at(sys.argv[2]), 'en')\n"
        "assert st.open_path(sys.argv[1]); w = st.window; w.show(); app.processEvents(); w.grab()\n"
        "mods = lambda: [p.key for p in PHASES if p.screen.split(':')[0] in sys.modules]\n"
        "ws = w.workspace\n"
        "from PySide6 import QtCore, QtGui, QtWidgets\n"
        "events = sorted(n for m in (QtCore, QtGui, QtWidgets) for n, v in vars(m).items()\n"
        "                if isinstance(v, type) and n.endswith('Event'))\n"
        "out = {'loaded': mods(), 'built': sorted(ws.screens), 'nav': [ws.nav.item(i).text()\n"
        "       for i in range(ws.nav.count())], 'start_page': 'app.ui.start_page' in sys.modules,\n"
        "       'events': events}\n"
        "while not ws.nav_measured():\n"
        "    app.processEvents()\n"
        "out['loaded_after'] = mods(); out['built_after'] = sorted(ws.screens)\n"
        "out['nav_after'] = [ws.nav.item(i).text() for i in range(ws.nav.count())]\n"
        "print(json.dumps(out))\n"
    )
    proc = _run(code, tmp_path, str(path), str(tmp_path / "s.ini"))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    from app.ui.phases import PHASES

    first = PHASES[0]
    assert out["loaded"] == [first.key]
    assert out["built"] == [first.key]
    assert not out["start_page"]
    # No Python event handler but the paint's ran: PySide made no other event classes (a
    # changeEvent or an event filter would make some fifty, ~10 ms of the start).
    assert out["events"] == ["QEvent", "QPaintEvent"]
    assert out["nav"][1].endswith("…")  # not measured yet, same height as a figure
    assert [p.key for p in PHASES] == out["loaded_after"]  # all measured...
    assert out["built_after"] == [first.key]  # ...but only the shown screen is built
    audit = reload(path)
    for i, (phase, text) in enumerate(zip(PHASES, out["nav_after"], strict=True)):
        assert text.startswith(f"{i + 1}. {phase.title_source}")
        line = _expected_nav_line(phase, audit)
        assert text.endswith(line) if line else "\n" not in text, (phase.key, text)


def test_every_registered_phase_is_built_on_first_show(state, tmp_path, qtbot):
    from app.ui.phases import PHASES
    from app.ui.screens.base import PhaseScreen

    state.open_path(make_file(tmp_path))
    ws = state.window.workspace
    assert list(ws.screens) == [PHASES[0].key]
    for phase in PHASES:
        screen = ws.show_phase(phase.key)
        assert isinstance(screen, PhaseScreen)
        assert type(screen) is phase.screen_class()
        assert ws.stack.currentWidget() is screen
        assert ws.screen_for(phase.key) is screen  # built once
    assert list(ws.screens) == [p.key for p in PHASES]


def test_an_edit_measures_every_phase_at_once(state, tmp_path):
    """Also before the first paint (in a fresh process the other phases are unmeasured then)."""
    state.set_language("en")
    state.open_path(make_file(tmp_path))
    ws = state.window.workspace  # never shown: nothing painted, nothing deferred ran
    ws.screens["enterprise"].add_member()
    assert ws.nav_measured()
    audit = reload(tmp_path / "audit.recp")
    for phase, text in zip(ws.phases, _nav_texts(ws), strict=True):
        line = _expected_nav_line(phase, audit)
        assert text.endswith(line) if line else "\n" not in text, (phase.key, text)


def test_start_page_dates_follow_a_language_switch(state, tmp_path):
    """The page is made once: its dates must follow the UI language, not the one it was made in."""
    path = make_file(tmp_path)
    state.settings.add_recent(path, "A", "B")
    os.utime(path, (0, 1_700_000_000))  # 14 Nov 2023
    state.window.show_start_page()
    item = state.window.start_page.recent.topLevelItem(0)
    assert item.text(2).startswith("14/11/2023")
    state.set_language("en")
    state.window.show_start_page()
    item = state.window.start_page.recent.topLevelItem(0)
    assert item.text(2).startswith("14 Nov 2023"), item.text(2)


def test_start_page_is_built_when_first_needed(state, tmp_path, qtbot):
    w = state.window
    path = make_file(tmp_path)
    assert state.open_path(path)
    assert w._start_page is None  # opening an audit directly never built it
    w.show()
    qtbot.waitUntil(lambda: state.settings.recent() != [])  # remembered after the first paint
    assert w.central.currentWidget() is w.workspace
    w.close_context()  # back to the start page, listing the audit just closed
    assert w.central.currentWidget() is w.start_page
    tree = w.start_page.recent
    assert [tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount())] == [
        str(path.resolve())
    ]
    assert w.windowTitle() == "RECP Audit"
    assert state.open_path(path)
    assert w.central.currentWidget() is w.workspace
    assert w.windowTitle().startswith("Đánh giá SXSH 2025")


def test_window_shown_without_an_audit_shows_the_start_page(state, qtbot):
    w = state.window
    w.show()
    qtbot.waitExposed(w)
    assert w.central.currentWidget() is w.start_page
    assert w.start_page.isVisible()


# A fresh process with the app's state built; ``'Qt' in vars(core)`` tells whether anything
# has touched PySide6's Qt namespace yet.
_QT_WATCH_PREAMBLE = (
    "import sys, json\n"
    "import PySide6.QtCore as core\n"
    "from app.ui.main import AppState, make_app\n"
    "from app.ui.settings import AppSettings\n"
    "app = make_app(); st = AppState(app, AppSettings.at(sys.argv[1]), 'vi')\n"
)


def test_the_main_window_is_shown_without_creating_qts_enum_namespace(tmp_path):
    """PySide6 creates all 93 enums of ``Qt`` (~40 ms) when anything first touches it: the
    shell (main window, menus, shortcuts, status bar, job runner) must not, before the first
    paint. The first screen's own needs are its module's business (and the start page's)."""
    code = (
        _QT_WATCH_PREAMBLE + "st.window.menuBar().grab(); st.window.statusBar().grab()\n"
        "print(json.dumps({'Qt': 'Qt' in vars(core), 'jobs': 'app.ui.jobs' in sys.modules}))\n"
    )
    proc = _run(code, tmp_path, str(tmp_path / "s.ini"))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {"Qt": False, "jobs": False}


def test_the_demo_audit_first_paints_without_creating_qts_enum_namespace(tmp_path):
    """The start-up target (benchmarks/bench_startup.py) rests on this: the first screen
    (Enterprise, with its team table filled) paints without building the ``Qt`` enums; the
    focus policy and item data roles it needs go through values, not the namespace."""
    from app.core.demo import build_demo_audit

    path = make_file(tmp_path, build_demo_audit())
    code = (
        _QT_WATCH_PREAMBLE + "assert st.open_path(sys.argv[2])\n"
        "st.window.show(); app.processEvents(); st.window.grab()\n"
        "screen = st.window.workspace.stack.currentWidget()\n"
        "print(json.dumps({'Qt': 'Qt' in vars(core), 'screen': type(screen).__name__,\n"
        "  'team': screen.team.rowCount(), 'id': screen.team.row_data(0)}))\n"
    )
    proc = _run(code, tmp_path, str(tmp_path / "s.ini"), str(path))
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    team = build_demo_audit().team
    assert seen == {"Qt": False, "screen": "EnterpriseScreen", "team": len(team), "id": team[0].id}


def test_dataclasses_on_the_start_up_path_have_docstrings():
    """A dataclass without a docstring gets one made by ``inspect.signature`` when the class is
    created: ~0.7 ms each, paid on every start. (And a one-line purpose helps the reader.)"""
    import dataclasses
    import importlib

    modules = ["app.core.model", "app.core.errors", "app.ui.phases", "app.ui.context"]
    undocumented = [
        f"{name}.{cls.__name__}"
        for name in modules
        for cls in vars(importlib.import_module(name)).values()
        if isinstance(cls, type)
        and dataclasses.is_dataclass(cls)
        and cls.__module__ == name
        and (cls.__doc__ or "").startswith(cls.__name__ + "(")
    ]
    assert undocumented == []


def test_shortcuts_of_the_main_window(state, qtbot):
    from PySide6.QtGui import QKeySequence

    win = state.window
    assert win.act_vi.isCheckable() and win.act_vi.text() == "Tiếng Việt"
    assert win.act_new.shortcut().isEmpty()  # the keys come once the window is painted
    win.show()
    qtbot.waitUntil(lambda: not win.act_new.shortcut().isEmpty())
    assert win.act_new.shortcut() == QKeySequence(QKeySequence.New)
    assert win.act_open.shortcut() == QKeySequence(QKeySequence.Open)
    assert win.act_quit.shortcut() == QKeySequence(QKeySequence.Quit)
    assert win.act_undo.shortcut() == QKeySequence(QKeySequence.Undo)
    assert win.act_home.shortcut() == QKeySequence("Ctrl+Home")
    redo = win.act_redo.shortcuts()
    assert QKeySequence("Ctrl+Y") in redo
    assert QKeySequence.keyBindings(QKeySequence.Redo)[0] in redo


def test_ctrl_n_has_one_meaning_per_screen(state, tmp_path, qtbot):
    """On the walkthrough Ctrl+N adds a free finding (File → New audit gives the key up there);
    elsewhere it is New audit. Two owners at once and Qt would do nothing at all."""
    from PySide6.QtGui import QKeySequence

    win = state.window
    assert state.open_path(make_file(tmp_path))
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win._keys_set)
    ws = win.workspace
    assert win.act_new.shortcut() == QKeySequence(QKeySequence.New)
    screen = ws.show_phase("walkthrough")
    assert win.act_new.shortcut().isEmpty()
    findings = len(ws.context.audit.findings)
    screen.setFocus()
    qtbot.keyClick(screen, Qt.Key_N, Qt.ControlModifier)
    assert len(ws.context.audit.findings) == findings + 1  # the key did something, once
    ws.show_phase("options")
    assert win.act_new.shortcut() == QKeySequence(QKeySequence.New)
    win.close_context()
    assert win.act_new.shortcut() == QKeySequence(QKeySequence.New)  # the start page


def test_file_menu_saves_a_copy_and_closes(state, tmp_path, qtbot, monkeypatch):
    """File → Save a copy… writes the audit as it is now elsewhere (the open file stays the one
    edited); Close returns to the start page. Both are off without an audit."""
    from app.store.auditfile import AuditFile

    monkeypatch.setenv("RECP_NO_DIALOGS", "1")
    win = state.window
    assert not win.act_save_copy.isEnabled() and not win.act_close.isEnabled()
    path = make_file(tmp_path)
    assert state.open_path(path)
    assert win.act_save_copy.isEnabled() and win.act_close.isEnabled()
    texts = [a.text() for a in win.menu_file.actions()]
    assert "Lưu một &bản sao…" in texts and "Đón&g cuộc đánh giá" in texts
    ctx = win.context
    member = copy.deepcopy(ctx.audit.team[0])
    member.name = "Người sửa sau cùng"
    assert ctx.edit("edit", put=[member])
    out = tmp_path / "nơi khác" / "bản sao"
    out.parent.mkdir()
    saved = win.save_copy(str(out))
    assert saved == out.with_suffix(".recp")
    with AuditFile.open(saved, read_only=True) as copy_file:
        assert "Người sửa sau cùng" in [m.name for m in copy_file.load().team]
    assert win.context is ctx and Path(ctx.path) == Path(path)  # still editing the original
    assert win.save_copy(str(path)) is None  # never over the open file
    assert "tệp đang mở" in win.last_error
    win.act_close.trigger()
    assert win.context is None and not win.act_close.isEnabled()


def test_dialogs_start_in_documents_never_in_the_app_data_folder(state, tmp_path, monkeypatch):
    from app.ui.settings import documents_folder

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("RECP_DATA_DIR", str(data))
    settings = state.settings
    settings.q.remove("files/last_folder")
    assert settings.last_folder() == documents_folder()
    settings.set_last_folder(data)  # e.g. after opening the demo audit
    assert settings.last_folder() == documents_folder()
    mine = tmp_path / "audits"
    mine.mkdir()
    settings.set_last_folder(mine)
    assert settings.last_folder() == str(mine)


def test_help_opens_the_user_guide_in_the_ui_language(state, qtbot):
    win = state.window
    assert "&Hướng dẫn sử dụng" in [a.text() for a in win.menu_help.actions()]
    win.act_guide.trigger()
    guide = win.guide
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    assert "hướng dẫn sử dụng" in guide.windowTitle() and "Phím tắt" in text
    assert "Ctrl+W" in text and "Đóng cuộc đánh giá" in text
    state.set_language("en")
    text = guide.browser.toPlainText()
    assert "user guide" in guide.windowTitle() and "Keyboard" in text and "Phím" not in text


def test_the_guides_have_the_same_sections_and_keys_in_both_languages():
    """The Vietnamese and English guides say the same: same headings, steps, keys, menus."""
    import re

    from app.ui.guide import guide_path

    def shape(lang):
        text = guide_path(lang).read_text(encoding="utf-8")
        return (
            [line.count("#") for line in text.splitlines() if line.startswith("#")],
            re.findall(r"^\d+\.", text, re.M),
            re.findall(r"^\| ([^|]*?) \|", text, re.M)[2:],  # the keys column, past its header
            text.count("**"),
        )

    vi, en = shape("vi"), shape("en")
    assert vi[:2] == en[:2] and vi[3] == en[3]
    keys = lambda rows: [r.split(",")[0].split(" ")[0] for r in rows]  # noqa: E731
    assert keys(vi[2]) == keys(en[2])


def test_numbers_in_spin_boxes_follow_a_language_switch(state, tmp_path):
    """The ranking weights read 0,40 in Vietnamese and 0.40 in English, also after a switch."""
    w = state.window
    assert state.open_path(make_file(tmp_path))
    screen = w.workspace.show_phase("options")
    spin = next(iter(screen.weight_spins.values()))
    assert "," in spin.text() and "." not in spin.text()
    state.set_language("en")
    assert "." in spin.text() and "," not in spin.text()
    state.set_language("vi")
    assert "," in spin.text()


def test_new_audit_is_proposed_in_documents_after_the_demo(state, tmp_path, qtbot, monkeypatch):
    """Opening the demo (kept in the app's hidden data folder) does not make the wizard propose
    that folder: the new audit goes to the user's Documents, named after the enterprise."""
    from PySide6.QtWidgets import QWizard

    from app.store.demo_file import ensure_demo_audit
    from app.ui.new_audit import NewAuditWizard
    from app.ui.settings import documents_folder

    monkeypatch.setenv("RECP_DATA_DIR", str(tmp_path / "data"))
    state.settings.q.remove("files/last_folder")
    demo = ensure_demo_audit()
    assert state.open_path(demo)
    wiz = NewAuditWizard(state.settings, state.window, "vi")
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.keyClicks(wiz.name, "Cong ty Thuy san Dinh Vu")
    for _ in range(3):
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    proposed = Path(wiz.path.text())
    assert proposed.parent == Path(documents_folder())
    assert proposed.name == "Cong_ty_Thuy_san_Dinh_Vu.recp"
    assert not proposed.resolve().is_relative_to((tmp_path / "data").resolve())
