"""A finding's photos at full size: fit to the window, arrows or PageUp/PageDown go through them.

The JPEG is read from the audit file when the photo is shown (``AuditFile.photo_jpeg``): the
audit in memory holds only thumbnails.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.core.model import Photo
from app.ui.screens.walkthrough.photo_strip import caption_of


class PhotoViewer(QDialog):
    """Shows ``photos[index]``; ``jpeg_of(photo_id)`` gives its full JPEG."""

    def __init__(
        self,
        photos: list[Photo],
        index: int,
        jpeg_of: Callable[[str], bytes],
        parent: QWidget | None = None,
        lang: str = "vi",
    ):
        super().__init__(parent)
        self.photos, self.index, self._jpeg_of = photos, index, jpeg_of
        self.lang = lang  # the captions shown: English ones in an English UI
        self._pixmap = QPixmap()
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self.image.setStyleSheet("background: #202020;")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.caption)
        self.resize(1100, 720)
        self.show_photo(index)

    def show_photo(self, index: int) -> None:
        self.index = index % len(self.photos)
        photo = self.photos[self.index]
        self._pixmap = QPixmap()
        if not self._pixmap.loadFromData(self._jpeg_of(photo.id)) and photo.thumbnail:
            self._pixmap.loadFromData(photo.thumbnail)  # better a small picture than none
        text = self.tr("Photo {n} of {count}").format(n=self.index + 1, count=len(self.photos))
        size = f"{photo.width} × {photo.height}"
        caption = caption_of(photo, self.lang)
        self.caption.setText(" — ".join(t for t in (text, caption, size) if t))
        self.setWindowTitle(caption or text)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap.isNull():
            self.image.setText(self.tr("This photo cannot be shown."))
            return
        self.image.setPixmap(
            self._pixmap.scaled(self.image.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        step = {Qt.Key_Right: 1, Qt.Key_PageDown: 1, Qt.Key_Left: -1, Qt.Key_PageUp: -1}
        if event.key() in step:
            self.show_photo(self.index + step[event.key()])
            return
        super().keyPressEvent(event)
