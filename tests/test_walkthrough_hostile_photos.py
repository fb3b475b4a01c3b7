"""The walkthrough's photo import given a decompression bomb and a zip named .jpg beside a good
photo: the good one is added, each bad one is one translated line naming it (issue 25)."""

from __future__ import annotations

import os
import zipfile

import pytest
from PIL import Image

from app.ui.screens.walkthrough import WalkthroughScreen
from tests.hostile_files import png_bomb
from tests.ui_helpers import ensure_qm, reload, textile_context


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_bombs_and_archives_are_refused_and_the_good_photo_added(tmp_path, qtbot, lang):
    from PySide6.QtWidgets import QApplication

    from app.ui.jobs import JobRunner
    from app.ui.translations import Translations

    ensure_qm()
    translations = Translations(QApplication.instance())
    translations.set_language(lang)
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(png_bomb(30_000, 30_000))
    archive = tmp_path / "IMG_0042.jpg"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("word/document.xml", "<x/>")
    good = tmp_path / "good.jpg"
    Image.new("RGB", (1600, 1200), (30, 120, 200)).save(good, "JPEG", quality=90)
    try:
        with textile_context(tmp_path, lang=lang) as ctx:
            ctx.jobs = JobRunner()
            screen = WalkthroughScreen(ctx)
            qtbot.addWidget(screen)
            screen.resize(1366, 768)
            screen.show()
            screen.item_list.setCurrentRow(0)
            screen.add_photos([str(bomb), str(archive), str(good)])
            qtbot.waitUntil(lambda: len(ctx.audit.photos) == 1, timeout=30_000)
            qtbot.waitUntil(lambda: "IMG_0042.jpg" in screen.photo_status.text(), timeout=5_000)
            lines = screen.photo_status.text().splitlines()
            assert len(lines) == 2 and "bom.png" in lines[0] and "900" in lines[0]
            assert ("ZIP" in lines[1]) and ("tệp nén" in lines[1]) == (lang == "vi")
            if os.environ.get("RECP_SHOTS"):
                screen.grab().save(f"{os.environ['RECP_SHOTS']}/walkthrough_photos_{lang}.png")
            assert len(reload(ctx.path).photos) == 1
    finally:
        translations.set_language("en")
