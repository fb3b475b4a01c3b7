"""Photo import: size, orientation, bad input, memory, and no trace of a failed import."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from app.core.errors import UserError
from app.core.messages import render
from app.core.model import Audit, Finding
from app.core.photos import (
    MAX_JPEG_BYTES,
    MAX_SIDE,
    process_photo_bytes,
    process_photo_file,
    process_photo_files,
)

ROOT = Path(__file__).resolve().parent.parent


def camera_jpeg(
    width: int, height: int, orientation: int | None = None, quality: int = 92
) -> bytes:
    """A photo-like JPEG: gradient, coloured blocks, sensor noise; a red marker top-left."""
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(base)
    for i in range(30):
        x = i * width // 30
        draw.rectangle(
            [x, (i * 37) % height, x + width // 40, (i * 37) % height + height // 6],
            fill=((i * 53) % 255, (i * 97) % 255, (i * 31) % 255),
        )
    noise = Image.effect_noise((max(1, width // 4), max(1, height // 4)), 30).resize(
        (width, height)
    )
    image = Image.blend(base, noise.convert("RGB"), 0.3)
    ImageDraw.Draw(image).rectangle([0, 0, width // 5, height // 5], fill=(255, 0, 0))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"  # Make: must not survive into the audit
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=exif.tobytes())
    return buffer.getvalue()


def error_of(call) -> UserError:
    with pytest.raises(UserError) as info:
        call()
    return info.value


def test_a_12_megapixel_photo_is_downscaled_and_small():
    result = process_photo_bytes(camera_jpeg(4000, 3000), "IMG_0001.jpg")
    assert (result.width, result.height) == (MAX_SIDE, 1536)
    assert len(result.jpeg) <= MAX_JPEG_BYTES
    stored = Image.open(io.BytesIO(result.jpeg))
    assert stored.format == "JPEG" and stored.size == (MAX_SIDE, 1536)
    assert "exif" not in stored.info  # metadata (maybe GPS) dropped
    thumb = Image.open(io.BytesIO(result.thumbnail))
    assert max(thumb.size) <= 320 and len(result.thumbnail) < 40_000


def test_small_photo_is_not_enlarged():
    result = process_photo_bytes(camera_jpeg(800, 600), "small.jpg")
    assert (result.width, result.height) == (800, 600)


def test_exif_orientation_6_is_applied():
    """Orientation 6 = the camera was turned 90° clockwise: stored upright (portrait)."""
    result = process_photo_bytes(camera_jpeg(3000, 2000, orientation=6), "rotated.jpg")
    assert result.height == 2048 and abs(result.width - 2048 * 2 / 3) <= 1
    stored = Image.open(io.BytesIO(result.jpeg)).convert("RGB")
    # The red marker was top-left of the sensor image; rotated 90° clockwise it is top-right.
    w, h = stored.size
    top_right = stored.getpixel((w - 20, 20))
    top_left = stored.getpixel((20, 20))
    assert top_right[0] > 200 and top_right[1] < 60
    assert not (top_left[0] > 200 and top_left[1] < 60)


def test_png_with_transparency_becomes_rgb_on_white():
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle([0, 0, 100, 100], fill=(0, 0, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    result = process_photo_bytes(buffer.getvalue(), "screen.png")
    stored = Image.open(io.BytesIO(result.jpeg)).convert("RGB")
    assert stored.getpixel((250, 150))[0] > 240  # transparent -> white
    assert stored.getpixel((50, 50))[2] > 200


def test_a_50_megapixel_photo_is_downscaled_with_sane_memory(tmp_path):
    path = tmp_path / "huge.jpg"
    image = Image.new("RGB", (8660, 5774), (90, 120, 150))
    ImageDraw.Draw(image).ellipse([1000, 1000, 7000, 5000], fill=(200, 180, 20))
    image.save(path, "JPEG", quality=90)
    del image
    # In a fresh process: a full decode alone would take 150 MB.
    script = (
        "import json, resource, sys\n"
        "from app.core.photos import process_photo_file\n"
        "import PIL.Image\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        f"r = process_photo_file({str(path)!r})\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps([r.width, r.height, len(r.jpeg), (after - before) / 1024]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    width, height, size, grown_mb = json.loads(out.stdout)
    assert (width, height) == (2048, 1366)
    assert size <= MAX_JPEG_BYTES
    assert grown_mb < 80, f"processing grew memory by {grown_mb:.0f} MB"


def test_zero_byte_file(tmp_path):
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    error = error_of(lambda: process_photo_file(path))
    assert error.problem.key == "photo.empty_file"
    assert "empty.jpg" in render(error.problem, "vi") and "empty.jpg" in render(error.problem, "en")


def test_corrupt_jpeg(tmp_path):
    data = camera_jpeg(1200, 900)
    path = tmp_path / "broken.jpg"
    path.write_bytes(data[: len(data) // 3])  # a transfer cut short
    error = error_of(lambda: process_photo_file(path))
    assert error.problem.key == "photo.corrupt"
    assert "broken.jpg" in render(error.problem, "en")
    vi = render(error.problem, "vi")
    assert "broken.jpg" in vi and "Ảnh bị hỏng" in vi
    # Pillow's own English ("image file is truncated", "Truncated File Read") stays in the log.
    assert "runcated" not in vi and "runcated" not in render(error.problem, "en")


def test_random_bytes_are_not_an_image(tmp_path):
    path = tmp_path / "noise.jpg"
    path.write_bytes(bytes(range(256)) * 40)
    assert error_of(lambda: process_photo_file(path)).problem.key == "photo.not_an_image"


def test_gif_renamed_to_jpg_is_refused(tmp_path):
    buffer = io.BytesIO()
    Image.new("P", (50, 50)).save(buffer, "GIF")
    path = tmp_path / "anim.jpg"
    path.write_bytes(buffer.getvalue())
    error = error_of(lambda: process_photo_file(path))
    assert error.problem.key == "photo.unsupported_format"
    assert "GIF" in render(error.problem, "en") and "anim.jpg" in render(error.problem, "en")


@pytest.mark.parametrize(
    "name, data",
    [
        ("report.jpg", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"),
        ("notes.png", "Ghi chú: nồi hơi rò rỉ\n".encode() * 20),
    ],
)
def test_pdf_and_text_renamed_are_not_images(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    error = error_of(lambda: process_photo_file(path))
    assert error.problem.key == "photo.not_an_image"
    assert name in render(error.problem, "vi")


def test_missing_file_is_reported(tmp_path):
    error = error_of(lambda: process_photo_file(tmp_path / "gone.jpg"))
    assert error.problem.key == "photo.unreadable"
    assert "gone.jpg" in render(error.problem, "en")


def test_batch_keeps_the_good_and_reports_the_bad(tmp_path):
    good = tmp_path / "good.jpg"
    good.write_bytes(camera_jpeg(1000, 800))
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"")
    seen = []
    done, problems = process_photo_files([good, bad], lambda i, n, name: seen.append((i, n, name)))
    assert [p.source_name for p in done] == ["good.jpg"]
    assert [p.location.file for p in problems] == ["bad.jpg"]
    assert seen == [(1, 2, "good.jpg"), (2, 2, "bad.jpg")]


def test_a_failed_import_leaves_the_audit_file_unchanged(tmp_path):
    from app.store.auditfile import AuditFile

    finding = Finding(
        area="boilers_steam", item_id="gen.steam.insulation", template_id="general_utilities"
    )
    path = tmp_path / "a.recp"
    AuditFile.create(path, Audit(findings=[finding])).close()
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really")
    with AuditFile.open(path) as af:
        before = af.load()
        done, problems = process_photo_files([bad])
        assert done == [] and problems
        if done:  # the import path: only processed photos are ever written, in one apply
            af.apply(put=[p.to_photo(finding.id) for p in done])
    with AuditFile.open(path) as af:
        assert af.load() == before
        assert af.load().photos == []


def test_a_photo_of_pure_noise_still_fits_the_size_limit():
    """Worst case for JPEG: even the lowest quality is too big at full size, so it shrinks."""
    noise = Image.effect_noise((2400, 1800), 60).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=95)
    result = process_photo_bytes(buffer.getvalue(), "noise.jpg")
    assert len(result.jpeg) <= MAX_JPEG_BYTES
    assert Image.open(io.BytesIO(result.jpeg)).size == (result.width, result.height)
    assert result.width < MAX_SIDE
