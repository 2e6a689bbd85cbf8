"""Plain text: encodings detected or given, newlines normalised, offsets as Python's open() reads."""
from __future__ import annotations

import pytest

from audiobook.errors import SourceError
from audiobook.parser import parse
from audiobook.readers import read_source
from audiobook.readers.text import detect_single_byte

STORY = "\u201cH\u00e9l\u00e8ne,\u201d said Ren\u00e9e. \u201cIt\u2019s late.\u201d\nZo\u00eb nodded.\n"

#: (name, bytes on disk, the codec ``open()`` reads them with, the text expected).
ENCODED = [
    ("utf-8", STORY.encode("utf-8"), "utf-8", STORY),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8", "\ufeff" + STORY),
    ("utf-16 LE with BOM", STORY.encode("utf-16"), "utf-16", STORY),
    ("utf-16 BE with BOM", b"\xfe\xff" + STORY.encode("utf-16-be"), "utf-16", STORY),
    ("utf-16 LE without BOM", STORY.encode("utf-16-le"), "utf-16-le", STORY),
    ("cp1252 curly quotes and accents", STORY.encode("cp1252"), "cp1252", STORY),
    ("latin-1", "Caf\u00e9 cr\u00e8me, Fran\u00e7ois. \u00bfQu\u00e9?\x81\n".encode("latin-1"), "latin-1",
     "Caf\u00e9 cr\u00e8me, Fran\u00e7ois. \u00bfQu\u00e9?\x81\n"),
    ("CRLF", b"One line.\r\nTwo lines.\r\n\r\nThree.\r\n", "utf-8", "One line.\nTwo lines.\n\nThree.\n"),
    ("CR", b"One.\rTwo.\r", "utf-8", "One.\nTwo.\n"),
    ("cp1252 with CRLF", STORY.replace("\n", "\r\n").encode("cp1252"), "cp1252", STORY),
]


@pytest.mark.parametrize("name, data, codec, expected", ENCODED, ids=[e[0] for e in ENCODED])
def test_text_is_what_python_open_reads(tmp_path, name, data, codec, expected):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    document = read_source(path)
    assert document.text == expected
    with open(path, encoding=codec) as f:
        assert document.text == f.read()
    assert document.plain is True and document.cover is None


def test_cp1252_is_chosen_over_other_single_byte_code_pages():
    assert detect_single_byte(STORY.encode("cp1252")) == "cp1252"
    assert detect_single_byte(b"caf\xe9 \x81") == "latin_1"  # 0x81 is not a cp1252 character


def test_cp1252_offsets_index_the_decoded_text_and_names_keep_their_accents(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(("\u201cWhere is Ren\u00e9e?\u201d asked H\u00e9l\u00e8ne.\n\n"
                      "\u201cGone,\u201d Ren\u00e9e said from the door.\n").encode("cp1252"))
    document = read_source(path)
    script = parse(document)
    dialogue = [s for s in script.segments() if s.kind.value == "dialogue"]
    assert [(s.speaker, s.text) for s in dialogue] == [("H\u00e9l\u00e8ne", "Where is Ren\u00e9e?"),
                                                      ("Ren\u00e9e", "Gone,")]
    for s in script.segments():
        assert document.text[s.start:s.end].strip("\u201c\u201d ,").startswith(s.text.rstrip(",?")[:4])


def test_encoding_given_overrides_detection(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("Ren\u00e9e smiled.\n".encode("cp1252"))
    assert read_source(path, encoding="latin-1").text == "Ren\u00e9e smiled.\n"
    assert read_source(path, encoding="cp1252").text == "Ren\u00e9e smiled.\n"


#: (bytes, --encoding, the message after the path).
ENCODING_ERRORS = [
    ("Ren\u00e9e smiled.\n".encode("cp1252"), "utf-8", "is not valid utf-8 at byte 3; try another --encoding"),
    (b"Plain words.\n", "klingon", "unknown encoding 'klingon'; try utf-8, cp1252 or latin-1"),
    (b"\x81\x8d plain\n", "cp1252", "is not valid cp1252 at byte 0; try another --encoding"),
]


@pytest.mark.parametrize("data, encoding, message", ENCODING_ERRORS)
def test_wrong_encoding_is_one_line_naming_the_file(tmp_path, data, encoding, message):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as err:
        read_source(path, encoding=encoding)
    assert str(err.value) == f"{path}: {message}"


def test_binary_data_is_still_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06")
    with pytest.raises(SourceError) as err:
        read_source(path)
    assert str(err.value) == f"{path}: looks like a binary file, not text; give a .txt, .md, .html or .epub story"


def test_old_import_path_still_works():
    from audiobook.readers import read_source as old

    assert old is read_source
