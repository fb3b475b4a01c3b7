"""The Reports screen: export in the chosen language/format/variant, Cancel leaves no file,
preview of page 1."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.ui.context import AuditContext
from app.ui.jobs import JobRunner
from tests.sample_report import build_audit


@pytest.fixture
def screen(tmp_path, qtbot):
    from app.store.auditfile import AuditFile
    from app.ui.screens.reports import ReportsScreen

    path = tmp_path / "r.recp"
    AuditFile.create(path, build_audit(n_options=5, n_photos=1)).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang="vi", jobs=JobRunner())
    widget = ReportsScreen(ctx)
    qtbot.addWidget(widget)
    yield widget
    ctx.jobs.wait()
    af.close()


def test_choices_default_to_ui_language_and_export_english_pdf(screen, tmp_path, qtbot):
    assert screen.choice() == ("vi", "pdf", "full")
    screen.lang_box.setCurrentIndex(screen.lang_box.findData("en"))
    target = tmp_path / "out.pdf"
    screen.export_to(target, *screen.choice())
    qtbot.waitUntil(lambda: target.exists() and "out.pdf" in screen.status.text(), timeout=60000)
    text = PdfReader(target).pages[1].extract_text()
    assert "Contents" in text


def test_cancel_leaves_no_file(screen, tmp_path, qtbot):
    target = tmp_path / "cancelled.pdf"
    screen.export_to(target, "vi", "pdf", "full")
    job = screen.context.jobs.jobs[-1]
    job.cancel()
    screen.context.jobs.wait()
    # Cancel arrives long before the writer's first progress report (it lays out pages for
    # seconds), so the export stops and nothing at all is left: no report, no temporary file
    qtbot.waitUntil(lambda: screen.status.text() != "", timeout=60000)
    assert screen.status.text() == screen.tr("Export cancelled; no file was written.")
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")] == []


def test_preview_shows_the_first_page(screen, qtbot):
    screen.variant_box.setCurrentIndex(screen.variant_box.findData("summary"))
    screen.make_preview()
    qtbot.waitUntil(
        lambda: screen.preview.pixmap() is not None and not screen.preview.pixmap().isNull(),
        timeout=60000,
    )
    assert screen.preview.pixmap().width() > 300
