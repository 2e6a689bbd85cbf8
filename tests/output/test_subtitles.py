"""SubRip and WebVTT text, exactly."""
from __future__ import annotations

from audiobook.model import ClipItem, VoiceSettings
from audiobook.output.subtitles import srt, subtitle_paths, vtt
from audiobook.output.timeline import Cue

V = VoiceSettings("gmw/en")
CUES = [Cue(0.75, 2.5, ClipItem("Chapter one", V, None, 0, shown="Chapter One"), 1),
        Cue(3725.0004, 3727.9996, ClipItem("Her-MY-oh-nee <ran> & hid", V, "Lily", 9,
                                           shown="Hermione <ran>\n & hid"), 1)]


def test_srt_numbers_cues_with_comma_milliseconds_and_the_words_as_written():
    assert srt(CUES) == ("1\n00:00:00,750 --> 00:00:02,500\nChapter One\n\n"
                         "2\n01:02:05,000 --> 01:02:08,000\nHermione <ran> & hid\n")


def test_vtt_puts_each_cue_in_its_speakers_voice_span_and_escapes_markup():
    assert vtt(CUES) == ("WEBVTT\n\n1\n00:00:00.750 --> 00:00:02.500\n<v Narrator>Chapter One</v>\n\n"
                         "2\n01:02:05.000 --> 01:02:08.000\n<v Lily>Hermione &lt;ran&gt; &amp; hid</v>\n")


def test_where_subtitles_go(tmp_path):
    assert subtitle_paths(tmp_path / "01 - One.mp3") == (tmp_path / "01 - One.srt", tmp_path / "01 - One.vtt")
    assert subtitle_paths(tmp_path / "Book.m4b", keep_suffix=True) == (tmp_path / "Book.m4b.srt",
                                                                      tmp_path / "Book.m4b.vtt")

