"""Report narrative: what the auditor writes for the report, in Vietnamese and in English.

The sections follow the Vietnamese CP report (enterprise description, audit focus, causes of
losses per process step, conclusions and recommendations); the rules of what a section holds and
when it counts as written are in ``app.core.narrative``. A section empty in both languages is left
out of the report; one missing in English prints the Vietnamese marked "(untranslated)" in the
English report (``Text2.get``): the list on the left says which, per language.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import model
from app.core import narrative as nar
from app.reports.rows import Text2
from app.ui.context import AuditContext, ChangeSet
from app.ui.screens.base import PhaseScreen

CAUSES = "causes"  # the tree's group row over the steps' cause sections (not a section)
KEY_ROLE = Qt.UserRole

TITLES = {
    nar.ENTERPRISE: QT_TRANSLATE_NOOP("NarrativeScreen", "Enterprise description"),
    nar.FOCUS: QT_TRANSLATE_NOOP("NarrativeScreen", "Audit focus and why"),
    CAUSES: QT_TRANSLATE_NOOP("NarrativeScreen", "Causes of losses per step"),
    nar.CONCLUSIONS: QT_TRANSLATE_NOOP("NarrativeScreen", "Conclusions and recommendations"),
}
HINTS = {
    nar.ENTERPRISE: QT_TRANSLATE_NOOP(
        "NarrativeScreen",
        "What the enterprise makes and for whom, its history and size, shifts and working days,"
        " main equipment, where its energy and water come from. Printed in the report's first"
        " chapter (Introduction), after the enterprise data.",
    ),
    nar.FOCUS: QT_TRANSLATE_NOOP(
        "NarrativeScreen",
        "Which process steps, equipment or resources the audit concentrates on, and why: their"
        " share of consumption, cost or waste, the losses seen at the walkthrough, the"
        " management's priorities. Printed at the start of the Assessment, before the process"
        " flow chart.",
    ),
    CAUSES: QT_TRANSLATE_NOOP(
        "NarrativeScreen",
        "Why this step loses materials, water or energy: the causes found at the walkthrough and"
        " from the balance (raw materials, technology, equipment, operation, product, waste,"
        " people). Printed after the step balances.",
    ),
    nar.CONCLUSIONS: QT_TRANSLATE_NOOP(
        "NarrativeScreen",
        "What the audit found and what the enterprise should do next: the options to implement"
        " or fund first, and how to keep the CP team and the monitoring going. Printed at the"
        " end of the report, before the annex.",
    ),
}
# (state, language) -> the sentence the editor and the list's tooltip show
STATES = {
    ("written", "vi"): QT_TRANSLATE_NOOP("NarrativeScreen", "Printed in the Vietnamese report."),
    ("written", "en"): QT_TRANSLATE_NOOP("NarrativeScreen", "Printed in the English report."),
    ("marked", "en"): QT_TRANSLATE_NOOP(
        "NarrativeScreen",
        "Not written: the English report prints the Vietnamese text, marked “(untranslated)”.",
    ),
    ("other", "vi"): QT_TRANSLATE_NOOP(
        "NarrativeScreen", "Not written: the Vietnamese report prints the English text."
    ),
    ("empty", "vi"): QT_TRANSLATE_NOOP(
        "NarrativeScreen", "Empty in both languages: the section is left out of the report."
    ),
    ("empty", "en"): QT_TRANSLATE_NOOP(
        "NarrativeScreen", "Empty in both languages: the section is left out of the report."
    ),
}
COLOURS = {"written": "#2e7d32", "marked": "#b26a00", "other": "#b26a00", "empty": "#757575"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("NarrativeScreen", text)


def section_state(narrative: dict | None, key: str, lang: str) -> str:
    """What the ``lang`` report prints for a section: "written" (its own text), "marked" (the
    Vietnamese, marked untranslated), "other" (the English), "empty" (nothing: left out)."""
    vi, en = (nar.section_text(narrative, key, lg) for lg in nar.LANGS)
    shown, marked = Text2(vi, en).get(lang)
    if not shown:
        return "empty"
    if marked:
        return "marked"
    return "written" if (vi if lang == "vi" else en) else "other"


class NarrativeEdit(QPlainTextEdit):
    """One section's text in one language; ``editingFinished`` when the focus leaves (like a
    line edit, so the main window commits it before undo and on close)."""

    editingFinished = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.key: str | None = None  # the section shown
        self.setObjectName(f"narrative_{lang}")
        self.setTabChangesFocus(True)

    def isModified(self) -> bool:  # noqa: N802 - QLineEdit's name, read by the main window
        return self.document().isModified()

    def show_text(self, key: str | None, text: str) -> None:
        """Show a section's stored text, with no typing of its own left to undo (Ctrl+Z then
        reaches the audit's undo)."""
        self.key = key
        if self.toPlainText() != text:
            self.setPlainText(text)
        else:
            self.document().clearUndoRedoStacks()
        self.document().setModified(False)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.editingFinished.emit()


class NarrativeScreen(PhaseScreen):
    key = "narrative"

    def __init__(self, context: AuditContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.summary = QLabel()
        self.summary.setObjectName("narrativeSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("narrativeSections")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda cur, _prev: self._section_chosen(cur))
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #616161;")
        self.btn_next = QPushButton()
        self.btn_next.setObjectName("narrativeNext")
        self.btn_next.clicked.connect(self.go_to_next_missing)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.btn_next)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.tree, 1)
        ll.addWidget(self.legend)

        self.section_title = QLabel()
        self.section_title.setObjectName("narrativeTitle")
        font = QFont(self.section_title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.section_title.setFont(font)
        self.section_title.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("narrativeHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #424242;")
        self.losses = QLabel()
        self.losses.setObjectName("narrativeLosses")
        self.losses.setWordWrap(True)
        self.losses.setStyleSheet("color: #424242; font-style: italic;")
        self.editors = {lang: NarrativeEdit(lang) for lang in nar.LANGS}
        self.lang_labels = {lang: QLabel() for lang in nar.LANGS}
        self.state_labels = {lang: QLabel() for lang in nar.LANGS}
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        rl.addWidget(self.section_title)
        rl.addWidget(self.hint)
        rl.addWidget(self.losses)
        for lang in nar.LANGS:
            editor = self.editors[lang]
            editor.editingFinished.connect(lambda e=editor: self._commit(e))
            label = self.lang_labels[lang]
            label.setBuddy(editor)
            bold = QFont(label.font())
            bold.setBold(True)
            label.setFont(bold)
            state = self.state_labels[lang]
            state.setObjectName(f"narrativeState_{lang}")
            state.setWordWrap(True)
            row = QHBoxLayout()
            row.addWidget(label)
            row.addWidget(state, 1)
            rl.addLayout(row)
            rl.addWidget(editor, 1)
        rl.addStretch(0)  # takes the height only when the editors are hidden (causes group)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([430, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self.setTabOrder(self.tree, self.editors["vi"])
        self.setTabOrder(self.editors["vi"], self.editors["en"])
        self.retranslate()

    # ------------------------------------------------------------------------ PhaseScreen
    def title(self) -> str:
        return QCoreApplication.translate("Phase", "Report narrative")

    @classmethod
    def completeness_of(cls, audit: model.Audit) -> float | None:
        return nar.written_share(audit)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Section"), self.tr("Vietnamese"), self.tr("English")])
        self.btn_next.setText(self.tr("Next to write"))
        self.btn_next.setToolTip(
            self.tr("Go to the next section still empty in Vietnamese or in English.")
        )
        self.lang_labels["vi"].setText(self.tr("Vietnamese"))
        self.lang_labels["en"].setText(self.tr("English"))
        self.legend.setText(
            self.tr(
                "A section empty in both languages is left out of the report. Where the English"
                " is missing, the English report prints the Vietnamese, marked “(untranslated)”."
                " A blank line starts a new paragraph."
            )
        )
        self.refresh(ChangeSet(reset=True))

    def refresh(self, changes: ChangeSet) -> None:
        if changes.info or changes.touches(model.ProcessStep, model.StepFlow):
            self._fill_tree()

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.setReadOnly(read_only)

    # ------------------------------------------------------------------------ the list
    def _steps(self) -> list[model.ProcessStep]:
        return sorted(self.context.audit.steps, key=lambda s: s.position)

    def _step_name(self, step: model.ProcessStep) -> str:
        return step.name_en if self.context.lang == "en" and step.name_en else step.name_vi

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KEY_ROLE) if item is not None else None

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        """The list's row of a section (or of the causes group)."""
        for item in self._items():
            if item.data(0, KEY_ROLE) == key:
                return item
        return None

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.append(top)
            out += [top.child(j) for j in range(top.childCount())]
        return out

    def _structure(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """(key, label, children) of the list's rows: the causes group has a row per step."""
        causes = [
            (nar.cause_key(step.id), f"{i}. {self._step_name(step)}")
            for i, step in enumerate(self._steps(), 1)
        ]
        return [
            (key, _tr(TITLES[key]), causes if key == CAUSES else [])
            for key in (nar.ENTERPRISE, nar.FOCUS, CAUSES, nar.CONCLUSIONS)
        ]

    def _fill_tree(self) -> None:
        """Rows rebuilt when the steps changed, else only their states updated (an edit made
        while the list's current row changes must not delete that row)."""
        structure = self._structure()
        shown = [
            (
                top.data(0, KEY_ROLE),
                top.text(0),
                [
                    (top.child(j).data(0, KEY_ROLE), top.child(j).text(0))
                    for j in range(top.childCount())
                ],
            )
            for top in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        ]
        if shown != structure:
            self._rebuild_tree(structure)
        narrative = self.context.audit.info.narrative
        keys = nar.section_keys(self.context.audit)
        for item in self._items():
            key = item.data(0, KEY_ROLE)
            if key != CAUSES:
                self._set_states(item, key)
                continue
            for col, lang in enumerate(nar.LANGS, 1):
                written = sum(
                    1 for k in keys if nar.step_id_of(k) and nar.section_text(narrative, k, lang)
                )
                item.setText(col, f"{written}/{item.childCount()}")
        vi, en = (
            sum(1 for k in keys if nar.section_text(narrative, k, lang)) for lang in nar.LANGS
        )
        self.summary.setText(
            self.tr("Written: Vietnamese {vi} of {n} sections, English {en} of {n}.").format(
                vi=vi, en=en, n=len(keys)
            )
        )
        self.btn_next.setEnabled(self._next_missing() is not None)
        self._show_section(self.tree.currentItem())

    def _next_missing(self) -> tuple[str, str] | None:
        """(section, language) of the first text still to write after the current section,
        the UI language first; None when every section is written in both languages."""
        keys = nar.section_keys(self.context.audit)
        current = self.current_key()
        start = keys.index(current) + 1 if current in keys else 0
        narrative = self.context.audit.info.narrative
        langs = sorted(nar.LANGS, key=lambda lg: lg != self.context.lang)
        for key in keys[start:] + keys[:start]:
            for lang in langs:
                if not nar.section_text(narrative, key, lang):
                    return key, lang
        return None

    def go_to_next_missing(self) -> None:
        """Show the next section with a language still empty, its editor ready to type in."""
        found = self._next_missing()
        if found is None:
            return
        key, lang = found
        self.tree.setCurrentItem(self.item_for(key))
        self.editors[lang].setFocus()

    def _rebuild_tree(self, structure) -> None:
        current = self.current_key() or nar.ENTERPRISE
        self.tree.blockSignals(True)
        self.tree.clear()
        for key, label, children in structure:
            item = QTreeWidgetItem([label])
            item.setData(0, KEY_ROLE, key)
            self.tree.addTopLevelItem(item)
            for child_key, child_label in children:
                child = QTreeWidgetItem([child_label])
                child.setData(0, KEY_ROLE, child_key)
                item.addChild(child)
            item.setExpanded(True)
        if current.startswith(nar.CAUSE) and self.item_for(current) is None:
            current = CAUSES  # its step was deleted
        self.tree.setCurrentItem(self.item_for(current) or self.tree.topLevelItem(0))
        self.tree.blockSignals(False)

    def _set_states(self, item: QTreeWidgetItem, key: str) -> None:
        narrative = self.context.audit.info.narrative
        words = {
            "written": self.tr("written"),
            "marked": self.tr("missing"),
            "other": self.tr("missing"),
            "empty": self.tr("empty"),
        }
        for col, lang in enumerate(nar.LANGS, 1):
            state = section_state(narrative, key, lang)
            item.setText(col, words[state])
            item.setForeground(col, QBrush(QColor(COLOURS[state])))
            item.setToolTip(col, _tr(STATES[(state, lang)]))
        font = QFont(item.font(0))
        font.setItalic(all(section_state(narrative, key, lg) == "empty" for lg in nar.LANGS))
        item.setFont(0, font)

    # ------------------------------------------------------------------------ the editors
    def _section_chosen(self, item: QTreeWidgetItem | None) -> None:
        key = item.data(0, KEY_ROLE) if item is not None else None
        for editor in self.editors.values():
            # What was typed belongs to the section shown until now; if it cannot be saved,
            # that section stays shown with the text, to retry.
            if editor.key is not None and not self._commit(editor):
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(self.item_for(editor.key))
                self.tree.blockSignals(False)
                return
        self._show_section(self.item_for(key) if key else None)

    def _show_section(self, item: QTreeWidgetItem | None) -> None:
        key = item.data(0, KEY_ROLE) if item is not None else None
        is_section = key is not None and key != CAUSES
        step_id = nar.step_id_of(key) if key else None
        self.section_title.setText(
            _tr(TITLES[CAUSES]) + " — " + item.text(0)
            if step_id
            else (_tr(TITLES[key]) if key else "")
        )
        self.hint.setText(_tr(HINTS[CAUSES if step_id or key == CAUSES else key]) if key else "")
        self.losses.setText(self._losses_text(step_id, key))
        self.losses.setVisible(bool(self.losses.text()))
        narrative = self.context.audit.info.narrative
        for lang, editor in self.editors.items():
            for w in (editor, self.lang_labels[lang], self.state_labels[lang]):
                w.setVisible(is_section)
            if not is_section:
                editor.show_text(None, "")
                continue
            if not (editor.hasFocus() and editor.isModified() and editor.key == key):
                editor.show_text(key, narrative.get(key, {}).get(lang, ""))
            state = section_state(narrative, key, lang)
            self.state_labels[lang].setText(_tr(STATES[(state, lang)]))
            self.state_labels[lang].setStyleSheet(f"color: {COLOURS[state]};")

    def _losses_text(self, step_id: str | None, key: str | None) -> str:
        if key == CAUSES:
            if not self.context.audit.steps:
                return self.tr("No process step yet: add the steps under Products & process steps.")
            return self.tr("Choose a process step in the list to write the causes of its losses.")
        if step_id is None:
            return ""
        en = self.context.lang == "en"
        losses = [
            " ".join(
                p
                for p in (
                    (f.name_en if en and f.name_en else f.name),
                    self.context.format_number(f.quantity),
                    f.unit,
                )
                if p
            )
            for f in sorted(self.context.audit.flows, key=lambda f: f.position)
            if f.step_id == step_id and f.direction == model.FlowDirection.LOSS
        ]
        if not losses:
            return self.tr("No loss entered for this step yet (Products & process steps).")
        return self.tr("Losses entered for this step: {losses}.").format(losses="; ".join(losses))

    def _commit(self, editor: NarrativeEdit) -> bool:
        """Save what was typed in ``editor`` as one undoable edit of the audit header."""
        key = editor.key
        if key is None or not editor.isModified() or self.context.read_only:
            return True
        text = model.clean_text(editor.toPlainText())
        info = copy.deepcopy(self.context.audit.info)
        if model.clean_text(info.narrative.get(key, {}).get(editor.lang, "")) == text:
            editor.document().setModified(False)
            return True
        info.narrative = nar.with_text(info.narrative, key, editor.lang, text)
        step_id = nar.step_id_of(key)
        section = _tr(TITLES[CAUSES if step_id else key])
        language = self.tr("Vietnamese") if editor.lang == "vi" else self.tr("English")
        label = self.tr("Edit {section} ({language})").format(section=section, language=language)
        if not self.context.edit(label, info=info, origin=self):
            return False  # the typed text stays in the editor, to retry
        editor.document().setModified(False)
        return True
