"""The merge review: what a teammate's copy brings, and the conflicts side by side, field by
field, each to be decided (mine or theirs) before anything is merged."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.store.teamwork import MergePlan, table_label


def _show(value: Any, locale: Any = None) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, (int, float)):
        from PySide6.QtCore import QLocale

        return (
            QLocale().toString(value)
            if isinstance(value, int)
            else QLocale().toString(value, "g", 12)
        )
    if isinstance(value, (bytes, memoryview)):
        return f"<JPEG {len(value):,} B>"
    text = str(value)
    return text if len(text) <= 120 else text[:119] + "…"


class MergeReviewDialog(QDialog):
    """Accept only when every conflicting field has a choice; ``resolutions()`` gives them."""

    def __init__(self, plan: MergePlan, parent: QWidget | None = None, lang: str = "vi"):
        super().__init__(parent)
        from PySide6.QtCore import QLocale

        self.plan = plan
        self.lang = lang
        # Numbers as the UI language writes them (1.234.567 in Vietnamese), not the system's.
        self.locale = QLocale(QLocale.Vietnamese if lang == "vi" else QLocale.English)
        self.setMinimumSize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.changes_label = QLabel()
        layout.addWidget(self.changes_label)
        self.changes = QTableWidget(0, 3)
        self.changes.verticalHeader().hide()
        self.changes.setEditTriggers(QTableWidget.NoEditTriggers)
        self.changes.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        layout.addWidget(self.changes, 1)
        self.conflicts_label = QLabel()
        layout.addWidget(self.conflicts_label)
        row = QHBoxLayout()
        self.all_mine = QPushButton()
        self.all_theirs = QPushButton()
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        row.addStretch(1)
        layout.addLayout(row)
        self.conflicts = QTableWidget(0, 5)
        self.conflicts.verticalHeader().hide()
        self.conflicts.setEditTriggers(QTableWidget.NoEditTriggers)
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        layout.addWidget(self.conflicts, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.merge_button = self.buttons.addButton("", QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.combos: list[tuple[tuple[str, str], str, QComboBox]] = []
        self.all_mine.clicked.connect(lambda: self._choose_all(1))
        self.all_theirs.clicked.connect(lambda: self._choose_all(2))
        self.retranslate()

    # -- text ---------------------------------------------------------------------------------
    def _table_name(self, table: str) -> str:
        return table_label(table, self.lang)

    def _field_name(self, name: str) -> str:
        """The field's name as a user knows it (the stored name for the rarer ones)."""
        names = {
            "title": self.tr("Title"),
            "title_vi": self.tr("Title (Vietnamese)"),
            "title_en": self.tr("Title (English)"),
            "name_vi": self.tr("Name (Vietnamese)"),
            "name_en": self.tr("Name (English)"),
            "description_vi": self.tr("Description (Vietnamese)"),
            "description_en": self.tr("Description (English)"),
            "note": self.tr("Note"),
            "note_en": self.tr("Note (English)"),
            "area": self.tr("Area"),
            "severity": self.tr("Severity"),
            "answer": self.tr("Answer"),
            "caption": self.tr("Caption"),
            "caption_en": self.tr("Caption (English)"),
            "role_en": self.tr("Role (English)"),
            "organisation_en": self.tr("Organisation (English)"),
            "department_en": self.tr("Department (English)"),
            "rejection_reason_en": self.tr("Reason for rejection (English)"),
            "override_reason_en": self.tr("Reason for the entered saving (English)"),
            "jpeg": self.tr("Photo"),
            "quantity": self.tr("Quantity"),
            "cost_vnd": self.tr("Cost (VND)"),
            "unit": self.tr("Unit"),
            "unit_price_vnd": self.tr("Unit price (VND)"),
            "investment_vnd": self.tr("Investment (VND)"),
            "added_opex_vnd": self.tr("Added operating cost (VND)"),
            "lifetime_years": self.tr("Lifetime (years)"),
            "status": self.tr("Status"),
            "category": self.tr("CP technique"),
            "position": self.tr("Order"),
        }
        return names.get(name, name)

    def _action_name(self, action: str) -> str:
        return {
            "insert": self.tr("New"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted by teammate"),
        }.get(action, action)

    def _kind_name(self, kind: str) -> str:
        return {
            "edit_edit": self.tr("Changed on both sides"),
            "deleted_mine": self.tr("Deleted by me, changed by teammate"),
            "deleted_theirs": self.tr("Deleted by teammate, changed by me"),
        }.get(kind, kind)

    def retranslate(self) -> None:
        plan = self.plan
        self.setWindowTitle(self.tr("Merge a teammate's copy"))
        self.summary.setText(
            self.tr(
                "{n} changes come in from {file}; {c} conflicts need your choice. "
                "Nothing is merged until you press Merge; a backup is made first and "
                "Edit → Undo takes the whole merge back."
            ).format(n=len(plan.changes), c=len(plan.conflicts), file=plan.theirs.name)
        )
        self.changes_label.setText(self.tr("Coming in"))
        self.conflicts_label.setText(
            self.tr("Conflicts: choose, field by field, whose value stays")
        )
        self.all_mine.setText(self.tr("Keep all mine"))
        self.all_theirs.setText(self.tr("Take all theirs"))
        self.merge_button.setText(self.tr("Merge"))
        self.changes.setHorizontalHeaderLabels([self.tr("What"), self.tr("Kind"), self.tr("Name")])
        self.conflicts.setHorizontalHeaderLabels(
            [
                self.tr("Object"),
                self.tr("Field"),
                self.tr("Mine"),
                self.tr("Theirs"),
                self.tr("Keep"),
            ]
        )
        self._fill()

    def _fill(self) -> None:
        chosen = {(key, name): combo.currentIndex() for key, name, combo in self.combos}
        rows = [(self._action_name(c.action), c) for c in self.plan.changes]
        rows += [
            (self.tr("Set aside: ") + self._skip_reason(c.reason), c) for c in self.plan.skipped
        ]
        self.changes.setRowCount(len(rows))
        for i, (what, c) in enumerate(rows):
            for j, text in enumerate((what, self._table_name(c.table), c.label or c.id[:8])):
                self.changes.setItem(i, j, QTableWidgetItem(text))
        # A deletion against an edit is one choice (keep the object or not), not one per field.
        lines = [
            (c, f)
            for c in self.plan.conflicts
            for f in (c.fields if c.kind == "edit_edit" and c.fields else [None])
        ]
        self.conflicts.setRowCount(len(lines))
        self.combos = []
        for i, (c, f) in enumerate(lines):
            obj = f"{self._table_name(c.table)}: {c.label or c.id[:8]} ({self._kind_name(c.kind)})"
            if f is not None:
                cells = (
                    obj,
                    self._field_name(f.name),
                    _show(f.mine, self.locale),
                    _show(f.theirs, self.locale),
                )
            elif c.kind == "deleted_mine":
                cells = (obj, "", self.tr("(deleted)"), self.tr("(changed)"))
            else:
                cells = (obj, "", self.tr("(changed)"), self.tr("(deleted)"))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.conflicts.setItem(i, j, item)
            combo = QComboBox()
            combo.addItems([self.tr("Choose…"), self.tr("Mine"), self.tr("Theirs")])
            key = (c.table, c.id)
            name = f.name if f else ""
            combo.setCurrentIndex(chosen.get((key, name), 0))
            combo.currentIndexChanged.connect(self._update_button)
            self.conflicts.setCellWidget(i, 4, combo)
            self.combos.append((key, name, combo))
        self.conflicts.setColumnWidth(0, 340)
        self.conflicts.setColumnWidth(1, 150)
        self.conflicts.setColumnWidth(4, 170)
        self.changes.resizeColumnsToContents()
        self.changes.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self._update_button()

    def _skip_reason(self, reason: str) -> str:
        return {
            "owner_deleted": self.tr("its owner was deleted here"),
            "damaged_photo": self.tr("damaged photo"),
        }.get(reason, reason)

    def _choose_all(self, index: int) -> None:
        for _, _, combo in self.combos:
            combo.setCurrentIndex(index)

    def _update_button(self) -> None:
        self.merge_button.setEnabled(all(c.currentIndex() > 0 for _, _, c in self.combos))

    def resolutions(self) -> dict[tuple[str, str], dict[str, str]]:
        out: dict[tuple[str, str], dict[str, str]] = {}
        for key, name, combo in self.combos:
            out.setdefault(key, {})[name] = "mine" if combo.currentIndex() == 1 else "theirs"
        return out

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Enter must not merge by accident
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            return
        super().keyPressEvent(event)
