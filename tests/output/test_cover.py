"""Cover art: the user's image, the book's own, or a generated one that is the same every time."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from audiobook.errors import SourceError
from audiobook.output.cover import COVER_SIDE, Cover, choose_cover, generate_cover, image_type, load_cover


def png_bytes(colour=(200, 10, 10)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 200, 10)).save(out, format="JPEG")
    return out.getvalue()


def test_image_types_are_told_by_their_first_bytes():
    assert image_type(png_bytes()) == "image/png"
    assert image_type(jpeg_bytes()) == "image/jpeg"
    assert image_type(b"GIF89a...") is None


def test_a_generated_cover_is_a_square_png_the_same_every_time():
    first, again = generate_cover("The Lamplighters", "A. Writer"), generate_cover("The Lamplighters", "A. Writer")
    assert first == again and first.mime == "image/png"
    image = Image.open(io.BytesIO(first.data))
    assert image.size == (COVER_SIDE, COVER_SIDE)
    assert len(image.getcolors(maxcolors=1 << 16)) > 2  # text was drawn on the plain background
    assert generate_cover("Another Book", "A. Writer").data != first.data


def test_the_cover_is_the_users_then_the_books_own_then_a_generated_one(tmp_path):
    mine = tmp_path / "mine.jpg"
    mine.write_bytes(jpeg_bytes())
    own = png_bytes()
    assert choose_cover(mine, own, "T", None) == Cover(mine.read_bytes(), "image/jpeg")
    assert choose_cover(None, own, "T", None) == Cover(own, "image/png")
    assert choose_cover(None, b"not an image", "T", None) == generate_cover("T", None)
    assert choose_cover(None, None, "T", None, generate=False) is None


def test_a_cover_that_is_not_an_image_or_not_there_is_a_one_line_error(tmp_path):
    text = tmp_path / "cover.txt"
    text.write_text("hello")
    with pytest.raises(SourceError) as err:
        load_cover(text)
    assert str(err.value) == f"{text}: is not a PNG or JPEG image; give a .png or .jpg cover"
    with pytest.raises(SourceError) as err:
        load_cover(tmp_path / "missing.png")
    assert str(err.value) == f"{tmp_path / 'missing.png'}: cannot read the cover image (No such file or directory); check the path"
