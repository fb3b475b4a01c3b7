"""The Reports screen: choose language, format and variant; preview page 1; export.

The report language is independent of the UI language (an English report from a Vietnamese
UI). Building runs off the GUI thread through ``context.jobs`` with progress and Cancel; a
cancelled export leaves no file (the writer works on a temporary file, renamed when complete).

Preview: page 1 of the chosen variant is rendered with PDFium (pypdfium2, a 4 MB wheel that works
the same on Windows and Linux; QtPdf would need the 1 GB PySide6-Addons, and poppler is not on an
auditor's Windows laptop). If rendering fails the screen says so; export still works.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import ChangeSet
from app.ui.screens.base import PhaseScreen


class ExportCancelled(Exception):
    """Raised from the writer's progress callback when the user pressed Cancel."""


def render_first_page(pdf: Path, out_stem: Path, dpi: int = 60) -> Path | None:
    """PNG of page 1 rendered with PDFium, or None when the PDF cannot be rendered."""
    import pypdfium2  # imported here: only the preview needs it

    png = out_stem.with_suffix(".png")
    try:
        document = pypdfium2.PdfDocument(str(pdf))
        try:
            page = document[0]
            page.render(scale=dpi / 72).to_pil().save(png)
        finally:
            document.close()
    except (OSError, pypdfium2.PdfiumError):
        return None
    return png


class ReportsScreen(PhaseScreen):
    key = "reports"

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.lang_box = QComboBox()
        self.format_box = QComboBox()
        self.variant_box = QComboBox()
        self.preview_button = QPushButton()
        self.export_button = QPushButton()
        self.status = QLabel()
        self.status.setWordWrap(True)
        # After an export: open the written file or its folder with the system's programs.
        self.last_export: Path | None = None
        self.open_file_button = QPushButton()
        self.open_file_button.setObjectName("openFile")
        self.open_folder_button = QPushButton()
        self.open_folder_button.setObjectName("openFolder")
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        opened = QHBoxLayout()
        opened.addWidget(self.open_file_button)
        opened.addWidget(self.open_folder_button)
        opened.addStretch(1)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setMinimumSize(300, 420)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)

        self.form = QFormLayout()
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label, box in zip(
            self.labels, (self.lang_box, self.format_box, self.variant_box), strict=True
        ):
            self.form.addRow(label, box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.export_button)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addLayout(buttons)
        left.addWidget(self.status)
        left.addLayout(opened)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(scroll, 2)

        self.preview_button.clicked.connect(self.make_preview)
        self.export_button.clicked.connect(self.choose_and_export)
        self._tmp = tempfile.TemporaryDirectory(prefix="recp-preview-")
        self._show_open_buttons(None)
        self.retranslate()
        self.refresh(ChangeSet(reset=True))

    def title(self) -> str:
        return self.tr("Reports")

    @classmethod
    def completeness_of(cls, audit) -> float | None:
        return None

    def refresh(self, changes: ChangeSet) -> None:
        self.preview.setPixmap(QPixmap())  # the audit changed: the old preview is stale
        self.preview.setText(self.tr("Press Preview to see the first page."))

    def retranslate(self) -> None:
        labels = [self.tr("Report language"), self.tr("Format"), self.tr("Version")]
        for widget, label in zip(self.labels, labels, strict=True):
            widget.setText(label)
        self._fill(
            self.lang_box,
            [("vi", self.tr("Vietnamese")), ("en", self.tr("English"))],
            self.context.lang,
        )
        self._fill(
            self.format_box, [("pdf", self.tr("PDF report")), ("xlsx", self.tr("Excel workbook"))]
        )
        self._fill(
            self.variant_box,
            [
                ("full", self.tr("Full report")),
                ("summary", self.tr("Summary for management (4 pages at most)")),
                ("confidential", self.tr("Confidential (no enterprise identity, no money)")),
            ],
        )
        self.preview_button.setText(self.tr("Preview"))
        self.export_button.setText(self.tr("Export…"))
        self.open_file_button.setText(self.tr("Open file"))
        self.open_folder_button.setText(self.tr("Open folder"))
        if not self.preview.pixmap() or self.preview.pixmap().isNull():
            self.preview.setText(self.tr("Press Preview to see the first page."))

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, str]], default: str | None = None) -> None:
        current = box.currentData() or default
        box.blockSignals(True)
        box.clear()
        for data, label in items:
            box.addItem(label, data)
        index = box.findData(current)
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)

    def choice(self) -> tuple[str, str, str]:
        return (
            self.lang_box.currentData(),
            self.format_box.currentData(),
            self.variant_box.currentData(),
        )

    # -- jobs -------------------------------------------------------------------------------
    def _work(self, target: Path, lang: str, fmt: str, variant: str):
        from app.core import readiness

        audit, loader = self.context.audit, self.context.file.photo_jpeg
        # Read here, in the GUI thread: the worker must not use the file's connection.
        answers = readiness.answers_from_setting(
            self.context.file.get_setting(readiness.ANSWERS_SETTING)
        )
        from app.core.options import WEIGHTS_SETTING

        weights = self.context.file.get_setting(WEIGHTS_SETTING)  # the decision page's order

        def work(progress):
            from app.reports.export import export_report

            def report_progress(fraction: float) -> None:
                if progress.cancelled:
                    raise ExportCancelled()
                progress.update(int(fraction * 100), 100, "")

            export_report(
                audit,
                target,
                lang=lang,
                fmt=fmt,
                variant=variant,
                photo_loader=loader,
                progress=report_progress,
                readiness_answers=answers,
                weights=weights,
            )
            return target

        return work

    def make_preview(self) -> None:
        lang, _, variant = self.choice()
        pdf = Path(self._tmp.name) / "preview.pdf"

        def shown(path: Path) -> None:
            png = render_first_page(path, Path(self._tmp.name) / "page1")
            if png is None:
                self.preview.setText(
                    self.tr("Preview unavailable: the first page could not be rendered.")
                )
                return
            self.preview.setPixmap(QPixmap(str(png)))

        self.context.jobs.run(
            self.tr("Building the preview"),
            self._work(pdf, lang, "pdf", variant),
            on_done=shown,
            on_error=self._failed,
            parent=self,
        )

    def default_target(self, lang: str, fmt: str, variant: str) -> Path:
        """Beside the audit file, named by enterprise, variant and language; in the user's
        last folder (else Documents) when the audit is in the app's hidden data folder (the
        demo), where the user would never find the report."""
        from app.reports.export import default_file_name
        from app.ui.settings import documents_folder, users_folder

        name = default_file_name(self.context.audit, variant, lang, fmt)
        folder = Path(self.context.file.path).parent
        if not users_folder(folder):
            settings = self.context.settings
            folder = Path(settings.last_folder() if settings is not None else documents_folder())
        return folder / name

    def choose_and_export(self) -> None:
        lang, fmt, variant = self.choice()
        start = self.default_target(lang, fmt, variant)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(start), f"*{start.suffix}"
        )
        if name:
            self.export_to(Path(name), lang, fmt, variant)

    def export_to(self, target: Path, lang: str, fmt: str, variant: str) -> None:
        self._show_open_buttons(None)
        self.context.jobs.run(
            self.tr("Exporting the report"),
            self._work(target, lang, fmt, variant),
            on_done=self._written,
            on_error=self._failed,
            on_cancel=lambda: self.status.setText(
                self.tr("Export cancelled; no file was written.")
            ),
            parent=self,
        )

    def _written(self, path: Path) -> None:
        self.status.setText(self.tr("Report written: {path}").format(path=path))
        self._show_open_buttons(Path(path))

    def _show_open_buttons(self, path: Path | None) -> None:
        self.last_export = path
        self.open_file_button.setVisible(path is not None)
        self.open_folder_button.setVisible(path is not None)

    def open_file(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    def open_folder(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ExportCancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
            return
        from app.core.errors import UserError
        from app.core.messages import render

        message = render(exc.problem, self.context.lang) if isinstance(exc, UserError) else str(exc)
        self.status.setText(message)
        QMessageBox.warning(self, self.tr("Export report"), message)


def screenshot_steps() -> list:
    """Extra shot for tools/screenshots.py: the screen after an export (Open file / folder)."""

    def exported(window) -> str:
        from PySide6.QtWidgets import QApplication

        screen = window.workspace.show_phase("reports")
        lang, fmt, variant = screen.choice()
        # beside the audit: the tool's copy, in a folder it removes afterwards
        screen.export_to(screen.default_target(lang, fmt, variant), lang, fmt, variant)
        screen.context.jobs.wait()
        for _ in range(20):  # the job's signals arrive through the event loop
            QApplication.processEvents()
        return "reports_exported"

    return [exported]
