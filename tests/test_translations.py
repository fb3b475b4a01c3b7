"""Every UI string has a finished Vietnamese translation, and no .ts is stale."""

from __future__ import annotations

import importlib.util
import shutil
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "build_translations", ROOT / "tools" / "build_translations.py"
)
bt = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bt)

pytestmark = pytest.mark.skipif(
    shutil.which(bt.tool("pyside6-lupdate")) is None, reason="no lupdate"
)


def test_every_area_ts_is_fresh_and_finished():
    problems = bt.problems()
    assert not problems, (
        "\n".join(problems[:40]) + "\nRun tools/build_translations.py and translate."
    )


def test_vietnamese_is_nfc_and_placeholders_match():
    for ts in sorted((ROOT / "translations").glob("*_vi.ts")):
        for (ctx, source), text in bt.messages(ts).items():
            if text is None:
                continue
            assert unicodedata.normalize("NFC", text) == text, f"{ts.name} {ctx}: not NFC: {text!r}"
            for ph in ("{error}", "{path}", "{field}", "{name}", "{period}", "{share}", "{step}"):
                assert (ph in source) == (ph in text), (
                    f"{ts.name} {ctx}: placeholder {ph} in {source!r}"
                )


def test_checker_finds_a_new_untranslated_string(tmp_path, monkeypatch):
    """A tr() string added to a source file makes the check fail (stale .ts)."""
    src = tmp_path / "app" / "ui" / "screens"
    src.mkdir(parents=True)
    (src / "demoarea.py").write_text(
        "from PySide6.QtWidgets import QWidget\n"
        "class W(QWidget):\n    def f(self):\n        return self.tr('Brand-new string')\n"
    )
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "areas.toml").write_text("[demoarea]\n")
    (tmp_path / "translations" / "demoarea_vi.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="vi">\n</TS>\n'
    )
    monkeypatch.setattr(bt, "ROOT", tmp_path)
    monkeypatch.setattr(bt, "TRANSLATIONS", tmp_path / "translations")
    monkeypatch.setattr(bt, "UI", tmp_path / "app" / "ui")
    found = bt.problems()
    assert any("Brand-new string" in line and "stale" in line for line in found)
    assert any("unfinished" in line and "Brand-new string" in line for line in found)
