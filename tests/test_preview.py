"""Previews: voices.yaml settings, pronunciations and speech-verb prosody, measured on the audio."""
from __future__ import annotations

import pytest

from audio import decode, median_pitch, rms_db, samples
from audiobook.errors import ConfigError
from audiobook.model import VoiceSettings
from audiobook.render.plan import apply_prosody
from audiobook.pipeline import render_preview
from audiobook.casting.schema import DEFAULT_PROSODY

TEXT = "The lamps along the quay were lit one by one as the evening fog rolled in."


def preview(tmp_path, engine, name, yaml, text=TEXT):
    voices = tmp_path / f"{name}.yaml"
    voices.write_text(yaml, encoding="utf-8")
    return render_preview("Mara", voices, text, tmp_path / f"{name}.mp3", engine=engine)


def measured(path):
    x, rate = decode(path)
    voiced = x[abs(x) > 0.01]
    return {"seconds": len(x) / rate, "db": rms_db(x), "hz": median_pitch(x, rate), "voiced": len(voiced) / rate}


def mara(**settings):
    fields = "".join(f"    {k}: {v}\n" for k, v in settings.items())
    return f"characters:\n  Mara:\n    voice: gmw/en-us\n{fields}"


def test_pitch_rate_and_volume_from_voices_yaml_take_effect(tmp_path, engine):
    low = measured(preview(tmp_path, engine, "low", mara(pitch=15)))
    high = measured(preview(tmp_path, engine, "high", mara(pitch=85)))
    slow = measured(preview(tmp_path, engine, "slow", mara(rate=110)))
    fast = measured(preview(tmp_path, engine, "fast", mara(rate=320)))
    quiet = measured(preview(tmp_path, engine, "quiet", mara(volume=0.35)))
    loud = measured(preview(tmp_path, engine, "loud", mara(volume=1.0)))
    assert high["hz"] > 1.4 * low["hz"]
    assert fast["voiced"] < 0.55 * slow["voiced"]
    assert loud["db"] - quiet["db"] > 7


def test_pronunciations_change_what_is_spoken(tmp_path, engine):
    """espeak-ng keeps some state from clip to clip, so equal texts agree to a fraction of a
    percent, not to the sample: compare lengths."""
    def seconds(name, yaml, text):
        x, rate = decode(preview(tmp_path, engine, name, yaml, text))
        return len(x) / rate

    plain = seconds("plain", mara(), "Hermione waved.")
    respelled = seconds("respelled", mara(), "her-MY-oh-nee waved.")
    with_table = seconds("table", mara() + "pronunciations:\n  Hermione: her-MY-oh-nee\n", "Hermione waved.")
    assert abs(with_table - respelled) < 0.01 * respelled
    assert abs(with_table - plain) > 0.05 * plain


def test_shouted_and_whispered_quotes_sound_so(engine):
    voice = VoiceSettings("gmw/en-us", rate=170, pitch=50, volume=0.8)
    text = "Get away from the edge of the water right now."
    plain = samples(engine.synthesize(text, voice).pcm)
    shout = samples(engine.synthesize(text, apply_prosody(voice, DEFAULT_PROSODY["shouted"])).pcm)
    whisper = samples(engine.synthesize(text, apply_prosody(voice, DEFAULT_PROSODY["whispered"])).pcm)
    assert rms_db(shout) > rms_db(plain) + 2
    assert len(shout) < 0.95 * len(plain)
    assert rms_db(whisper) < rms_db(plain) - 2
    assert median_pitch(shout, 22050) > median_pitch(plain, 22050)


def test_preview_of_an_unknown_character(tmp_path, engine):
    voices = tmp_path / "voices.yaml"
    voices.write_text(mara(), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        render_preview("Bob", voices, None, tmp_path / "x.mp3", engine=engine)
    assert str(err.value) == f"{voices}: no voice for 'Bob' under characters; known: Mara (or use narrator)"
    assert not (tmp_path / "x.mp3").exists()


def test_play_uses_a_player_found_on_path(tmp_path, monkeypatch):
    from audiobook.output.player import play

    log = tmp_path / "played"
    player = tmp_path / "mpg123"
    player.write_text(f"#!/bin/sh\necho \"$@\" > {log}\n")
    player.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    play(tmp_path / "sample.mp3")
    assert log.read_text().split() == ["-q", str(tmp_path / "sample.mp3")]


def test_play_without_a_player_says_so(tmp_path, monkeypatch):
    from audiobook.errors import AudiobookError
    from audiobook.output.player import play

    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(AudiobookError) as err:
        play(tmp_path / "sample.mp3")
    assert str(err.value) == (f"no audio player found (mpv, ffplay, mpg123, afplay, cvlc); "
                              f"open {tmp_path / 'sample.mp3'} yourself")
