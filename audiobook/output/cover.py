"""Cover art: the user's image, the book's own (EPUB), or a plain generated one."""
from __future__ import annotations

import hashlib
import io
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from audiobook.errors import SourceError

#: Image types players show as cover art, by their first bytes.
IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}

#: Generated covers: side in pixels, and background colours (dark enough for white text),
#: one picked by the title so a book keeps its colour.
COVER_SIDE = 1000
BACKGROUNDS = ((38, 70, 83), (42, 157, 143), (86, 50, 90), (120, 60, 40), (40, 55, 100), (70, 85, 45))


@dataclass(frozen=True)
class Cover:
    """An image to embed as the front cover."""

    data: bytes
    """The encoded image."""
    mime: str
    """``image/png`` or ``image/jpeg``."""


def image_type(data: bytes) -> Optional[str]:
    """The MIME type of PNG or JPEG bytes, else None."""
    for signature, mime in IMAGE_SIGNATURES.items():
        if data.startswith(signature):
            return mime
    return None


def load_cover(path: Path) -> Cover:
    """The image at ``path``; SourceError unless it is a readable PNG or JPEG."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read the cover image ({exc.strerror}); check the path") from exc
    mime = image_type(data)
    if mime is None:
        raise SourceError(f"{path}: is not a PNG or JPEG image; give a .png or .jpg cover")
    return Cover(data, mime)


def generate_cover(title: str, author: Optional[str]) -> Cover:
    """A square PNG with the title and author on a plain background; the same book gives the same bytes."""
    from PIL import Image, ImageDraw, ImageFont

    index = int(hashlib.sha1(title.encode("utf-8")).hexdigest(), 16) % len(BACKGROUNDS)
    image = Image.new("RGB", (COVER_SIDE, COVER_SIDE), BACKGROUNDS[index])
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=COVER_SIDE // 11)
    author_font = ImageFont.load_default(size=COVER_SIDE // 20)
    lines = textwrap.wrap(title, width=16)[:5] or [" "]
    line_height = COVER_SIDE // 9
    y = COVER_SIDE // 2 - line_height * len(lines) // 2 - COVER_SIDE // 10
    for line in lines:
        draw.text((COVER_SIDE // 2, y), line, font=title_font, fill=(255, 255, 255), anchor="mt")
        y += line_height
    if author:
        draw.text((COVER_SIDE // 2, COVER_SIDE * 4 // 5), author, font=author_font, fill=(230, 230, 230), anchor="mt")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return Cover(out.getvalue(), "image/png")


def choose_cover(path: Optional[Path], own: Optional[bytes], title: str, author: Optional[str],
                 generate: bool = True) -> Optional[Cover]:
    """The cover to embed: ``path`` if given, else the book's own image, else a generated one
    (None when ``generate`` is off)."""
    if path is not None:
        return load_cover(path)
    if own and image_type(own):
        return Cover(own, image_type(own))
    return generate_cover(title, author) if generate else None
