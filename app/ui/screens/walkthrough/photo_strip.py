"""The photo strip of a finding: thumbnails with captions, drag and drop of image files.

The strip only shows photos and reports what the user asked for (add these files, delete this
photo, set this caption) through callbacks; ``photo_import`` processes and stores the files (off
the GUI thread) and the screen makes the undoable edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from app.core.model import Photo

THUMB = 128


def caption_of(photo: Photo, lang: str) -> str:
    """The caption shown in ``lang``: the English one, else the Vietnamese."""
    return (photo.caption_en or photo.caption) if lang == "en" else photo.caption


class PhotoStrip(QListWidget):
    """Thumbnails of one finding's photos. Drop files here to add them; F2 edits the caption
    in the UI language (the screen stores an English UI's edit as the English caption)."""

    def __init__(
        self,
        on_files: Callable[[list[str]], None],
        on_caption: Callable[[str, str], None],
        on_delete: Callable[[str], None],
        parent: QWidget | None = None,
        on_open: Callable[[str], None] | None = None,
    ):
        super().__init__(parent)
        self.on_open = on_open  # Enter or double click: the photo at full size
        self.on_files = on_files
        self.on_caption = on_caption
        self.on_delete = on_delete
        self.read_only = False
        self._filling = False
        self._pixmaps: dict[str, QPixmap] = {}  # decoded thumbnails by photo id
        self.setViewMode(QListView.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 24, THUMB + 40))
        self.setResizeMode(QListView.Adjust)
        self.setMovement(QListView.Static)
        self.setWrapping(False)
        self.setFlow(QListView.LeftToRight)
        self.setWordWrap(True)
        self.setMinimumHeight(THUMB + 56)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DropOnly)
        self.setEditTriggers(QAbstractItemView.EditKeyPressed)  # F2: the caption
        self.itemChanged.connect(self._caption_changed)
        self.itemActivated.connect(self._open)

    def show_photos(self, photos: list[Photo], lang: str = "vi") -> None:
        """The photos with their captions in ``lang`` (English: the Vietnamese when none)."""
        current = self.current_photo_id()
        self._filling = True
        self.clear()
        for photo in sorted(photos, key=lambda p: p.position):
            pixmap = self._pixmaps.get(photo.id)
            if pixmap is None:
                pixmap = QPixmap()
                if photo.thumbnail:
                    pixmap.loadFromData(photo.thumbnail)
                self._pixmaps[photo.id] = pixmap
            caption = caption_of(photo, lang)
            item = QListWidgetItem(QIcon(pixmap), caption)
            item.setData(Qt.UserRole, photo.id)
            item.setToolTip(caption or f"{photo.width} × {photo.height}")
            item.setFlags(item.flags() | Qt.ItemIsEditable)
            self.addItem(item)
            if photo.id == current:
                self.setCurrentItem(item)
        self._filling = False

    def current_photo_id(self) -> str | None:
        item = self.currentItem()
        return item.data(Qt.UserRole) if item else None

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.setAcceptDrops(not read_only)
        self.setEditTriggers(
            QAbstractItemView.NoEditTriggers if read_only else QAbstractItemView.EditKeyPressed
        )

    # drag and drop of files from the file manager --------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if not self.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and not self.read_only:
            event.acceptProposedAction()
            self.on_files(paths)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and not self.read_only:
            photo_id = self.current_photo_id()
            if photo_id:
                self.on_delete(photo_id)
                return
        super().keyPressEvent(event)

    def _open(self, item: QListWidgetItem) -> None:
        if self.on_open is not None:
            self.on_open(item.data(Qt.UserRole))

    def _caption_changed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.on_caption(item.data(Qt.UserRole), item.text())
