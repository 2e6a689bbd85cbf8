"""Output formats on real renders: per-chapter MP3, one MP3 with ID3 chapters, M4B, cue sheets,
cover art, and loudness within ACX's ranges, all checked on the files."""
from __future__ import annotations

import io
import re

import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4

from audio import decode, loud_span, mp3_frame_headers, rms_db
from audiobook import pipeline
from audiobook.output.books import BookJob, ChapterAudio, write_book
from conftest import SAMPLE, VOICES
from fakes import FakeEngine


@pytest.fixture(scope="module")
def book(tmp_path_factory, engine):
    out = tmp_path_factory.mktemp("formats")
    return pipeline.render(SAMPLE, out, VOICES, engine=engine, formats=pipeline.FORMATS)


def single(book, suffix):
    return next(b for b in book.books if b.path.suffix == suffix)


def speech_starts(path, marks):
    """Where speech begins after each chapter mark, in seconds after the mark."""
    x, rate = decode(path)
    starts = []
    for _title, start, _end in marks:
        window = x[int(start * rate):int((start + 2.0) * rate)]
        starts.append(np.argmax(np.abs(window) > 0.01) / rate)
    return starts


def test_every_format_is_written(book):
    names = sorted(p.name for p in book.folder.iterdir())
    assert names == ["01 - Chapter 1 The Last Lamp on Quay Street.mp3", "02 - Chapter 2 What the River Kept.mp3",
                     "The Lamplighters.m4b", "The Lamplighters.m4b.cue", "The Lamplighters.mp3",
                     "The Lamplighters.mp3.cue", "cover.jpg", "playlist.m3u8"]


def test_single_mp3_has_chapter_frames_where_the_chapters_are(book):
    mp3 = single(book, ".mp3")
    tags = ID3(mp3.path)
    toc = tags.getall("CTOC")[0]
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert toc.child_element_ids == ["chp1", "chp2"]
    assert [str(c.sub_frames["TIT2"]) for c in chaps] == [f.title for f in book.files]
    # the plan: chapter 2 starts where chapter 1's audio ends
    assert abs(chaps[1].start_time / 1000 - book.files[0].duration) < 0.05
    assert chaps[0].start_time == 0 and chaps[1].end_time / 1000 == pytest.approx(sum(f.duration for f in book.files), abs=0.1)
    # and on the audio: each mark is followed by the 0.75 s of room tone, then the chapter title
    for seconds in speech_starts(mp3.path, mp3.marks):  # espeak-ng leads in with ~60 ms of quiet
        assert 0.74 < seconds < 0.85
    assert str(tags["TALB"]) == "The Lamplighters" and tags.getall("APIC")[0].type == 3


def test_m4b_is_an_audiobook_with_both_chapter_kinds(book):
    m4b = single(book, ".m4b")
    data = m4b.path.read_bytes()
    assert data[4:12] == b"ftypM4B "
    assert b"chpl" in data, "no Nero chapter atom"
    assert b"tref" in data and b"chap" in data, "no QuickTime chapter track"
    import av
    with av.open(str(m4b.path)) as container:
        chapters = container.chapters()
        assert container.streams.audio[0].codec_context.name == "aac"
    assert [c["metadata"]["title"] for c in chapters] == [f.title for f in book.files]
    starts = [float(c["start"] * c["time_base"]) for c in chapters]
    # the M4B's stretches are whole AAC frames (46 ms), the MP3's whole MP3 frames (26 ms): each
    # rounds its stretches apart, so a chapter's two lengths differ by a few frames at most
    assert starts[0] == 0 and abs(starts[1] - book.files[0].duration) < 0.15
    for seconds in speech_starts(m4b.path, m4b.marks):
        assert 0.74 < seconds < 0.85
    tags = MP4(m4b.path).tags
    assert tags["\xa9nam"] == ["The Lamplighters"] and tags["\xa9ART"] == ["Unknown"]
    assert tags["\xa9alb"] == ["The Lamplighters"] and tags["\xa9gen"] == ["Audiobook"]
    assert tags["stik"] == [2] and len(tags["covr"]) == 1


def test_cue_sheets_index_the_chapters(book):
    for suffix in (".mp3", ".m4b"):
        b = single(book, suffix)
        text = b.cue.read_text(encoding="utf-8")
        assert f'FILE "{b.path.name}" {"MP4" if suffix == ".m4b" else "MP3"}' in text
        indexes = re.findall(r"INDEX 01 (\d+):(\d+):(\d+)", text)
        seconds = [int(m) * 60 + int(s) + int(f) / 75 for m, s, f in indexes]
        assert seconds == pytest.approx([start for _t, start, _e in b.marks], abs=1 / 75)


def test_chapter_files_carry_a_generated_front_cover(book):
    from PIL import Image

    pictures = [ID3(f.path).getall("APIC") for f in book.files]
    assert all(len(p) == 1 and p[0].type == 3 and p[0].mime == "image/png" for p in pictures)
    assert Image.open(io.BytesIO(pictures[0][0].data)).size == (1000, 1000)


def test_loudness_peaks_and_room_tone_are_within_acx_ranges(book):
    for path in [f.path for f in book.files] + [b.path for b in book.books]:
        x, rate = decode(path)
        overall = 20 * np.log10(np.sqrt(np.mean(x ** 2)))
        peak = 20 * np.log10(np.abs(x).max())
        assert -23 <= overall <= -18, f"{path.name}: RMS {overall:.1f} dB"
        assert peak <= -3, f"{path.name}: peak {peak:.1f} dB"
    for f in book.files:
        x, rate = decode(f.path)
        head, tail = loud_span(x, rate)
        assert 0.5 <= head <= 1.0 and 1.0 <= tail <= 5.0, (head, tail)


def test_every_voice_is_levelled_to_the_narrator(tmp_path, engine):
    """The same sentence in every voice (narrator, three characters of the sample cast, one
    automatic voice): each within 1 dB RMS of the narrator once levelled."""
    from test_render_e2e import voiced_runs

    line = "The lamps along the quay were lit one by one as the evening fog rolled in"
    story = tmp_path / "levels.txt"
    story.write_text(f"The Test\n\n{line}.\n\n" + "".join(f'{name} said, "{line}."\n\n'
                                                        for name in ("Mara", "Tobias", "Okafor", "Zed")),
                     encoding="utf-8")
    voices = tmp_path / "voices.yaml"
    voices.write_text(VOICES.read_text(encoding="utf-8").replace("speaker: 250", "speaker: 1000")
                      .replace("paragraph: 450", "paragraph: 1000"), encoding="utf-8")
    result = pipeline.render(story, tmp_path / "out", voices, engine=engine)
    x, rate = decode(result.files[0].path)
    runs = voiced_runs(x, rate)
    assert len(runs) == 10, [len(r) / rate for r in runs]  # title, the line, then tag and line four times
    narrator = rms_db(runs[1])
    for spoken in runs[3::2]:
        assert abs(rms_db(spoken) - narrator) <= 1.0, [round(rms_db(r), 1) for r in runs]


def test_acx_profile_is_192k_cbr_at_44k(tmp_path):
    story = tmp_path / "short.txt"
    story.write_text("Chapter 1\n\nThe quay was quiet.\n", encoding="utf-8")
    result = pipeline.render(story, tmp_path / "out", engine=FakeEngine(), engine_spec="fakes:FakeEngine",
                             profile="acx", formats=("mp3", "mp3-single"))
    for path in (result.files[0].path, result.books[0].path):
        frames = mp3_frame_headers(path)
        assert len(frames) > 10 and set(frames) == {(192, 44100)}
        assert MP3(path).info.channels == 1


def test_cover_from_a_file_or_none(tmp_path):
    from PIL import Image

    image = tmp_path / "mine.jpg"
    Image.new("RGB", (64, 64), (200, 10, 10)).save(image, format="JPEG")
    story = tmp_path / "short.txt"
    story.write_text("Chapter 1\n\nThe quay was quiet.\n", encoding="utf-8")
    mine = pipeline.render(story, tmp_path / "a", engine=FakeEngine(), engine_spec="fakes:FakeEngine", cover=image)
    apic = ID3(mine.files[0].path).getall("APIC")[0]
    assert (apic.data, apic.mime, apic.type) == (image.read_bytes(), "image/jpeg", 3)
    bare = pipeline.render(story, tmp_path / "b", engine=FakeEngine(), engine_spec="fakes:FakeEngine", make_cover=False)
    assert ID3(bare.files[0].path).getall("APIC") == []


def test_an_epub_brings_its_own_cover_author_and_year(tmp_path):
    from PIL import Image
    from ebooklib import epub
    from readers.test_read_epub import new_book, page, write

    art = io.BytesIO()
    Image.new("RGB", (80, 120), (10, 90, 30)).save(art, format="PNG")
    epub_book = new_book(title="The Glass Harbour")
    epub_book.add_metadata("DC", "date", "1911-05-02")
    epub_book.set_cover("cover.png", art.getvalue(), create_page=False)
    chapter = page("ch1.xhtml", "<h1>Chapter 1</h1><p>The harbour was quiet.</p>")
    epub_book.add_item(chapter)
    epub_book.add_item(epub.EpubNcx())
    epub_book.spine = [chapter]
    source = tmp_path / "glass.epub"
    write(source, epub_book)
    result = pipeline.render(source, tmp_path / "out", engine=FakeEngine(), engine_spec="fakes:FakeEngine",
                             formats=pipeline.FORMATS)
    tags = ID3(result.files[0].path)
    assert tags.getall("APIC")[0].data == art.getvalue()
    assert str(tags["TDRC"]) == "1911" and str(tags["TPE1"]) == "Anna Vell"
    m4b = MP4(single(result, ".m4b").path).tags
    assert m4b["\xa9day"] == ["1911"] and bytes(m4b["covr"][0]) == art.getvalue()
    assert str(ID3(single(result, ".mp3").path)["TDRC"]) == "1911"  # mutagen reads TYER as TDRC


def test_m4b_needs_no_ffmpeg(tmp_path, monkeypatch):
    """With ffmpeg off the M4B is encoded and muxed by PyAV's own libraries: chapters and tags
    all the same."""
    from audiobook.render.cache import ClipCache, clip_key
    from audiobook.model import Clip, VoiceSettings

    monkeypatch.setenv("AUDIOBOOK_FFMPEG", "0")
    cache = ClipCache(tmp_path / "cache")
    tone = (np.sin(np.arange(22050) * 2 * np.pi * 200 / 22050) * 6000).astype("<i2").tobytes()
    chapters = []
    for n in (1, 2):
        key = clip_key("x", VoiceSettings("v"), f"tone {n}")
        cache.put(key, Clip(tone, 22050))
        chapters.append(ChapterAudio(f"Part {n}", (None, key, None), (750, 0, 1000), (0.0, 0.0, 0.0)))
    written = write_book(BookJob(tmp_path / "b.m4b", "B", "A", None, tuple(chapters)), tmp_path / "cache")
    import av
    with av.open(str(written.path)) as container:
        starts = [float(c["start"] * c["time_base"]) for c in container.chapters()]
        titles = [c["metadata"]["title"] for c in container.chapters()]
    assert titles == ["Part 1", "Part 2"] and starts == pytest.approx([0, 2.75], abs=0.05)
    data = written.path.read_bytes()
    assert data[4:12] == b"ftypM4B " and b"chpl" in data and MP4(written.path).tags["stik"] == [2]
