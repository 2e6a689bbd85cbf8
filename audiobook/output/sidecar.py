"""Files beside per-chapter MP3s that audiobook servers read when a book is a folder of tracks:
``cover.jpg``, ``desc.txt`` (the description) and ``reader.txt`` (the narrator), as
Audiobookshelf reads them."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Optional

from audiobook.model import BookInfo
from audiobook.output.cover import Cover
from audiobook.output.files import atomic_path


def jpeg_bytes(cover: Cover) -> bytes:
    """The cover as JPEG: as it is when it is one, else converted (Pillow's output is the same
    for the same image, so the file is too)."""
    if cover.mime == "image/jpeg":
        return cover.data
    from PIL import Image

    with Image.open(io.BytesIO(cover.data)) as image:
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def write_sidecars(folder: Path, info: BookInfo, cover: Optional[Cover]) -> list[Path]:
    """Write ``cover.jpg``, ``desc.txt`` and ``reader.txt`` into ``folder`` where there is
    something to say; a stale ``desc.txt`` or ``reader.txt`` from an earlier render is removed."""
    contents = {
        "cover.jpg": jpeg_bytes(cover) if cover else None,
        "desc.txt": (info.description + "\n").encode("utf-8") if info.description else None,
        "reader.txt": (info.narrator + "\n").encode("utf-8") if info.narrator else None,
    }
    written = []
    for name, data in contents.items():
        path = folder / name
        if data is None:
            if name != "cover.jpg":  # a cover.jpg may be the user's own: never removed
                path.unlink(missing_ok=True)
            continue
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
        written.append(path)
    return written
