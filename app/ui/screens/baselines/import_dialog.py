"""The import wizard: file -> column mapping -> preview with the validation report -> accept.

The sheet is shown as read with the guessed header row highlighted (a click on a row makes it
the header); columns are matched to streams by name (``app.core.import_guess``), and a new file
or header row clears the previous report so it cannot be imported by mistake.

Reading and validating run off the GUI thread (``context.jobs``) with progress and Cancel; the
accepted import is one ``context.edit`` (one transaction, one undo step). The mapping can be
saved in the audit by name and picked again for next month's file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.messages import render, text
from app.store import importer
from app.store.importer import ColumnMap, Mapping

ROW_COLOURS = {
    "error": QColor("#F4B6B6"),
    "warning": QColor("#FFF3B0"),
    "skipped": QColor("#D9D9D9"),
}
HEADER_COLOUR = QColor("#BFD7F5")


class ImportDialog(QDialog):
    def __init__(self, context, parent: QWidget | None = None, path: str = ""):
        super().__init__(parent)
        self.context = context
        self.path = path
        self.result: importer.ImportResult | None = None
        self.headers: list[str] = []
        self.setWindowTitle(self.tr("Import figures from Excel or CSV"))
        self.resize(1100, 700)
        # 1. file and saved mappings
        self.file_label = QLabel(self.tr("No file chosen"))
        self.btn_file = QPushButton(self.tr("Choose file…"))
        self.btn_file.clicked.connect(self.choose_file)
        self.saved = QComboBox()
        self.saved.activated.connect(self._use_saved)
        self.btn_save = QPushButton(self.tr("Save mapping…"))
        self.btn_save.clicked.connect(self.save_mapping)
        top = QHBoxLayout()
        top.addWidget(self.btn_file)
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel(self.tr("Saved mapping:")))
        top.addWidget(self.saved)
        top.addWidget(self.btn_save)
        # 2. mapping
        self.layout_box = QComboBox()
        self.layout_box.addItem(self.tr("One column per stream"), "wide")
        self.layout_box.addItem(self.tr("A stream column and a quantity column"), "long")
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        self.sheet = QComboBox()
        self.sheet.activated.connect(lambda _i: self.load_headers())
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1000)
        self.header_row.valueChanged.connect(self._header_changed)
        self.period_col = QComboBox()
        self.locale_box = QComboBox()
        self.locale_box.addItem(text("import.locale_vi", context.lang), "vi")
        self.locale_box.addItem(text("import.locale_en", context.lang), "en")
        self.day_first = QCheckBox(self.tr("Dates are day/month/year"))
        self.day_first.setChecked(True)
        self.existing = QComboBox()
        self.existing.addItem(self.tr("Refuse months already entered"), "reject")
        self.existing.addItem(self.tr("Replace months already entered"), "replace")
        self.aggregate = QCheckBox(self.tr("Add up several rows of one month (daily readings)"))
        self.skip_total = QCheckBox(self.tr("Skip total rows (“Tổng cộng”, “Total”, sums)"))
        self.skip_total.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Layout"), self.layout_box)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Header row"), self.header_row)
        form.addRow(self.tr("Month column"), self.period_col)
        form.addRow(self.tr("Numbers written as"), self.locale_box)
        form.addRow("", self.day_first)
        form.addRow(self.tr("Months already in the audit"), self.existing)
        form.addRow("", self.aggregate)
        form.addRow("", self.skip_total)
        # wide: one row per file column -> stream or nothing
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("importColumns")
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        # long: four column choosers
        self.long_box = QWidget()
        long_form = QFormLayout(self.long_box)
        self.stream_col, self.qty_col, self.cost_col, self.unit_col = (
            QComboBox() for _ in range(4)
        )
        long_form.addRow(self.tr("Stream name column"), self.stream_col)
        long_form.addRow(self.tr("Quantity column"), self.qty_col)
        long_form.addRow(self.tr("Cost column (optional)"), self.cost_col)
        long_form.addRow(self.tr("Unit column (optional)"), self.unit_col)
        self.unmatched = QLabel()
        self.unmatched.setObjectName("importUnmatched")
        self.unmatched.setWordWrap(True)
        mapping_side = QWidget()
        ml = QVBoxLayout(mapping_side)
        ml.addLayout(form)
        ml.addWidget(self.columns, 1)
        ml.addWidget(self.unmatched)
        ml.addWidget(self.long_box)
        # the sheet as read: the header row highlighted, a click on a row makes it the header
        self.raw = QTableWidget(0, 0)
        self.raw.setObjectName("importRaw")
        self.raw.setEditTriggers(QTableWidget.NoEditTriggers)
        self.raw.setSelectionBehavior(QTableWidget.SelectRows)
        self.raw.setSelectionMode(QTableWidget.SingleSelection)
        self.raw.setWordWrap(False)
        self.raw.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.raw.cellClicked.connect(lambda row, _col: self.header_row.setValue(row + 1))
        self.raw_label = QLabel()
        # 3. preview and report
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("importPreview")
        self.preview.verticalHeader().setVisible(False)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        right = QSplitter(Qt.Vertical)
        for label, widget in (
            (self.raw_label, self.raw),
            (QLabel(self.tr("Preview (as read)")), self.preview),
            (QLabel(self.tr("Validation report")), self.problems),
        ):
            pane = QWidget()
            pl = QVBoxLayout(pane)
            pl.setContentsMargins(0, 0, 0, 0)
            pl.addWidget(label)
            pl.addWidget(widget, 1)
            if widget is self.problems:
                pl.addWidget(self.summary)
            right.addWidget(pane)
        right.setSizes([300, 200, 200])
        split = QSplitter(Qt.Horizontal)
        split.addWidget(mapping_side)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        # buttons
        self.buttons = QDialogButtonBox()
        self.btn_check = self.buttons.addButton(self.tr("Check"), QDialogButtonBox.ActionRole)
        self.btn_import = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        self.btn_cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.RejectRole)
        self.btn_check.clicked.connect(self.check)
        self.btn_import.clicked.connect(self.accept_import)
        self.buttons.rejected.connect(self.reject)
        self.btn_import.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self._fill_saved()
        self._layout_changed()
        if path:
            self.set_file(path)

    # -- file and headers ------------------------------------------------------------------
    def choose_file(self) -> None:
        start = self.context.settings.last_folder() if self.context.settings else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a spreadsheet"),
            start,
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All files (*)"),
        )
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        """A new file: the previous report, problems and preview go, the header is guessed."""
        self.path = path
        self.file_label.setText(Path(path).name)
        self.sheet.clear()
        self._reset_report()
        self.load_headers(first=True)

    def _header_changed(self, _row: int) -> None:
        self._reset_report()  # a report of another header row would be a wrong one
        self.load_headers()

    def _reset_report(self) -> None:
        self.result = None
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.problems.clear()
        self.summary.clear()
        self.btn_import.setEnabled(False)

    def load_headers(self, first: bool = False) -> None:
        if not self.path:
            return
        try:
            info = importer.peek(
                self.path,
                "" if first else self.sheet.currentText(),
                None if first else self.header_row.value(),
            )
        except UserError as exc:
            self.raw.setRowCount(0)
            self._show_problems([exc.problem])
            return
        if first:
            self.header_row.blockSignals(True)
            self.header_row.setValue(info.header_guess)
            self.header_row.blockSignals(False)
        self._fill_raw(info.rows)
        if first or self.sheet.count() != len(info.sheets):
            self.sheet.blockSignals(True)
            self.sheet.clear()
            self.sheet.addItems(info.sheets)
            self.sheet.setCurrentText(info.sheet)
            self.sheet.blockSignals(False)
        self.sheet.setEnabled(bool(info.sheets))
        self.headers = info.headers
        labels = [h or f"#{i + 1}" for i, h in enumerate(self.headers)]
        for box in (self.period_col, self.stream_col, self.qty_col):
            box.clear()
            box.addItems(labels)
        for box in (self.cost_col, self.unit_col):
            box.clear()
            box.addItem(self.tr("(none)"))
            box.addItems(labels)
        if info.period_guess < len(labels):
            self.period_col.setCurrentIndex(info.period_guess)
        self._fill_columns(importer.guess_wide_columns(self.headers, self.context.audit.streams))

    def _fill_raw(self, rows: list[list[str]]) -> None:
        """The first rows as read; the header row highlighted and said above the table."""
        width = max((len(r) for r in rows), default=0)
        self.raw.clear()
        self.raw.setRowCount(len(rows))
        self.raw.setColumnCount(width)
        self.raw.setHorizontalHeaderLabels([_letter(i) for i in range(width)])
        header = self.header_row.value() - 1
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if r == header:
                    item.setBackground(QBrush(HEADER_COLOUR))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.raw.setItem(r, c, item)
        self.raw.resizeColumnsToContents()
        for c in range(width):
            self.raw.setColumnWidth(c, min(self.raw.columnWidth(c), 220))
        self.raw_label.setText(
            self.tr(
                "The sheet as read (first {rows} rows); row {row} is the header — "
                "click a row to take it instead"
            ).format(rows=len(rows), row=header + 1)
        )

    def _stream_combo(self, role_box: QComboBox | None = None) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("(not imported)"), "")
        english = self.context.lang == "en"
        for s in self.context.audit.streams:
            name = s.name_en if english and s.name_en else s.name_vi
            box.addItem(f"{name} ({s.unit})", s.id)
        box.currentIndexChanged.connect(lambda _i: self._say_unmatched())
        return box

    def _say_unmatched(self) -> None:
        """Columns not going to any stream are ignored: say which."""
        names = [
            self.columns.item(row, 0).text()
            for row in range(self.columns.rowCount())
            if (box := self.columns.cellWidget(row, 1)) is not None and not box.currentData()
        ]
        self.unmatched.setText(
            self.tr("Not matched to a stream, ignored: {columns}").format(columns=", ".join(names))
            if names
            else ""
        )

    def _fill_columns(self, guesses: list[ColumnMap]) -> None:
        self.columns.setRowCount(0)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("File column"), self.tr("Stream"), self.tr("Holds")]
        )
        chosen = {g.column: g for g in guesses}
        for i, header in enumerate(self.headers):
            if i == self.period_col.currentIndex():
                continue
            row = self.columns.rowCount()
            self.columns.insertRow(row)
            item = QTableWidgetItem(header or f"#{i + 1}")
            item.setFlags(Qt.ItemIsEnabled)
            self.columns.setItem(row, 0, item)
            streams = self._stream_combo()
            role = QComboBox()
            role.addItem(self.tr("Quantity"), "quantity")
            role.addItem(self.tr("Cost (VND)"), "cost")
            guess = chosen.get(header)
            if guess is not None:
                streams.setCurrentIndex(max(0, streams.findData(guess.stream)))
                role.setCurrentIndex(max(0, role.findData(guess.role)))
            if guess is not None:  # the header's own unit, kept while its stream is chosen
                streams.setProperty("guess", guess.stream)
                streams.setProperty("unit", guess.unit)
            self.columns.setCellWidget(row, 1, streams)
            self.columns.setCellWidget(row, 2, role)
        self._say_unmatched()

    def _layout_changed(self) -> None:
        wide = self.layout_box.currentData() == "wide"
        self.columns.setVisible(wide)
        self.long_box.setVisible(not wide)

    # -- mapping ---------------------------------------------------------------------------
    def mapping(self) -> Mapping:
        def header(box: QComboBox, optional: bool = False) -> str:
            i = box.currentIndex() - (1 if optional else 0)
            if i < 0 or i >= len(self.headers):
                return ""
            return self.headers[i] or _letter(i)

        m = Mapping(
            layout=self.layout_box.currentData(),
            sheet=self.sheet.currentText(),
            header_row=self.header_row.value(),
            period_column=header(self.period_col),
            number_locale=self.locale_box.currentData(),
            day_first=self.day_first.isChecked(),
            on_existing=self.existing.currentData(),
            aggregate=self.aggregate.isChecked(),
            skip_total=self.skip_total.isChecked(),
        )
        if m.layout == "wide":
            for row in range(self.columns.rowCount()):
                box = self.columns.cellWidget(row, 1)
                if box.currentData():
                    m.columns.append(
                        ColumnMap(
                            self.columns.item(row, 0).text(),
                            box.currentData(),
                            self.columns.cellWidget(row, 2).currentData(),
                            box.property("unit") or ""
                            if box.currentData() == box.property("guess")
                            else "",
                        )
                    )
        else:
            m.stream_column = header(self.stream_col)
            m.quantity_column = header(self.qty_col)
            m.cost_column = header(self.cost_col, True)
            m.unit_column = header(self.unit_col, True)
        return m

    def apply_mapping(self, m: Mapping) -> None:
        self.layout_box.setCurrentIndex(self.layout_box.findData(m.layout))
        self.header_row.setValue(m.header_row)
        if m.sheet and self.sheet.findText(m.sheet) >= 0:
            self.sheet.setCurrentText(m.sheet)
        self.load_headers()
        norm = [h.casefold() for h in self.headers]

        def pick(box: QComboBox, ref: str, offset: int = 0) -> None:
            if ref and ref.casefold() in norm:
                box.setCurrentIndex(norm.index(ref.casefold()) + offset)

        pick(self.period_col, m.period_column)
        self.locale_box.setCurrentIndex(self.locale_box.findData(m.number_locale))
        self.day_first.setChecked(m.day_first)
        self.existing.setCurrentIndex(self.existing.findData(m.on_existing))
        self.aggregate.setChecked(m.aggregate)
        self.skip_total.setChecked(m.skip_total)
        pick(self.stream_col, m.stream_column)
        pick(self.qty_col, m.quantity_column)
        pick(self.cost_col, m.cost_column, 1)
        pick(self.unit_col, m.unit_column, 1)
        if m.layout == "wide":
            streams = {s.name_vi.casefold(): s.id for s in self.context.audit.streams}
            self._fill_columns(
                [
                    ColumnMap(c.column, streams.get(c.stream.casefold(), c.stream), c.role)
                    for c in m.columns
                ]
            )

    def _fill_saved(self) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("(new mapping)"))
        self._saved = importer.saved_mappings(self.context.file) if self.context.file else {}
        self.saved.addItems(sorted(self._saved))

    def _use_saved(self, index: int) -> None:
        name = self.saved.itemText(index)
        if index > 0 and name in self._saved:
            self.apply_mapping(self._saved[name])

    def save_mapping(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name:"))
        if ok and name.strip() and not self.context.read_only:
            importer.save_mapping(self.context.file, name.strip(), self.mapping())
            self._fill_saved()
            self.saved.setCurrentText(name.strip())

    # -- check and import ------------------------------------------------------------------
    def check(self, *, wait: bool = False) -> None:
        """Validate off the GUI thread; the preview and report fill in when done."""
        if not self.path:
            return
        try:
            mapping = self.mapping()
            mapping.check()
        except ValueError as exc:
            self._show_problems([UserError.of("import.bad_mapping", detail=str(exc)).problem])
            return
        audit, path = self.context.audit, self.path
        self.btn_import.setEnabled(False)

        def work(progress):
            def tick(rows: int) -> bool:
                progress.update(rows, 0, self.tr("{rows} rows read").format(rows=rows))
                return not progress.cancelled

            try:
                return importer.validate(path, mapping, audit, progress=tick)
            except UserError as exc:
                return exc

        self.context.jobs.run(
            self.tr("Checking the file"), work, on_done=self.show_result, parent=self
        )
        if wait:
            self.context.jobs.wait()

    def show_result(self, result) -> None:
        if isinstance(result, UserError):
            self.result = None
            self._show_problems([result.problem])
            return
        self.result = result
        self.preview.clear()
        headers = result.preview_headers
        self.preview.setColumnCount(len(headers) + 1)
        self.preview.setHorizontalHeaderLabels([self.tr("Row")] + headers)
        self.preview.setRowCount(len(result.preview))
        for r, row in enumerate(result.preview):
            self.preview.setItem(r, 0, QTableWidgetItem(str(row.row)))
            for c, (raw, parsed) in enumerate(zip(row.raw, row.parsed, strict=False)):
                shown = (
                    raw
                    if not parsed
                    else parsed
                    if parsed == raw or not raw
                    else f"{raw} → {parsed}"
                )
                item = QTableWidgetItem(shown)
                if row.level:
                    item.setBackground(QBrush(ROW_COLOURS[row.level]))
                self.preview.setItem(r, c + 1, item)
        self.preview.resizeColumnsToContents()
        self._show_problems(result.problems)
        hidden = result.error_count + result.warning_count - len(result.problems)
        lines = [text("import.summary", self.context.lang, **result.summary_params())]
        if hidden:
            lines.append(text("import.too_many_problems", self.context.lang, count=hidden))
        if not result.ok:
            lines.append(text("import.nothing_imported", self.context.lang))
        self.summary.setText("\n".join(lines))
        self.btn_import.setEnabled(
            result.ok and bool(result.records) and not self.context.read_only
        )

    def _show_problems(self, problems) -> None:
        self.problems.clear()
        for p in problems:
            self.problems.addItem(render(p, self.context.lang))
            self.problems.item(self.problems.count() - 1).setBackground(
                QBrush(ROW_COLOURS["error" if p.is_error else "warning"])
            )
        if problems and self.result is None:
            self.summary.setText(text("import.nothing_imported", self.context.lang))

    def accept_import(self) -> bool:
        """One undoable step, one transaction; the dialog closes when it is saved."""
        if self.result is None or not self.result.ok:
            return False
        label = self.tr("Import {count} figures from {file}").format(
            count=len(self.result.records), file=self.result.file
        )
        ok = self.context.edit(label, put=self.result.records, delete=self.result.superseded)
        if ok:
            self.accept()
        return ok


def _letter(index: int) -> str:
    from app.store.importer_read import column_letter

    return column_letter(index)
