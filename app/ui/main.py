"""Starting the GUI: ``run_gui(file=None, smoke=False, lang=None)``, called by ``app.cli``.

Only Qt, the core model and the store are imported on this path; pandas, matplotlib, reportlab
and openpyxl stay out (a test checks sys.modules) so the first window appears fast.

Start-up cost notes (see benchmarks/bench_startup.py):
- PySide6 creates a class's Python enums when the class is first touched (the ``Qt`` namespace
  alone: 93 enums, ~40 ms; ``QEvent`` ~2 ms). Classes only needed on demand (message boxes,
  progress dialogs, the job runner, ``QEvent``) are imported where they are used, and the
  window's widgets keep Python event handlers to a minimum (see ``MainWindow.apply_language``).
"""

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from app.core.errors import UserError
from app.core.messages import render
from app.ui.context import AuditContext
from app.ui.settings import APPLICATION, ORGANISATION, AppSettings
from app.ui.translations import Translations

log = logging.getLogger(__name__)


class _LazyJobs:
    """The ``JobRunner``, made on first use (``app.ui.jobs`` needs Qt types the first paint
    does not); attribute access is forwarded to it."""

    def __init__(self, parent: QApplication):
        self._parent = parent
        self._runner = None

    def __getattr__(self, name: str):
        if self._runner is None:
            from app.ui.jobs import JobRunner

            self._runner = JobRunner(self._parent)
        return getattr(self._runner, name)

    def stop(self) -> None:
        if self._runner is not None:  # no job ever ran: nothing to wait for
            self._runner.stop()


class AppState:
    """What the windows share: settings, translations, the job runner, the opener of audits."""

    def __init__(self, app: QApplication, settings: AppSettings, lang: str):
        from app.ui.main_window import MainWindow

        self.app = app
        self.settings = settings
        self.translations = Translations(app)
        self.translations.set_language(lang)
        self.jobs = _LazyJobs(app)
        self.window = MainWindow(self)
        self.window.languageRequested.connect(self.set_language)
        self.window.after_first_paint(self.translations.apply_dialog_choice)

    # language ------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the UI language now (LanguageChange reaches every widget) and remember it."""
        if self.window.context is not None:  # first: screens format numbers by context.lang
            self.window.context.set_language(lang)
        self.translations.set_language(lang)
        self.translations.apply_dialog_choice()
        # Deliver the LanguageChange events now, so every widget is retranslated on return.
        from PySide6.QtCore import QEvent  # (its Python class costs ~2 ms: not at start-up)

        QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)
        self.settings.set_language(lang)
        self.window.apply_language()

    # opening audits ------------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        from app.store.auditfile import AuditFile

        path = Path(path)
        try:
            # The on-open backup runs in a thread: the window need not wait for the copy, and
            # the first edit does (AuditFile._write), so the state at open is always saved.
            af = AuditFile.open(path, background_backup=True)
        except UserError as exc:
            self._error(render(exc.problem, self.translations.lang))
            return False
        try:
            audit = af.load()
        except Exception:
            af.close()
            raise
        ctx = AuditContext(
            af,
            audit,
            path=str(path),
            lang=self.translations.lang,
            settings=self.settings,
            jobs=self.jobs,
        )
        self.window.set_context(ctx)
        info = audit.info
        # Written after the first paint: QSettings saves its file on the next turn of the
        # event loop, which would otherwise come before the window is drawn (~2 ms).
        self.window.after_first_paint(
            lambda: self._remember(path, info.title, info.enterprise.name)
        )
        return True

    def _remember(self, path: Path, title: str, enterprise: str) -> None:
        self.settings.add_recent(path, title, enterprise)
        self.settings.set_last_folder(path.parent)

    def open_demo(self) -> bool:
        try:
            from app.store.demo_file import ensure_demo_audit
        except ImportError:
            self._error(
                QCoreApplication.translate(
                    "Start", "The demo audit is not available in this build."
                )
            )
            return False
        return self.open_path(ensure_demo_audit())

    def open_dialog(self) -> bool:
        path = self.window.choose_open_path()
        return self.open_path(path) if path else False

    def new_audit(self) -> bool:
        from app.ui.new_audit import NewAuditWizard

        wizard = NewAuditWizard(self.settings, self.window, self.translations.lang)
        if not wizard.exec():
            return False
        return self.open_path(wizard.created_path)

    def _error(self, message: str) -> None:
        log.warning("%s", message)
        if os.environ.get("RECP_NO_DIALOGS"):
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            self.window, QCoreApplication.translate("Start", "Cannot open the audit"), message
        )


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("RECP Audit")
    return app


def run_gui(file: str | None = None, smoke: bool = False, lang: str | None = None) -> int:
    """Open ``file`` (or the demo audit) in the main window; ``smoke`` paints once and exits 0."""
    from app.ui import crash

    if smoke:
        os.environ.setdefault("RECP_NO_DIALOGS", "1")
    app = make_app()
    crash.install()
    settings = AppSettings()
    state = AppState(app, settings, lang or settings.language("vi"))
    window = state.window
    opened = state.open_path(file) if file else state.open_demo()
    if not opened:
        window.show_start_page()
    window.show()
    if smoke:
        app.processEvents()
        image = window.grab()
        ok = opened and not image.isNull()
        print("smoke: main window painted" if ok else "smoke: FAILED", file=sys.stderr)
        window.close()
        _tear_down(state)
        return 0 if ok else 1
    QTimer.singleShot(0, window.raise_)
    code = app.exec()
    _tear_down(state)
    return code


def _tear_down(state: AppState) -> None:
    """Stop workers and delete the window while Python is whole: left to QApplication's own
    teardown at interpreter exit, a dying widget's signal can reach a half-finalised Python."""
    from PySide6.QtCore import QEvent

    state.jobs.stop()
    state.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
