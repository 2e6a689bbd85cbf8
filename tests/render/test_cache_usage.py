"""`audiobook cache`: the cache by book, pruned of what no book's last render used, or cleared."""
from __future__ import annotations

from click.testing import CliRunner

from audiobook import pipeline
from audiobook.cli import main
from audiobook.render.cache_usage import usage
from fakes import FakeEngine


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def story(path, title, lines):
    path.write_text(f"{title}\n\nChapter 1\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def render(source, out, **kw):
    return pipeline.render(source, out, engine=FakeEngine(), engine_spec="fakes:FakeEngine", make_cover=False, **kw)


def cache_files(out):
    return {p.relative_to(out) for p in (out / ".audiobook-cache").rglob("*") if p.is_file()}


def test_cache_by_book_then_pruned_of_what_the_last_render_left(tmp_path):
    out = tmp_path / "out"
    one = story(tmp_path / "one.txt", "The First", ["The quay was quiet.", "The lamps were lit."])
    two = story(tmp_path / "two.txt", "The Second", ["The fog came down.", "The river ran on."])
    render(one, out, formats=("mp3", "m4b"))
    render(two, out)
    report = usage(out / ".audiobook-cache")
    assert [b.title for b in report.books] == ["The First", "The Second"]
    assert report.unused == 0 and all(b.size > 0 for b in report.books)
    first = report.books[0]

    one.write_text(one.read_text().replace("The lamps were lit.", "The lamps went out."), encoding="utf-8")
    render(one, out, formats=("mp3", "m4b"))  # one clip changed: its old clip and stretches are no longer used
    before = cache_files(out)
    result = run("cache", str(out))
    assert result.exit_code == 0, result.output
    report = usage(out / ".audiobook-cache")
    lines = result.output.splitlines()
    assert lines[0] == f"{out / '.audiobook-cache'}: {report.total / 1e6:.1f} MB in {report.files} files"
    assert lines[1].startswith(f"  The First ({out / 'the-first'}): ") and lines[2].startswith("  The Second (")
    assert lines[3] == (f"  not used by the last render of any book: {report.unused / 1e6:.1f} MB in "
                        f"{report.unused_files} entries")
    assert report.unused_files >= 3  # the old clip, its MP3 stretch and AAC stretch, the old output records

    result = run("cache", str(out), "--prune")
    assert result.output.splitlines()[0] == (f"{out / '.audiobook-cache'}: removed {report.unused_files} entries "
                                             f"({report.unused / 1e6:.1f} MB) that no book's last render used")
    assert len(before - cache_files(out)) == report.unused_files
    assert usage(out / ".audiobook-cache").unused == 0
    # what is left is all the renders need: the book again, with nothing made anew
    pruned = cache_files(out)
    render(one, out, formats=("mp3", "m4b"))
    assert cache_files(out) == pruned and first.files > 0

    total = usage(out / ".audiobook-cache").total
    result = run("cache", str(out), "--clear")
    assert result.output == f"{out / '.audiobook-cache'}: removed {total / 1e6:.1f} MB\n"
    assert not (out / ".audiobook-cache").exists()


def test_a_render_of_some_chapters_keeps_the_others_from_a_prune(tmp_path):
    out = tmp_path / "out"
    book = tmp_path / "book.txt"
    book.write_text("The Book\n\nChapter 1\n\nThe quay was quiet.\n\nChapter 2\n\nThe fog came down.\n",
                    encoding="utf-8")
    render(book, out)
    whole = cache_files(out)
    render(book, out, chapters={2})
    assert usage(out / ".audiobook-cache").unused == 0
    run("cache", str(out), "--prune")
    assert {p for p in whole if "clips" in p.parts} <= cache_files(out)  # chapter 1's clips are still there
    render(book, out)
    assert {p for p in cache_files(out) if "clips" in p.parts} == {p for p in whole if "clips" in p.parts}


def test_no_cache_there_says_so(tmp_path):
    result = run("cache", str(tmp_path / "nothing"))
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'nothing' / '.audiobook-cache'}: no clip cache there; "
                             "give the output folder of a render, or --cache DIR\n")


def test_pruning_a_cache_no_render_recorded_refuses(tmp_path):
    (tmp_path / "c" / "clips").mkdir(parents=True)
    result = run("cache", "--cache", str(tmp_path / "c"), "--prune")
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'c'}: no render has recorded what it uses in this cache yet; "
                             "render the books again before pruning, or use --clear\n")
