"""voices.yaml corrects the parser from the command line: warnings, review, pins."""
from __future__ import annotations

from click.testing import CliRunner

from audiobook.cli import main
from conftest import SAMPLE


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_character_the_book_never_mentions_is_a_warning_with_a_did_you_mean(tmp_path):
    voices = tmp_path / "v.yaml"
    voices.write_text("characters:\n  Marra: {gender: female}\n  Okafor: {}\n", encoding="utf-8")
    result = run("script", SAMPLE, "--voices", voices, "--format", "table")
    assert result.exit_code == 0
    assert result.stderr == f"Warning: {voices}:2: characters.Marra: not in this book; did you mean Mara?\n"


def test_review_lists_each_line_with_the_key_that_pins_it_and_the_pin_takes(tmp_path):
    review = run("script", SAMPLE, "--voices", SAMPLE.parent.parent / "voices.yaml",
                 "--format", "review").output.splitlines()
    assert review[0].startswith("[") and review[1].startswith('    lines: {"')
    line = next(i for i, text in enumerate(review) if "The fog's early" in text)
    assert review[line + 1] == '    lines: {"The fog\'s early": Mara}'
    voices = tmp_path / "v.yaml"
    voices.write_text(f"{SAMPLE.parent.parent.joinpath('voices.yaml').read_text(encoding='utf-8')}\n"
                      "lines:\n  \"The fog's early\": Okafor\n", encoding="utf-8")
    pinned = run("script", SAMPLE, "--voices", voices, "--format", "review").output
    assert "[pinned] chapter 1: Okafor: \u201cThe fog's early,\u201d" in pinned


def test_a_pin_that_matches_nothing_stops_with_its_line(tmp_path):
    voices = tmp_path / "v.yaml"
    voices.write_text('lines:\n  "no such words anywhere": Mara\n', encoding="utf-8")
    result = run("script", SAMPLE, "--voices", voices)
    assert result.exit_code == 1
    assert result.output == (f'Error: {voices}:2: lines."no such words anywhere": matches no quote of the book; '
                             "copy a few words of the line as printed\n")


def test_regression_the_file_cast_writes_is_read_back_without_a_word(tmp_path):
    # "the colonel", as cast writes the Colonel, was "not in this book; did you mean the colonel?"
    story, voices = tmp_path / "story.txt", tmp_path / "v.yaml"
    story.write_text('Mara came into the hall.\n\n"Sit down, my dear," said the Colonel.\n\n"Thank you," said Mara.\n\n'
                     '"Tea?" asked the Colonel.\n', encoding="utf-8")
    assert run("cast", story, "--voices", voices).exit_code == 0
    assert "  the colonel: # 2 lines\n" in voices.read_text(encoding="utf-8")
    result = run("script", story, "--voices", voices, "--format", "table")
    assert result.exit_code == 0 and result.stderr == ""
