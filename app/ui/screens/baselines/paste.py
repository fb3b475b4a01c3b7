"""The question asked before an ambiguous paste is stored (issue 24).

"22,100" is 22.1 by the Vietnamese convention and 22100 by the English one; a block copied from
an English spreadsheet into a Vietnamese UI was stored 1000x too small without a word. When
``read_number_block`` finds a pasted block ambiguous, this dialog lists how its figures read
each way and the user picks one; cancelling stores nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.core.parsing import NumberBlock, format_plain

MAX_ROWS = 12  # examples listed; the rest are counted
_NBSP = "\u00a0"


class PasteNumbersDialog(QDialog):
    """Choose the number convention of an ambiguous pasted block; ``chosen`` is its locale."""

    def __init__(self, lang: str, block: NumberBlock, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.block = block
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("How are the pasted figures written?"))
        self.setModal(True)
        cells = block.ambiguous_cells()
        first = cells[0]
        text = str(block.cells[first]).strip()
        intro = QLabel(
            self.tr(
                "{count} of the pasted figures can be read two ways: in “{text}” the "
                "“{mark}” either separates thousands or is the decimal mark. Nothing is stored "
                "until you choose how the block is written."
            ).format(count=len(cells), text=text, mark=_mark(text))
        )
        intro.setWordWrap(True)
        self.locales = (block.locale, block.alternative_locale)
        readings = {block.locale: block.values, block.alternative_locale: block.alternatives}
        self.table = QTableWidget(min(len(cells), MAX_ROWS), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Pasted"), *(_capital(self._format_name(loc)) for loc in self.locales)]
        )
        for row, i in enumerate(cells[:MAX_ROWS]):
            items = [str(block.cells[i]).strip()]
            items += [self._show(readings[loc][i].value) for loc in self.locales]
            for col, value in enumerate(items):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        more = QLabel(
            self.tr("… and {count} more.").format(count=len(cells) - MAX_ROWS)
            if len(cells) > MAX_ROWS
            else ""
        )
        more.setVisible(len(cells) > MAX_ROWS)
        example = self.tr("“{text}” → {first} or {second}?").format(
            text=text,
            **{
                k: self._show(readings[loc][first].value)
                for k, loc in zip(("first", "second"), self.locales, strict=True)
            },
        )
        self.example = QLabel(f"<b>{example}</b>")
        buttons = QDialogButtonBox()
        self.choice_buttons: dict[str, QPushButton] = {}
        for loc in self.locales:
            button = QPushButton(
                self.tr("Read as {format}: {value}").format(
                    format=self._format_name(loc), value=self._show(readings[loc][first].value)
                )
            )
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, loc=loc: self._choose(loc))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            self.choice_buttons[loc] = button
        self.cancel_button = buttons.addButton(
            self.tr("Cancel: paste nothing"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setDefault(True)  # Enter never picks a reading by accident
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, self.example, self.table, more, buttons):
            layout.addWidget(w)
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(rows + header + 2 * self.table.frameWidth() + 2)
        self.resize(720, self.sizeHint().height())

    def _format_name(self, locale: str) -> str:
        if locale == "en":
            return self.tr("English format (1,234.5)")
        return self.tr("Vietnamese format (1.234,5)")

    def _show(self, value) -> str:
        return "" if value is None else format_plain(value, self.lang, _NBSP)

    def _choose(self, locale: str) -> None:
        self.chosen = locale
        self.accept()


def _mark(text: str) -> str:
    return "," if "," in text else "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
