"""Text to Piper phonemes through the project's espeak-ng, and how it shares espeak-ng with pyttsx3."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from audiobook.errors import EngineError
from audiobook.model import VoiceSettings
from audiobook.render.piper.phonemes import phoneme_ids, phonemize

import numpy as np


def audio_rms(pcm: bytes) -> float:
    return float(np.sqrt(np.mean(np.frombuffer(pcm, dtype="<i2").astype(np.float64) ** 2)))

ROOT = Path(__file__).resolve().parents[3]

ID_MAP = {"_": [0], "^": [1], "$": [2], " ": [3], ".": [10], "a": [14], "b": [15], "ɪ": [74, 75]}


def test_ids_have_bos_pad_after_every_phoneme_and_eos():
    ids, missing = phoneme_ids("ab a.", ID_MAP)
    assert ids == [1, 0, 14, 0, 15, 0, 3, 0, 14, 0, 10, 0, 2]
    assert missing == set()


def test_ids_keep_multi_id_phonemes_and_drop_unknown_ones():
    ids, missing = phoneme_ids("ɪxa", ID_MAP)
    assert ids == [1, 0, 74, 75, 0, 14, 0, 2]
    assert missing == {"x"}




@pytest.mark.engine
def test_known_sentence():
    assert phonemize("This is a test.", "en-us") == [unicodedata.normalize("NFD", "ðɪs ɪz ɐ tˈɛst.")]


@pytest.mark.engine
def test_clause_punctuation_is_kept_and_sentences_split():
    sentences = phonemize("Well, I suppose so: one; two. Are you sure? Yes!", "en-us")
    assert len(sentences) == 3, sentences
    first, second, third = sentences
    assert first.count(", ") == 1 and ": " in first and "; " in first and first.endswith(".")
    assert second.endswith("?") and third.endswith("!")


@pytest.mark.engine
def test_closing_quote_after_the_mark():
    assert [s[-1] for s in phonemize('"Why?" he asked. "Go!"', "en-us")] == ["?", ".", "!"]


@pytest.mark.engine
def test_title_abbreviation_and_initial_do_not_end_the_sentence():
    sentences = phonemize("Mr. Holmes met Dr. Watson and A. Conan Doyle. Then he left.", "en-us")
    assert len(sentences) == 2, sentences
    assert sentences[0].startswith("mˈɪstɚ hˈoʊmz")


@pytest.mark.engine
def test_a_short_word_before_a_stop_still_ends_the_sentence():
    assert len(phonemize('"No." He left. So did I. Then we ate.', "en-us")) == 4


@pytest.mark.engine
def test_text_without_final_punctuation_and_paragraphs():
    sentences = phonemize("One line.\n\nA second paragraph without a stop", "en-us")
    assert len(sentences) == 2
    assert sentences[0].endswith(".") and sentences[1][-1].isalpha()


@pytest.mark.engine
def test_output_is_nfd():
    for sentence in phonemize("Café naïve, the façade.", "en-us"):
        assert sentence == unicodedata.normalize("NFD", sentence)


@pytest.mark.engine
def test_empty_text():
    assert phonemize("", "en-us") == []
    assert phonemize("   ", "en-us") == []


@pytest.mark.engine
def test_unknown_espeak_voice_is_one_line():
    with pytest.raises(EngineError) as err:
        phonemize("Hello.", "no-such-voice")
    assert "\n" not in str(err.value) and "no-such-voice" in str(err.value)


@pytest.mark.engine
def test_pyttsx3_still_speaks_after_phonemizing(engine):
    """In a process whose pyttsx3 espeak session is running, phonemizing leaves it working.

    Byte equality is checked in fresh processes below: in a long-lived process espeak-ng's
    clips already differ by a few samples from one call to the next, phonemes or not.
    """
    settings = [VoiceSettings("gmw/en-us", 170, 50), VoiceSettings("gmw/en-gb-x-rp+f3", 150, 60)]
    before = [engine.synthesize("The lamp was lit at dusk.", s) for s in settings]
    phonemize("Another voice, another language: the phonemes.", "en-us")
    phonemize("Bonjour, monsieur.", "fr")
    after = [engine.synthesize("The lamp was lit at dusk.", s) for s in settings]
    for old, new in zip(before, after):
        assert new.sample_rate == old.sample_rate
        assert abs(new.duration - old.duration) < 0.02 * old.duration
        assert audio_rms(new.pcm) > 0.5 * audio_rms(old.pcm) > 0


CHILD = textwrap.dedent(
    """
    import hashlib, sys
    from audiobook.model import VoiceSettings
    order = sys.argv[1]
    def phonemes():
        from audiobook.render.piper.phonemes import phonemize
        assert phonemize("This is a test.", "en-us") and phonemize("Bonjour, monsieur.", "fr")
    if order == "phonemes-first":
        phonemes()
    from audiobook.render.espeak import Pyttsx3Engine
    engine = Pyttsx3Engine()
    pcm = engine.synthesize("The lamp was lit at dusk.", VoiceSettings("gmw/en-us+f3", 160, 50)).pcm
    if order == "phonemes-after":
        phonemes()
    if order != "once":
        pcm += engine.synthesize("The lamp was lit at dusk.", VoiceSettings("gmw/en-gb-x-rp", 180, 40)).pcm
    print(hashlib.sha256(pcm).hexdigest(), len(pcm))
    """
)


def _child(order: str) -> str:
    done = subprocess.run([sys.executable, "-c", CHILD, order], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()[0]


@pytest.mark.engine
def test_pyttsx3_clip_unchanged_when_phonemes_initialise_espeak_first():
    """espeak-ng initialised for phonemes before pyttsx3 starts: pyttsx3's clip is the same bytes."""
    assert _child("phonemes-first") == _child("plain")


@pytest.mark.engine
def test_pyttsx3_clips_around_phonemes_in_a_fresh_process():
    """A pyttsx3 clip, then phonemes (English and French), then another clip: the same bytes as
    without the phonemes in between."""
    assert _child("phonemes-after") == _child("plain")


@pytest.mark.engine
def test_fresh_process_comparison_can_fail():
    """The comparison above tells different audio apart (one clip against two)."""
    assert _child("once") != _child("plain")


@pytest.mark.engine
def test_threads_phonemize_one_at_a_time():
    """espeak-ng is not thread-safe: concurrent callers must get what serial calls give."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Sentence number {i}, spoken by thread, then another clause; done." for i in range(24)]
    serial = [phonemize(t, "en-us") for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda t: phonemize(t, "en-us"), texts)) == serial
