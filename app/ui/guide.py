"""Help → User guide (F1): a short guide in the UI language, from resources/guide/guide_<lang>.md.

Kept as Markdown beside the other resources so the guide is edited like text, not code, and a
test checks that the Vietnamese and English guides have the same sections.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.paths import data_path


def guide_path(lang: str):
    return data_path("resources", "guide", f"guide_{lang if lang in ('vi', 'en') else 'en'}.md")


class GuideDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(820, 680)
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        text = guide_path(lang).read_text(encoding="utf-8")
        self.browser.setMarkdown(text)
        self.setWindowTitle(text.splitlines()[0].lstrip("# ").strip())
