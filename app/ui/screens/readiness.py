"""The eco-enterprise readiness screen (Decree 35/2022/NĐ-CP art. 37 cl. 2).

One row per criterion of the checklist file (``app.core.readiness``): its result, who decided it
(the audit's data or the auditor) and the evidence. Below, the auditor's own answer and evidence
for the selected criterion, saved in the audit's setting ``readiness.ANSWERS_SETTING`` through
the one edit path (one undo step). Criterion texts, statuses and evidence come from the
checklist file and the message catalogue in the UI's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import model
from app.core import readiness as rd
from app.core.errors import UserError
from app.core.messages import render, text
from app.ui.context import ChangeSet
from app.ui.screens.base import PhaseScreen

COLUMNS = 4  # criterion, legal reference, result, evidence


class ReadinessScreen(PhaseScreen):
    key = "readiness"

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.checklist: rd.Checklist | None = None
        self.result: rd.AuditReadiness | None = None
        self.overall = QLabel()
        self.overall.setObjectName("readinessOverall")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.setColumnWidth(1, 200)
        # Wrapped texts: row heights follow the columns' widths (a handful of rows).
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        self.answer_box = QComboBox()
        self.evidence_edit = QPlainTextEdit()
        self.evidence_edit.setFixedHeight(70)
        self.save_button = QPushButton()
        self.annex_pdf_button = QPushButton()
        self.annex_xlsx_button = QPushButton()
        self.annex_status = QLabel()
        self.annex_status.setWordWrap(True)
        self.answer_label = QLabel()
        self.evidence_label = QLabel()
        self.answer_title = QLabel()
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: palette(mid);")

        form = QFormLayout()
        form.addRow(self.answer_label, self.answer_box)
        form.addRow(self.evidence_label, self.evidence_edit)
        row = QHBoxLayout()
        row.addWidget(self.annex_pdf_button)
        row.addWidget(self.annex_xlsx_button)
        row.addWidget(self.annex_status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overall)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.answer_title)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.source)

        self.table.itemSelectionChanged.connect(self._show_answer)
        self.save_button.clicked.connect(self.save_answer)
        self.annex_pdf_button.clicked.connect(lambda: self.choose_annex("pdf"))
        self.annex_xlsx_button.clicked.connect(lambda: self.choose_annex("xlsx"))
        self.retranslate()
        self.refresh(ChangeSet(reset=True))
        if self.table.rowCount():
            self.table.selectRow(0)

    def title(self) -> str:
        return self.tr("Eco-enterprise readiness")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    # ------------------------------------------------------------------ data
    def answers(self) -> dict[str, rd.Answer]:
        return rd.answers_from_setting(self.context.file.get_setting(rd.ANSWERS_SETTING))

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.checklist is None:
            return None
        return self.checklist.criteria[rows[0].row()].id

    def refresh(self, changes: ChangeSet) -> None:
        if not (
            changes.reset
            or changes.info
            or changes.touches(model.Option)
            or changes.touches_setting(rd.ANSWERS_SETTING)
        ):
            return
        lang = self.context.lang
        try:
            self.checklist = rd.shipped_checklist()
        except UserError as exc:  # an expert's edit broke the file: say where, show nothing
            self.checklist, self.result = None, None
            self.problem.setText(render(exc.problem, lang))
            self.problem.show()
            self.table.setRowCount(0)
            self.overall.setText("")
            return
        self.problem.hide()
        self.result = rd.evaluate(self.context.audit, self.answers(), self.checklist)
        selected = self.selected_id()
        self.table.setRowCount(len(self.result.results))
        for row, r in enumerate(self.result.results):
            c = r.criterion
            evidence = [rd.evidence_text(e, lang) for e in r.evidence]
            if r.auditor_evidence:
                evidence.append(text("readiness.auditor_note", lang, text=r.auditor_evidence))
            source = text(f"readiness.source.{r.source or 'none'}", lang)
            cells = (
                f"{c.id}) {c.text(lang)}",
                c.legal_ref(lang),
                f"{text(f'readiness.status.{r.status.value}', lang)}\n({source})",
                "\n".join(f"• {e}" for e in evidence) or "–",
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignLeft | Qt.AlignTop)
                if column == 2:
                    item.setData(Qt.UserRole, r.status.value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.overall.setText(
            "<b>"
            + text(
                "readiness.overall",
                lang,
                status=text(f"readiness.status.{self.result.overall.value}", lang),
            )
            + "</b>"
        )
        self.source.setText(text("readiness.source_line", lang, source=self.checklist.source(lang)))
        if selected is not None:
            ids = [c.id for c in self.checklist.criteria]
            if selected in ids:
                self.table.selectRow(ids.index(selected))
        self._show_answer()

    def _show_answer(self) -> None:
        cid = self.selected_id()
        enabled = cid is not None and not self.context.read_only
        for widget in (self.answer_box, self.evidence_edit, self.save_button):
            widget.setEnabled(enabled)
        answer = self.answers().get(cid or "", rd.Answer())
        index = self.answer_box.findData(answer.status.value)
        self.answer_box.setCurrentIndex(max(index, 0))
        self.evidence_edit.setPlainText(answer.evidence)
        self.answer_title.setText(
            "<b>"
            + self.tr("The auditor's answer to criterion %1").replace("%1", cid or "–")
            + "</b>"
        )

    def save_answer(self) -> bool:
        cid = self.selected_id()
        if cid is None:
            return False
        answers = self.answers()
        answers[cid] = rd.Answer(
            rd.Status(self.answer_box.currentData()), self.evidence_edit.toPlainText()
        )
        return self.context.edit(
            self.tr("Answer eco-enterprise criterion %1").replace("%1", cid),
            settings={rd.ANSWERS_SETTING: rd.answers_to_setting(answers)},
        )

    # ------------------------------------------------------------------ the annex
    def choose_annex(self, fmt_name: str) -> None:
        audit_path = Path(self.context.file.path)
        start = audit_path.with_name(f"{audit_path.stem}_tu_danh_gia_DNST.{fmt_name}")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Self-assessment annex"), str(start), f"*.{fmt_name}"
        )
        if name:
            self.export_annex(Path(name), fmt_name)

    def export_annex(self, target: Path, fmt_name: str) -> Path | None:
        """Write the Vietnamese self-assessment annex (a few pages: no background job)."""
        from app.reports.readiness_annex import write_annex

        if self.result is None:
            return None
        try:
            written = write_annex(self.result, self.context.audit.info.enterprise, target, fmt_name)
        except UserError as exc:
            self.annex_status.setText(render(exc.problem, self.context.lang))
            return None
        self.annex_status.setText(self.tr("Annex written: %1").replace("%1", str(written)))
        return written

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Criterion"),
                self.tr("Legal reference"),
                self.tr("Result"),
                self.tr("Evidence"),
            ]
        )
        current = self.answer_box.currentData()
        self.answer_box.clear()
        labels = {
            rd.Status.UNKNOWN: self.tr("Not answered"),
            rd.Status.MET: self.tr("Met"),
            rd.Status.PARTLY: self.tr("Partly met"),
            rd.Status.NOT_MET: self.tr("Not met"),
            rd.Status.NOT_APPLICABLE: self.tr("Not applicable"),
        }
        for status, label in labels.items():
            self.answer_box.addItem(label, status.value)
        if current is not None:
            self.answer_box.setCurrentIndex(max(self.answer_box.findData(current), 0))
        self.answer_label.setText(self.tr("Answer"))
        self.evidence_label.setText(self.tr("Evidence (documents, dates)"))
        self.save_button.setText(self.tr("Save answer"))
        self.annex_pdf_button.setText(self.tr("Self-assessment annex (PDF)…"))
        self.annex_xlsx_button.setText(self.tr("Self-assessment annex (XLSX)…"))
        tip = self.tr("The annex to file with the park's management board, in Vietnamese.")
        self.annex_pdf_button.setToolTip(tip)
        self.annex_xlsx_button.setToolTip(tip)
        self.save_button.setToolTip(
            self.tr(
                "Used where the audit's data cannot decide the criterion; the evidence is shown "
                "in the reports and the self-assessment annex."
            )
        )
        if self.checklist is not None:
            self.refresh(ChangeSet(reset=True))
