"""Phase 1c: the walkthrough (khảo sát hiện trường), area by area, with photos.

Built for an auditor walking the plant with a laptop in one hand:
- the checklist has keyboard focus: keys 1–4 answer the current item (1 no issue, 2 issue found,
  3 not applicable, 4 not checked), Enter or Down moves on, Ctrl+N adds a free finding;
- every edit goes through ``context.edit`` (saved at once, undoable);
- photos are processed AND committed in a worker thread (``photo_import``); the GUI thread only
  records them, one undo step per batch; a failed file leaves nothing behind;
- "Create option from this finding" creates the option (and the finding, if new) in one undo
  step and emits ``optionCreated``: the workspace opens it in the Options screen's editor.

A checklist answer is a ``Finding`` with ``template_id``/``item_id`` set and ``area`` = the
template's area id; it is created on the first edit of the item. Free findings have no item id.
"""

from __future__ import annotations

import copy
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import model
from app.core.model import ChecklistAnswer, CPCategory, Finding, Option, Photo, Severity
from app.core.templates import Template, TemplateItem, TemplateSet, area_progress, load_templates
from app.ui.context import AuditContext, ChangeSet
from app.ui.screens.base import PhaseScreen
from app.ui.screens.walkthrough.photo_import import PhotoImport
from app.ui.screens.walkthrough.photo_strip import PhotoStrip

CTX = "WalkthroughScreen"

# Keys 1..4 in this order.
ANSWERS = (
    (ChecklistAnswer.NO_ISSUE, QT_TRANSLATE_NOOP("WalkthroughScreen", "No issue")),
    (ChecklistAnswer.ISSUE, QT_TRANSLATE_NOOP("WalkthroughScreen", "Issue found")),
    (ChecklistAnswer.NOT_APPLICABLE, QT_TRANSLATE_NOOP("WalkthroughScreen", "Not applicable")),
    (ChecklistAnswer.NOT_CHECKED, QT_TRANSLATE_NOOP("WalkthroughScreen", "Not checked")),
)
MARK = {
    ChecklistAnswer.NO_ISSUE: ("✔", "#2e7d32"),
    ChecklistAnswer.ISSUE: ("⚠", "#c62828"),
    ChecklistAnswer.NOT_APPLICABLE: ("–", "#757575"),
    ChecklistAnswer.NOT_CHECKED: ("○", "#9e9e9e"),
}
SEVERITIES = (
    (None, QT_TRANSLATE_NOOP("WalkthroughScreen", "(no severity)")),
    (Severity.LOW, QT_TRANSLATE_NOOP("WalkthroughScreen", "Low")),
    (Severity.MEDIUM, QT_TRANSLATE_NOOP("WalkthroughScreen", "Medium")),
    (Severity.HIGH, QT_TRANSLATE_NOOP("WalkthroughScreen", "High")),
)
CATEGORIES = (
    (CPCategory.GOOD_HOUSEKEEPING, QT_TRANSLATE_NOOP("WalkthroughScreen", "Good housekeeping")),
    (CPCategory.INPUT_CHANGE, QT_TRANSLATE_NOOP("WalkthroughScreen", "Input material change")),
    (CPCategory.PROCESS_CONTROL, QT_TRANSLATE_NOOP("WalkthroughScreen", "Better process control")),
    (
        CPCategory.EQUIPMENT_MODIFICATION,
        QT_TRANSLATE_NOOP("WalkthroughScreen", "Equipment modification"),
    ),
    (CPCategory.TECHNOLOGY_CHANGE, QT_TRANSLATE_NOOP("WalkthroughScreen", "Technology change")),
    (
        CPCategory.ONSITE_RECOVERY,
        QT_TRANSLATE_NOOP("WalkthroughScreen", "On-site recovery and reuse"),
    ),
    (
        CPCategory.BYPRODUCT,
        QT_TRANSLATE_NOOP("WalkthroughScreen", "Production of useful by-products"),
    ),
    (
        CPCategory.PRODUCT_MODIFICATION,
        QT_TRANSLATE_NOOP("WalkthroughScreen", "Product modification"),
    ),
)
FILTERS = (
    ("all", QT_TRANSLATE_NOOP("WalkthroughScreen", "All items")),
    ("unanswered", QT_TRANSLATE_NOOP("WalkthroughScreen", "Not yet answered")),
    ("issues", QT_TRANSLATE_NOOP("WalkthroughScreen", "With issues")),
)
FREE = "__free__"  # the area list's entry for free findings
PHOTO_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.JPG *.JPEG *.PNG"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


@lru_cache(maxsize=1)
def shipped_templates() -> TemplateSet:
    """The bundled templates, loaded once (they are read-only data)."""
    return load_templates()


def active_templates(audit: model.Audit, tset: TemplateSet | None = None) -> list[Template]:
    """The templates this audit walks through: those chosen in the audit header, else the
    sector's plus the general one; always including any template a finding already uses."""
    tset = tset or shipped_templates()
    chosen = [t for t in (tset.get(i) for i in audit.info.template_ids) if t]
    if not chosen:
        vsic = audit.info.enterprise.sector_vsic
        chosen = [t for t in tset.templates if t.fits_sector(vsic)] if vsic else []
        if not [t for t in chosen if t.sectors]:
            chosen = [t for t in tset.templates if not t.sectors] or list(tset.templates)
    for f in audit.findings:
        t = tset.get(f.template_id) if f.template_id else None
        if t and t not in chosen:
            chosen.append(t)
    # Sector checklists first: that is where the auditor starts.
    return sorted(chosen, key=lambda t: (not t.sectors, chosen.index(t)))


class ChecklistList(QListWidget):
    """The items of one area. 1–4 answer the current item, Enter moves to the next one."""

    def __init__(self, on_answer, parent: QWidget | None = None):
        super().__init__(parent)
        self.on_answer = on_answer
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setAlternatingRowColors(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        plain = not (event.modifiers() & (Qt.ControlModifier | Qt.AltModifier))
        if plain and Qt.Key_1 <= key <= Qt.Key_4:
            self.on_answer(ANSWERS[key - Qt.Key_1][0])
            return
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self.setCurrentRow(min(self.currentRow() + 1, self.count() - 1))
            return
        super().keyPressEvent(event)


class NoteEdit(QPlainTextEdit):
    """A multi-line note that reports when editing is finished (focus leaves), like QLineEdit."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.editingFinished.emit()


class WalkthroughScreen(PhaseScreen):
    key = "walkthrough"
    owns_new_key = True  # Ctrl+N: a free finding
    optionCreated = Signal(str)  # id of an option made from a finding

    def __init__(self, context: AuditContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.templates: list[Template] = []
        self._filling = False
        self._areas_of = ""  # template whose areas the area list shows
        self._photo_refresh_pending = False

        # Top bar: checklist, filter, overall progress, free finding
        self.template_label = QLabel()
        self.template_combo = QComboBox()
        self.template_combo.currentIndexChanged.connect(lambda _: self._fill_areas())
        self.filter_label = QLabel()
        self.filter_combo = QComboBox()
        self.filter_combo.currentIndexChanged.connect(lambda _: self._fill_items())
        self.progress_label = QLabel()
        self.add_free_button = QPushButton()
        self.add_free_button.clicked.connect(self.add_free_finding)
        top = QHBoxLayout()
        top.addWidget(self.template_label)
        top.addWidget(self.template_combo, 2)
        top.addSpacing(12)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo, 1)
        top.addSpacing(12)
        top.addWidget(self.progress_label, 2)
        top.addWidget(self.add_free_button)

        # Left: areas with progress
        self.area_list = QListWidget()
        self.area_list.setWordWrap(True)
        self.area_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.area_list.currentRowChanged.connect(lambda _: self._fill_items())
        # Middle: items of the area
        self.item_list = ChecklistList(self.set_answer)
        self.item_list.currentRowChanged.connect(lambda _: self._fill_detail())
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: #616161;")
        middle = QWidget()
        mid_layout = QVBoxLayout(middle)
        mid_layout.setContentsMargins(0, 0, 0, 0)
        mid_layout.addWidget(self.item_list, 1)
        mid_layout.addWidget(self.keys_hint)

        # Right: the current item or free finding
        self.detail = QGroupBox()
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.PlainText)
        font = self.question.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.question.setFont(font)
        # The item's stable id matters to template authors and support, not to the auditor:
        # small and grey, selectable for copying, instead of the box title.
        self.item_id_label = QLabel()
        self.item_id_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.item_id_label.setStyleSheet("color: #9e9e9e;")
        small = self.item_id_label.font()
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7.0))
        self.item_id_label.setFont(small)
        self.look_for = QLabel()
        self.look_for.setWordWrap(True)
        self.look_for.setStyleSheet("color: #424242;")
        self.option_hint = QLabel()
        self.option_hint.setWordWrap(True)
        self.option_hint.setStyleSheet("color: #1565c0;")
        self.answer_buttons: list[QPushButton] = []
        self.answer_group = QButtonGroup(self)
        self.answer_group.setExclusive(True)
        answers = QHBoxLayout()
        for index, _ in enumerate(ANSWERS):
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)  # keep the keyboard on the checklist
            self.answer_group.addButton(button, index)
            self.answer_buttons.append(button)
            answers.addWidget(button)
        self.answer_group.idClicked.connect(lambda i: self.set_answer(ANSWERS[i][0]))

        self.title_edit = QLineEdit()
        self.title_edit.editingFinished.connect(
            lambda: self._edit_field("title", model.clean_text(self.title_edit.text()))
        )
        self.area_edit = QLineEdit()
        self.area_edit.editingFinished.connect(
            lambda: self._edit_field("area", model.clean_text(self.area_edit.text()))
        )
        self.severity_combo = QComboBox()
        self.severity_combo.activated.connect(
            lambda i: self._edit_field("severity", SEVERITIES[i][0])
        )
        self.category_combo = QComboBox()
        self.category_combo.activated.connect(
            lambda i: self._edit_field("cp_category", CATEGORIES[i][0])
        )
        self.step_combo = QComboBox()
        self.step_combo.activated.connect(
            lambda i: self._edit_field("step_id", self.step_combo.itemData(i))
        )
        self.note_edit = NoteEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(60)
        self.note_edit.setMaximumHeight(110)
        self.note_edit.editingFinished.connect(
            lambda: self._edit_field("note", model.clean_text(self.note_edit.toPlainText()))
        )
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form_labels = {
            name: QLabel() for name in ("title", "area", "severity", "category", "step", "note")
        }
        self.form.addRow(self.form_labels["title"], self.title_edit)
        self.form.addRow(self.form_labels["area"], self.area_edit)
        self.form.addRow(self.form_labels["severity"], self.severity_combo)
        self.form.addRow(self.form_labels["category"], self.category_combo)
        self.form.addRow(self.form_labels["step"], self.step_combo)
        self.form.addRow(self.form_labels["note"], self.note_edit)

        # English text for English reports: secondary (the auditor mostly types Vietnamese),
        # so folded away unless the finding already has some.
        self.english_toggle = QToolButton()
        self.english_toggle.setCheckable(True)
        self.english_toggle.setAutoRaise(True)
        self.english_toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.english_toggle.setArrowType(Qt.RightArrow)
        self.english_toggle.setStyleSheet("color: #616161;")
        self.english_toggle.toggled.connect(self._show_english)
        self.title_en_edit = QLineEdit()
        self.title_en_edit.editingFinished.connect(
            lambda: self._edit_field("title_en", model.clean_text(self.title_en_edit.text()))
        )
        self.note_en_edit = NoteEdit()
        self.note_en_edit.setTabChangesFocus(True)
        self.note_en_edit.setMinimumHeight(50)
        self.note_en_edit.setMaximumHeight(90)
        self.note_en_edit.editingFinished.connect(
            lambda: self._edit_field("note_en", model.clean_text(self.note_en_edit.toPlainText()))
        )
        # Rows of the same form, so the English fields line up with the Vietnamese ones.
        self.form_labels["title_en"] = QLabel()
        self.form_labels["note_en"] = QLabel()
        self.form.addRow(self.english_toggle)
        self.form.addRow(self.form_labels["title_en"], self.title_en_edit)
        self.form.addRow(self.form_labels["note_en"], self.note_en_edit)
        self._show_english(False)

        self.option_button = QPushButton()
        self.option_button.clicked.connect(self.create_option)
        self.delete_finding_button = QPushButton()
        self.delete_finding_button.clicked.connect(self.delete_free_finding)
        actions = QHBoxLayout()
        actions.addWidget(self.option_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_finding_button)

        self.photos_box = QGroupBox()
        self.photo_strip = PhotoStrip(
            self.add_photos, self.set_caption, self.delete_photo, on_open=self.view_photo
        )
        self.add_photos_button = QPushButton()
        self.add_photos_button.clicked.connect(self._choose_photos)
        self.delete_photo_button = QPushButton()
        self.delete_photo_button.clicked.connect(
            lambda: (
                self.photo_strip.current_photo_id()
                and self.delete_photo(self.photo_strip.current_photo_id())
            )
        )
        self.photo_status = QLabel()
        self.photo_status.setWordWrap(True)
        self.photo_status.setStyleSheet("color: #c62828;")
        self.photo_import = PhotoImport(self.context, self.photo_status, lambda: self.lang)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.add_photos_button)
        photo_buttons.addWidget(self.delete_photo_button)
        photo_buttons.addStretch(1)
        # The selected photo's caption in both languages, side by side: editing the English
        # never touches the Vietnamese (F2 on the strip edits the UI language's caption).
        self.caption_labels = {"vi": QLabel(), "en": QLabel()}
        self.caption_edits = {"vi": QLineEdit(), "en": QLineEdit()}
        captions = QFormLayout()  # one above the other: the pane stays narrow
        for lang_, edit in self.caption_edits.items():
            edit.setObjectName(f"caption_{lang_}")
            self.caption_labels[lang_].setBuddy(edit)
            edit.editingFinished.connect(lambda lg=lang_: self._caption_edited(lg))
            captions.addRow(self.caption_labels[lang_], edit)
        photos_layout = QVBoxLayout(self.photos_box)
        photos_layout.addLayout(photo_buttons)  # above the strip: in view on a 768 px screen
        photos_layout.addWidget(self.photo_strip)
        photos_layout.addLayout(captions)
        photos_layout.addWidget(self.photo_status)
        self.photo_strip.currentItemChanged.connect(lambda *_: self._fill_captions())

        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addWidget(self.question)
        detail_layout.addWidget(self.look_for)
        detail_layout.addWidget(self.option_hint)
        detail_layout.addLayout(answers)
        detail_layout.addLayout(self.form)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.photos_box)
        detail_layout.addStretch(1)
        detail_layout.addWidget(self.item_id_label, 0, Qt.AlignRight)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setFrameShape(QScrollArea.NoFrame)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.area_list)
        splitter.addWidget(middle)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 5)
        splitter.setSizes([270, 420, 610])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence("Ctrl+N"), self, self.add_free_finding)
        self.retranslate()
        self.refresh(ChangeSet(reset=True))

    # ------------------------------------------------------------------ PhaseScreen
    def title(self) -> str:
        return self.tr("Walkthrough")

    @classmethod
    def completeness_of(cls, audit: model.Audit) -> float | None:
        """Share of the checklist items of the audit's templates that have an answer."""
        templates = active_templates(audit)
        total = done = 0
        for template in templates:
            for answered, count in area_progress(template, audit.findings).values():
                done += answered
                total += count
        return done / total if total else None

    def refresh(self, changes: ChangeSet) -> None:
        if not changes.touches(Finding, Photo, model.ProcessStep) and not changes.info:
            return
        if not changes.reset and not changes.info and changes.types == {Photo}:
            # Photos arrive one by one from a worker: redraw on the next turn of the event loop
            # (coalesced) so storing a photo and redrawing never add up to one long pause.
            if not self._photo_refresh_pending:
                self._photo_refresh_pending = True
                QTimer.singleShot(0, self._refresh_photos)
            return
        if changes.reset or changes.info or not self.templates:
            ids = [t.id for t in self.templates]
            self.templates = active_templates(self.context.audit)
            if [t.id for t in self.templates] != ids:
                self._fill_templates()
                return
        self._fill_areas()

    def _show_english(self, shown: bool) -> None:
        """Fold or unfold the English rows; a checklist item's English title is its question."""
        key = self.current_key()
        free = bool(key and key[0] == "free")
        self.english_toggle.setArrowType(Qt.DownArrow if shown else Qt.RightArrow)
        self.form.setRowVisible(self.title_en_edit, shown and free)
        self.form.setRowVisible(self.note_en_edit, shown)

    def _refresh_photos(self) -> None:
        self._photo_refresh_pending = False
        self._fill_detail()

    def retranslate(self) -> None:
        self.template_label.setText(self.tr("Checklist:"))
        self.filter_label.setText(self.tr("Show:"))
        self.add_free_button.setText(self.tr("Add free finding"))
        self.add_free_button.setToolTip(self.tr("Ctrl+N: a finding outside the checklist"))
        self.keys_hint.setText(
            self.tr(
                "Keys: 1 no issue · 2 issue found · 3 not applicable · 4 not checked · Enter next"
            )
        )
        for index, (_, text) in enumerate(ANSWERS):
            self.answer_buttons[index].setText(f"{index + 1}  {_tr(text)}")
        labels = {
            "title": self.tr("Finding"),
            "area": self.tr("Area"),
            "severity": self.tr("Severity"),
            "category": self.tr("CP technique"),
            "step": self.tr("Process step"),
            "note": self.tr("Note"),
        }
        for name, text in labels.items():
            self.form_labels[name].setText(text)
        self.form_labels["title_en"].setText(self.tr("Finding (English)"))
        self.form_labels["note_en"].setText(self.tr("Note (English)"))
        self.english_toggle.setText(self.tr("English text for English reports (optional)"))
        self.option_button.setText(self.tr("Create option from this finding"))
        self.delete_finding_button.setText(self.tr("Delete finding"))
        self.photos_box.setTitle(
            self.tr("Photos (drop image files here; Enter or double click: full size; F2: caption)")
        )
        self.add_photos_button.setText(self.tr("Add photos…"))
        self.caption_labels["vi"].setText(self.tr("Caption (Vietnamese)"))
        self.caption_labels["en"].setText(self.tr("Caption (English)"))
        self.delete_photo_button.setText(self.tr("Delete photo"))
        self._filling = True
        current = self.filter_combo.currentIndex()
        self.filter_combo.clear()
        self.filter_combo.addItems([_tr(text) for _, text in FILTERS])
        self.filter_combo.setCurrentIndex(max(current, 0))
        self._set_combo_items(self.severity_combo, [_tr(t) for _, t in SEVERITIES])
        self._set_combo_items(self.category_combo, [_tr(t) for _, t in CATEGORIES])
        self._filling = False
        self._fill_templates()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (
            *self.answer_buttons,
            self.add_free_button,
            self.title_edit,
            self.area_edit,
            self.title_en_edit,
            self.severity_combo,
            self.category_combo,
            self.step_combo,
            self.option_button,
            self.delete_finding_button,
            self.add_photos_button,
            self.delete_photo_button,
        ):
            widget.setEnabled(not read_only)
        for edit in self.caption_edits.values():
            edit.setReadOnly(read_only)
        self.note_edit.setReadOnly(read_only)
        self.note_en_edit.setReadOnly(read_only)
        self.photo_strip.set_read_only(read_only)

    # ------------------------------------------------------------------ what is shown
    @property
    def lang(self) -> str:
        return self.context.lang

    def current_template(self) -> Template | None:
        index = self.template_combo.currentIndex()
        return self.templates[index] if 0 <= index < len(self.templates) else None

    def current_area_id(self) -> str | None:
        item = self.area_list.currentItem()
        return item.data(Qt.UserRole) if item else None

    def current_key(self) -> tuple[str, str] | None:
        """("item", item_id) or ("free", finding_id) of the selected row."""
        item = self.item_list.currentItem()
        return item.data(Qt.UserRole) if item else None

    def current_item(self) -> TemplateItem | None:
        key = self.current_key()
        template = self.current_template()
        if key and key[0] == "item" and template:
            return template.item(key[1])
        return None

    def current_finding(self) -> Finding | None:
        """The stored finding of the selected row (None for an item not yet answered)."""
        key = self.current_key()
        if not key:
            return None
        if key[0] == "free":
            return next((f for f in self.context.audit.findings if f.id == key[1]), None)
        template = self.current_template()
        return self._findings_by_item().get((template.id, key[1])) if template else None

    def _findings_by_item(self) -> dict[tuple[str, str], Finding]:
        return {(f.template_id, f.item_id): f for f in self.context.audit.findings if f.item_id}

    def _free_findings(self) -> list[Finding]:
        known = {(t.id, i.id) for t in self.templates for i in t.items}
        return sorted(
            (f for f in self.context.audit.findings if (f.template_id, f.item_id) not in known),
            key=lambda f: (f.position, f.title),
        )

    def _fill_templates(self) -> None:
        current = self.current_template()
        self._filling = True
        self.template_combo.clear()
        for template in self.templates:
            self.template_combo.addItem(template.name.get(self.lang), template.id)
        ids = [t.id for t in self.templates]
        self.template_combo.setCurrentIndex(
            ids.index(current.id) if current and current.id in ids else 0
        )
        self._filling = False
        self._fill_areas()

    def _fill_areas(self) -> None:
        if self._filling:
            return
        template = self.current_template()
        current = self.current_area_id()
        findings = self.context.audit.findings
        self._filling = True
        self.area_list.clear()
        if template:
            progress = area_progress(template, findings)
            issues = {
                f.area
                for f in findings
                if f.template_id == template.id and f.answer == ChecklistAnswer.ISSUE
            }
            for area in template.areas:
                done, total = progress[area.id]
                mark = " ⚠" if area.id in issues else (" ✔" if done == total else "")
                item = QListWidgetItem(f"{area.name.get(self.lang)}  {done}/{total}{mark}")
                item.setData(Qt.UserRole, area.id)
                if done == total:
                    item.setForeground(QBrush(QColor("#2e7d32")))
                self.area_list.addItem(item)
        free = QListWidgetItem(
            self.tr("Free findings ({count})").format(count=len(self._free_findings()))
        )
        free.setData(Qt.UserRole, FREE)
        font = free.font()
        font.setItalic(True)
        free.setFont(font)
        self.area_list.addItem(free)
        ids = [self.area_list.item(i).data(Qt.UserRole) for i in range(self.area_list.count())]
        same_template = self._areas_of == (template.id if template else "")
        self._areas_of = template.id if template else ""
        self.area_list.setCurrentRow(ids.index(current) if same_template and current in ids else 0)
        self._filling = False
        self._fill_progress()
        self._fill_items()

    def _fill_progress(self) -> None:
        done = total = issues = 0
        for template in self.templates:
            for answered, count in area_progress(template, self.context.audit.findings).values():
                done += answered
                total += count
        issues = sum(1 for f in self.context.audit.findings if f.answer == ChecklistAnswer.ISSUE)
        share = round(100 * done / total) if total else 0
        self.progress_label.setText(
            self.tr("Answered {done} of {total} ({share} %), {issues} with issues").format(
                done=done, total=total, share=share, issues=issues
            )
        )

    def _passes_filter(self, answer: ChecklistAnswer) -> bool:
        mode = FILTERS[max(self.filter_combo.currentIndex(), 0)][0]
        if mode == "unanswered":
            return answer == ChecklistAnswer.NOT_CHECKED
        if mode == "issues":
            return answer == ChecklistAnswer.ISSUE
        return True

    def _fill_items(self) -> None:
        if self._filling:
            return
        key = self.current_key()
        area_id = self.current_area_id()
        template = self.current_template()
        rows: list[tuple[tuple[str, str], str, ChecklistAnswer]] = []
        if area_id == FREE:
            for f in self._free_findings():
                if self._passes_filter(f.answer):
                    rows.append(
                        (("free", f.id), f.title or self.tr("(untitled finding)"), f.answer)
                    )
        elif template and area_id:
            by_item = self._findings_by_item()
            area = template.area(area_id)
            for item in area.items if area else ():
                finding = by_item.get((template.id, item.id))
                answer = finding.answer if finding else ChecklistAnswer.NOT_CHECKED
                if self._passes_filter(answer):
                    rows.append((("item", item.id), item.question.get(self.lang), answer))
        self._filling = True
        self.item_list.clear()
        for row_key, text, answer in rows:
            mark, color = MARK[answer]
            item = QListWidgetItem(f"{mark}  {text}")
            item.setData(Qt.UserRole, row_key)
            item.setForeground(
                QBrush(QColor(color if answer != ChecklistAnswer.NOT_CHECKED else "#212121"))
            )
            item.setToolTip(_tr(dict(ANSWERS)[answer]))
            self.item_list.addItem(item)
        keys = [r[0] for r in rows]
        self.item_list.setCurrentRow(keys.index(key) if key in keys else (0 if rows else -1))
        self._filling = False
        self._fill_detail()

    def _fill_detail(self) -> None:
        if self._filling:
            return
        key = self.current_key()
        item = self.current_item()
        finding = self.current_finding()
        free = bool(key and key[0] == "free")
        self.detail.setEnabled(key is not None)
        self._filling = True
        self.item_id_label.setText(item.id if item else "")
        if item:
            area = self.current_template().area(item.area_id) if self.current_template() else None
            self.detail.setTitle(area.name.get(self.lang) if area else "")
            self.question.setText(item.question.get(self.lang))
            self.look_for.setText(
                self.tr("Look for: {text}").format(text=item.look_for.get(self.lang))
            )
            self.option_hint.setText(
                self.tr("Typical option: {text}").format(text=item.option_idea.get(self.lang))
            )
        else:
            self.detail.setTitle(self.tr("Free finding") if free else "")
            self.question.setText(
                (finding.title or self.tr("(untitled finding)"))
                if finding
                else self.tr("Nothing selected")
            )
            self.look_for.setText("")
            self.option_hint.setText("")
        for widget in (self.look_for, self.option_hint):
            widget.setVisible(bool(widget.text()))
        answer = finding.answer if finding else ChecklistAnswer.NOT_CHECKED
        self.answer_buttons[[a for a, _ in ANSWERS].index(answer)].setChecked(True)
        for name in ("title", "area"):
            self.form_labels[name].setVisible(free)
        self.title_edit.setVisible(free)
        self.area_edit.setVisible(free)
        self.delete_finding_button.setVisible(free)
        if not self.title_edit.hasFocus():
            self.title_edit.setText(finding.title if finding else "")
        if not self.area_edit.hasFocus():
            self.area_edit.setText(finding.area if finding else "")
        severity = finding.severity if finding else None
        self.severity_combo.setCurrentIndex([s for s, _ in SEVERITIES].index(severity))
        category = (finding.cp_category if finding else None) or (item.category if item else None)
        self.category_combo.setCurrentIndex(
            [c for c, _ in CATEGORIES].index(category) if category else -1
        )
        self.step_combo.clear()
        self.step_combo.addItem(self.tr("(no process step)"), None)
        for step in sorted(self.context.audit.steps, key=lambda s: s.position):
            name = (step.name_en or step.name_vi) if self.lang == "en" else step.name_vi
            self.step_combo.addItem(name, step.id)
        step_index = self.step_combo.findData(finding.step_id) if finding and finding.step_id else 0
        self.step_combo.setCurrentIndex(max(step_index, 0))
        if not self.note_edit.hasFocus():
            self.note_edit.setPlainText(finding.note if finding else "")
        self._show_english(self.english_toggle.isChecked())
        if not self.title_en_edit.hasFocus():
            self.title_en_edit.setText(finding.title_en if finding else "")
        if not self.note_en_edit.hasFocus():
            self.note_en_edit.setPlainText(finding.note_en if finding else "")
        if finding and (finding.note_en or (free and finding.title_en)):
            self.english_toggle.setChecked(True)  # show what exists; never hide on its own
        photos = [p for p in self.context.audit.photos if finding and p.finding_id == finding.id]
        self.photo_strip.show_photos(photos, self.lang)
        self._fill_captions()
        self.delete_photo_button.setEnabled(bool(photos) and not self.context.read_only)
        self._filling = False

    @staticmethod
    def _set_combo_items(combo: QComboBox, texts: list[str]) -> None:
        index = combo.currentIndex()
        combo.clear()
        combo.addItems(texts)
        combo.setCurrentIndex(index)

    # ------------------------------------------------------------------ edits
    def _editable_finding(self) -> tuple[Finding | None, bool]:
        """A copy of the selected row's finding to edit, and whether it is new (not stored)."""
        finding = self.current_finding()
        if finding is not None:
            return copy.deepcopy(finding), False
        item = self.current_item()
        template = self.current_template()
        if item is None or template is None:
            return None, False
        return (
            Finding(
                area=item.area_id,
                template_id=template.id,
                item_id=item.id,
                cp_category=item.category,
                position=template.items.index(item),
            ),
            True,
        )

    def _select(self, key: tuple[str, str]) -> None:
        for row in range(self.item_list.count()):
            if self.item_list.item(row).data(Qt.UserRole) == key:
                self.item_list.setCurrentRow(row)
                return

    def set_answer(self, answer: ChecklistAnswer) -> bool:
        """Answer the selected item (keys 1–4 or the buttons)."""
        finding, new = self._editable_finding()
        if finding is None or (finding.answer == answer and not new):
            return False
        if new and answer == ChecklistAnswer.NOT_CHECKED:
            return False
        finding.answer = answer
        label = self.tr("Answer: {answer}").format(answer=_tr(dict(ANSWERS)[answer]))
        return self.context.edit(label, put=[finding])

    def _edit_field(self, name: str, value) -> bool:
        if self._filling:
            return False
        finding, new = self._editable_finding()
        if finding is None or getattr(finding, name) == value:
            return False
        if new and not value:
            return False
        setattr(finding, name, value)
        labels = {
            "note": self.tr("Edit note"),
            "title": self.tr("Edit finding"),
            "title_en": self.tr("Edit English title"),
            "note_en": self.tr("Edit English note"),
            "area": self.tr("Edit area"),
            "severity": self.tr("Set severity"),
            "cp_category": self.tr("Set CP technique"),
            "step_id": self.tr("Link to process step"),
        }
        return self.context.edit(labels[name], put=[finding])

    def add_free_finding(self) -> Finding | None:
        if self.context.read_only:
            return None
        area = self.current_area_id()
        template = self.current_template()
        area_obj = template.area(area) if template and area and area != FREE else None
        positions = [f.position for f in self._free_findings()]
        finding = Finding(
            area=area_obj.id if area_obj else "",
            title=self.tr("New finding"),
            answer=ChecklistAnswer.ISSUE,
            position=max(positions, default=-1) + 1,
        )
        if not self.context.edit(self.tr("Add free finding"), put=[finding]):
            return None
        self.area_list.setCurrentRow(self.area_list.count() - 1)
        self._select(("free", finding.id))
        self.title_edit.setFocus()
        self.title_edit.selectAll()
        return finding

    def delete_free_finding(self) -> bool:
        finding = self.current_finding()
        if finding is None or finding.item_id:
            return False
        return self.context.edit(self.tr("Delete finding"), delete=[finding])

    def create_option(self) -> Option | None:
        """A new option prefilled from the selected finding (created with it if needed).

        One undo step (finding and option together). ``optionCreated`` then lets the main
        window open the option in the Options screen's editor.
        """
        from app.core.options import new_option_from_finding

        finding, new = self._editable_finding()
        if finding is None:
            return None
        put: list = []
        if new:
            finding.answer = ChecklistAnswer.ISSUE
            put.append(finding)
        item = self.current_item()
        option = new_option_from_finding(
            finding, self.context.audit, item.option_idea.vi if item else ""
        )
        if item:
            option.title_en = item.option_idea.en
            option.category = finding.cp_category or item.category
        else:
            option.title_en = finding.title_en
        option.description_vi = finding.note
        option.description_en = finding.note_en
        put.append(option)
        if not self.context.edit(self.tr("Create option from finding"), put=put):
            return None
        self.optionCreated.emit(option.id)
        return option

    # ------------------------------------------------------------------ photos
    def _choose_photos(self) -> None:
        folder = ""
        if self.context.settings is not None and hasattr(self.context.settings, "last_folder"):
            folder = self.context.settings.last_folder() or ""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            folder,
            self.tr("Images ({patterns})").format(patterns=PHOTO_FILTER),
        )
        if paths:
            self.add_photos(paths)

    def add_photos(self, paths: list[str]) -> None:
        """Process and store ``paths`` off the GUI thread (``PhotoImport``) into the current
        finding, created with the first photo when it is new."""
        if self.context.read_only or not paths:
            return
        finding, new = self._editable_finding()
        if finding is not None:
            self.photo_import.add(finding, new, [str(p) for p in paths])

    @property
    def last_problems(self) -> list[str]:
        """The messages of the last photo batch's files that could not be added."""
        return self.photo_import.last_problems

    def view_photo(self, photo_id: str):
        """The finding's photos at full size, starting with ``photo_id``."""
        from app.ui.screens.walkthrough.photo_viewer import PhotoViewer

        photo = self._photo(photo_id)
        if photo is None:
            return None
        photos = sorted(
            (p for p in self.context.audit.photos if p.finding_id == photo.finding_id),
            key=lambda p: p.position,
        )
        viewer = PhotoViewer(
            photos, photos.index(photo), self.context.file.photo_jpeg, self, lang=self.lang
        )
        viewer.setAttribute(Qt.WA_DeleteOnClose)
        viewer.show()
        self.photo_viewer = viewer
        return viewer

    def _photo(self, photo_id: str) -> Photo | None:
        return next((p for p in self.context.audit.photos if p.id == photo_id), None)

    def set_caption(self, photo_id: str, caption: str, lang: str | None = None) -> bool:
        """Store a photo's caption in ``lang`` (default: the UI language, as F2 on the strip
        edits it): the English one never overwrites the Vietnamese."""
        attr = "caption_en" if (lang or self.lang) == "en" else "caption"
        photo = self._photo(photo_id)
        caption = model.clean_text(caption)
        if photo is None or getattr(photo, attr) == caption:
            return False
        if attr == "caption_en" and caption == photo.caption and not photo.caption_en:
            return False  # F2 left the shown Vietnamese stand-in as it was
        edited = copy.deepcopy(photo)
        setattr(edited, attr, caption)  # jpeg stays None: the store keeps the stored JPEG
        label = self.tr("Edit English caption") if attr == "caption_en" else self.tr("Edit caption")
        return self.context.edit(label, put=[edited])

    def _fill_captions(self) -> None:
        """The caption fields show the selected photo's captions (empty and off without one)."""
        photo_id = self.photo_strip.current_photo_id()
        photo = self._photo(photo_id) if photo_id else None
        for lang, edit in self.caption_edits.items():
            edit.setEnabled(photo is not None)
            if not edit.hasFocus():
                edit.setText((photo.caption_en if lang == "en" else photo.caption) if photo else "")
                edit.setCursorPosition(0)  # the start of a long caption

    def _caption_edited(self, lang: str) -> None:
        photo_id = self.photo_strip.current_photo_id()
        if photo_id and not self.context.read_only:
            self.set_caption(photo_id, self.caption_edits[lang].text(), lang)

    def delete_photo(self, photo_id: str) -> bool:
        photo = self._photo(photo_id)
        if photo is None:
            return False
        return self.context.edit(self.tr("Delete photo"), delete=[photo])
