"""Errors people meet outside the book itself, each one exact line: a preview that cannot be
played, a voices.yaml indented with tabs, a cache folder that cannot be written."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from audiobook.cli import main
from conftest import SAMPLE, VOICES


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def fake_player(folder, script):
    player = folder / "mpv"
    player.write_text("#!/bin/sh\n" + script)
    player.chmod(0o755)


def test_play_without_a_sound_device_is_one_line(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_player(bin_dir, "echo 'ALSA lib confmisc.c:855:(parse_card) cannot find card 0' >&2\n"
                         "echo '[ao/alsa] Playback open error: No such file or directory' >&2\nexit 2\n")
    monkeypatch.setenv("PATH", f"{bin_dir}")
    out = tmp_path / "mara.mp3"
    result = run("preview", "--voices", str(VOICES), "-c", "Mara", "-o", str(out), "--play", "Hold it.")
    assert result.exit_code == 1
    assert result.output == (f"wrote {out}\nError: mpv could not play {out} (no sound device?); "
                             "the sample is written, open it on a machine with sound\n")


def test_play_that_reports_no_device_but_exits_0_is_an_error_too(tmp_path, monkeypatch):
    from audiobook.errors import AudiobookError
    from audiobook.output.player import play

    fake_player(tmp_path, "echo 'Could not open/initialize audio device -> no sound.' >&2\nexit 0\n")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(AudiobookError) as err:
        play(tmp_path / "x.mp3")
    assert str(err.value) == (f"mpv could not play {tmp_path / 'x.mp3'} (no sound device?); the sample is "
                              "written, open it on a machine with sound")


@pytest.mark.parametrize("text, where", [("narrator:\n\tvoice: gmw/en-us\n", "2:1"),
                                         ("narrator:\n  voice: gmw/en-us\n  \trate: 100\n", "3:3")])
def test_a_tab_in_voices_yaml_says_to_indent_with_spaces(tmp_path, text, where):
    voices = tmp_path / "voices.yaml"
    voices.write_text(text)
    result = run("cast", str(SAMPLE), "--voices", str(voices))
    assert (result.exit_code, result.output) == (
        1, f"Error: {voices}:{where}: a tab in the indentation; indent with spaces, as YAML requires\n")


def test_a_cache_folder_that_cannot_be_written_says_so(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run("render", str(SAMPLE), "-o", str(tmp_path / "out"), "--cache", str(blocker / "cache"))
    assert result.exit_code == 1
    assert result.output == (f"Error: {blocker / 'cache'}: cannot write the clip cache there (Not a directory); "
                             "choose another folder with --cache\n")
    assert not any((tmp_path / "out").rglob("*.mp3"))
