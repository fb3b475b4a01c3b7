"""Adding photos to a finding: processed and stored off the GUI thread, recorded as one undo step.

The worker decodes, downscales and re-encodes each photo, then commits it in its own short
transaction through its own connection (``AuditFile.writer``): a synced commit of a 12 MP
photo's JPEG takes 25-110 ms, too long for the GUI thread. Each stored photo is handed back to
the GUI thread (``progress.deliver``), which only records the already-written change
(``context.edit(applied=True)``); the batch is ONE undo step through a per-batch ``merge_key``.
A file that fails leaves nothing behind; its message is shown in the status label.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.core import model
from app.core.errors import Problem, UserError
from app.core.model import Finding
from app.ui.context import AuditContext
from app.ui.jobs import InlineProgress


class PhotoImport:
    """Adds batches of photo files to findings of ``context``; reports in ``status``."""

    def __init__(self, context: AuditContext, status: QLabel, lang: Callable[[], str]):
        self.context = context
        self.status = status
        self._lang = lang
        self.last_problems: list[str] = []  # messages of the last batch's refused files

    def add(self, finding: Finding, new: bool, paths: list[str]) -> None:
        """Store ``paths`` as photos of ``finding`` (written with the first photo when ``new``)."""
        positions = [p.position for p in self.context.audit.photos if p.finding_id == finding.id]
        work = _photo_worker(self.context.file, paths, finding, new, max(positions, default=-1) + 1)
        batch = model.new_id()
        self.last_problems = []

        def take(entry) -> None:  # on the GUI thread, one photo per turn of the event loop
            if isinstance(entry, Problem):
                self._report(entry)
            else:
                self._record(finding, entry, batch)

        def finished(_result=None) -> None:
            if not self.last_problems:
                self.status.setText("")

        self.status.setText(
            QCoreApplication.translate("WalkthroughScreen", "Processing {count} photos…").format(
                count=len(paths)
            )
        )
        if self.context.jobs is None:  # scripts and simple tests: inline, same storing path
            work(InlineProgress(on_item=take))
            finished()
            return
        self.context.jobs.run(
            QCoreApplication.translate("WalkthroughScreen", "Adding photos"),
            work,
            on_item=take,
            on_done=finished,
            on_error=lambda exc: (
                self._report(Problem("error.unexpected", params={"detail": str(exc)})),
                finished(),
            ),
            on_cancel=finished,
            parent=self.status.window(),
        )

    def _report(self, problem: Problem) -> None:
        from app.core.messages import render

        self.last_problems.append(render(problem, self._lang()))
        self.status.setText("\n".join(self.last_problems))

    def _record(self, finding: Finding, put: list, batch: str) -> bool:
        """Memory and undo for a photo (and maybe its new finding) the worker already wrote."""
        in_memory = any(f.id == finding.id for f in self.context.audit.findings)
        if not in_memory and not any(isinstance(o, Finding) for o in put):
            return False  # the finding was deleted meanwhile: the file dropped the photo too
        return self.context.edit(
            QCoreApplication.translate("WalkthroughScreen", "Add photos"),
            put=put,
            merge_key=f"photos-{batch}",
            applied=True,
        )


def _photo_worker(audit_file, paths: list[str], finding: Finding, new: bool, position: int):
    """The job for ``PhotoImport.add``: runs in a worker thread, no widgets, no ``context.edit``.

    Delivers (``progress.deliver``), for each path, either the entities it committed (the
    photo, and the finding with the first photo when the finding is new) or the ``Problem``
    that stopped it.
    """
    from app.core.photos import process_photo_file

    def work(progress) -> None:
        writer = None
        finding_stored = not new
        next_position = position
        try:
            for index, path in enumerate(paths):
                if progress.cancelled:
                    return
                try:
                    processed = process_photo_file(path)
                    photo = processed.to_photo(finding.id, position=next_position)
                    put = [photo] if finding_stored else [copy.deepcopy(finding), photo]
                    if writer is None:
                        writer = audit_file.writer()  # its connection belongs to this thread
                    writer.apply(put=put)
                except UserError as exc:
                    progress.deliver(exc.problem)
                else:
                    finding_stored = True
                    next_position += 1
                    progress.deliver(put)
                progress.update(index + 1, len(paths), Path(path).name)
        finally:
            if writer is not None:
                writer.close()

    return work
