"""Long jobs (imports, exports, photo processing) off the GUI thread, with progress and Cancel.

Usage from a screen::

    def work(progress: Progress) -> Result:        # runs in a worker thread: no widgets here
        for i, item in enumerate(items):
            if progress.cancelled:
                return None
            progress.update(i, len(items), "…")
        return result

    context.jobs.run(self.tr("Importing"), work, on_done=self.accept_import, parent=self)

``on_done(result)`` and ``on_error(exc)`` run on the GUI thread, and so does ``on_item(item)``
for each ``progress.deliver(item)`` of the job (results handed over one by one while it runs,
each in its own turn of the event loop, all before ``on_done``). A job that sees ``cancelled``
returns early; ``on_done`` is then not called (``on_cancel`` is). Apply the result with
``context.edit`` in ``on_done``: only the GUI thread edits the audit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Progress:
    """Handed to the job function; thread-safe."""

    def __init__(self, signals: _Signals):
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def update(self, value: int, maximum: int = 0, text: str = "") -> None:
        self._signals.progress.emit(int(value), int(maximum), text)

    def deliver(self, item: Any) -> None:
        """Hand ``item`` to the job's ``on_item`` on the GUI thread (queued, in order)."""
        self._signals.item.emit(item)


class InlineProgress:
    """The same interface for running a job inline, where there is no job runner (scripts)."""

    cancelled = False

    def __init__(self, on_item: Callable[[Any], None] | None = None):
        self._on_item = on_item

    def update(self, value: int, maximum: int = 0, text: str = "") -> None:
        pass

    def deliver(self, item: Any) -> None:
        if self._on_item is not None:
            self._on_item(item)


class _Signals(QObject):
    progress = Signal(int, int, str)
    item = Signal(object)
    done = Signal(object)
    error = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # handed to the GUI thread: never lost in a worker
            log.exception("job failed")
            self.signals.error.emit(exc)
            return
        if self.progress.cancelled:
            self.signals.cancelled.emit()
        else:
            self.signals.done.emit(result)


class Job(QObject):
    """A running job: its progress, its dialog (if any), and a ``finished`` signal."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self.dialog: QProgressDialog | None = None
        self.running = True

    def cancel(self) -> None:
        self.progress.cancel()


class JobRunner(QObject):
    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.jobs: list[Job] = []

    def run(
        self,
        title: str,
        fn: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_item: Callable[[Any], None] | None = None,
        parent: QWidget | None = None,
        show_dialog: bool = True,
    ) -> Job:
        job = Job(self)
        self.jobs.append(job)
        if show_dialog:
            dlg = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            dlg.setWindowTitle(title)
            dlg.setWindowModality(Qt.WindowModal)
            dlg.setMinimumDuration(400)  # quick jobs finish before a dialog flickers
            dlg.setAutoClose(False)
            dlg.setAutoReset(False)
            dlg.canceled.connect(job.cancel)
            job.dialog = dlg

            def show_progress(value: int, maximum: int, text: str) -> None:
                dlg.setMaximum(maximum)
                dlg.setValue(value)
                if text:
                    dlg.setLabelText(text)

            job.signals.progress.connect(show_progress)

        def finish() -> None:
            job.running = False
            if job.dialog is not None:
                job.dialog.close()
                job.dialog.deleteLater()
                job.dialog = None
            if job in self.jobs:
                self.jobs.remove(job)
            job.finished.emit()

        def done(result: Any) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def error(exc: BaseException) -> None:
            finish()
            if on_error is not None:
                on_error(exc)
            else:
                raise exc  # reaches the global exception hook: logged and shown

        def cancelled() -> None:
            finish()
            if on_cancel is not None:
                on_cancel()

        if on_item is not None:
            job.signals.item.connect(on_item)
        job.signals.done.connect(done)
        job.signals.error.connect(error)
        job.signals.cancelled.connect(cancelled)
        self.pool.start(_Runnable(fn, job.signals, job.progress))
        return job

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def stop(self, msecs: int = 30_000) -> bool:
        """Cancel every running job and wait for the workers: run before the audit closes and
        before the interpreter exits, so no worker reads a closed file or outlives Python."""
        for job in list(self.jobs):
            job.cancel()
        return self.pool.waitForDone(msecs)
