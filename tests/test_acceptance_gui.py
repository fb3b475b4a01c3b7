"""Acceptance: an auditor creates an audit with the wizard, visits every screen of the empty audit
in both languages, and cannot change a read-only audit through any screen's widgets."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWizard,
)

from tests.ui_helpers import ensure_qm, reload

PHASES = (
    "enterprise",
    "products",
    "walkthrough",
    "baselines",
    "options",
    "symbiosis",
    "readiness",
    "narrative",
    "reports",
)


@pytest.fixture
def state(tmp_path, qtbot, monkeypatch):
    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings

    ensure_qm()
    monkeypatch.setenv("RECP_LOG_DIR", str(tmp_path / "logs"))
    st = AppState(make_app(), AppSettings.at(tmp_path / "settings.ini"), "vi")
    qtbot.addWidget(st.window)
    st.window.resize(1366, 768)
    st.window.show()
    yield st
    st.window.close_context()
    st.translations.set_language("en")


def wizard(state, qtbot, lang):
    from app.ui.new_audit import NewAuditWizard

    wiz = NewAuditWizard(state.settings, state.window, lang)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def test_wizard_from_scratch_then_every_screen_in_both_languages(state, qtbot, tmp_path):
    wiz = wizard(state, qtbot, "vi")
    # Qt has no Vietnamese for its own wizard buttons: the wizard names them itself.
    assert wiz.buttonText(QWizard.NextButton) == "Tiếp >"
    assert wiz.buttonText(QWizard.CancelButton) == "Hủy"
    wiz.name.setText("Công ty CP Thủy sản Biển Đông")  # (QTest cannot type non-ASCII keys)
    wiz.vsic.setText("1020")
    wiz.next()
    wiz.add_member("Lê Văn Cường", "Trưởng nhóm", "VNCPC")
    wiz.next()
    # A month the auditor mistyped is not silently dropped: the page says so and stays.
    wiz.baseline_start.setText("13/2024")
    wiz.next()
    assert wiz.currentId() == 2
    assert wiz.baseline_error.isVisible() and "mm/yyyy" in wiz.baseline_error.text()
    wiz.baseline_start.setText("07/2024")
    wiz.next()
    assert wiz.currentId() == 3
    templates = {
        wiz.templates.item(i).data(Qt.UserRole): wiz.templates.item(i).checkState()
        for i in range(wiz.templates.count())
    }
    assert templates.get("food_seafood") == Qt.Checked  # VSIC 1020 is seafood processing
    wiz.path.setText(str(tmp_path / "bien_dong.recp"))
    wiz.accept()
    assert wiz.created_path
    audit = reload(tmp_path / "bien_dong.recp")
    assert audit.info.baseline_start == "2024-07"
    assert audit.info.enterprise.sector_vsic == "1020"
    assert "food_seafood" in audit.info.template_ids
    assert [m.name for m in audit.team] == ["Lê Văn Cường"]

    assert state.open_path(wiz.created_path)
    window = state.window
    for lang in ("vi", "en"):
        state.set_language(lang)
        for key in PHASES:
            window.workspace.show_phase(key)
            qtbot.wait(1)
            assert window.grab().width() >= 1366
    grid = window.workspace.show_phase("products").grid
    headers = [grid.model().headerData(c, Qt.Horizontal) for c in range(grid.model().columnCount())]
    months = [h for h in headers if "2024" in h or "2025" in h]  # the wizard's baseline
    assert len(months) == 12 and months[0].startswith("Jul") and months[-1].startswith("Jun")


def test_wizard_accepts_yyyy_mm_and_refuses_nonsense(state, qtbot, tmp_path):
    wiz = wizard(state, qtbot, "en")
    for typed, expected in (("3/2023", "2023-03"), ("2023-11", "2023-11"), ("11.2022", "2022-11")):
        wiz.baseline_start.setText(typed)
        assert wiz.baseline_period() == expected
    for typed in ("", "2023", "0/2023", "13/2023", "abc", "01/23"):
        wiz.baseline_start.setText(typed)
        assert wiz.baseline_period() is None, typed


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_audit_cannot_be_changed_from_any_screen(state, qtbot, tmp_path):
    """Open an audit that another window holds: type, press keys and click in every screen."""
    from app.core.demo import build_demo_audit
    from app.store.auditfile import AuditFile

    path = tmp_path / "demo.recp"
    AuditFile.create(path, build_demo_audit()).close()
    holder = AuditFile.open(path)  # the "other window"
    dialogs = []
    doing = ["", ""]  # screen, action: named in the failure if a dialog pops up

    def close_modal():
        modal = QApplication.activeModalWidget()
        if modal is not None:
            dialogs.append((*doing, modal.windowTitle()))
            modal.reject()

    closer = QTimer()
    closer.timeout.connect(close_modal)
    closer.start(50)
    try:
        before = digest(path)
        assert state.open_path(path)
        window = state.window
        ctx = window.context
        assert ctx.read_only and window.workspace.banner.isVisible()
        for key in PHASES:
            page = window.workspace.show_phase(key)
            qtbot.wait(1)
            for edit in page.findChildren(QLineEdit):
                if edit.isVisible() and edit.isEnabled() and not edit.isReadOnly():
                    if edit.parent() is not None and "Combo" in type(edit.parent()).__name__:
                        continue  # a filter or search box, not data
                    if edit.placeholderText() and key == "options":
                        continue  # the options search box
                    doing[:] = [key, f"typing in {edit.text()[:20]!r}"]
                    qtbot.keyClicks(edit, "x")
                    edit.editingFinished.emit()
            for text in [*page.findChildren(QTextEdit), *page.findChildren(QPlainTextEdit)]:
                if text.isVisible() and text.isEnabled():
                    assert text.isReadOnly(), f"{key}: a text box is editable"
            for view in page.findChildren(QAbstractItemView):
                if view.isVisible() and view.isEnabled() and view.model() is not None:
                    m = view.model()
                    first = m.index(0, 1) if m.index(0, 1).isValid() else m.index(0, 0)
                    if first.isValid():
                        view.setCurrentIndex(first)
                    for k in (Qt.Key_2, Qt.Key_F2, Qt.Key_Delete):
                        doing[:] = [key, f"key {k.name} in {type(view).__name__}"]
                        qtbot.keyClick(view, k)
            for button in page.findChildren(QAbstractButton):
                label = button.text()
                if (
                    key != "reports"
                    and button.isVisible()
                    and button.isEnabled()
                    and not label.endswith(("…", "..."))
                ):
                    doing[:] = [key, label]
                    button.click()
            assert ctx.undo_stack.count() == 0, f"{key}: an edit was accepted"
        assert digest(path) == before
        # Enterprise and Products offer nothing that fails. (The walkthrough's keys 1-4 still reach
        # the store and are refused with a "Not saved" dialog: reported in the QA notes.)
        own = [d for d in dialogs if d[0] in ("enterprise", "products")]
        assert not own, f"read-only audit: these actions opened a dialog: {own}"
    finally:
        closer.stop()
        state.window.close_context()
        holder.close()


def test_keyboard_only_tab_reaches_every_field_and_leaves_the_tables(state, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication, QPushButton

    from tests.ui_helpers import make_file

    assert state.open_path(make_file(tmp_path))
    ws = state.window.workspace
    ent = ws.show_phase("enterprise")
    ws.nav.setFocus()
    order = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        order.append(QApplication.focusWidget())
    names = [ent.fields[("enterprise", "name")], ent.fields[("enterprise", "tax_code")]]
    assert order[:2] == names  # straight into the first field, in reading order
    buttons = [w.text() for w in order if isinstance(w, QPushButton)]
    assert buttons[:2] == [ent.btn_add.text(), ent.btn_remove.text()]  # the table lets go

    prod = ws.show_phase("products")
    prod.grid.setFocus()
    seen = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert prod.btn_add_step in seen  # reached from the products grid without the mouse
