"""End to end: the real parser, engine, encoder and tags, checked on the files written."""
from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from audio import decode, median_pitch
from audiobook.cli import main
from audiobook.pipeline import render
from conftest import SAMPLE, VOICES


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory, engine):
    out = tmp_path_factory.mktemp("out")
    return render(SAMPLE, out, voices=VOICES, engine=engine)


def test_one_tagged_mp3_per_chapter(sample_book):
    names = [f.path.name for f in sample_book.files]
    assert names == ["01 - Chapter 1 The Last Lamp on Quay Street.mp3", "02 - Chapter 2 What the River Kept.mp3"]
    assert sample_book.folder.name == "the-lamplighters"
    for number, f in enumerate(sample_book.files, start=1):
        tags = ID3(f.path)
        assert str(tags["TIT2"]) == f.title
        assert str(tags["TALB"]) == "The Lamplighters"
        assert str(tags["TPE1"]) == "Unknown"
        assert str(tags["TRCK"]) == f"{number}/2"
        assert str(tags["TCON"]) == "Audiobook"
        assert "TDRC" not in tags  # no dates: the same input gives the same bytes


def test_audio_is_real_speech_of_the_planned_length(sample_book):
    for f in sample_book.files:
        info = MP3(f.path).info
        assert info.channels == 1 and info.sample_rate == 22050 and info.bitrate == 64000
        x, rate = decode(f.path)
        assert abs(len(x) / rate - f.duration) < 0.15
        assert abs(info.length - f.duration) < 0.15
        assert f.duration > 20
        loud = np.abs(x) > 0.02
        assert loud.mean() > 0.2, "mostly silence"


def test_no_partial_files_are_left(sample_book):
    assert sorted(p.name for p in sample_book.folder.iterdir()) == sorted(
        [f.path.name for f in sample_book.files] + ["cover.jpg", "playlist.m3u8"])


def voiced_runs(x, rate, gap_s=0.6):
    """Stretches of sound separated by at least ``gap_s`` of silence."""
    frame = int(0.02 * rate)
    energy = np.sqrt(np.add.reduceat(x**2, np.arange(0, len(x), frame)) / frame)
    loud = energy > 0.01
    runs, start, quiet = [], None, 0
    for i, on in enumerate(loud):
        if on:
            if start is None:
                start = i
            quiet = 0
        elif start is not None:
            quiet += 1
            if quiet * 0.02 >= gap_s:
                runs.append(x[start * frame:(i - quiet + 1) * frame])
                start = None
    if start is not None:
        runs.append(x[start * frame:])
    return runs


def test_narrator_and_each_character_sound_different(tmp_path, engine):
    story = tmp_path / "voices-test.txt"
    story.write_text('The Test\n\n"We should have gone home an hour ago," said Mara.\n\n'
                     '"But the lamps are not finished yet," said Tobias.\n', encoding="utf-8")
    voices = tmp_path / "voices.yaml"
    voices.write_text(VOICES.read_text(encoding="utf-8").replace("speaker: 250", "speaker: 1000")
                      .replace("paragraph: 450", "paragraph: 1000"), encoding="utf-8")
    result = render(story, tmp_path / "out", voices=voices, engine=engine)
    x, rate = decode(result.files[0].path)
    runs = voiced_runs(x, rate)
    # title, Mara's line, "said Mara.", Tobias's line, "said Tobias."
    assert len(runs) == 5, [len(r) / rate for r in runs]
    pitch = [median_pitch(r, rate) for r in runs]
    narrator, mara, tobias = np.mean([pitch[0], pitch[2], pitch[4]]), pitch[1], pitch[3]
    assert mara > 1.2 * narrator and tobias > 1.2 * narrator
    assert abs(mara - tobias) > 0.1 * min(mara, tobias), pitch


def test_render_command_says_where_it_wrote(tmp_path):
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path), "--voices", str(VOICES)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "the-lamplighters"
    assert f"and playlist.m3u8 to {folder}" in result.output
    assert len(list(folder.glob("*.mp3"))) == 2
