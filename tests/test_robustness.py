"""Bad input and bad places: one-line errors with the right exit code, no traceback, no broken files."""
from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from audiobook import pipeline
from audiobook.cli import main
from audiobook.errors import EngineError
from conftest import SAMPLE, VOICES
from fakes import FakeEngine


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_usage_errors_exit_with_2():
    assert run("render").exit_code == 2
    result = run("script", SAMPLE, "--format", "bogus")
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.output


def test_text_with_no_letters(tmp_path):
    source = tmp_path / "numbers.txt"
    source.write_text("12 345 -- 678 !!! ...\n", encoding="utf-8")
    result = run("script", source)
    assert (result.exit_code, result.output) == (1, f"Error: {source}: has no letters to read; give a file with story text\n")


def test_a_huge_book_meets_a_clear_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_TEXT_CHARS", 1_000_000)
    source = tmp_path / "huge.txt"
    source.write_text("word " * 300_000, encoding="utf-8")  # one paragraph of 1.5 million characters
    result = run("script", source)
    assert result.exit_code == 1
    assert result.output == (f"Error: {source}: has 2 million characters, more than the 1 million a book may have; "
                             "split it into parts and render each\n")


def test_a_long_single_paragraph_is_parsed(tmp_path):
    source = tmp_path / "one-paragraph.txt"
    source.write_text('The fog rolled in, "and nobody came," said Mara. ' * 20_000, encoding="utf-8")
    result = run("script", source, "--format", "json")
    assert result.exit_code == 0
    segments = [s for c in json.loads(result.stdout)["chapters"] for s in c["segments"]]
    assert sum(s["kind"] == "dialogue" for s in segments) == 20_000


def test_an_output_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run("render", SAMPLE, "-o", blocker / "out", "--voices", VOICES)
    assert result.exit_code == 1
    assert result.output == (f"Error: {blocker / 'out'}: cannot write there (Not a directory); "
                             "choose another folder with -o\n")


def test_unexpected_errors_are_one_line(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(pipeline, "parse_source", broken)
    result = run("script", SAMPLE)
    assert result.exit_code == 1
    assert result.output == ("Error: unexpected internal error (ValueError: boom); run again with AUDIOBOOK_DEBUG=1 "
                             "to see where, and please report it\n")


def test_a_clip_that_cannot_be_made_names_its_line(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text('Chapter 1\n\nThe quay was quiet.\n\n"FAIL now," said Mara.\n', encoding="utf-8")
    with pytest.raises(EngineError) as err:
        pipeline.render(source, tmp_path / "out", engine=FakeEngine(), engine_spec="fakes:FakeEngine")
    assert str(err.value) == f"{source}:5: the engine failed on this line (chapter 1) after several tries: fake failure"
    assert list((tmp_path / "out" / "story").iterdir()) == []


def test_a_book_without_dialogue_renders_as_narration(tmp_path):
    source = tmp_path / "quiet.txt"
    source.write_text("Chapter 1\n\nThe quay was quiet.\n\nNobody spoke all night.\n", encoding="utf-8")
    result = pipeline.render(source, tmp_path / "out", engine=FakeEngine(), engine_spec="fakes:FakeEngine")
    assert len(result.files) == 1 and result.files[0].duration > 0.2


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here to fill: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_reported_and_leaves_no_file(tmp_path, tiny_disk):
    result = run("render", SAMPLE, "-o", tiny_disk, "--voices", VOICES, "--cache", tmp_path / "cache", "-q")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tiny_disk / 'the-lamplighters'}/0")
    assert result.output.endswith(": cannot be written (No space left on device); check the free space and permissions\n")
    assert [p.name for p in (tiny_disk / "the-lamplighters").iterdir()] == []


def test_a_hostile_chapter_title_stays_inside_the_output_folder(tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text("Chapter 1: ../../etc/passwd\n\nThe quay was quiet.\n\n"
                      "Chapter 2: ..\n\nStill quiet.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = pipeline.render(source, out, engine=FakeEngine(), engine_spec="fakes:FakeEngine")
    names = [f.path.name for f in result.files]
    assert names == ["01 - Chapter 1 etc passwd.mp3", "02 - Chapter 2.mp3"]
    assert all(f.path.resolve().parent == (out / "hostile").resolve() for f in result.files)
