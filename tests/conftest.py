"""Shared test set-up: Qt offscreen, matplotlib caches in a temporary folder, and Qt objects
torn down while Python is still whole.

pytest-qt closes a test's widgets with ``deleteLater``, but deferred deletes only run inside an
event loop: without the flush below, every window of the session would be destroyed by
QApplication's own teardown during interpreter shutdown, when a slot called by a dying widget's
signal (or a worker still in the thread pool) can find Python half gone — a rare segfault
(exit 139) after all tests had passed.
"""

import gc
import os
import sys
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLCONFIGDIR", tempfile.mkdtemp(prefix="mpl-"))
os.environ.setdefault("MPLBACKEND", "Agg")


def _qt_app():
    """The QApplication if a test made one (tests that never touch Qt don't import it)."""
    if "PySide6.QtWidgets" not in sys.modules:
        return None
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def _flush_deletes(app) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


@pytest.fixture(autouse=True)
def _delete_closed_widgets():
    yield
    app = _qt_app()
    if app is not None:
        if "app.ui.context" in sys.modules:  # contexts a test left to the GC (see there)
            sys.modules["app.ui.context"].discard_all_history()
        _flush_deletes(app)


def pytest_sessionfinish(session, exitstatus):
    app = _qt_app()
    if app is None:
        return
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)  # no job may outlive the interpreter
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    _flush_deletes(app)
    gc.collect()
    _flush_deletes(app)
