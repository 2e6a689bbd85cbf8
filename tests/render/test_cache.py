"""The clip cache: keys, atomic writes, unreadable entries, output records and block markers."""
from __future__ import annotations

import os

import pytest

from audiobook.errors import OutputError
from audiobook.model import Clip, VoiceSettings
from audiobook.render.cache import ClipCache, clip_key

V = VoiceSettings("gmw/en-us", 170, 50, 1.0)


def test_the_key_changes_with_engine_voice_and_text_and_nothing_else():
    key = clip_key("espeak-ng 1.52", V, "Hello.")
    assert key == clip_key("espeak-ng 1.52", VoiceSettings("gmw/en-us", 170, 50, 1.0), "Hello.")
    others = {clip_key("espeak-ng 1.51", V, "Hello."), clip_key("espeak-ng 1.52", VoiceSettings("gmw/en-us", 171), "Hello."),
              clip_key("espeak-ng 1.52", V, "Hello!"), clip_key("espeak-ng 1.52", VoiceSettings("gmw/en-us", 170, 50, 0.9),
                                                                "Hello.")}
    assert key not in others and len(others) == 4


def test_a_clip_comes_back_as_it_went_in_and_leaves_no_temporary_file(tmp_path):
    cache = ClipCache(tmp_path)
    clip = Clip(bytes(range(256)) * 10, 22050)
    key = clip_key("e", V, "x")
    assert cache.get(key) is None and not cache.has(key)
    cache.put(key, clip)
    assert cache.has(key) and cache.get(key) == clip
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{key}.clip"]


def test_clips_are_stored_compactly_and_losslessly(tmp_path, engine):
    clip = engine.synthesize("The lamps along the quay were lit one by one, as the fog came in.",
                             VoiceSettings("gmw/en-us"))
    cache = ClipCache(tmp_path)
    cache.put("k1", clip)
    assert cache.get("k1") == clip
    assert cache.path("k1").stat().st_size < 0.75 * len(clip.pcm)


def test_clips_an_older_version_stored_as_wav_are_read(tmp_path):
    import wave

    cache = ClipCache(tmp_path)
    cache.wav_path("k1").parent.mkdir(parents=True)
    with wave.open(str(cache.wav_path("k1")), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(22050)
        wav.writeframes(bytes(range(200)))
    assert cache.has("k1") and cache.get("k1") == Clip(bytes(range(200)), 22050)


def test_an_unreadable_clip_is_missing_so_it_is_made_again(tmp_path):
    cache = ClipCache(tmp_path)
    key = clip_key("e", V, "x")
    cache.put(key, Clip(bytes(4000), 22050))
    cache.path(key).write_bytes(cache.path(key).read_bytes()[:-5])  # cut short
    assert cache.get(key) is None
    cache.path(key).unlink()
    cache.wav_path(key).write_bytes(b"RIFF....WAVEfmt half written")
    assert cache.get(key) is None


def test_bytes_are_kept_by_kind(tmp_path):
    cache = ClipCache(tmp_path)
    cache.put_bytes("stretches", "ab12", b"frames")
    assert cache.get_bytes("stretches", "ab12") == b"frames"
    assert cache.get_bytes("other", "ab12") is None


def test_a_cache_that_cannot_be_written_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ClipCache(blocker / "cache")
    with pytest.raises(OutputError) as err:
        cache.put_bytes("stretches", "ab12", b"x")
    assert str(err.value) == (f"{blocker / 'cache'}: cannot write the clip cache (Not a directory); "
                              "check its permissions or choose another folder with --cache")


def test_an_output_is_recalled_only_while_the_file_is_untouched(tmp_path):
    cache = ClipCache(tmp_path / "cache")
    out = tmp_path / "01.mp3"
    out.write_bytes(b"audio")
    cache.remember_output("job1", out, {"duration": 1.5})
    assert cache.recall_output("job1") == {"duration": 1.5}
    assert cache.recall_output("job2") is None
    out.write_bytes(b"other audio")
    assert cache.recall_output("job1") is None
    out.unlink()
    assert cache.recall_output("job1") is None


def test_a_block_marker_holds_its_sequence_until_the_block_ends(tmp_path):
    cache = ClipCache(tmp_path)
    assert cache.interrupted_block("f1") is None
    cache.begin_block("f1", [(0, True), (2, False)])
    assert cache.interrupted_block("f1") == [(0, True), (2, False)]
    cache.end_block("f1")
    assert cache.interrupted_block("f1") is None


def test_a_voice_without_a_speaker_keys_as_before_speakers_existed():
    """Clips cached before voices had speakers stay valid: an unset field is not in the key."""
    import hashlib
    import json

    old = hashlib.sha256(json.dumps([1, "e", {"voice": "gmw/en-us", "rate": 170, "pitch": 50, "volume": 1.0}, "Hi."],
                                    ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    assert clip_key("e", V, "Hi.") == old
    assert clip_key("e", VoiceSettings("gmw/en-us", 170, 50, 1.0, speaker="3"), "Hi.") != old


def test_engine_specs_carry_options_to_worker_processes():
    from audiobook.render.engine import engine_spec, load_engine

    spec = engine_spec("fakes:FakeEngine")
    assert spec == "fakes:FakeEngine" and load_engine(spec).identity == "fake 1"
    assert engine_spec("m:f", voice_dir="/a b/c&d", other=None) == "m:f?voice_dir=%2Fa%20b%2Fc%26d"
