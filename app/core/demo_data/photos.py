"""Small drawn photos for the demo's findings, so screens and reports have photos to show.

Drawn with Pillow (no bundled image files, no text: the caption carries the words). Drawing is
deterministic, so a rebuilt demo file holds the same bytes.
"""

from __future__ import annotations

import io
import random

WIDTH, HEIGHT = 800, 600
THUMB = (160, 120)


def draw_photo(scene: str) -> tuple[bytes, bytes, int, int]:
    """(jpeg, thumbnail jpeg, width, height) of the named scene."""
    from PIL import Image, ImageDraw, ImageFilter

    img = Image.new("RGB", (WIDTH, HEIGHT), (92, 96, 100))
    draw = ImageDraw.Draw(img)
    rng = random.Random(scene)
    _SCENES[scene](draw, rng)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    thumb = img.copy()
    thumb.thumbnail(THUMB)
    return _jpeg(img, 82), _jpeg(thumb, 75), WIDTH, HEIGHT


def _jpeg(img, quality: int) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def _wall_and_floor(draw, wall=(120, 124, 118), floor=(78, 80, 76)) -> None:
    draw.rectangle((0, 0, WIDTH, 380), fill=wall)
    draw.rectangle((0, 380, WIDTH, HEIGHT), fill=floor)
    for x in range(0, WIDTH, 100):  # floor tiles
        draw.line((x, 380, x - 60, HEIGHT), fill=(70, 72, 68), width=2)


def _steam_leak(draw, rng) -> None:
    _wall_and_floor(draw)
    # Horizontal steam pipe with a flanged valve.
    draw.rectangle((0, 230, WIDTH, 270), fill=(140, 110, 80))
    draw.rectangle((360, 200, 380, 300), fill=(60, 60, 64))
    draw.rectangle((420, 200, 440, 300), fill=(60, 60, 64))
    draw.rectangle((380, 215, 420, 285), fill=(170, 40, 35))
    draw.rectangle((395, 130, 405, 215), fill=(80, 80, 84))
    draw.ellipse((360, 110, 440, 140), outline=(200, 30, 30), width=8)
    # Steam plume from the flange.
    for _ in range(260):
        x = 400 + rng.gauss(0, 18) + rng.uniform(0, 160)
        y = 200 - rng.uniform(0, 180)
        r = rng.uniform(8, 26)
        shade = rng.randint(210, 245)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(shade, shade, shade))


def _overflow(draw, rng) -> None:
    _wall_and_floor(draw, wall=(110, 126, 130))
    # Rinse tank (stainless) with water running over its rim onto the floor.
    draw.rectangle((180, 200, 620, 460), fill=(168, 172, 176), outline=(120, 124, 128), width=6)
    draw.rectangle((190, 200, 610, 230), fill=(70, 130, 170))
    for _ in range(90):
        x = rng.uniform(610, 650)
        y = rng.uniform(205, 470)
        draw.line(
            (x, y, x + rng.uniform(-3, 3), y + rng.uniform(10, 30)), fill=(90, 150, 190), width=3
        )
    draw.ellipse((520, 440, 800, 560), fill=(72, 118, 150))
    draw.ellipse((120, 470, 420, 560), fill=(76, 112, 140))
    # Fabric rope entering the tank.
    draw.line((60, 60, 300, 215), fill=(30, 50, 120), width=28)


def _dye_spill(draw, rng) -> None:
    _wall_and_floor(draw, wall=(200, 196, 180), floor=(150, 146, 138))
    # Weighing table, scale and open dye drums.
    draw.rectangle((150, 260, 650, 290), fill=(110, 80, 50))
    draw.rectangle((170, 290, 190, 470), fill=(90, 64, 40))
    draw.rectangle((610, 290, 630, 470), fill=(90, 64, 40))
    draw.rectangle((330, 215, 450, 260), fill=(210, 210, 215), outline=(80, 80, 80), width=3)
    draw.ellipse((355, 195, 425, 222), fill=(180, 180, 185))
    colours = [(200, 30, 60), (30, 60, 170), (230, 170, 20)]
    for i, colour in enumerate(colours):
        x = 40 + i * 260
        draw.rectangle((x, 470, x + 120, 590), fill=(60, 100, 60))
        draw.ellipse((x, 455, x + 120, 485), fill=colour)
        for _ in range(120):  # spilt powder on the floor and table
            px, py = x + rng.gauss(60, 70), 520 + rng.gauss(20, 30)
            r = rng.uniform(1, 5)
            draw.ellipse((px - r, py - r, px + r, py + r), fill=colour)
        for _ in range(40):
            px, py = rng.uniform(160, 640), rng.uniform(262, 284)
            draw.ellipse((px - 2, py - 2, px + 2, py + 2), fill=colour)


def _slag_heap(draw, rng) -> None:
    draw.rectangle((0, 0, WIDTH, 300), fill=(170, 190, 210))  # sky
    draw.rectangle((0, 300, WIDTH, HEIGHT), fill=(120, 112, 96))  # yard
    draw.rectangle((520, 90, 780, 320), fill=(150, 140, 130))  # boiler house
    draw.rectangle((700, 10, 740, 100), fill=(110, 100, 95))  # chimney
    draw.polygon([(60, 480), (260, 250), (470, 480)], fill=(58, 56, 54))
    for _ in range(500):
        x, y = rng.uniform(90, 440), rng.uniform(290, 480)
        r = rng.uniform(2, 7)
        g = rng.randint(30, 110)
        if y > 480 - (480 - 250) * (1 - abs(x - 260) / 210):
            draw.ellipse(
                (x - r, y - r, x + r, y + r),
                fill=(g, g - 5 if g > 5 else g, g - 10 if g > 10 else g),
            )


_SCENES = {
    "steam_leak": _steam_leak,
    "overflow": _overflow,
    "dye_spill": _dye_spill,
    "slag_heap": _slag_heap,
}
