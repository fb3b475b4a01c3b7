"""Loading the UI translations at run time and switching language without a restart.

Source strings are English (``self.tr``); Vietnamese comes from ``translations/<area>_vi.qm``, one
file per area so several engineers never edit the same .ts. Switching removes the old translators
and installs the new ones: Qt then sends ``QEvent.LanguageChange`` to every widget (dialogs and
widgets with their own ``changeEvent`` retranslate on it), and ``AppState.set_language`` has
the main window retranslate itself and its screens (``MainWindow.apply_language``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import data_path

LANGUAGES = ("vi", "en")


class Translations:
    def __init__(self, app: QCoreApplication):
        self.app = app
        self.lang = "en"
        self._installed: list[QTranslator] = []

    def set_language(self, lang: str) -> list[str]:
        """Install the translators of ``lang``; returns the .qm files loaded."""
        for tr in self._installed:
            self.app.removeTranslator(tr)
        self._installed.clear()
        self.lang = lang
        QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_US"))
        loaded: list[str] = []
        if lang == "en":  # the source language: no translator needed
            return loaded
        files = sorted(data_path("translations").glob(f"*_{lang}.qm"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path, directory in [(f.name, str(f.parent)) for f in files] + [
            (f"qtbase_{lang}.qm", qt_dir)
        ]:
            tr = QTranslator(self.app)
            if tr.load(path, directory):
                self.app.installTranslator(tr)
                self._installed.append(tr)
                loaded.append(path)
        return loaded
