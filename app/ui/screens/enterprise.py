"""Phase 1a: the enterprise, the audit header (dates, baseline period) and the audit team."""

from __future__ import annotations

import copy

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core import model
from app.ui.context import AuditContext, ChangeSet
from app.ui.dates import DateField, format_date, parse_date
from app.ui.forms import USER_ROLE, GuardedTable, TextField
from app.ui.grid_keys import GridKeys
from app.ui.screens.base import PhaseScreen

# (owner, attribute, kind, label source). owner: "enterprise" or "info".
ENTERPRISE_FIELDS = (
    ("enterprise", "name", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "Enterprise name")),
    ("enterprise", "tax_code", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "Tax code")),
    (
        "enterprise",
        "sector_vsic",
        "text",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "Sector (VSIC code)"),
    ),
    ("enterprise", "sector_name", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "Sector name")),
    (
        "enterprise",
        "sector_name_en",
        "text",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "Sector name (English, for reports)"),
    ),
    ("enterprise", "address", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "Address")),
    ("enterprise", "province", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "Province / city")),
    (
        "enterprise",
        "industrial_park",
        "text",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "Industrial park"),
    ),
    (
        "enterprise",
        "iso14001_certificate",
        "text",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "ISO 14001 certificate (number, validity)"),
    ),
    (
        "enterprise",
        "iso50001_certificate",
        "text",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "ISO 50001 certificate (number, validity)"),
    ),
    ("enterprise", "employees", "int", QT_TRANSLATE_NOOP("EnterpriseScreen", "Employees")),
    (
        "enterprise",
        "shifts_per_day",
        "int",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "Shifts per day"),
    ),
    (
        "enterprise",
        "operating_days_per_year",
        "int",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "Operating days per year"),
    ),
    (
        "enterprise",
        "value_added_vnd",
        "int",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "Value added per year (VND)"),
    ),
    ("enterprise", "contact_name", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "Contact person")),
    ("enterprise", "contact_phone", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "Phone")),
    ("enterprise", "contact_email", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "E-mail")),
)
AUDIT_FIELDS = (
    ("info", "title", "text", QT_TRANSLATE_NOOP("EnterpriseScreen", "Audit title")),
    (
        "info",
        "title_en",
        "text",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "Audit title (English, for reports)"),
    ),
    ("info", "start_date", "date", QT_TRANSLATE_NOOP("EnterpriseScreen", "Audit start")),
    ("info", "end_date", "date", QT_TRANSLATE_NOOP("EnterpriseScreen", "Audit end")),
    (
        "info",
        "baseline_start",
        "period",
        QT_TRANSLATE_NOOP("EnterpriseScreen", "Baseline first month"),
    ),
    ("info", "baseline_months", "int", QT_TRANSLATE_NOOP("EnterpriseScreen", "Baseline months")),
)
TEAM_COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("EnterpriseScreen", "Name")),
    ("role", QT_TRANSLATE_NOOP("EnterpriseScreen", "Role in the team")),
    ("role_en", QT_TRANSLATE_NOOP("EnterpriseScreen", "Role (English)")),
    ("organisation", QT_TRANSLATE_NOOP("EnterpriseScreen", "Organisation")),
    ("organisation_en", QT_TRANSLATE_NOOP("EnterpriseScreen", "Organisation (English)")),
    ("department", QT_TRANSLATE_NOOP("EnterpriseScreen", "Department")),
    ("department_en", QT_TRANSLATE_NOOP("EnterpriseScreen", "Department (English)")),
)
# What makes the phase complete: these fields filled, and a team.
KEY_FIELDS = ("name", "tax_code", "sector_vsic", "province", "employees", "contact_name")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EnterpriseScreen", text)


class EnterpriseScreen(PhaseScreen):
    key = "enterprise"

    def __init__(self, context: AuditContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.fields: dict[tuple[str, str], TextField] = {}
        self.labels: dict[tuple[str, str], QLabel] = {}
        self.box_enterprise = QGroupBox()
        self.box_audit = QGroupBox()
        self.box_team = QGroupBox()
        self._build_form(self.box_enterprise, ENTERPRISE_FIELDS)
        self._build_form(self.box_audit, AUDIT_FIELDS)
        self.team = GuardedTable(0, len(TEAM_COLUMNS))
        self.team.setObjectName("teamTable")
        self.team.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.team.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.team.verticalHeader().setVisible(False)
        # Rows as tall as their wrapped text: a name, role or organisation shows whole in the
        # narrow columns (there is room below five or ten members), not cut with "…". Sized
        # once per fill and once per change of the table's width (stretched columns resize
        # together, the last one last), not per cell (ResizeToContents measures the whole table
        # again at every cell set while filling).
        self.team.horizontalHeader().sectionResized.connect(self._team_column_resized)
        # Seven columns in half the screen: headers wrap onto two lines rather than being cut.
        # AlignCenter | TextWordWrap as a property (no Qt enum on the first screen, see above).
        self.team.horizontalHeader().setProperty("defaultAlignment", 0x1084)
        self.team.horizontalHeader().setMinimumHeight(2 * self.team.fontMetrics().height() + 10)
        self.team.itemChanged.connect(self._team_item_changed)
        self.team_keys = GridKeys(self.team, enter="right", lazy=True)
        self.btn_add = QPushButton()
        self.btn_remove = QPushButton()
        self.btn_add.clicked.connect(self.add_member)
        self.btn_remove.clicked.connect(self.remove_selected_members)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_add)
        buttons.addWidget(self.btn_remove)
        buttons.addStretch(1)
        team_layout = QVBoxLayout(self.box_team)
        team_layout.addWidget(self.team)
        team_layout.addLayout(buttons)
        left = QVBoxLayout()
        left.addWidget(self.box_enterprise)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.box_audit)
        right.addWidget(self.box_team, 1)
        inner = QWidget()
        columns = QHBoxLayout(inner)
        # the team's seven columns get the larger share: whole header words at 1366 px
        columns.addLayout(left, 4)
        columns.addLayout(right, 5)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.NoFrame)
        # Tab goes straight to the first field. Qt.NoFocus (0) set as a property: this screen
        # paints first, and any Qt-namespace enum costs ~40 ms to create (see forms.USER_ROLE).
        scroll.setProperty("focusPolicy", 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()  # also fills the fields and the team table

    def _build_form(self, box: QGroupBox, spec) -> None:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for owner, attr, kind, _label in spec:
            field = DateField() if kind == "date" else TextField()
            field.setObjectName(f"field_{attr}")
            if kind in ("int", "date", "period"):
                field.setMaximumWidth(180)
            field.editingFinished.connect(
                lambda o=owner, a=attr, k=kind: self._field_finished(o, a, k)
            )
            label = QLabel()
            label.setBuddy(field)
            self.fields[(owner, attr)] = field
            self.labels[(owner, attr)] = label
            form.addRow(label, field)

    # ------------------------------------------------------------------------ PhaseScreen
    def title(self) -> str:
        return QCoreApplication.translate("Phase", "Enterprise & team")

    @classmethod
    def completeness_of(cls, audit: model.Audit) -> float | None:
        ent = audit.info.enterprise
        done = sum(1 for f in KEY_FIELDS if getattr(ent, f) not in ("", None))
        done += 1 if audit.team else 0
        return done / (len(KEY_FIELDS) + 1)

    def retranslate(self) -> None:
        self.box_enterprise.setTitle(self.tr("Enterprise"))
        self.box_audit.setTitle(self.tr("Audit"))
        self.box_team.setTitle(self.tr("Audit team"))
        for owner, attr, kind, label in (*ENTERPRISE_FIELDS, *AUDIT_FIELDS):
            self.labels[(owner, attr)].setText(_tr(label))
            hint = {
                "date": self.tr("dd/mm/yyyy"),
                "period": self.tr("mm/yyyy"),
            }.get(kind, "")
            self.fields[(owner, attr)].setPlaceholderText(hint)
        self.team.setHorizontalHeaderLabels([_tr(label) for _a, label in TEAM_COLUMNS])
        self.btn_add.setText(self.tr("Add member"))
        self.btn_remove.setText(self.tr("Remove selected"))
        self.refresh(ChangeSet(reset=True))  # numbers and dates follow the language

    def refresh(self, changes: ChangeSet) -> None:
        if changes.info or changes.reset:
            info = self.context.audit.info
            for (owner, attr), field in self.fields.items():
                obj = info.enterprise if owner == "enterprise" else info
                kind = next(
                    k
                    for o, a, k, _ in (*ENTERPRISE_FIELDS, *AUDIT_FIELDS)
                    if (o, a) == (owner, attr)
                )
                field.show_value(self._display(getattr(obj, attr), kind))
                if field.styleSheet():  # setting even an empty sheet re-polishes the field
                    field.setStyleSheet("")
        if changes.touches(model.TeamMember):
            self._fill_team()

    def set_read_only(self, read_only: bool) -> None:
        for field in self.fields.values():
            field.setReadOnly(read_only)
        self.team.setEditTriggers(
            QAbstractItemView.NoEditTriggers if read_only else QAbstractItemView.AllEditTriggers
        )
        self.btn_add.setEnabled(not read_only)
        self.btn_remove.setEnabled(not read_only)

    # ------------------------------------------------------------------------ fields
    def _display(self, value, kind: str) -> str:
        if value is None or value == "":
            return ""
        if kind == "int":
            return self.context.format_number(int(value))
        if kind == "date":
            return format_date(value)
        if kind == "period":
            return f"{value[5:7]}/{value[:4]}"
        return str(value)

    def _parse(self, text: str, kind: str):
        """(ok, value) for the typed text."""
        if kind == "text":
            return True, text
        if not text:
            return True, None if kind != "period" else ""
        if kind == "int":
            number = self.context.parse_number(text)
            if number is None or number < 0 or number != int(number):
                return False, None
            return True, int(number)
        if kind == "date":
            try:
                return True, parse_date(text)
            except ValueError:
                return False, None
        parts = text.replace("-", "/").replace(".", "/").split("/")
        try:
            if kind == "period" and len(parts) == 2:
                a, b = (int(p) for p in parts)
                month, year = (a, b) if b > 12 else (b, a)
                if 1 <= month <= 12 and 1900 < year < 2200:
                    return True, f"{year:04d}-{month:02d}"
        except ValueError:
            pass
        return False, None

    def _field_finished(self, owner: str, attr: str, kind: str) -> None:
        field = self.fields[(owner, attr)]
        if not field.changed():
            return
        ok, value = self._parse(field.value(), kind)
        if not ok or (attr == "baseline_months" and value is not None and not 1 <= value <= 120):
            field.setStyleSheet("background: #f8d7da;")
            field.setToolTip(self.tr("Not a valid value: it was not saved."))
            return
        field.setToolTip("")
        field.setStyleSheet("")
        info = copy.deepcopy(self.context.audit.info)
        target = info.enterprise if owner == "enterprise" else info
        if attr == "baseline_months" and value is None:
            value = 12
        if getattr(target, attr) == value:
            field.show_value(self._display(value, kind))
            return
        setattr(target, attr, value)
        label = _tr(
            next(
                lbl
                for o, a, _k, lbl in (*ENTERPRISE_FIELDS, *AUDIT_FIELDS)
                if (o, a) == (owner, attr)
            )
        )
        if self.context.edit(self.tr("Edit {field}").format(field=label), info=info):
            field.show_value(self._display(value, kind))

    # ------------------------------------------------------------------------ team
    def _fill_team(self) -> None:
        members = sorted(self.context.audit.team, key=lambda m: m.position)
        with self.team.filling_rows():
            self.team.setRowCount(len(members))
            for row, member in enumerate(members):
                for col, (attr, _label) in enumerate(TEAM_COLUMNS):
                    self.team.set_text(row, col, getattr(member, attr), data=member.id)
                    self.team.item(row, col).setToolTip(getattr(member, attr))
        self._fit_team_rows()

    def _fit_team_rows(self) -> None:
        self.team.resizeRowsToContents()

    def _team_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == len(TEAM_COLUMNS) - 1:
            self._fit_team_rows()

    def _member(self, member_id: str) -> model.TeamMember | None:
        return next((m for m in self.context.audit.team if m.id == member_id), None)

    def _team_item_changed(self, item) -> None:
        if self.team.filling:
            return
        member = self._member(item.data(USER_ROLE))
        if member is None:
            return
        attr = TEAM_COLUMNS[item.column()][0]
        value = model.clean_text(item.text())
        if attr == "name" and not value:
            self._fill_team()  # a member needs a name: put the old one back
            return
        if getattr(member, attr) == value:
            return
        new = copy.deepcopy(member)
        setattr(new, attr, value)
        if not self.context.edit(self.tr("Edit team member"), put=[new]):
            self._fill_team()

    def add_member(self) -> model.TeamMember | None:
        position = max((m.position for m in self.context.audit.team), default=-1) + 1
        member = model.TeamMember(name=self.tr("New member"), position=position)
        if not self.context.edit(self.tr("Add team member"), put=[member]):
            return None
        row = next(i for i in range(self.team.rowCount()) if self.team.row_data(i) == member.id)
        self.team.setCurrentCell(row, 0)
        self.team.editItem(self.team.item(row, 0))
        return member

    def remove_selected_members(self) -> None:
        ids = {self.team.row_data(i.row()) for i in self.team.selectedIndexes()}
        members = [m for m in self.context.audit.team if m.id in ids]
        if members:
            self.context.edit(self.tr("Remove team member"), delete=members)
