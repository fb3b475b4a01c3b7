"""Qt's own texts (message-box buttons, text-field menus) are Vietnamese in the Vietnamese UI.

Qt ships no Vietnamese translation of qtbase, so translations/qt_vi.ts holds ours.
"""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from app.ui.translations import Translations, system_speaks
from tests.ui_helpers import ensure_qm


def button_texts(box: QMessageBox) -> set[str]:
    return {button.text().replace("&", "") for button in box.buttons()}


def test_message_box_buttons_follow_the_ui_language(qtbot):
    app = QApplication.instance()
    translations = Translations(app)
    try:
        loaded = translations.set_language("vi")
        assert "qt_vi.qm" in loaded
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "t",
            "x",
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        qtbot.addWidget(box)
        assert button_texts(box) == {"Có", "Không", "Hủy"}
        assert QApplication.translate("QLineEdit", "Select All") == "Chọn tất cả"

        translations.set_language("en")
        box_en = QMessageBox(
            QMessageBox.Icon.Question,
            "t",
            "x",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        qtbot.addWidget(box_en)
        assert button_texts(box_en) == {"Yes", "No"}
    finally:
        translations.set_language("en")


@pytest.fixture
def vietnamese(qtbot):
    ensure_qm()
    translations = Translations(QApplication.instance())
    translations.set_language("vi")
    yield translations
    translations.set_language("en")
    translations.apply_dialog_choice()


def plain(text: str) -> str:
    return text.split("\t")[0].replace("&", "")


def test_text_field_context_menu_and_button_box_are_vietnamese(vietnamese, qtbot):
    field = QLineEdit("khí nén")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()  # what a right click on the field shows
    texts = [plain(a.text()) for a in menu.actions() if a.text()]
    assert texts == ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"]
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"


def test_qts_file_dialog_is_vietnamese_and_asks_before_overwriting(vietnamese, qtbot, tmp_path):
    """Qt's own file dialog (used when the system's would not speak the UI's language): its
    labels, and the question before it writes over a file, in Vietnamese."""
    existing = tmp_path / "bao_cao.pdf"
    existing.write_bytes(b"%PDF")
    dialog = QFileDialog(None, "Xuất báo cáo", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {plain(w.text()) for w in dialog.findChildren(QLabel) if w.text()}
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:"} <= labels, labels
    buttons = {plain(b.text()) for b in dialog.findChildren(QPushButton) if b.text()}
    assert {"Lưu", "Hủy"} <= buttons, buttons
    dialog.show()
    dialog.selectFile(str(existing))
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            asked.extend(b.text().replace("&", "") for b in box.buttons())
            box.reject()

    QTimer.singleShot(0, answer)
    dialog.accept()
    assert asked and asked[0] == "bao_cao.pdf đã có.\nBạn có muốn ghi đè không?", asked
    assert {"Có", "Không"} <= set(asked[1:])


@pytest.mark.parametrize(
    ("lang", "system", "native"),
    [
        ("vi", ["en-US"], False),  # a Vietnamese UI on an English system: Qt's dialogs
        ("vi", ["vi-VN", "en-US"], True),
        ("en", ["en-GB"], True),
        ("en", ["vi-VN"], False),
        ("en", [], True),
    ],
)
def test_the_systems_dialogs_only_when_they_speak_the_ui_language(qtbot, lang, system, native):
    from PySide6.QtCore import QCoreApplication, Qt

    assert system_speaks(lang, system) is native
    translations = Translations(QApplication.instance())
    translations.native_dialogs = native
    translations.apply_dialog_choice()
    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    try:
        assert QCoreApplication.testAttribute(attribute) is (not native)
    finally:
        QCoreApplication.setAttribute(attribute, False)
