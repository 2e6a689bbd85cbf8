"""The command line: help with examples, exact one-line errors, no tracebacks."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from audiobook.cli import main
from conftest import SAMPLE


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_every_command_has_help_with_an_example():
    assert "Example: audiobook" in run("--help").output
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "Example: audiobook " + name in result.output, f"{name} --help shows no example"


def test_missing_source_is_one_line_naming_the_file(tmp_path):
    missing = tmp_path / "nope.txt"
    for command in ("script", "render"):
        result = run(command, str(missing))
        assert result.exit_code == 1
        assert result.output == f"Error: {missing}: no such file; check the path\n"


def test_a_folder_as_source(tmp_path):
    result = run("script", str(tmp_path))
    assert result.output == f"Error: {tmp_path}: is a folder; give a story file (.txt, .md, .html, .epub)\n"


def test_empty_and_binary_sources(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    assert run("script", str(empty)).output == f"Error: {empty}: the file is empty; give a file with story text\n"
    assert run("script", str(png)).output == (
        f"Error: {png}: looks like a binary file, not text; give a .txt, .md, .html or .epub story\n")


def test_bad_voices_file_stops_before_any_audio(tmp_path):
    voices = tmp_path / "voices.yaml"
    voices.write_text("narrator:\n  voice: gmw/en-us\n  rate: -5\n")
    result = run("render", str(SAMPLE), "-o", str(tmp_path / "out"), "--voices", str(voices))
    assert result.exit_code == 1
    assert result.output == f"Error: {voices}:3: narrator.rate: -5 is out of range; use 80 to 450\n"
    assert not (tmp_path / "out").exists()


def test_script_json_goes_to_stdout_alone():
    result = subprocess.run([sys.executable, "-m", "audiobook", "script", str(SAMPLE), "--format", "json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == 1 and data["source"] == SAMPLE.name


@pytest.mark.parametrize("fmt", ["text", "table"])
def test_script_views(fmt):
    result = run("script", str(SAMPLE), "--format", fmt)
    assert result.exit_code == 0 and result.output.strip()


def test_cast_command_creates_then_keeps_the_file(tmp_path):
    voices = tmp_path / "voices.yaml"
    result = run("cast", str(SAMPLE), "--voices", str(voices))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{voices}: ")
    assert "added (" in result.output
    text = voices.read_text(encoding="utf-8")
    assert "Mara" in text and "lines" in text
    voices.write_text(text.replace("narrator:", "# my note\nnarrator:"), encoding="utf-8")
    again = run("cast", str(SAMPLE), "--voices", str(voices))
    assert again.output.endswith(", 0 added\n")
    assert "# my note" in voices.read_text(encoding="utf-8")


def test_voices_command_lists_english_voices_and_variants():
    result = run("voices", "--lang", "en")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines() if line.startswith("gmw/")]
    assert "gmw/en-us" in ids and "gmw/en-gb-x-rp" in ids
    assert not any(i.startswith("roa/") for i in ids)
    assert "variants (voice+variant" in result.output and " f3 " in result.output


def test_preview_command_writes_a_sample(tmp_path):
    out = tmp_path / "mara.mp3"
    from conftest import VOICES
    result = run("preview", "--voices", str(VOICES), "--character", "Mara", "-o", str(out), "Hold it steady.")
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}\n"
    from mutagen.mp3 import MP3
    assert 0.8 < MP3(out).info.length < 4


def test_preview_of_an_unknown_character_names_the_file(tmp_path):
    from conftest import VOICES
    result = run("preview", "--voices", str(VOICES), "--character", "Nobody", "-o", str(tmp_path / "x.mp3"))
    assert result.exit_code == 1
    assert result.output == (f"Error: {VOICES}: no voice for 'Nobody' under characters; "
                             "known: Mara, Okafor, Tobias (or use narrator)\n")


def test_voices_shows_gender_and_language_and_variants_by_gender():
    lines = run("voices", "--lang", "en-us").output.splitlines()
    assert lines[0].split() == ["gmw/en-us", "male", "en-us", "English", "(America)"]
    female = next(line for line in lines if line.startswith("female variants"))
    male = next(line for line in lines if line.startswith("male variants"))
    assert female.startswith("female variants (voice+variant, e.g. gmw/en-us+f1): ")
    assert {"f1", "f3", "f5"} <= set(female.split()) and not {"m1", "m3"} & set(female.split())
    assert {"m1", "m3", "m8"} <= set(male.split()) and not {"f1", "f3"} & set(male.split())


def test_voices_for_a_language_without_one_says_so():
    result = CliRunner().invoke(main, ["voices", "--lang", "xx"])
    assert result.exit_code == 1
    assert result.output == "Error: no voice for the language 'xx'; `audiobook voices` lists every voice\n"


def test_preview_samples_any_voice_as_typed(tmp_path):
    from audio import decode, median_pitch

    pitches = {}
    for voice in ("en-us+f3", "en-us+m3"):
        out = tmp_path / f"{voice}.mp3"
        result = run("preview", "--voice", voice, "-o", str(out), "The lamps were lit one by one along the quay.")
        assert result.output == f"wrote {out}\n"
        x, rate = decode(out)
        pitches[voice] = median_pitch(x, rate)
    assert pitches["en-us+f3"] > 1.3 * pitches["en-us+m3"]
    result = run("preview", "--voice", "englsh", "-o", str(tmp_path / "x.mp3"))
    assert result.exit_code == 1 and result.output.startswith("Error: --voice: unknown voice 'englsh'; did you mean gmw/en ")
    result = CliRunner().invoke(main, ["preview", "-o", str(tmp_path / "y.mp3")])
    assert result.exit_code == 2 and result.output.endswith("Error: give --character NAME or --voice VOICE (one of them)\n")
