"""Global failure handling: log every uncaught exception and tell the user; never a silent exit.

Edits are committed as they happen (``AuditContext.edit``), so an unexpected error loses nothing:
the dialog says so, offers the summary to copy, and the application keeps running.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

log = logging.getLogger("recp")
_handler_installed = False
_showing = False


def log_dir() -> Path:
    """The user's log folder (``$RECP_LOG_DIR`` overrides it, e.g. in tests)."""
    env = os.environ.get("RECP_LOG_DIR")
    if env:
        path = Path(env)
    elif sys.platform == "win32":
        path = Path(os.environ.get("LOCALAPPDATA", Path.home())) / "RECP Audit" / "logs"
    else:
        base = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state"))
        path = base / "recp-audit" / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / "recp-audit.log"


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


def rotate(path: Path, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> None:
    """Start a new log when the current one is over ``max_bytes``: ``.log`` -> ``.log.1`` ->
    ... -> ``.log.N`` (the oldest dropped). Done once per start, so the log stays bounded
    without ``logging.handlers`` (its import, ~10 ms with socket and pickle, is on the start-up
    path); one session writing megabytes of errors would be pathological."""
    try:
        if path.stat().st_size <= max_bytes:
            return
        for n in range(backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:  # no log yet, or it cannot be moved: keep appending
        return


def setup_logging() -> None:
    """Append to the log file (rotated at start); safe to call more than once."""
    global _handler_installed
    if _handler_installed:
        return
    path = log_file()
    rotate(path)
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)  # opened on first record
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    _handler_installed = True


def summary(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    from app import __version__

    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"RECP Audit {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n{text}"


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """``sys.excepthook``: log, then show the dialog (on the GUI thread) if a GUI is running."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    text = summary(exc_type, exc, tb)
    log.error("Uncaught exception\n%s", text)
    _show_dialog(text)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    text = summary(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
    log.error("Uncaught exception in thread %s\n%s", getattr(args.thread, "name", "?"), text)
    # Widgets only on the GUI thread: hand the dialog over through the event loop.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: _show_dialog(text))


def _show_dialog(text: str) -> None:
    global _showing
    from PySide6.QtCore import QCoreApplication, QThread
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        sys.stderr.write(text)
        return
    if _showing:  # one dialog at a time; the log has every error
        return
    _showing = True
    try:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Critical)
        box.setWindowTitle(QCoreApplication.translate("Crash", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "Crash",
                "Something went wrong. Your audit is safe: every change was already saved.\n"
                "The details were written to the log file:\n{path}",
            ).format(path=log_file())
        )
        box.setDetailedText(text)  # selectable, so the user can copy it into an e-mail
        copy = box.addButton(
            QCoreApplication.translate("Crash", "Copy summary"), QMessageBox.ActionRole
        )
        box.addButton(QMessageBox.Ok)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(text))
        if os.environ.get("RECP_NO_DIALOGS"):  # tests and --smoke: log only
            return
        box.exec()
    finally:
        _showing = False


def install() -> None:
    setup_logging()
    sys.excepthook = handle_exception
    threading.excepthook = _thread_hook
