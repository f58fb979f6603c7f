"""Placeholder pictures for the demo edition, drawn locally with Pillow.

Nothing is downloaded: every hero image and portrait is a gradient with a few
shapes and a label, seeded by its slug so a rerun draws the same picture.
"""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Callable

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

HERO_SIZE = (1600, 900)
PORTRAIT_SIZE = (600, 600)
JPEG_QUALITY = 85

RGB = tuple[int, int, int]


def hex_to_rgb(colour: str) -> RGB:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _mix(a: RGB, b: RGB, share: float) -> RGB:
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _seeded(key: str) -> random.Random:
    # hash() is salted per process; a digest keeps pictures identical across runs.
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:16], 16))


def _gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> PILImage.Image:
    # Draw a 1-pixel-wide column and stretch it: far faster than per-row lines.
    column = PILImage.new("RGB", (1, 256))
    column.putdata([_mix(top, bottom, y / 255) for y in range(256)])
    return column.resize(size, PILImage.Resampling.BILINEAR)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's bundled font needs no system fonts, so this works in any container.
    return ImageFont.load_default(size=size)


def _shapes(canvas: PILImage.Image, colour: RGB, rng: random.Random) -> PILImage.Image:
    overlay = PILImage.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    width, height = canvas.size
    light = _mix(colour, (255, 255, 255), 0.55)
    for _ in range(7):
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*light, rng.randint(25, 60)))
    for _ in range(4):
        y = rng.randint(0, height)
        draw.line((0, y, width, y + rng.randint(-height // 3, height // 3)), fill=(255, 255, 255, 40), width=3)
    return PILImage.alpha_composite(canvas.convert("RGBA"), overlay).convert("RGB")


def draw_hero(*, key: str, colour: str, label: str, kicker: str) -> bytes:
    """A 16:9 JPEG: section-coloured gradient, shapes, a kicker and a label."""
    base = hex_to_rgb(colour)
    canvas = _gradient(HERO_SIZE, _mix(base, (255, 255, 255), 0.15), _mix(base, (0, 0, 0), 0.45))
    canvas = _shapes(canvas, base, _seeded(key))
    draw = ImageDraw.Draw(canvas)
    draw.text((96, 600), kicker.upper(), font=_font(40), fill=(255, 255, 255))
    draw.text((96, 660), label, font=_font(84), fill=(255, 255, 255))
    return _jpeg(canvas)


def draw_portrait(*, key: str, colour: str, initials: str) -> bytes:
    """A square JPEG with the person's initials, standing in for a photo."""
    base = hex_to_rgb(colour)
    canvas = _gradient(PORTRAIT_SIZE, base, _mix(base, (0, 0, 0), 0.35))
    canvas = _shapes(canvas, base, _seeded(key))
    draw = ImageDraw.Draw(canvas)
    centre = (PORTRAIT_SIZE[0] // 2, PORTRAIT_SIZE[1] // 2)
    draw.text(centre, initials, font=_font(220), fill=(255, 255, 255), anchor="mm")
    return _jpeg(canvas)


def _jpeg(canvas: PILImage.Image) -> bytes:
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def ensure_image(*, title: str, filename: str, draw: Callable[[], bytes]) -> Image:
    """The Wagtail image with this title, drawn and saved only if missing.

    Keyed by title so reruns reuse the file instead of piling up copies.
    """
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing
    data = draw()
    image = Image(title=title, file=ImageFile(io.BytesIO(data), name=filename))
    image.save()
    return image
