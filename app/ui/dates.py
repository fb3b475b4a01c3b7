"""The one date field of the app: typed as dd/mm/yyyy (both languages), empty allowed, and a
calendar that opens on the date shown, or on today when the field is empty.

QDateEdit cannot be empty (an empty date showed as its minimum, 01/01/2000), its calendar
opened on that minimum, and typing over its sections is slow; a line edit with a calendar
button does what an auditor expects.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint
from PySide6.QtGui import QAction, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from app.ui.forms import TextField

_SPLIT = re.compile(r"\s*[/.\-\s]\s*")


def parse_date(text: str) -> date | None:
    """A typed date: "05/03/2026", "5/3/26", "05.03.2026", "05032026" or ISO "2026-03-05";
    None for an empty text. Raises ValueError when the text is not a date."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{8}", text):
        parts = [text[:2], text[2:4], text[4:]]
    else:
        parts = _SPLIT.split(text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(text)
    if len(parts[0]) == 4:  # ISO order, as a spreadsheet may paste it
        year, month, day = (int(p) for p in parts)
    else:
        day, month, year = (int(p) for p in parts)
        if len(parts[2]) <= 2:
            year += 2000
    if not 1900 <= year <= 2200:
        raise ValueError(text)
    return date(year, month, day)  # ValueError for 31/02


def format_date(value: date | None) -> str:
    """How a date field shows a date: dd/mm/yyyy in both languages; '' for no date."""
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def _calendar_icon() -> QIcon:
    """A small calendar made pixel by pixel (no icon theme on Windows, no image file to ship;
    QPainter calls would build the ``Qt`` namespace on the first screen)."""
    colours = {".": (0, 0, 0, 0), "#": (85, 85, 85, 255), "r": (192, 57, 43, 255)}
    colours["w"] = (255, 255, 255, 255)
    rows = ["." * 16, "." * 16] + ["." + "#" * 14 + "."]
    rows += [".#" + "r" * 12 + "#."] * 3
    for i in range(9):
        dots = "w" * 12 if i % 3 == 0 else "".join("#" if c % 3 == 1 else "w" for c in range(12))
        rows.append(".#" + dots + "#.")
    rows.append("." + "#" * 14 + ".")
    data = bytearray()
    for row in rows[:16]:
        for c in row:
            r, g, b, alpha = colours[c]
            data += bytes((b, g, r, alpha))  # Format_ARGB32 is B, G, R, A in memory
    image = QImage(bytes(data), 16, 16, QImage.Format_ARGB32)
    return QIcon(QPixmap.fromImage(image))


class DateField(TextField):
    """A date typed as dd/mm/yyyy or picked from a calendar (button, Alt+Down or F4).

    ``date_value()`` is the date or None (empty); ``is_valid()`` says whether the text is a
    date at all. ``editingFinished`` fires when typing ends and when a day is picked. A text
    that is not a date is marked in red with a hint; the owner saves nothing then.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setMaximumWidth(180)
        self.calendar_action = QAction(_calendar_icon(), "", self)
        self.calendar_action.setObjectName("openCalendar")
        self.calendar_action.setToolTip(self.tr("Choose in a calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.TrailingPosition)
        self.popup: QFrame | None = None
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self._tidy)

    # -- value ------------------------------------------------------------------------------
    def date_value(self) -> date | None:
        """The typed date, None when empty or not a date (see ``is_valid``)."""
        try:
            return parse_date(self.text())
        except ValueError:
            return None

    def is_valid(self) -> bool:
        try:
            parse_date(self.text())
        except ValueError:
            return False
        return True

    def set_date(self, value: date | None) -> None:
        """Show ``value`` (None: empty) as the saved value; no signal."""
        self._mark(True)
        self.show_value(format_date(value))

    def _tidy(self) -> None:
        """Show a typed date the one way ("5/3/26" -> "05/03/2026"); mark a non-date."""
        ok = self.is_valid()
        self._mark(ok)
        if ok and self.text().strip():
            tidy = format_date(self.date_value())
            if tidy != self.text():
                self.setText(tidy)

    def _mark(self, ok: bool) -> None:
        if ok:
            if self.styleSheet():
                self.setStyleSheet("")
                self.setToolTip("")
            return
        self.setStyleSheet("background: #f8d7da;")
        self.setToolTip(self.tr("Not a date: type it as dd/mm/yyyy, e.g. 05/03/2026."))

    # -- calendar ---------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import Qt

        down = event.key() == Qt.Key_Down and event.modifiers() & Qt.AltModifier
        if down or event.key() == Qt.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """The calendar under the field, on the date shown or on today when there is none."""
        from PySide6.QtCore import Qt

        if self.isReadOnly() or not self.isEnabled():
            return
        if self.popup is None:
            self.popup = QFrame(self, Qt.Popup)
            self.popup.setFrameShape(QFrame.StyledPanel)
            self.calendar = QCalendarWidget(self.popup)
            self.calendar.setObjectName("dateCalendar")
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            box = QVBoxLayout(self.popup)
            box.setContentsMargins(1, 1, 1, 1)
            box.addWidget(self.calendar)
        assert self.calendar is not None
        self.calendar.setLocale(QLocale())  # month names in the current UI language
        self.calendar.setFirstDayOfWeek(Qt.Monday)
        shown = self.date_value() or date.today()
        qd = QDate(shown.year, shown.month, shown.day)
        self.calendar.setSelectedDate(qd)
        self.calendar.setCurrentPage(qd.year(), qd.month())
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.calendar.setFocus()

    def _picked(self, qd: QDate) -> None:
        if self.popup is not None:
            self.popup.hide()
        self.setText(format_date(date(qd.year(), qd.month(), qd.day())))
        self._mark(True)
        self.setFocus()
        self.editingFinished.emit()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.calendar_action.setToolTip(self.tr("Choose in a calendar (Alt+Down)"))
