"""The New audit wizard: enterprise, team, baseline period and templates, where to save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.core import model
from app.core.errors import UserError
from app.core.messages import render


class NewAuditWizard(QWizard):
    def __init__(self, settings, parent: QWidget | None = None, lang: str = "vi"):
        super().__init__(parent)
        self.settings = settings
        self.lang = lang
        self.created_path: str = ""
        self.setWindowTitle(self.tr("New audit"))
        self.setMinimumSize(760, 520)
        self.setOption(QWizard.NoBackButtonOnStartPage)
        # Qt ships no Vietnamese for its own wizard buttons: name them here so they translate.
        for button, label in (
            (QWizard.BackButton, self.tr("< Back")),
            (QWizard.NextButton, self.tr("Next >")),
            (QWizard.FinishButton, self.tr("Create")),
            (QWizard.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, label)
        self._enterprise_page()
        self._team_page()
        self._baseline_page()
        self._save_page()

    # ---------------------------------------------------------------- pages
    def _enterprise_page(self) -> None:
        page = QWizardPage()
        page.setTitle(self.tr("Enterprise"))
        page.setSubTitle(self.tr("Who is audited. Everything can be completed later."))
        form = QFormLayout(page)
        self.name = QLineEdit()
        self.tax_code = QLineEdit()
        self.vsic = QLineEdit()
        self.vsic.setPlaceholderText(self.tr("e.g. 1313"))
        self.vsic.setMaximumWidth(120)
        self.sector = QLineEdit()
        self.province = QLineEdit()
        self.park = QLineEdit()
        self.address = QLineEdit()
        form.addRow(self.tr("Enterprise name *"), self.name)
        form.addRow(self.tr("Tax code"), self.tax_code)
        form.addRow(self.tr("Sector (VSIC code)"), self.vsic)
        form.addRow(self.tr("Sector name"), self.sector)
        form.addRow(self.tr("Province / city"), self.province)
        form.addRow(self.tr("Industrial park"), self.park)
        form.addRow(self.tr("Address"), self.address)
        page.registerField("name*", self.name)
        self.addPage(page)

    def _team_page(self) -> None:
        page = QWizardPage()
        page.setTitle(self.tr("Audit team"))
        page.setSubTitle(self.tr("The cleaner-production team: auditors and enterprise staff."))
        self.team = QTableWidget(0, 3)
        self.team.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role in the team"), self.tr("Organisation")]
        )
        self.team.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        add, remove = QPushButton(self.tr("Add member")), QPushButton(self.tr("Remove selected"))
        add.clicked.connect(lambda: self.add_member())
        remove.clicked.connect(lambda: self.team.removeRow(self.team.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.team)
        layout.addLayout(buttons)
        self.addPage(page)

    def add_member(self, name: str = "", role: str = "", organisation: str = "") -> None:
        row = self.team.rowCount()
        self.team.insertRow(row)
        for col, text in enumerate((name, role, organisation)):
            self.team.setItem(row, col, QTableWidgetItem(text))

    def _baseline_page(self) -> None:
        page = QWizardPage()
        page.setTitle(self.tr("Baseline and walkthrough"))
        page.setSubTitle(
            self.tr("The months of data the audit compares against, and the checklists.")
        )
        form = QFormLayout(page)
        self.title = QLineEdit()
        last_year = date.today().year - 1
        self.baseline_start = QLineEdit(f"01/{last_year}")
        self.baseline_start.setPlaceholderText(self.tr("mm/yyyy"))
        self.baseline_start.setMaximumWidth(120)
        self.baseline_months = QSpinBox()
        self.baseline_months.setRange(1, 120)
        self.baseline_months.setValue(12)
        self.baseline_error = QLabel()
        self.baseline_error.setStyleSheet("color: #b00020")
        self.baseline_error.setVisible(False)
        self.baseline_start.textEdited.connect(lambda _text: self.baseline_error.setVisible(False))
        self.templates = QListWidget()
        self.templates_note = QLabel()
        form.addRow(self.tr("Audit title"), self.title)
        form.addRow(self.tr("Baseline first month"), self.baseline_start)
        form.addRow("", self.baseline_error)
        form.addRow(self.tr("Baseline months"), self.baseline_months)
        form.addRow(self.tr("Walkthrough templates"), self.templates)
        form.addRow("", self.templates_note)
        self._load_templates()
        self.addPage(page)

    def _load_templates(self) -> None:
        try:
            from app.core.templates import load_templates

            found = load_templates().templates
        except Exception:  # templates are optional data: the audit can be made without them
            found = []
        for tpl in found:
            item = QListWidgetItem(tpl.name.get(self.lang))
            item.setData(Qt.UserRole, tpl.id)
            item.setData(Qt.UserRole + 1, tpl)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if not tpl.sectors else Qt.Unchecked)
            self.templates.addItem(item)
        self.templates_note.setText(
            "" if found else self.tr("No walkthrough templates are installed.")
        )

    def baseline_period(self) -> str | None:
        """The typed first month as "YYYY-MM" ("mm/yyyy" or "yyyy-mm"), or None when unreadable."""
        text = self.baseline_start.text().strip()
        for sep, month_first in (("/", True), ("-", False), (".", True)):
            parts = text.split(sep)
            if len(parts) == 2 and all(p.isdigit() for p in parts):
                month, year = (parts[0], parts[1]) if month_first else (parts[1], parts[0])
                if 1 <= int(month) <= 12 and 1990 <= int(year) <= 2100:
                    return f"{int(year):04d}-{int(month):02d}"
        return None

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt's name
        # A baseline month that cannot be read was silently dropped before: say so, stay here.
        if self.currentId() == 2 and self.baseline_period() is None:
            self.baseline_error.setText(
                self.tr("Type the first month of the baseline as mm/yyyy, e.g. 01/2024.")
            )
            self.baseline_error.setVisible(True)
            self.baseline_start.setFocus()
            return False
        return super().validateCurrentPage()

    def initializePage(self, page_id: int) -> None:  # noqa: N802 - Qt's name
        super().initializePage(page_id)
        if page_id == 2:  # tick the templates that fit the sector typed on page 1
            vsic = self.vsic.text().strip()
            for i in range(self.templates.count()):
                tpl = self.templates.item(i).data(Qt.UserRole + 1)
                if tpl.sectors and vsic and tpl.fits_sector(vsic):
                    self.templates.item(i).setCheckState(Qt.Checked)
            if not self.title.text():
                self.title.setText(
                    self.tr("RECP audit {name}").format(name=self.name.text().strip())
                )
        if page_id == 3 and not self.path.text():
            stem = (
                "".join(c if c.isalnum() else "_" for c in self.name.text().strip())[:40] or "audit"
            )
            self.path.setText(str(Path(self.settings.last_folder()) / f"{stem}.recp"))

    def _save_page(self) -> None:
        page = QWizardPage()
        page.setTitle(self.tr("Where to save"))
        page.setSubTitle(
            self.tr("One audit is one .recp file: every change is saved in it at once.")
        )
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addStretch(1)
        self.addPage(page)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the new audit as"),
            self.path.text(),
            self.tr("RECP audits (*.recp)"),
        )
        if path:
            self.path.setText(path if path.endswith(".recp") else path + ".recp")

    # ---------------------------------------------------------------- result
    def build_audit(self) -> model.Audit:
        ent = model.Enterprise(
            name=model.clean_text(self.name.text()),
            tax_code=model.clean_text(self.tax_code.text()),
            sector_vsic=model.clean_text(self.vsic.text()),
            sector_name=model.clean_text(self.sector.text()),
            province=model.clean_text(self.province.text()),
            industrial_park=model.clean_text(self.park.text()),
            address=model.clean_text(self.address.text()),
        )
        start = self.baseline_period() or ""
        templates = [
            self.templates.item(i).data(Qt.UserRole)
            for i in range(self.templates.count())
            if self.templates.item(i).checkState() == Qt.Checked
        ]
        info = model.AuditInfo(
            title=model.clean_text(self.title.text()),
            enterprise=ent,
            start_date=date.today(),
            baseline_start=start,
            baseline_months=self.baseline_months.value(),
            template_ids=templates,
        )
        team = []
        for row in range(self.team.rowCount()):
            cells = [
                model.clean_text(self.team.item(row, c).text()) if self.team.item(row, c) else ""
                for c in range(3)
            ]
            if cells[0]:
                team.append(
                    model.TeamMember(
                        cells[0], role=cells[1], organisation=cells[2], position=len(team)
                    )
                )
        return model.Audit(info=info, team=team)

    def accept(self) -> None:
        from app.store.auditfile import AuditFile

        path = self.path.text().strip()
        if not path:
            return
        if not path.endswith(".recp"):
            path += ".recp"
        try:
            AuditFile.create(path, self.build_audit()).close()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("New audit"), render(exc.problem, self.lang))
            return
        except OSError as exc:
            QMessageBox.warning(self, self.tr("New audit"), str(exc))
            return
        self.created_path = path
        self.settings.set_last_folder(Path(path).parent)
        super().accept()
