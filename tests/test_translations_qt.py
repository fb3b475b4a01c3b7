"""Qt's own texts (message-box buttons, text-field menus) are Vietnamese in the Vietnamese UI.

Qt ships no Vietnamese translation of qtbase, so translations/qt_vi.ts holds ours.
"""

from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.translations import Translations


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
