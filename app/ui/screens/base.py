"""The base class of a phase screen: what the main window needs from every screen.

A screen receives the ``AuditContext`` (its only way to the audit), shows part of
``context.audit``, edits it only through ``context.edit(...)``, and refreshes in ``refresh``
when a ``ChangeSet`` concerns it. See app/ui/README.md.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.model import Audit
from app.ui.context import AuditContext, ChangeSet


class PhaseScreen(QWidget):
    """Subclass, set ``key``, build widgets in ``__init__``, fill them in ``refresh``."""

    key: str = ""
    # Ctrl+N adds this screen's own item (File → New audit gives the key up while it is shown).
    owns_new_key: bool = False

    def __init__(self, context: AuditContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        context.changed.connect(self._on_changed)

    # to override -----------------------------------------------------------------------------
    def title(self) -> str:
        """The translated title (use self.tr)."""
        return self.key

    @classmethod
    def completeness_of(cls, audit: Audit) -> float | None:
        """Share 0..1 of this phase's work done, for the side navigation; None: not measured.

        A class method so the navigation can show it before the screen is first built.
        """
        return None

    def completeness(self) -> float | None:
        return type(self).completeness_of(self.context.audit)

    def refresh(self, changes: ChangeSet) -> None:
        """Update the widgets after an edit (or undo/redo) described by ``changes``."""

    def retranslate(self) -> None:
        """Set every translated text again: called by the main window after a language switch
        (``MainWindow.apply_language``; not from ``changeEvent``, which slows the first paint)."""

    def set_read_only(self, read_only: bool) -> None:
        """Disable editing widgets; the default disables the whole screen's inputs."""
        for child in self.findChildren(QWidget):
            if hasattr(child, "setReadOnly"):
                child.setReadOnly(read_only)

    # plumbing --------------------------------------------------------------------------------
    def _on_changed(self, changes: ChangeSet) -> None:
        self.refresh(changes)
