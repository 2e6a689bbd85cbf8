"""Subtitles, the read-along EPUB, and the book's metadata in tags, checked on a real render:
cue times against the speech decoded from each file, the EPUB against its own parts and
epubcheck."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp4 import MP4

from audio import decode
from audiobook import pipeline
from audiobook.model import BookInfo
from conftest import SAMPLE, VOICES

META = BookInfo(narrator="Ann Reed", series="Quay Street", series_index="1", year="1921",
                       description="A lamplighter's last night on the river.\n\nAnd what the river kept.")
CHAPTER_1 = "01 - Chapter 1 The Last Lamp on Quay Street"
STAMP = re.compile(r"(\d+):(\d\d):(\d\d)[.,](\d{3}) --> (\d+):(\d\d):(\d\d)[.,](\d{3})")


@pytest.fixture(scope="module")
def book(tmp_path_factory, engine):
    out = tmp_path_factory.mktemp("readalong")
    return pipeline.render(SAMPLE, out, VOICES, engine=engine, formats=pipeline.ALL_FORMATS, metadata=META,
                           subtitles=True)


def cue_times(path: Path) -> list[tuple[float, float]]:
    """(start, end) seconds of every cue of an .srt or .vtt file."""
    out = []
    for m in STAMP.finditer(path.read_text(encoding="utf-8")):
        g = [int(v) for v in m.groups()]
        out.append((g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000, g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000))
    return out


def audio_files(book) -> list[tuple[Path, Path]]:
    """Every audio file of the render with its .vtt."""
    pairs = [(f.path, f.path.with_suffix(".vtt")) for f in book.files]
    return pairs + [(b.path, b.path.with_name(b.path.name + ".vtt")) for b in book.books]


def envelope(x: np.ndarray, rate: int) -> np.ndarray:
    width = int(rate * 0.005)
    return np.sqrt(np.convolve(x ** 2, np.ones(width) / width, mode="same"))


#: Level (5 ms RMS, about -46 dBFS) above which the decoded audio counts as speech.
SPEECH = 0.005


def test_subtitles_beside_every_audio_file(book):
    names = {p.name for p in book.subtitles}
    for audio, vtt in audio_files(book):
        assert vtt.name in names and vtt.with_suffix(".srt").name in names, audio.name
    assert len(book.subtitles) == 2 * (len(book.files) + len(book.books)) == 8


def test_cues_start_and_end_where_the_speech_does(book):
    """After every pause the decoded speech begins within 25 ms of its cue's start (one MP3
    frame; 50 ms is the requirement). Its end is less sharp (speech fades out over tens of
    milliseconds, so where it ends depends on the level taken): within 150 ms."""
    for audio, vtt in audio_files(book):
        x, rate = decode(audio)
        env = envelope(x, rate)
        cues = cue_times(vtt)
        starts, ends = [], []
        for (_s0, e0), (s1, e1) in zip(cues, cues[1:]):
            if s1 - e0 < 0.2:
                continue
            gap = env[int((e0 + 0.05) * rate):int((s1 + 0.3) * rate)]
            starts.append(e0 + 0.05 + np.argmax(gap > SPEECH) / rate - s1)
            tail = env[int((e0 - 0.3) * rate):int((s1 - 0.05) * rate)]
            ends.append(e0 - 0.3 + (len(tail) - np.argmax(tail[::-1] > SPEECH)) / rate - e0)
        assert len(starts) >= (15 if audio.name[0].isdigit() else 35), audio.name
        assert max(map(abs, starts)) < 0.025, (audio.name, starts)
        assert max(map(abs, ends)) < 0.15, (audio.name, ends)


def test_vtt_names_each_speaker_and_srt_has_the_same_cues(book):
    vtt = book.folder / f"{CHAPTER_1}.vtt"
    srt = book.folder / f"{CHAPTER_1}.srt"
    text = vtt.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\n1\n00:00:00.7")
    assert "<v Narrator>Chapter 1: The Last Lamp on Quay Street</v>" in text
    assert "<v Okafor>\"You're late again,\"</v>" in text
    voices = set(re.findall(r"<v ([^>]+)>", text))
    assert "Narrator" in voices and len(voices) >= 3
    assert cue_times(srt) == cue_times(vtt)
    words = [line for line in srt.read_text(encoding="utf-8").splitlines() if line and not line[0].isdigit()]
    assert words == re.findall(r"<v [^>]+>(.*)</v>", text)


def test_tags_carry_narrator_series_description_and_year(book):
    chapter = ID3(book.files[0].path)
    single = ID3(next(b.path for b in book.books if b.path.suffix == ".mp3"))
    for tags in (chapter, single):
        assert str(tags["TCOM"]) == "Ann Reed" and str(tags["TDRC"]) == "1921"  # TYER, read back as TDRC
        assert str(tags["TXXX:series"]) == "Quay Street" and str(tags["TXXX:series-part"]) == "1"
        assert str(tags["MVNM"]) == "Quay Street" and str(tags["MVIN"]) == "1"
        assert tags.getall("COMM")[0].text[0] == META.description
        assert str(tags["TXXX:description"]) == META.description
        assert "TPE2" not in tags  # the sample has no author: no album artist rather than "Unknown"
    m4b = MP4(next(b.path for b in book.books if b.path.suffix == ".m4b")).tags
    assert m4b["\xa9wrt"] == ["Ann Reed"] and m4b["\xa9mvn"] == ["Quay Street"] and m4b["\xa9mvi"] == [1]
    assert bytes(m4b["----:com.apple.iTunes:SERIES"][0]) == b"Quay Street"
    assert m4b["ldes"] == [META.description] and m4b["\xa9day"] == ["1921"]


def test_files_beside_the_chapters(book):
    assert (book.folder / "reader.txt").read_text(encoding="utf-8") == "Ann Reed\n"
    assert (book.folder / "desc.txt").read_text(encoding="utf-8") == META.description + "\n"
    assert (book.folder / "cover.jpg").read_bytes()[:3] == b"\xff\xd8\xff"


def epub_parts(book) -> dict[str, bytes]:
    with zipfile.ZipFile(book.epub) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_epub_container_mimetype_first_and_stored(book):
    with zipfile.ZipFile(book.epub) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert book.epub.read_bytes()[30:58] == b"mimetypeapplication/epub+zip"


def test_epub_overlays_point_every_clip_at_its_time_in_the_chapter_audio(book):
    parts = epub_parts(book)
    opf = parts["OEBPS/content.opf"].decode()
    assert '<meta property="media:active-class">-epub-media-overlay-active</meta>' in opf
    durations = dict(re.findall(r'<meta property="media:duration" refines="#mo-(c\d+)">([\d:.]+)</meta>', opf))
    total = re.search(r'<meta property="media:duration">([\d:.]+)</meta>', opf).group(1)

    def seconds(clock):
        h, m, s = clock.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    assert sorted(durations) == ["c001", "c002"]
    assert seconds(total) == pytest.approx(sum(map(seconds, durations.values())), abs=0.0015)
    for number, (name, chapter) in enumerate(zip(sorted(durations), book.files), start=1):
        assert seconds(durations[name]) == pytest.approx(chapter.duration, abs=0.001)
        # the audio is the chapter file's frames, without its tags
        audio = parts[f"OEBPS/audio/{name}.mp3"]
        assert chapter.path.read_bytes().endswith(audio)
        smil = parts[f"OEBPS/{name}.smil"].decode()
        xhtml = parts[f"OEBPS/{name}.xhtml"].decode()
        pars = re.findall(r'<text src="' + name + r'\.xhtml#(s\d+)"/><audio src="audio/' + name +
                          r'\.mp3" clipBegin="([\d.]+)s" clipEnd="([\d.]+)s"/>', smil)
        times = cue_times(chapter.path.with_suffix(".vtt"))
        assert len(pars) == len(times) == smil.count("<par ")
        for (span, begin, end), (start, stop) in zip(pars, times):
            assert f'<span id="{span}">' in xhtml
            assert abs(float(begin) - start) < 0.0015 and abs(float(end) - stop) < 0.0015
    chapter_1 = parts["OEBPS/c001.xhtml"].decode()
    assert ('<h1><span id="s1">The Lamplighters</span></h1>\n'
            '<h1><span id="s2">Chapter 1: The Last Lamp on Quay Street</span></h1>\n<p><span id="s3">The fog came off'
            in chapter_1)
    assert '<p><span id="s6">"The fog\'s early,"</span> <span id="s7">Mara said.</span> ' in chapter_1
    nav = parts["OEBPS/nav.xhtml"].decode()
    assert [t for t in re.findall(r'\.xhtml">([^<]+)</a>', nav)] == [f.title for f in book.files]
    assert "<dc:contributor id=\"narrator\">Ann Reed</dc:contributor>" in opf
    assert '<meta refines="#series" property="group-position">1</meta>' in opf
    assert 'properties="cover-image"' in opf


def epubcheck() -> list[str]:
    """How to run epubcheck here: the Debian jar with java (its /usr/bin wrapper needs binfmt
    support that containers often lack), else an epubcheck on PATH; [] when there is none."""
    jar = Path("/usr/share/java/epubcheck.jar")
    if jar.is_file() and shutil.which("java"):
        return ["java", "-jar", str(jar)]
    return ["epubcheck"] if shutil.which("epubcheck") else []


def test_epub_passes_epubcheck(book):
    command = epubcheck()
    if not command:
        pytest.skip("epubcheck is not installed (apt-get install epubcheck)")
    done = subprocess.run(command + [str(book.epub)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No errors or warnings detected." in done.stdout


def test_same_input_same_bytes(book, tmp_path, engine):
    again = pipeline.render(SAMPLE, tmp_path, VOICES, engine=engine, formats=("mp3", "epub"), metadata=META,
                            subtitles=True, cache_dir=book.folder.parent / ".audiobook-cache")
    assert again.epub.read_bytes() == book.epub.read_bytes()
    for path in again.subtitles + [f.path for f in again.files]:
        assert path.read_bytes() == (book.folder / path.name).read_bytes(), path.name
