"""The metadata, subtitle and EPUB options of ``render`` on the command line."""
from __future__ import annotations

from click.testing import CliRunner

from audiobook.cli import main
from conftest import SAMPLE


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_render_help_lists_the_new_options():
    out = run("render", "--help").output
    for option in ("--subtitles", "--title", "--author", "--narrator", "--series", "--series-index", "--year",
                   "--description", "epub"):
        assert option in out, option


def test_wrong_metadata_is_a_usage_error_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    cases = [(["--year", "1890s"], "Error: --year: '1890s' is not a year; use four digits, e.g. 1890\n"),
             (["--series-index", "2"], "Error: --series-index needs --series: name the series the book belongs to\n"),
             (["--series", "Tides", "--series-index", "II"],
              "Error: --series-index: 'II' is not a number; use e.g. 2 or 2.5\n")]
    for options, message in cases:
        result = run("render", str(SAMPLE), "-o", str(out), "-q", *options)
        assert (result.exit_code, result.output) == (2, message)
    assert not out.exists()


def test_epub_with_subtitles_from_the_command_line(tmp_path):
    result = run("render", str(SAMPLE), "-o", str(tmp_path), "--format", "epub", "--chapters", "2",
                 "--title", "River Tales", "--author", "A. N. Writer")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"wrote River Tales.epub to {tmp_path / 'river-tales'}"
    result = run("render", str(SAMPLE), "-o", str(tmp_path), "-q", "--chapters", "2", "--subtitles",
                 "--title", "River Tales")
    assert result.output == ""
    names = sorted(p.name for p in (tmp_path / "river-tales").iterdir())
    assert names == ["02 - Chapter 2 What the River Kept.mp3", "02 - Chapter 2 What the River Kept.srt",
                     "02 - Chapter 2 What the River Kept.vtt", "River Tales.epub", "cover.jpg", "playlist.m3u8"]
