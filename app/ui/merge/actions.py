"""File -> Hand out a copy… and File -> Merge a teammate's copy…, the auditor's name (asked once
per laptop, kept in the settings, written with every change), and the merge as ONE undo step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.messages import render
from app.ui.context import AuditContext, Change, EditCommand, _merge_changes

if TYPE_CHECKING:
    from app.store import teamwork


def _tw():
    """The store's team-work module, imported on first use (not on the GUI's start-up path)."""
    from app.store import teamwork

    return teamwork


AUTHOR_KEY = "team/author"


def saved_author(settings: Any) -> str:
    return str(settings.q.value(AUTHOR_KEY, "") or "") if settings is not None else ""


def ask_author(parent: QWidget, settings: Any) -> str | None:
    """The auditor's name from the settings, asked (and kept) the first time."""
    name = saved_author(settings)
    if name:
        return name
    name, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("TeamMenu", "Your name"),
        QCoreApplication.translate(
            "TeamMenu", "Your name, recorded with every change you make (asked once):"
        ),
    )
    name = name.strip()
    if not ok or not name:
        return None
    if settings is not None:
        settings.q.setValue(AUTHOR_KEY, name)
        settings.q.sync()
    return name


class MergeCommand(EditCommand):
    """An EditCommand whose transaction also moves the hand-out's base (and undo's puts it
    back): the objects and the base change together or not at all."""

    def __init__(self, ctx: AuditContext, label: str, change: Change, plan: teamwork.MergePlan):
        super().__init__(ctx, label, change, None)
        self.plan = plan
        self.old_base = _tw().base_of(ctx.file._conn, plan)

    def _write_with_base(self, change: Change, base_work) -> bool:
        """One transaction: the change (logged as the context's edits are) and the base; then
        memory and the screens through the context (without writing again)."""
        ctx = self.ctx
        af = ctx.file
        try:
            af._write(
                lambda conn: (
                    af._apply(
                        conn, change.put, change.delete, change.info, af.author, af._has_log()
                    ),
                    base_work(conn),
                )
            )
        except Exception as exc:  # store errors of any kind: report, change nothing
            ctx._set_save_state("failed")
            ctx.failed.emit(ctx._message_for(exc))
            return False
        return ctx._apply(change, write=False)

    def apply_forward(self, write: bool = True) -> bool:
        if not write:
            return super().apply_forward(False)

        def work(conn) -> None:
            tw = _tw()
            tw.move_base(conn, self.plan)
            tw.attribute(conn, self.plan, self.seq_before)  # who made each merged change

        self.seq_before = _tw().last_seq(self.ctx.file._conn)
        return self._write_with_base(self.after, work)

    def undo(self) -> None:
        back = Change(put=self.before, delete=self.created, info=self.before_info)
        handout = self.plan.handout_id
        if not self._write_with_base(
            back, lambda conn: _tw().set_base(conn, handout, self.old_base)
        ):
            self.setObsolete(True)
            self.ctx._undo_failed()


def merge_into_context(
    ctx: AuditContext,
    plan: teamwork.MergePlan,
    resolutions: dict | None = None,
    prefer: str | None = None,
) -> bool:
    """Apply ``plan`` through the context's edit path: a backup first, one transaction, one
    undo step. Raises ``UserError`` for unresolved conflicts (nothing applied)."""
    writes = _tw().resolved_rows(plan, resolutions, prefer)
    put, delete, info = _tw().as_objects(plan, writes)
    from app.store import backups

    ctx.file.wait_for_backup()
    backups.make_backup(ctx.file._conn, ctx.file.path, ctx.file.meta().get("modified", ""))
    merged = _merge_changes([Change(put, delete, info)])
    merged.delete.extend(ctx._owned_by(merged.delete, merged.put))
    label = QCoreApplication.translate("TeamMenu", "Merge {file}").format(file=plan.theirs.name)
    command = MergeCommand(ctx, label, merged, plan)
    if not command.apply_forward():
        return False
    command.already_done = True
    ctx.undo_stack.push(command)
    return True


class HandoutDialog(QDialog):
    """Where to write the copy, and optionally only some areas, process steps and streams."""

    def __init__(self, ctx: AuditContext, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtCore import Qt  # not at import: the main window loads this module

        self.ctx = ctx
        audit = ctx.audit
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        grid = QGridLayout()
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.lists: list[QListWidget] = []
        areas = sorted({f.area for f in audit.findings if f.area})
        choices = (
            [(a, a) for a in areas],
            [(s.name_vi, s.id) for s in audit.steps],
            [(s.name_vi, s.id) for s in audit.streams],
        )
        for col, (label, items) in enumerate(zip(self.labels, choices, strict=True)):
            lst = QListWidget()
            for text, value in items:
                item = QListWidgetItem(text)
                item.setData(Qt.UserRole, value)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked)
                lst.addItem(item)
            grid.addWidget(label, 0, col)
            grid.addWidget(lst, 1, col)
            self.lists.append(lst)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Hand out a copy"))
        self.intro.setText(
            self.tr(
                "Tick what the teammate takes. Everything else (header, team, options…) goes too."
            )
        )
        for label, text in zip(
            self.labels,
            (self.tr("Walkthrough areas"), self.tr("Process steps"), self.tr("Streams")),
            strict=True,
        ):
            label.setText(text)

    def selection(self) -> dict[str, list[str] | None]:
        """None for a kind handed out whole."""
        from PySide6.QtCore import Qt

        out: dict[str, list[str] | None] = {}
        for name, lst in zip(("areas", "steps", "streams"), self.lists, strict=True):
            items = [lst.item(i) for i in range(lst.count())]
            picked = [i.data(Qt.UserRole) for i in items if i.checkState() == Qt.Checked]
            out[name] = None if len(picked) == len(items) else picked
        return out


class TeamMenu(QObject):
    """The two File menu actions; the main window calls ``install`` and ``retranslate``."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.act_handout = QAction(window)
        self.act_merge = QAction(window)
        self.act_handout.triggered.connect(self.hand_out)
        self.act_merge.triggered.connect(self.merge)
        self.last_dialog: Any = None  # the last merge review shown (tests, screenshots)

    def install(self, menu) -> None:
        menu.addAction(self.act_handout)
        menu.addAction(self.act_merge)

    def context_opened(self, ctx: AuditContext) -> None:
        """Edits of this audit are recorded under the laptop's auditor name, once it is set."""
        name = saved_author(getattr(self.window.state, "settings", None))
        if name and getattr(ctx.file, "author", None) is not None:
            ctx.file.author = name

    def retranslate(self) -> None:
        self.act_handout.setText(self.tr("Hand out a copy…"))
        self.act_merge.setText(self.tr("Merge a teammate's copy…"))

    def _context(self) -> AuditContext | None:
        ctx = self.window.context
        if ctx is None:
            QMessageBox.information(self.window, "RECP", self.tr("Open an audit first."))
        return ctx

    def _author(self, ctx: AuditContext) -> bool:
        name = ask_author(self.window, getattr(self.window.state, "settings", None))
        if name is None:
            return False
        ctx.file.author = name
        return True

    def _fail(self, exc: UserError, ctx: AuditContext) -> None:
        QMessageBox.warning(self.window, "RECP", render(exc.problem, ctx.lang))

    def hand_out(self, path: str = "", dialog: HandoutDialog | None = None) -> bool:
        ctx = self._context()
        if ctx is None or not self._author(ctx):
            return False
        dialog = dialog or HandoutDialog(ctx, self.window)
        if dialog.exec() != QDialog.Accepted:
            return False
        if not path:
            suggested = str(Path(ctx.path).with_name(Path(ctx.path).stem + "-copy.recp"))
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Hand out a copy"), suggested, "RECP (*.recp)"
            )
            if not path:
                return False
        try:
            _tw().hand_out(ctx.file, path, **dialog.selection())
        except UserError as exc:
            self._fail(exc, ctx)
            return False
        return True

    def merge(self, path: str = "") -> bool:
        ctx = self._context()
        if ctx is None or not self._author(ctx):
            return False
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Merge a teammate's copy"),
                str(Path(ctx.path).parent),
                "RECP (*.recp)",
            )
            if not path:
                return False
        try:
            plan = _tw().plan_merge(ctx.file, path, backup=True)
        except UserError as exc:
            self._fail(exc, ctx)
            return False
        if plan.empty:
            QMessageBox.information(
                self.window, "RECP", self.tr("Nothing new: this copy is already merged.")
            )
            return True

        from app.ui.merge.review import MergeReviewDialog

        dialog = MergeReviewDialog(plan, self.window, ctx.lang)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return False
        try:
            return merge_into_context(ctx, plan, dialog.resolutions())
        except UserError as exc:
            self._fail(exc, ctx)
            return False
