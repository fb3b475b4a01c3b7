"""The calculator dialog, driven by keys and clicks."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from app.ui.calculators.dialog import CalculatorDialog
from app.ui.translations import Translations


@pytest.fixture
def english(qapp):
    tr = Translations(QApplication.instance())
    tr.set_language("en")
    yield
    tr.set_language("en")


def test_typed_inputs_give_the_doe_steam_trap_result(qtbot, english):
    dlg = CalculatorDialog("en", "steam_trap", prefill={"hours": "8760"})
    qtbot.addWidget(dlg)
    edit = dlg.findChild(QLineEdit, "input_diameter")
    assert dlg.findChild(QLineEdit, "input_hours").text() == "8760"
    qtbot.keyClicks(edit, "0.125 inch")
    pressure = dlg.findChild(QLineEdit, "input_pressure")
    pressure.clear()
    qtbot.keyClicks(pressure, "150 psi")
    qtbot.mouseClick(dlg.compute, Qt.LeftButton)
    assert "Steam lost: 33.9 kg/h" in dlg.result_label.text()
    assert dlg.results()["rate"] == pytest.approx(75.8 * 0.45359237, rel=0.03)
    assert dlg.values()["diameter"] == "0.125 inch"


def test_bad_input_shows_a_translated_line_naming_it(qtbot):
    dlg = CalculatorDialog("vi", "motor_replacement")
    qtbot.addWidget(dlg)
    for key, value in {"power": "10", "eff_old": "150", "eff_new": "95"}.items():
        qtbot.keyClicks(dlg.findChild(QLineEdit, f"input_{key}"), value)
    qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.LeftButton)
    assert dlg.result() != QDialog.DialogCode.Accepted  # kept open
    assert "Hiệu suất động cơ cũ" in dlg.result_label.text()
    assert dlg.results() == {}


def test_switching_calculator_rebuilds_the_form(qtbot):
    dlg = CalculatorDialog("en")
    qtbot.addWidget(dlg)
    dlg.choice.setCurrentIndex(dlg.choice.findData("solar_pv"))
    assert set(dlg.edits) >= {"kwp", "yield_", "grid_ef"}
    assert "Global Solar Atlas" in dlg.source_label.text()


@pytest.mark.skipif(not os.environ.get("RECP_SCREENSHOTS"), reason="screenshots on request")
def test_screenshots(qtbot, tmp_path_factory):
    from app.core import calculators

    out = os.environ["RECP_SCREENSHOTS"]
    tr = Translations(QApplication.instance())
    for lang in ("vi", "en"):
        tr.set_language(lang)
        for calc_id in calculators.REGISTRY:
            dlg = CalculatorDialog(lang, calc_id)
            qtbot.addWidget(dlg)
            dlg.resize(1366, 768)
            dlg.show()
            dlg.calculate()
            dlg.grab().save(os.path.join(out, f"calc_{calc_id}_{lang}.png"))
            dlg.close()
    tr.set_language("en")
