"""The main window: start page, side navigation by audit phase, menus, save state, banner."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (  # dialogs are imported where used: see app/ui/main.py
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid as shiboken_valid

from app.ui.context import AuditContext, ChangeSet
from app.ui.phases import PHASES, Phase
from app.ui.screens.base import PhaseScreen

if TYPE_CHECKING:  # annotations only: no Qt type made at run time for them
    from PySide6.QtGui import QCloseEvent, QPaintEvent

log = logging.getLogger(__name__)


class Workspace(QWidget):
    """One open audit: read-only banner, phase navigation on the left, the phase's screen."""

    def __init__(self, context: AuditContext, phases: tuple[Phase, ...] = PHASES, parent=None):
        super().__init__(parent)
        self.context = context
        self.phases = phases
        self.screens: dict[str, PhaseScreen] = {}
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "#readOnlyBanner { background: #fff3cd; color: #664d03; border: 1px solid #ffe69c;"
            " padding: 8px; font-weight: bold; }"
        )
        self.banner.setVisible(context.read_only)
        self.nav = QListWidget()
        self.nav.setObjectName("phaseNav")
        # narrow enough that wide logs fit a 1366 px screen; the longest phase name fits
        self.nav.setMinimumWidth(190)
        self.nav.setMaximumWidth(215)
        self.nav.setIconSize(QSize(16, 16))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        for _phase in phases:
            self.nav.addItem(QListWidgetItem())
            self.stack.addWidget(QWidget())  # replaced by the screen on first show
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.nav.currentRowChanged.connect(self.show_phase_at)
        context.changed.connect(self._on_changed)
        context.languageChanged.connect(lambda _lang: self.retranslate())
        # Completeness per phase key. A phase's figure needs its screen module (and maybe data
        # such as templates): only imported ones are measured before the first paint, the
        # others one per event-loop turn just after it (measure_rest, started by the main
        # window once painted), or at once on an edit.
        self._shares: dict[str, float | None] = {}
        self._unmeasured: list[Phase] = list(phases)
        self.nav.setCurrentRow(0)  # builds the first screen, which imports its module
        self._measure(lambda phase: phase.is_loaded())
        self.retranslate()

    def screen_for(self, key: str) -> PhaseScreen:
        """The screen of phase ``key``, built on first use."""
        if key in self.screens:
            return self.screens[key]
        index = next(i for i, p in enumerate(self.phases) if p.key == key)
        phase = self.phases[index]
        screen = phase.screen_class()(self.context)
        if self.context.read_only:
            screen.set_read_only(True)
        old = self.stack.widget(index)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.insertWidget(index, screen)
        self.screens[key] = screen
        if hasattr(screen, "optionCreated"):  # the walkthrough's "create option from finding"
            screen.optionCreated.connect(self.open_option)
        return screen

    def open_option(self, option_id: str) -> None:
        """Show the Options screen with ``option_id`` open in its editor."""
        screen = self.show_phase("options")
        if hasattr(screen, "open_option"):
            screen.open_option(option_id)

    def show_phase_at(self, row: int) -> None:
        if row < 0:
            return
        self.screen_for(self.phases[row].key)
        self.stack.setCurrentIndex(row)

    def show_phase(self, key: str) -> PhaseScreen:
        row = next(i for i, p in enumerate(self.phases) if p.key == key)
        self.nav.setCurrentRow(row)
        return self.screens[key]

    def completeness(self, phase: Phase) -> float | None:
        return phase.screen_class().completeness_of(self.context.audit)

    def nav_measured(self) -> bool:
        """True once every phase's completeness is shown in the navigation."""
        return not self._unmeasured

    def measure_all(self) -> None:
        """Measure every phase's completeness now (imports the remaining screen modules)."""
        self._measure(lambda _phase: True)
        self.update_nav()

    def _measure(self, which) -> None:
        for phase in [p for p in self._unmeasured if which(p)]:
            self._shares[phase.key] = self.completeness(phase)
            self._unmeasured.remove(phase)

    def stop_measuring(self) -> None:
        """The audit is being closed: no figure is measured any more."""
        self._unmeasured = []

    def measure_rest(self) -> None:
        """Measure the phases not measured yet, one per turn of the event loop, so the window
        stays responsive meanwhile."""
        if not self._unmeasured:
            return
        phase = self._unmeasured[0]
        self._measure(lambda p: p is phase)
        self._update_nav_item(self.phases.index(phase))
        if self._unmeasured:
            QTimer.singleShot(0, self, self.measure_rest)

    def update_nav(self) -> None:
        for i in range(len(self.phases)):
            self._update_nav_item(i)

    def _update_nav_item(self, i: int) -> None:
        phase = self.phases[i]
        text = f"{i + 1}. {phase.title()}"
        item = self.nav.item(i)
        if phase in self._unmeasured:
            item.setText(text + "\n     …")  # same height as when the figure is known
            item.setToolTip("")
            return
        share = self._shares.get(phase.key)
        if share is not None:
            pct = self.context.locale().toString(round(share * 100))
            text += f"\n     {pct} %"
        item.setText(text)
        item.setToolTip(
            self.tr("{share} % complete").format(share=round(share * 100))
            if share is not None
            else self.tr("Not started in this version")
        )

    def retranslate(self) -> None:
        self.banner.setText(
            self.tr("Read-only: {reason} Changes cannot be saved.").format(
                reason=self.context.read_only_reason or self.tr("the audit cannot be written.")
            )
        )
        self.update_nav()

    def _on_changed(self, _changes: ChangeSet) -> None:
        self._unmeasured = list(self.phases)  # any figure may have changed
        self.measure_all()


def _action(parent: QWidget, **props) -> QAction:
    """A QAction with ``text``/``checkable`` set as properties (no overload resolution)."""
    act = QAction(parent)
    for name, value in props.items():
        act.setProperty(name, value)
    return act


class MainWindow(QMainWindow):
    """Menus, status bar and the central area (start page or an audit's workspace)."""

    languageRequested = Signal(str)

    def __init__(self, app_state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = app_state  # app.ui.main.AppState: settings, translations, jobs, opener
        self._painted = False
        self._after_paint: list[tuple[QObject, Callable[[], object]]] = []
        self.context: AuditContext | None = None
        self.workspace: Workspace | None = None
        self._start_page = None  # built when first shown: opening an audit directly skips it
        self._closing = False
        self._keys_set = False  # the shortcuts come after the first paint
        self.central = QStackedWidget()
        self.central.currentChanged.connect(lambda _i: self._update_new_key())
        self.setCentralWidget(self.central)
        self.setMinimumSize(1000, 640)
        self._build_actions()
        self._build_menus()
        from app.ui.portfolio_menu import PortfolioMenu

        self.portfolio_menu = PortfolioMenu(self)  # File → Open portfolio…, Publish to programme…
        self.save_label = QLabel()
        self.path_label = QLabel()
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.save_label)
        geometry = app_state.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        self.retranslate()

    # -------------------------------------------------------------------------- actions
    def _build_actions(self) -> None:
        self.act_new = _action(self)
        self.act_open = _action(self)
        self.act_demo = _action(self)
        self.act_home = _action(self)
        self.act_save_copy = _action(self)
        self.act_close = _action(self)
        self.act_quit = _action(self)
        self.act_undo = _action(self)
        self.act_redo = _action(self)
        # Keys once the window is on screen: nobody presses one before, and QKeySequence's
        # Python class (with its enums) is ~1 ms of the start.
        self.after_first_paint(self._set_shortcuts)
        self.act_vi = _action(self, text="Tiếng Việt", checkable=True)
        self.act_en = _action(self, text="English", checkable=True)
        group = QActionGroup(self)
        group.addAction(self.act_vi)
        group.addAction(self.act_en)
        self.act_about = QAction(self)
        self.act_logs = QAction(self)
        self.act_guide = _action(self)
        self.act_new.triggered.connect(self.state.new_audit)
        self.act_open.triggered.connect(self.state.open_dialog)
        self.act_demo.triggered.connect(self.state.open_demo)
        self.act_home.triggered.connect(self.show_start_page)
        self.act_save_copy.triggered.connect(lambda: self.save_copy())
        self.act_close.triggered.connect(lambda: self.close_context())
        self.act_quit.triggered.connect(self.close)
        self.act_undo.triggered.connect(self._undo)
        self.act_redo.triggered.connect(self._redo)
        self.act_vi.triggered.connect(lambda: self.languageRequested.emit("vi"))
        self.act_en.triggered.connect(lambda: self.languageRequested.emit("en"))
        self.act_about.triggered.connect(self._about)
        self.act_guide.triggered.connect(lambda: self.show_guide())
        self.act_logs.triggered.connect(self._show_log_folder)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)

    def _set_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence

        # Set as properties: QAction.setShortcut's overload resolution makes PySide create the
        # whole Qt enum namespace (~40 ms). Ctrl+Y and the platform's own Redo key both redo.
        for act, key in (
            (self.act_open, QKeySequence.Open),
            (self.act_home, "Ctrl+Home"),
            (self.act_close, QKeySequence.Close),
            (self.act_guide, QKeySequence.HelpContents),
            (self.act_quit, QKeySequence.Quit),
            (self.act_undo, QKeySequence.Undo),
        ):
            act.setProperty("shortcut", QKeySequence(key))
        # Each key once: where the platform's Redo is Ctrl+Y too (Windows, offscreen), a key
        # listed twice is "ambiguous" to Qt and Ctrl+Y did nothing outside a text field.
        redo = [QKeySequence("Ctrl+Y")]
        redo += [k for k in QKeySequence.keyBindings(QKeySequence.Redo)[:1] if k not in redo]
        self.act_redo.setShortcuts(redo)
        from PySide6.QtWidgets import QApplication

        from app.ui.undo_keys import UndoKeys

        # Undo/redo the audit from a field with nothing of its own to undo (see undo_keys).
        self._undo_keys = UndoKeys(self._undo, self._redo, self)
        QApplication.instance().installEventFilter(self._undo_keys)
        self._keys_set = True
        self._update_new_key()  # Ctrl+N: New audit, unless the screen shown owns it

    def _update_new_key(self) -> None:
        """One meaning for Ctrl+N per screen: a screen that adds its own item with it (the
        walkthrough: a free finding) takes it from File → New audit while it is shown; two
        owners would make Qt refuse both ("Ambiguous shortcut overload")."""
        if not self._keys_set:
            return
        from PySide6.QtGui import QKeySequence

        ws = self.workspace
        shown = (
            ws.stack.currentWidget()
            if ws is not None and self.central.currentWidget() is ws
            else None
        )
        owned = bool(getattr(shown, "owns_new_key", False))
        self.act_new.setProperty(
            "shortcut", QKeySequence() if owned else QKeySequence(QKeySequence.New)
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        for act in (self.act_new, self.act_open, self.act_demo):
            self.menu_file.addAction(act)
        self.menu_file.addSeparator()
        for act in (self.act_save_copy, self.act_close, self.act_home):
            self.menu_file.addAction(act)
        from app.ui.merge.actions import TeamMenu  # team work: hand out, merge (issue 23)

        self.team_menu = TeamMenu(self)
        self.team_menu.install(self.menu_file)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_lang = bar.addMenu("")
        self.menu_lang.addAction(self.act_vi)
        self.menu_lang.addAction(self.act_en)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_guide)
        self.menu_help.addAction(self.act_logs)
        self.menu_help.addAction(self.act_about)

    def retranslate(self) -> None:
        self.menu_file.setTitle(self.tr("&File"))
        self.team_menu.retranslate()
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_new.setText(self.tr("&New audit…"))
        self.act_open.setText(self.tr("&Open audit…"))
        self.act_demo.setText(self.tr("Open the &demo audit"))
        self.act_home.setText(self.tr("&Start page"))
        self.act_save_copy.setText(self.tr("Save a &copy…"))
        self.act_close.setText(self.tr("&Close audit"))
        for act in (self.act_save_copy, self.act_close):
            act.setEnabled(self.context is not None)
        self.act_quit.setText(self.tr("&Quit"))
        self.act_about.setText(self.tr("&About RECP Audit"))
        self.act_logs.setText(self.tr("Open the &log folder"))
        self.act_guide.setText(self.tr("User &guide"))
        if getattr(self, "guide", None) is not None:
            self.guide.set_language(self.state.translations.lang)
        if hasattr(self, "portfolio_menu"):
            self.portfolio_menu.retranslate()
        lang = self.state.translations.lang
        self.act_vi.setChecked(lang == "vi")
        self.act_en.setChecked(lang == "en")
        self._update_undo_texts()
        self._update_save_label()
        self._update_title()

    # -------------------------------------------------------------------------- first paint
    @property
    def painted(self) -> bool:
        """True once the window has been drawn."""
        return self._painted

    def after_first_paint(self, fn: Callable[[], object], receiver: QObject | None = None) -> None:
        """Run ``fn`` on the turn of the event loop after the window's first paint (on the next
        turn if it was painted already), unless ``receiver`` (default: this window) is gone by
        then. For work the first screen does not need: the auditor sees the window sooner.
        A zero-delay timer alone would not do: Qt runs those posted before the first paint
        ahead of it."""
        receiver = receiver or self
        if self._painted:
            QTimer.singleShot(0, receiver, fn)
        else:
            self._after_paint.append((receiver, fn))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            waiting, self._after_paint = self._after_paint, []
            for receiver, fn in waiting:
                if shiboken_valid(receiver):  # e.g. an audit closed before the window showed
                    QTimer.singleShot(0, receiver, fn)

    def apply_language(self) -> None:
        """After a language switch (``AppState.set_language``): this window's texts, then the
        open audit's navigation and every screen built so far.

        Called explicitly rather than from ``changeEvent``: a Python ``changeEvent`` on the
        window and the screens makes PySide create some fifty event classes while the window
        is first shown (~10 ms of the start). Widgets inside the screens that keep their own
        ``changeEvent`` still get Qt's LanguageChange as usual."""
        self.retranslate()
        if self.workspace is not None:
            self.workspace.retranslate()
            for screen in self.workspace.screens.values():
                screen.retranslate()
            self._relocale(self.workspace)

    @staticmethod
    def _relocale(root: QWidget) -> None:
        """Spin boxes and date fields take the default locale when made: give them the UI
        language's, so an English screen shows 0.40 and 12/31/2025, not 0,40 and 31/12/2025."""
        from PySide6.QtCore import QLocale
        from PySide6.QtWidgets import QAbstractSpinBox

        locale = QLocale()  # the UI language's (translations.set_language sets the default)
        for box in root.findChildren(QAbstractSpinBox):
            if box.locale() != locale:
                box.setLocale(locale)  # (the shown text follows at once)

    # -------------------------------------------------------------------------- audits
    def set_context(self, context: AuditContext) -> None:
        """Show ``context``'s audit, replacing (and closing) the one shown before."""
        self.close_context(show_start_page=False)
        self.context = context
        self.team_menu.context_opened(context)
        self.workspace = Workspace(context)
        self.workspace.stack.currentChanged.connect(lambda _i: self._update_new_key())
        self.central.addWidget(self.workspace)
        self.central.setCurrentWidget(self.workspace)
        self.after_first_paint(self.workspace.measure_rest, self.workspace)
        stack = context.undo_stack
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(lambda _t: self._update_undo_texts())
        stack.redoTextChanged.connect(lambda _t: self._update_undo_texts())
        context.saveStateChanged.connect(lambda _s: self._update_save_label())
        context.failed.connect(self._show_failure)
        context.changed.connect(lambda _c: self._update_title())
        self.act_undo.setEnabled(stack.canUndo())
        self.act_redo.setEnabled(stack.canRedo())
        self.path_label.setText(context.path)
        self.retranslate()

    def close_context(self, show_start_page: bool = True) -> None:
        if self.context is None:
            return
        self.state.jobs.stop()  # an export still running must not read the closed file
        ctx, ws = self.context, self.workspace
        self.context = self.workspace = None
        if ws is not None:
            ws.stop_measuring()  # its timers may still fire before it is deleted
            self.central.removeWidget(ws)
            ws.deleteLater()
        if show_start_page and self.isVisible() and not self._closing:
            self.show_start_page()  # what the window shows without an audit
        ctx.discard_history()
        try:
            ctx.file.close()
        except Exception:
            log.exception("closing the audit file failed")
        ctx.deleteLater()
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.path_label.setText("")
        self.retranslate()

    @property
    def start_page(self):  # -> app.ui.start_page.StartPage
        if self._start_page is None:
            from app.ui.start_page import StartPage

            self._start_page = StartPage(self.state)
            self.central.insertWidget(0, self._start_page)
        return self._start_page

    def show_start_page(self) -> None:
        self.start_page.reload()
        self.central.setCurrentWidget(self.start_page)
        self._update_title()

    def show_workspace(self) -> None:
        if self.workspace is not None:
            self.central.setCurrentWidget(self.workspace)
            self._update_title()

    # -------------------------------------------------------------------------- helpers
    def _undo(self) -> None:
        if self.context is not None and not self.context.read_only:
            self._commit_pending_edit()
            self.context.undo_stack.undo()

    def _redo(self) -> None:
        if self.context is not None and not self.context.read_only:
            self._commit_pending_edit()
            self.context.undo_stack.redo()

    def _commit_pending_edit(self) -> None:
        """A field being typed in is committed first, so undo never skips the user's last edit."""
        focus = self.focusWidget()
        if focus is None or not hasattr(focus, "editingFinished"):
            return
        if hasattr(focus, "isModified") and not focus.isModified():
            return  # nothing typed: the field keeps the focus (Ctrl+Z, Ctrl+Y, Ctrl+Z…)
        focus.clearFocus()

    def _update_undo_texts(self) -> None:
        stack = self.context.undo_stack if self.context else None
        undo_text = stack.undoText() if stack else ""
        redo_text = stack.redoText() if stack else ""
        self.act_undo.setText(
            self.tr("&Undo {action}").format(action=undo_text) if undo_text else self.tr("&Undo")
        )
        self.act_redo.setText(
            self.tr("&Redo {action}").format(action=redo_text) if redo_text else self.tr("&Redo")
        )

    def _update_save_label(self) -> None:
        state = self.context.save_state if self.context else ""
        if self.context is not None and self.context.read_only:
            text = self.tr("Read-only")
        else:
            text = {
                "saving": self.tr("Saving…"),
                "saved": self.tr("Saved"),
                "failed": self.tr("Not saved"),
            }.get(state, "")
        self.save_label.setText(text)

    def _update_title(self) -> None:
        if self.context is None or self.central.currentWidget() is not self.workspace:
            self.setWindowTitle(self.tr("RECP Audit"))
            return
        info = self.context.audit.info
        name = info.title or info.enterprise.name or Path(self.context.path).stem
        self.setWindowTitle(self.tr("{name} — RECP Audit").format(name=name))

    def _show_failure(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Not saved"), message)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app import __version__

        QMessageBox.about(
            self,
            self.tr("About RECP Audit"),
            self.tr(
                "<b>RECP Audit</b> {version}<br>Resource-efficient and cleaner production audits."
            ).format(version=__version__),
        )

    def _show_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from app.ui.crash import log_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    def show_guide(self):
        """Help → User guide (F1), in the UI language; one window, raised when shown again."""
        from app.ui.guide import GuideDialog

        if getattr(self, "guide", None) is None:
            self.guide = GuideDialog(self.state.translations.lang, self)
        self.guide.show()
        self.guide.raise_()
        return self.guide

    def save_copy(self, path: str | None = None) -> Path | None:
        """File → Save a copy…: the audit as it is now, in another file; this one stays open."""
        if self.context is None:
            return None
        from app.core.errors import UserError
        from app.core.messages import render

        if path is None:
            from PySide6.QtWidgets import QFileDialog

            source = Path(self.context.path)
            name = self.tr("{name} (copy)").format(name=source.stem)
            suggested = Path(self.state.settings.last_folder()) / f"{name}.recp"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save a copy"), str(suggested), self.tr("RECP audits (*.recp)")
            )
            if not path:
                return None
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".recp")
        try:
            saved = self.context.file.save_copy(target)
        except UserError as exc:
            self.last_error = render(exc.problem, self.state.translations.lang)
            if not os.environ.get("RECP_NO_DIALOGS"):
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, self.tr("Save a copy"), self.last_error)
            return None
        self.state.settings.set_last_folder(saved.parent)
        self.statusBar().showMessage(self.tr("Copy saved: {path}").format(path=saved), 8000)
        return saved

    def choose_open_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open audit"),
            self.state.settings.last_folder(),
            self.tr("RECP audits (*.recp)"),
        )
        return path

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        # (not showEvent: see apply_language)
        if visible and self.central.count() == 0:  # shown before any audit was opened
            self.show_start_page()
        super().setVisible(visible)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closing = True
        self._commit_pending_edit()
        self.state.settings.set_geometry(self.saveGeometry())
        self.state.settings.sync()
        self.state.jobs.stop()  # also with no audit open: no worker may outlive the window
        self.close_context()
        self._closing = False
        super().closeEvent(event)
