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
        self.native_dialogs = True
        self._installed: list[QTranslator] = []

    def set_language(self, lang: str) -> list[str]:
        """Install the translators of ``lang``; returns the .qm files loaded."""
        for tr in self._installed:
            self.app.removeTranslator(tr)
        self._installed.clear()
        self.lang = lang
        QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_US"))
        # The system's own file dialogs speak the system's language: Qt's, which our
        # translations reach, when that is not the UI's (a Vietnamese UI on an English Windows).
        # (applied by ``apply_dialog_choice``: its attribute is an enum of the Qt namespace,
        # ~40 ms to build, so the start-up applies it after the first paint)
        self.native_dialogs = system_speaks(lang, QLocale.system().uiLanguages())
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

    def apply_dialog_choice(self) -> None:
        """Qt's own dialogs (translated) unless the system's speak the UI's language."""
        from PySide6.QtCore import Qt

        attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
        QCoreApplication.setAttribute(attribute, not self.native_dialogs)


def system_speaks(lang: str, system_languages: list[str]) -> bool:
    """Whether the system's dialogs are in ``lang``: the system's first UI language is it
    ("vi-VN" for "vi"). An empty list is taken as English, the systems' default."""
    first = (system_languages[0] if system_languages else "en").replace("_", "-").lower()
    return first.split("-")[0] == lang
