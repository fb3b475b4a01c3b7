"""The import dialog shows a hostile workbook's refusal as one translated line and imports
nothing (issue 25); the screenshots of it were looked at in both languages."""

from __future__ import annotations

import hashlib
import os

import pytest

from tests.hostile_files import meter_rows, raw_xlsx, zip_bomb_xlsx
from tests.ui_helpers import ensure_qm, textile_context


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_dialog_lists_the_refusal_and_nothing_is_imported(tmp_path, qtbot, lang):
    from PySide6.QtWidgets import QApplication

    from app.ui.screens.baselines.import_dialog import ImportDialog
    from app.ui.translations import Translations

    ensure_qm()
    translations = Translations(QApplication.instance())
    translations.set_language(lang)
    bomb = zip_bomb_xlsx(tmp_path / "bom.xlsx", inflated=1_200_000_000)
    big = raw_xlsx(tmp_path / "lớn.xlsx", meter_rows(205_000))
    try:
        with textile_context(tmp_path, lang) as ctx:
            before = hashlib.sha256(open(ctx.path, "rb").read()).hexdigest()
            records = list(ctx.audit.records)
            dialog = ImportDialog(ctx)
            qtbot.addWidget(dialog)
            dialog.resize(1366, 768)
            dialog.show()
            shown = []
            for src, word in ((bomb, "bom.xlsx"), (big, "200,000" if lang == "en" else "200.000")):
                dialog.set_file(str(src))
                qtbot.waitUntil(lambda: dialog.problems.count() > 0)
                lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
                assert len(lines) == 1 and word in lines[0] and "\n" not in lines[0]
                shown.append(lines[0])
                if os.environ.get("RECP_SHOTS"):
                    dialog.grab().save(f"{os.environ['RECP_SHOTS']}/import_{lang}_{word}.png")
            assert ("bom nén" in shown[0]) == (lang == "vi")
            assert ("decompression bomb" in shown[0]) == (lang == "en")
            assert dialog.result is None and ctx.audit.records == records
        assert hashlib.sha256(open(ctx.path, "rb").read()).hexdigest() == before
    finally:
        translations.set_language("en")
