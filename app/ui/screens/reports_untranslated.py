"""The Reports screen's list of what an English report would show untranslated.

The items are ``app.core.untranslated``'s (the table the report's marks come from). Double-click
or Enter on a row shows the item in the screen that edits it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ITEM_ROLE = Qt.UserRole + 1


class UntranslatedList(QWidget):
    """A count ("N items untranslated") and one row per item; activating a row jumps to it."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.variant = "full"
        self.items: list = []
        self.count = QLabel()
        self.count.setObjectName("untranslatedCount")
        self.count.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("untranslatedList")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setColumnCount(4)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeToContents)
        self.tree.itemActivated.connect(lambda item, _col: self.jump(item))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels(
            [self.tr("Edit in"), self.tr("Item"), self.tr("Name"), self.tr("Untranslated")]
        )
        self.hint.setText(
            self.tr(
                "The English report prints these in Vietnamese, marked “(untranslated)” once per"
                " item. Double-click or press Enter to edit one."
            )
        )
        self.fill(self.variant)

    def fill(self, variant: str) -> None:
        from app.core.untranslated import describe, untranslated

        self.variant = variant
        audit = self.context.audit
        self.items = untranslated(audit, variant)
        n = len(self.items)
        if n == 0:
            self.count.setText(self.tr("Nothing untranslated: the English report is complete."))
        elif n == 1:
            self.count.setText(self.tr("1 item untranslated"))
        else:
            self.count.setText(self.tr("{count} items untranslated").format(count=n))
        self.tree.clear()
        lang = self.context.lang
        for item in self.items:
            shown = describe(item, audit, lang)
            row = QTreeWidgetItem([shown["where"], shown["kind"], shown["name"], shown["fields"]])
            row.setToolTip(2, " ".join(item.text.split()))
            row.setData(0, ITEM_ROLE, item)
            self.tree.addTopLevelItem(row)
        if n:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.setVisible(bool(n))
        self.hint.setVisible(bool(n))

    def workspace(self):
        """The main window's workspace (the ancestor that shows phases), or None."""
        widget = self.parentWidget()
        while widget is not None and not hasattr(widget, "show_phase"):
            widget = widget.parentWidget()
        return widget

    def jump(self, row: QTreeWidgetItem | None) -> object | None:
        """Show the row's item in its editor; the screen shown (None: no workspace)."""
        workspace = self.workspace()
        if row is None or workspace is None:
            return None
        item = row.data(0, ITEM_ROLE)
        screen = workspace.show_phase(item.screen)
        show_item(screen, item)
        return screen


# The option editor's English field of an option's first untranslated field.
_OPTION_ENGLISH = {
    "title_vi": "f_title_en",
    "description_vi": "f_desc_en",
    "rejection_reason": "f_rejection_en",
}


def show_item(screen, item) -> None:
    """Select ``item`` (an ``app.core.untranslated.Untranslated``) in the screen that edits it
    and put the focus where its English is typed when the screen has such a field (the audit
    title and the team: the Enterprise & team screen is shown)."""
    kind = item.kind
    if kind == "option":
        screen.select_option(item.id)
        editor = getattr(screen, "editor", None)
        name = _OPTION_ENGLISH.get(item.fields[0])
        if editor is not None and name and hasattr(editor, name):
            if item.fields[0] != "rejection_reason":  # the others are on the Option tab
                editor.tabs.setCurrentIndex(0)
            getattr(editor, name).setFocus()
    elif kind == "stream":
        screen.select_stream(item.id)
    elif kind == "enterprise":  # the English sector name's field
        field = screen.fields.get(("enterprise", "sector_name_en"))
        if field is not None:
            field.setFocus()
    elif kind == "finding":
        if screen.select_finding(item.id):
            screen.english_toggle.setChecked(True)  # the English fields, ready to type in
            screen.title_en_edit.setFocus()
    elif kind == "photo":  # its finding, whose photo strip holds the captions
        screen.select_finding(item.parent_id)
    elif kind == "narrative":
        row = screen.item_for(item.id)
        if row is not None:
            screen.tree.setCurrentItem(row)
            screen.editors["en"].setFocus()
    elif kind == "product":
        ids = [p.id for p in screen._products()]
        if item.id in ids:
            screen.grid.setCurrentCell(ids.index(item.id), 1)  # the English name
            screen.grid.setFocus()
    elif kind in ("step", "flow"):
        step_id = item.parent_id if kind == "flow" else item.id
        steps = screen.steps.ids()
        if step_id in steps:
            screen.steps.setCurrentRow(steps.index(step_id))
        if kind == "flow":
            flows = [f.id for f in screen._flows_of(step_id)]
            if item.id in flows:
                screen.flows.setCurrentCell(flows.index(item.id), 2)  # the English name
                screen.flows.setFocus()
        else:
            screen.steps.setFocus()
