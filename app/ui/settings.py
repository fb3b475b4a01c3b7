"""Per-user application settings (language, window geometry, folders, recent audits, columns).

A thin typed wrapper over ``QSettings`` so widgets receive it as a service, and tests can point it
at a temporary INI file instead of the user's real settings.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "VNCPC"
APPLICATION = "RECP Audit"
MAX_RECENT = 12


class AppSettings:
    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings or QSettings(
            QSettings.IniFormat, QSettings.UserScope, ORGANISATION, APPLICATION
        )

    @classmethod
    def at(cls, ini_path: str | Path) -> AppSettings:
        """Settings kept in one INI file (tests, portable installs)."""
        return cls(QSettings(str(ini_path), QSettings.IniFormat))

    # language ---------------------------------------------------------------------------
    def language(self, default: str = "vi") -> str:
        value = str(self.q.value("ui/language", default))
        return value if value in ("vi", "en") else default

    def set_language(self, lang: str) -> None:
        self.q.setValue("ui/language", lang)
        self.q.sync()

    # window -----------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self.q.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, value: QByteArray) -> None:
        self.q.setValue("window/state", value)

    # folders and recent audits ---------------------------------------------------------
    def last_folder(self) -> str:
        """Where file dialogs start: the folder last used, else the user's Documents."""
        folder = str(self.q.value("files/last_folder", "") or "")
        return folder if folder and users_folder(folder) else documents_folder()

    def set_last_folder(self, folder: str | Path) -> None:
        """Remember ``folder``, except the app's own data folder (the demo audit lives there,
        hidden from users: a new audit proposed there would be lost to them)."""
        if users_folder(folder):
            self.q.setValue("files/last_folder", str(folder))

    def recent(self) -> list[dict]:
        """Recent audits, newest first: {path, title, enterprise, opened (epoch seconds)}."""
        raw = self.q.value("files/recent", "[]")
        try:
            items = json.loads(raw) if isinstance(raw, str) else []
        except ValueError:
            items = []
        return [i for i in items if isinstance(i, dict) and i.get("path")]

    def add_recent(self, path: str | Path, title: str = "", enterprise: str = "") -> None:
        path = str(Path(path).resolve())
        items = [i for i in self.recent() if i["path"] != path]
        items.insert(
            0, {"path": path, "title": title, "enterprise": enterprise, "opened": time.time()}
        )
        self.q.setValue("files/recent", json.dumps(items[:MAX_RECENT], ensure_ascii=False))

    def remove_recent(self, path: str | Path) -> None:
        items = [i for i in self.recent() if i["path"] != str(path)]
        self.q.setValue("files/recent", json.dumps(items, ensure_ascii=False))

    # tables ------------------------------------------------------------------------------
    def hidden_columns(self, table: str) -> set[str] | None:
        """Column keys the user hid in ``table``; None when never chosen (use the defaults)."""
        raw = self.q.value(f"tables/{table}/hidden")
        try:
            keys = json.loads(raw) if isinstance(raw, str) else None
        except ValueError:
            return None
        return {k for k in keys if isinstance(k, str)} if isinstance(keys, list) else None

    def set_hidden_columns(self, table: str, keys: set[str]) -> None:
        self.q.setValue(f"tables/{table}/hidden", json.dumps(sorted(keys)))

    def sync(self) -> None:
        self.q.sync()


def documents_folder() -> str:
    """The user's Documents folder (as the system names it), else the home folder."""
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def users_folder(folder: str | Path) -> bool:
    """Whether a file dialog may propose ``folder``: an existing folder of the user's, not
    the app's own hidden data folder (where the demo audit lives)."""
    from app.store.demo_file import user_data_dir

    try:
        path = Path(folder).resolve()
        return path.is_dir() and not path.is_relative_to(user_data_dir().resolve())
    except OSError:
        return False
