"""Photo import: decode, apply EXIF orientation, downscale, re-encode as JPEG, make a thumbnail.

Why in core: it is a pure function of the photo's bytes (no storage, no Qt), needed alike by the
walkthrough screen (in a worker thread), the demo builder, the CLI and tests. Pillow is imported
inside the functions so nothing pays for it at GUI start-up.

What it guarantees:
- at most ``MAX_SIDE`` px on the long side, upright (EXIF orientation applied), RGB JPEG of at most
  ``MAX_JPEG_BYTES`` (quality is lowered step by step for very detailed photos);
- metadata is dropped: a phone photo's EXIF can hold the GPS position of a confidential factory;
- huge JPEGs are decoded at reduced scale (``Image.draft``), so a 50 MP photo costs a few tens of
  MB of memory, not 150 MB;
- bad input raises ``UserError`` with a catalogue key and the file name; nothing is half-made.
"""

from __future__ import annotations

import io
import logging
import math
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import Location, Problem, UserError, os_reason
from app.core.model import Photo, clean_text

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # Pillow is imported only when a photo is processed
    from PIL.Image import Image as PILImage

MAX_SIDE = 2048
THUMB_SIDE = 320
MAX_JPEG_BYTES = 600_000
QUALITIES = (85, 80, 74, 66, 58)
THUMB_QUALITY = 75
# Formats a camera, phone or scanner produces; GIF (animations, 256 colours) and the rest are refused.
ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "TIFF", "BMP", "WEBP"})
# A JPEG is decoded at reduced scale (1/2 to 1/8), so up to this it costs under 200 MB; Pillow
# refuses twice this before decoding anything (its decompression-bomb check).
MAX_PIXELS = 120_000_000
# Other formats are decoded whole, 4 bytes a pixel: 40 MP (an A4 page scanned at 600 dpi is
# 35 MP) peaks near 200 MB; a 100 MP PNG of a few hundred kB would take 400 MB.
MAX_DECODED_PIXELS = 40_000_000
MAX_FILE_BYTES = 100_000_000  # read whole into memory; a 100 MP camera RAW-sized JPEG is ~50 MB
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class ProcessedPhoto:
    jpeg: bytes
    thumbnail: bytes
    width: int
    height: int
    source_name: str

    def to_photo(self, finding_id: str, caption: str = "", position: int = 0) -> Photo:
        return Photo(
            finding_id=finding_id,
            caption=clean_text(caption),
            width=self.width,
            height=self.height,
            jpeg=self.jpeg,
            thumbnail=self.thumbnail,
            position=position,
        )


def _fail(key: str, name: str, **params) -> UserError:
    return UserError.of(key, Location(file=name), **params)


def _corrupt(name: str, exc: Exception) -> UserError:
    """A damaged image, said in the user's language; Pillow's own English text (e.g. "Truncated
    File Read") only goes to the log, for whoever reports the problem."""
    log.info("photo %s not decoded: %s", name, exc)
    return _fail("photo.corrupt", name)


def _bomb(name: str, exc: Exception, jpeg: bool) -> UserError:
    """Pillow's decompression-bomb refusal as our message, with the size it found."""
    numbers = re.findall(r"\d+", str(exc))
    megapixels = round(int(numbers[0]) / 1e6) if numbers else "?"
    limit = MAX_PIXELS * 2 if jpeg else MAX_DECODED_PIXELS
    return _fail("photo.too_large", name, megapixels=megapixels, limit=limit // 1_000_000)


def process_photo_bytes(data: bytes, name: str = "") -> ProcessedPhoto:
    """The stored form of one photo given its file bytes; ``name`` is used in messages."""
    with warnings.catch_warnings():
        # Pillow warns (on stderr) between MAX_PIXELS and twice it; the limits below decide.
        warnings.simplefilter("ignore")
        return _process(data, name)


def _process(data: bytes, name: str) -> ProcessedPhoto:
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not data:
        raise _fail("photo.empty_file", name)
    if data.startswith(_ZIP_MAGIC):  # a .docx, .xlsx or .zip renamed (or saved) as .jpg
        raise _fail("photo.archive", name)
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # beyond twice it Pillow raises DecompressionBombError
    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise _fail("photo.not_an_image", name) from None
    except Image.DecompressionBombError as exc:
        raise _bomb(name, exc, data.startswith(b"\xff\xd8")) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise _corrupt(name, exc) from None
    if image.format not in ACCEPTED_FORMATS:
        raise _fail("photo.unsupported_format", name, format=image.format or "?")
    width, height = image.size
    is_jpeg = image.format in ("JPEG", "MPO")
    # a JPEG up to Pillow's bound (twice MAX_PIXELS) is decoded at reduced scale
    if not is_jpeg and width * height > MAX_DECODED_PIXELS:
        raise _fail(
            "photo.too_large",
            name,
            megapixels=round(width * height / 1e6),
            limit=MAX_DECODED_PIXELS // 1_000_000,
        )
    try:
        if is_jpeg and max(width, height) > MAX_SIDE:
            # Decode at 1/2, 1/4 or 1/8 scale, never below the target size: memory stays small.
            scale = MAX_SIDE / max(width, height)
            image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
        image.load()
        if image.mode not in ("1", "P"):  # (those two would be resized without smoothing)
            # Down to size before any copy (transposing, converting): a 36 MP PNG then peaks
            # at one full-size image, not three. Scaling first commutes with the EXIF turn.
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BICUBIC)
        upright = ImageOps.exif_transpose(image)
        rgb = _to_rgb(upright)
        rgb.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BICUBIC)
        jpeg, rgb = _encode_within(rgb, MAX_JPEG_BYTES)
        thumb = rgb.copy()
        thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.BILINEAR)
        thumbnail = _encode(thumb, THUMB_QUALITY)
    except Image.DecompressionBombError as exc:
        raise _bomb(name, exc, is_jpeg) from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        # Truncated or damaged data surfaces only while decoding.
        raise _corrupt(name, exc) from None
    except MemoryError:
        raise _fail(
            "photo.too_large",
            name,
            megapixels=round(width * height / 1e6),
            limit=MAX_PIXELS // 1_000_000,
        ) from None
    return ProcessedPhoto(jpeg, thumbnail, rgb.width, rgb.height, name)


def process_photo_file(path: str | Path) -> ProcessedPhoto:
    """``process_photo_bytes`` of a file; unreadable files raise ``UserError`` naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(
                "photo.file_too_large",
                path.name,
                size=round(size / 1e6),
                limit=MAX_FILE_BYTES // 1_000_000,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise _fail("photo.unreadable", path.name, detail=os_reason(exc)) from None
    return process_photo_bytes(data, path.name)


def process_photo_files(
    paths: list[str | Path], progress=None
) -> tuple[list[ProcessedPhoto], list[Problem]]:
    """Every photo that could be processed, and a problem for each that could not.

    ``progress(done, total, name)`` is called after each file and may return True to cancel.
    """
    done: list[ProcessedPhoto] = []
    problems: list[Problem] = []
    for index, path in enumerate(paths):
        try:
            done.append(process_photo_file(path))
        except UserError as exc:
            problems.append(exc.problem)
        if progress and progress(index + 1, len(paths), Path(path).name):
            break
    return done, problems


def _to_rgb(image):
    """RGB for JPEG: transparency composed on white (a screenshot's clear areas stay light)."""
    from PIL import Image

    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode.startswith("I;16") or image.mode == "I":
        # 16-bit scans: scale to 8 bits before conversion (convert("RGB") would clip).
        return image.point(lambda v: v / 256).convert("L").convert("RGB")
    return image.convert("RGB")


def _encode(image, quality: int) -> bytes:
    buffer = io.BytesIO()
    # No optimize/progressive: those passes hold the GIL for ~0.1–0.3 s per photo, which would
    # stall the GUI thread while a worker imports photos (measured by benchmarks/bench_photos.py).
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def _encode_within(image: PILImage, limit: int) -> tuple[bytes, PILImage]:
    """The best quality in ``QUALITIES`` whose JPEG fits in ``limit`` bytes; an image so detailed
    that even the lowest quality does not fit (noise, foliage) is made smaller until it does."""
    from PIL import Image

    while True:
        for quality in QUALITIES:
            data = _encode(image, quality)
            if len(data) <= limit:
                return data, image
        image = image.resize(
            (max(1, int(image.width * 0.85)), max(1, int(image.height * 0.85))),
            Image.Resampling.LANCZOS,
        )
