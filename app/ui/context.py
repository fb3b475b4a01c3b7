"""The open audit as the screens see it: one path for every edit, undo, save state, language.

Like Anki's ``aqt.operations``: a screen never writes to the store itself. It calls
``context.edit(label, put=[...], delete=[...], info=...)``; the context pushes an undo command
whose redo writes the change to the audit file in ONE committed transaction and then to the
in-memory ``Audit``, and whose undo restores exactly the objects that were there before. After
every apply the context emits ``changed(ChangeSet)`` so each screen decides whether to refresh.

If the store refuses a change (disk full, file locked, bad value), nothing changes in memory, the
command is not pushed, ``failed(message)`` is emitted and ``edit`` returns False: the screen keeps
the user's text so the edit can be retried.
"""

from __future__ import annotations

import copy
import logging
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import isValid as shiboken_valid

from app.core import model
from app.core.errors import UserError
from app.core.messages import render
from app.store import schema

log = logging.getLogger(__name__)

AUDIT_LIST = model.AUDIT_LISTS  # entity type -> Audit list


# Children the store deletes together with their parent (child type, parent-id field), as
# the schema's ON DELETE CASCADE columns say.
OWNED: tuple[tuple[type, str], ...] = tuple(
    (child, field_name) for child, field_name, _parent in schema.owned_children()
)


@dataclass(frozen=True)
class ChangeSet:
    """What one apply touched: entity types and ids, and whether the audit header changed."""

    types: frozenset[type] = frozenset()
    ids: frozenset[str] = frozenset()
    info: bool = False
    reset: bool = False  # everything may have changed (e.g. a failed undo reloaded the audit)
    settings: frozenset[str] = frozenset()  # keys of per-audit settings that changed
    # Who asked for the change (``edit(..., origin=self)``) on its first apply; None on undo
    # and redo. A screen that already shows what it just did can skip recomputing it.
    origin: object | None = None

    def touches(self, *types: type) -> bool:
        """True when any of ``types`` changed (always true after a reset)."""
        return self.reset or any(t in self.types for t in types)

    def touches_setting(self, key: str) -> bool:
        return self.reset or key in self.settings


@dataclass
class Change:
    """One set of puts/deletes (and optionally a new header) to apply in one transaction."""

    put: list[Any] = field(default_factory=list)
    delete: list[Any] = field(default_factory=list)
    info: model.AuditInfo | None = None
    settings: dict[str, Any] = field(default_factory=dict)  # per-audit settings: key -> value


_LIVE: weakref.WeakSet[AuditContext] = weakref.WeakSet()


def discard_all_history() -> None:
    """Empty the undo stack of every context still alive (see ``discard_history``)."""
    for ctx in list(_LIVE):
        ctx.discard_history()


class AuditContext(QObject):
    """The open audit file, its in-memory Audit, the undo stack, language and services."""

    changed = Signal(object)  # ChangeSet
    saveStateChanged = Signal(str)  # "saving" | "saved" | "failed"
    failed = Signal(str)  # a translated message for the user
    languageChanged = Signal(str)  # "vi" | "en"

    def __init__(
        self,
        audit_file: Any,
        audit: model.Audit | None = None,
        *,
        path: str = "",
        lang: str = "vi",
        settings: Any = None,
        jobs: Any = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.file = audit_file
        self._audit: model.Audit = audit if audit is not None else audit_file.load()
        self.path = path
        self.lang = lang
        self.settings = settings  # app.ui.settings.AppSettings
        self.jobs = jobs  # app.ui.jobs.JobRunner
        self.undo_stack = QUndoStack(self)
        self.save_state = "saved"
        problem = getattr(audit_file, "read_only_reason", None)
        self.read_only: bool = bool(getattr(audit_file, "read_only", False))
        self.read_only_reason: str = render(problem, lang) if problem is not None else ""
        self._macro_depth = 0
        _LIVE.add(self)

    @property
    def audit(self) -> model.Audit:
        """The open audit (whole: read at opening)."""
        return self._audit

    def discard_history(self) -> None:
        """Delete the undo commands now, while their Python wrappers are certainly alive.

        A context left to Python's garbage collector (held in a reference cycle, e.g. by a
        closed dialog's slots) can have its command wrappers freed before ~QUndoStack deletes
        the commands, which crashes. Closing an audit and the test teardown call this first.
        """
        if shiboken_valid(self) and shiboken_valid(self.undo_stack):
            self.undo_stack.clear()

    # ------------------------------------------------------------------ language and locale
    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        problem = getattr(self.file, "read_only_reason", None)
        if problem is not None:
            self.read_only_reason = render(problem, lang)
        self.languageChanged.emit(lang)

    def locale(self) -> QLocale:
        return QLocale("vi_VN" if self.lang == "vi" else "en_US")

    def format_number(self, value: float | int | None, decimals: int = -1) -> str:
        """A number in the UI language's locale (vi 1.234,5; en 1,234.5); '' for None."""
        if value is None:
            return ""
        loc = self.locale()
        if isinstance(value, int):
            return loc.toString(value)
        if decimals < 0:
            # Up to 3 decimals, trailing zeros dropped: quantities are typed, not computed.
            text = loc.toString(float(value), "f", 3)
            dec = loc.decimalPoint()
            if dec in text:
                text = text.rstrip("0").rstrip(dec)
            return text
        return loc.toString(float(value), "f", decimals)

    def parse_number(self, text: str) -> float | None:
        """A number typed in the UI language's locale (plain '1234.5' accepted too)."""
        text = text.strip().replace("\u00a0", " ").replace(" ", "")
        if not text:
            return None
        value, ok = self.locale().toDouble(text)
        if ok:
            return value
        try:
            return float(text)
        except ValueError:
            return None

    def format_date(self, value: Any) -> str:
        if value is None:
            return ""
        qd = QDate(value.year, value.month, value.day)
        return self.locale().toString(qd, "dd/MM/yyyy" if self.lang == "vi" else "d MMM yyyy")

    def format_period(self, period: str) -> str:
        """ "2024-03" as the language shows a month: "03/2024" or "Mar 2024"."""
        if len(period) < 7:
            return period
        qd = QDate(int(period[:4]), int(period[5:7]), 1)
        return self.locale().toString(qd, "MM/yyyy" if self.lang == "vi" else "MMM yyyy")

    # ------------------------------------------------------------------ the one edit path
    def edit(
        self,
        label: str,
        put: Iterable[Any] = (),
        delete: Iterable[Any] = (),
        info: model.AuditInfo | None = None,
        *,
        settings: dict[str, Any] | None = None,
        merge_key: str | None = None,
        applied: bool = False,
        origin: object | None = None,
    ) -> bool:
        """Apply a change as one undoable step; True when it was saved.

        ``settings``: per-audit settings to set (``AuditFile.set_setting`` keys), in the same
        transaction; undo puts the previous values back.
        ``origin``: who asks (usually the screen): given back in the first ``ChangeSet``.

        ``merge_key``: consecutive edits with the same key merge into one undo step (e.g. moving
        a row several times with the keyboard).
        ``applied``: the change is already committed to the file (e.g. by a worker thread's own
        connection, see ``AuditFile.writer``): only memory is updated; undo/redo write as usual.
        """
        return self.edit_many(
            label,
            [Change(list(put), list(delete), info, dict(settings or {}))],
            merge_key=merge_key,
            applied=applied,
            origin=origin,
        )

    def edit_many(
        self,
        label: str,
        changes: Iterable[Change],
        *,
        merge_key: str | None = None,
        applied: bool = False,
        origin: object | None = None,
    ) -> bool:
        """Several changes (e.g. an accepted import) as ONE transaction and ONE undo step."""
        merged = _merge_changes(list(changes))
        merged.delete.extend(self._owned_by(merged.delete, merged.put))
        if self.read_only:
            self.failed.emit(
                QCoreApplication.translate("AuditContext", "This audit is open read-only.")
            )
            return False
        if not merged.put and not merged.delete and merged.info is None and not merged.settings:
            return True
        command = EditCommand(self, label, merged, merge_key)
        if not self._apply(merged, write=not applied, origin=origin):
            return False
        command.already_done = True
        self.undo_stack.push(command)  # push calls redo(), which skips the first time
        return True

    @contextmanager
    def macro(self, label: str) -> Iterator[None]:
        """Group several ``edit`` calls into one undo step (each is still its own transaction)."""
        self.undo_stack.beginMacro(label)
        self._macro_depth += 1
        try:
            yield
        finally:
            self._macro_depth -= 1
            self.undo_stack.endMacro()

    # ------------------------------------------------------------------ internals
    def current(self, entity: Any) -> Any | None:
        """The in-memory object with the same type and id as ``entity``, or None."""
        for obj in getattr(self.audit, AUDIT_LIST[type(entity)]):
            if obj.id == entity.id:
                return obj
        return None

    def _owned_by(self, deleted: list[Any], put: list[Any]) -> list[Any]:
        """Children the store deletes with their parent, so memory and undo include them."""
        gone = {o.id for o in deleted}
        keep = {(type(o), o.id) for o in [*deleted, *put]}
        out = []
        for child_type, attr in OWNED:
            for child in getattr(self.audit, AUDIT_LIST[child_type]):
                if getattr(child, attr) in gone and (child_type, child.id) not in keep:
                    out.append(child)
        return out

    def _snapshot(self, entity: Any) -> Any | None:
        """A deep copy of the current version of ``entity`` (photos with their JPEG bytes)."""
        cur = self.current(entity)
        if cur is None:
            return None
        snap = copy.deepcopy(cur)
        if isinstance(snap, model.Photo) and snap.jpeg is None:
            try:
                snap.jpeg = self.file.photo_jpeg(snap.id)
            except Exception:  # a photo without bytes is restored as it was stored
                log.exception("could not read photo %s for undo", snap.id)
        return snap

    def _apply(self, change: Change, write: bool = True, origin: object | None = None) -> bool:
        """Store first, memory second: a refused write leaves memory untouched."""
        self._set_save_state("saving")
        try:
            if write:
                self.file.apply(
                    put=change.put,
                    delete=change.delete,
                    info=change.info,
                    settings=change.settings or None,
                )
        except Exception as exc:  # store errors of any kind: report, change nothing
            log.exception("apply failed")
            self._set_save_state("failed")
            self.failed.emit(self._message_for(exc))
            return False
        for obj in change.delete:
            items = getattr(self.audit, AUDIT_LIST[type(obj)])
            items[:] = [o for o in items if o.id != obj.id]
        for obj in change.put:
            mem = copy.deepcopy(obj)
            if isinstance(mem, model.Photo):
                mem.jpeg = None  # as load() gives it: full JPEGs are fetched on demand
            items = getattr(self.audit, AUDIT_LIST[type(obj)])
            for i, o in enumerate(items):
                if o.id == mem.id:
                    items[i] = mem
                    break
            else:
                items.append(mem)
        if change.info is not None:
            self.audit.info = copy.deepcopy(change.info)
        self._set_save_state("saved")
        self.changed.emit(
            ChangeSet(
                types=frozenset(type(o) for o in [*change.put, *change.delete]),
                ids=frozenset(o.id for o in [*change.put, *change.delete]),
                info=change.info is not None,
                settings=frozenset(change.settings),
                origin=origin,
            )
        )
        return True

    def _set_save_state(self, state: str) -> None:
        self.save_state = state
        self.saveStateChanged.emit(state)

    def _message_for(self, exc: Exception) -> str:
        if isinstance(exc, UserError):
            return render(exc.problem, self.lang)
        return QCoreApplication.translate(
            "AuditContext", "The change could not be saved: {error}"
        ).format(error=str(exc) or type(exc).__name__)

    def _undo_failed(self) -> None:
        """An undo/redo could not be written: memory still matches disk, but the stack does not.

        Cleared on the next event-loop turn: a command must not be deleted while it runs.
        """
        QTimer.singleShot(0, self.undo_stack.clear)
        self.changed.emit(ChangeSet(reset=True))


def _merge_changes(changes: list[Change]) -> Change:
    put: dict[tuple[type, str], Any] = {}
    delete: dict[tuple[type, str], Any] = {}
    info = None
    settings: dict[str, Any] = {}
    for ch in changes:
        settings.update(copy.deepcopy(ch.settings))
        for obj in ch.delete:
            key = (type(obj), obj.id)
            put.pop(key, None)
            delete[key] = obj
        for obj in ch.put:
            key = (type(obj), obj.id)
            delete.pop(key, None)
            put[key] = copy.deepcopy(obj)
        if ch.info is not None:
            info = copy.deepcopy(ch.info)
    return Change(list(put.values()), list(delete.values()), info, settings)


class EditCommand(QUndoCommand):
    """Redo applies ``after``; undo restores the snapshots taken just before the first apply."""

    def __init__(self, ctx: AuditContext, label: str, change: Change, merge_key: str | None):
        super().__init__(label)
        # Weak: the stack (a child of ctx) owns this command. A strong ref would make the
        # pair a cycle that Python's GC breaks in an arbitrary order: freeing the command's
        # wrapper before ~QUndoStack deletes it crashes (seen at interpreter exit).
        self._ctx = weakref.ref(ctx)
        self.merge_key = merge_key
        self.after = change
        self.already_done = False
        touched = [*change.put, *change.delete]
        # Snapshots of what was there before: restored by undo; ids absent before get deleted.
        self.before = [s for s in (ctx._snapshot(o) for o in touched) if s is not None]
        before_ids = {(type(s), s.id) for s in self.before}
        self.created = [o for o in change.put if (type(o), o.id) not in before_ids]
        self.before_info = copy.deepcopy(ctx.audit.info) if change.info is not None else None
        self.before_settings = {k: ctx.file.get_setting(k) for k in change.settings}

    @property
    def ctx(self) -> AuditContext:
        ctx = self._ctx()
        if ctx is None:  # cannot run without its stack's owner; kept as a clear error
            raise RuntimeError("edit command outlived its audit context")
        return ctx

    def apply_forward(self, write: bool = True) -> bool:
        return self.ctx._apply(self.after, write)

    def redo(self) -> None:
        if self.already_done:
            self.already_done = False
            return
        if not self.apply_forward():
            self.setObsolete(True)
            self.ctx._undo_failed()

    def undo(self) -> None:
        back = Change(self.before, self.created, self.before_info, dict(self.before_settings))
        if not self.ctx._apply(back):
            self.setObsolete(True)
            self.ctx._undo_failed()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        # Keep our "before" (the state prior to the first edit), take their "after".
        mine = {(type(s), s.id) for s in self.before} | {(type(o), o.id) for o in self.created}
        for snap in other.before:
            if (type(snap), snap.id) not in mine:
                self.before.append(snap)
        for obj in other.created:
            if (type(obj), obj.id) not in mine:
                self.created.append(obj)
        self.after = _merge_changes([self.after, other.after])
        if self.before_info is None:
            self.before_info = other.before_info
        for key, value in other.before_settings.items():
            self.before_settings.setdefault(key, value)
        return True
