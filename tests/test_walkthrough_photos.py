"""Photos are written by the worker thread, never by the GUI thread; memory, undo and redo
still agree with the file.

Covers ``AuditFile.writer`` (a second connection for one worker thread) and
``AuditContext.edit(applied=True)`` (record a change the file already holds).
"""

from __future__ import annotations

import threading

import pytest
from PIL import Image

from app.core import model
from app.core.errors import UserError
from app.ui.screens.walkthrough import WalkthroughScreen
from tests.ui_helpers import make_file, reload, sample_audit, textile_context


@pytest.fixture
def ctx(tmp_path, qtbot):
    with textile_context(tmp_path, lang="en") as context:
        yield context


def jpeg_file(folder, name, size=(1600, 1200), color=(30, 120, 200)):
    path = folder / name
    Image.new("RGB", size, color).save(path, "JPEG", quality=90)
    return path


def jpeg_bytes(ctx, photo_id):
    from app.store.auditfile import AuditFile

    with AuditFile.open(ctx.path, read_only=True, backup=False) as af:
        return af.photo_jpeg(photo_id)


class ApplySpy:
    """Counts the GUI connection's writes (``AuditFile.apply`` on the context's file)."""

    def __init__(self, audit_file):
        self.calls: list[str] = []
        self._apply = audit_file.apply
        audit_file.apply = self

    def __call__(self, *args, **kwargs):
        self.calls.append(threading.current_thread().name)
        return self._apply(*args, **kwargs)


def test_writer_commits_from_another_thread_while_the_main_handle_stays_open(ctx):
    finding = model.Finding(area="boiler", title="Rò hơi")
    assert ctx.edit("Add finding", put=[finding])
    photo = model.Photo(finding.id, caption="van", width=2, height=2, jpeg=b"\xff\xd8 jpeg")
    errors: list[BaseException] = []

    def work():
        try:
            with ctx.file.writer() as writer:
                writer.apply(put=[photo])
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert errors == []
    assert ctx.file.photo_jpeg(photo.id) == b"\xff\xd8 jpeg"  # the main handle sees it
    assert [p.id for p in reload(ctx.path).photos] == [photo.id]
    # the main handle still writes (the writer released nothing it did not own)
    finding.note = "sau"
    assert ctx.edit("Edit note", put=[finding])
    assert reload(ctx.path).findings[0].note == "sau"


def test_writer_of_a_read_only_file_refuses_to_write(tmp_path):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path, sample_audit())
    with AuditFile.open(path, read_only=True) as af, af.writer() as writer:
        assert writer.read_only
        with pytest.raises(UserError):
            writer.apply(put=[model.Finding(area="x")])
    assert reload(path).findings == []


def test_edit_applied_updates_memory_only_then_undo_redo_write(ctx):
    finding = model.Finding(area="boiler", title="Rò hơi")
    photo = model.Photo(finding.id, width=4, height=3, jpeg=b"\xff\xd8 original")
    with ctx.file.writer() as writer:  # what the worker does
        writer.apply(put=[finding, photo])
    spy = ApplySpy(ctx.file)
    assert ctx.edit("Add photos", put=[finding, photo], applied=True)
    assert spy.calls == []  # the first redo did not write again
    assert [p.id for p in ctx.audit.photos] == [photo.id]
    assert ctx.audit.photos[0].jpeg is None  # as load() gives it
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    on_disk = reload(ctx.path)
    assert on_disk.photos == [] and on_disk.findings == []
    assert ctx.audit.photos == [] and ctx.audit.findings == []
    ctx.undo_stack.redo()
    assert [p.id for p in reload(ctx.path).photos] == [photo.id]
    assert jpeg_bytes(ctx, photo.id) == b"\xff\xd8 original"
    assert len(spy.calls) == 2  # undo and redo wrote, on the GUI connection


def test_adding_photos_never_writes_on_the_gui_thread_and_is_one_undo_step(ctx, tmp_path, qtbot):
    from app.ui.jobs import JobRunner

    ctx.jobs = JobRunner()
    screen = WalkthroughScreen(ctx)
    qtbot.addWidget(screen)
    screen.item_list.setCurrentRow(0)
    item_id = screen.current_key()[1]
    paths = [str(jpeg_file(tmp_path, f"w{i}.jpg", color=(40 * i, 100, 200))) for i in range(3)]
    spy = ApplySpy(ctx.file)
    screen.add_photos(paths)
    qtbot.waitUntil(lambda: len(ctx.audit.photos) == 3, timeout=30_000)
    qtbot.waitUntil(lambda: screen.photo_strip.count() == 3, timeout=5_000)
    assert spy.calls == []  # every commit came from the worker's own connection
    on_disk = reload(ctx.path)
    finding = next(f for f in on_disk.findings if f.item_id == item_id)
    assert sorted(p.position for p in on_disk.photos) == [0, 1, 2]
    assert {p.finding_id for p in on_disk.photos} == {finding.id}
    assert ctx.undo_stack.count() == 1  # the batch, its new finding included
    originals = {p.id: jpeg_bytes(ctx, p.id) for p in on_disk.photos}

    ctx.undo_stack.undo()
    on_disk = reload(ctx.path)
    assert on_disk.photos == [] and on_disk.findings == []
    assert ctx.audit.photos == [] and ctx.audit.findings == []
    ctx.undo_stack.redo()
    on_disk = reload(ctx.path)
    assert {p.id: jpeg_bytes(ctx, p.id) for p in on_disk.photos} == originals
    assert [f.id for f in on_disk.findings] == [finding.id]
    assert sorted(p.id for p in ctx.audit.photos) == sorted(originals)


def test_a_bad_photo_in_a_worker_batch_leaves_only_the_good_ones(ctx, tmp_path, qtbot):
    from app.ui.jobs import JobRunner

    ctx.jobs = JobRunner()
    screen = WalkthroughScreen(ctx)
    qtbot.addWidget(screen)
    screen.item_list.setCurrentRow(0)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    good = jpeg_file(tmp_path, "good.jpg")
    screen.add_photos([str(broken), str(good)])
    qtbot.waitUntil(lambda: len(ctx.audit.photos) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: "broken.jpg" in screen.photo_status.text(), timeout=5_000)
    assert len(reload(ctx.path).photos) == 1
    assert reload(ctx.path).photos[0].position == 0


def test_enter_opens_the_photo_at_full_size_and_arrows_go_through_them(ctx, qtbot, tmp_path):
    from PySide6.QtCore import Qt

    screen = WalkthroughScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    screen.add_photos([jpeg_file(tmp_path, "a.jpg"), jpeg_file(tmp_path, "b.jpg", (800, 1200))])
    qtbot.waitUntil(lambda: screen.photo_strip.count() == 2, timeout=10_000)
    strip = screen.photo_strip
    strip.setFocus()
    strip.setCurrentRow(0)
    qtbot.keyClick(strip, Qt.Key_Return)
    viewer = screen.photo_viewer
    qtbot.waitExposed(viewer)
    shown = viewer.image.pixmap()
    assert shown.width() > 128 or shown.height() > 128  # the full JPEG, not the thumbnail
    assert (
        viewer.caption.text().startswith("Photo 1 of 2") and "1600 × 1200" in viewer.caption.text()
    )
    qtbot.keyClick(viewer, Qt.Key_Right)
    assert viewer.index == 1 and "800 × 1200" in viewer.caption.text()
    qtbot.keyClick(viewer, Qt.Key_Right)
    assert viewer.index == 0  # round
    viewer.close()
    # F2 still edits the caption.
    qtbot.keyClick(strip, Qt.Key_F2)
    assert strip.state() == strip.State.EditingState
