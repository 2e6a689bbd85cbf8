"""Choosing a reader by suffix, and the one-line errors every format shares."""
from __future__ import annotations

import pytest

from audiobook.errors import SourceError
from audiobook.readers import READERS, read_source


def test_suffixes_choose_the_reader_whatever_their_case(tmp_path):
    path = tmp_path / "STORY.HTML"
    path.write_text("<p>Some <i>words</i>.</p>", encoding="utf-8")
    document = read_source(path)
    assert (document.text, document.plain) == ("Some words.\n", False)
    assert set(READERS) >= {".md", ".html", ".htm", ".epub"}


def test_unknown_suffixes_are_read_as_plain_text(tmp_path):
    path = tmp_path / "story.fic"
    path.write_text("<p>Kept *as is*.</p>\n", encoding="utf-8")
    assert read_source(path).text == "<p>Kept *as is*.</p>\n"


#: (file name, content, the message after the path).
NOTHING_TO_READ = [
    ("empty.md", b"  \n", "the file is empty; give a file with story text"),
    ("furniture.html", b"<nav>Home</nav><script>x()</script><p>  </p>", "has no letters to read; give a file with story text"),
    ("marks.md", b"***\n\n---\n", "has no letters to read; give a file with story text"),
]


@pytest.mark.parametrize("name, data, message", NOTHING_TO_READ)
def test_a_source_with_nothing_to_read_is_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError) as err:
        read_source(path)
    assert str(err.value) == f"{path}: {message}"
