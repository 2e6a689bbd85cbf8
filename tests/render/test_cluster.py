"""Rendering on a Dask cluster: a scheduler and two workers on 127.0.0.1, started here as the
`dask` command line starts them; the books must come out byte for byte as a local render
writes them, through a worker killed mid-render and a scheduler stopped mid-render.

Every render runs as `audiobook render` in a process of its own, as a user runs it: what
espeak-ng says depends on what it said before in the same process (each voice's levelling
sentence is spoken by the render), so renders sharing this test process could differ."""
from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")

from audiobook.cli import main  # noqa: E402
from audiobook.model import VoiceSettings  # noqa: E402
from audiobook.render import cluster  # noqa: E402
from audiobook.render.engine import DEFAULT_ENGINE  # noqa: E402
from audiobook.render.remote import BlockFailed, EngineSpec, synth_block  # noqa: E402
from conftest import ROOT, SAMPLE, SHARED, VOICES  # noqa: E402

NOVEL = SHARED / "corpus" / "TheSportOfTheGods.txt"
#: The novel's shortest chapter and a later one: two blocks, one per worker.
NOVEL_CHAPTERS = {1, 15}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(*args) -> subprocess.Popen:
    """A `dask` command in a process group of its own (so a kill takes its nanny and worker)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "dask", *args, "--no-dashboard"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def kill_group(process: subprocess.Popen, sig=signal.SIGKILL) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass
    process.wait()


@pytest.fixture(scope="module")
def dask_cluster():
    """(address, monitoring client, scheduler process, worker processes)."""
    address = f"tcp://127.0.0.1:{free_port()}"
    scheduler = start("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1])
    workers = [start("worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1")
               for _ in range(2)]
    monitor = distributed.Client(address, timeout=60, set_as_default=False)
    monitor.wait_for_workers(2, timeout=60)
    yield address, monitor, scheduler, workers
    monitor.close()
    cluster.close_all()
    for process in [*workers, scheduler]:
        kill_group(process)


def checksums(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def render_command(source: Path, out: Path, *options) -> list:
    return [sys.executable, "-m", "audiobook", "render", str(source), "-o", str(out), "--voices", str(VOICES),
            *map(str, options)]


#: The reconnecting client gives up on a lost scheduler after this long (Dask's own setting).
ENV = dict(os.environ, PYTHONPATH=str(ROOT), DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2")


def render(source: Path, out: Path, *options) -> subprocess.CompletedProcess:
    return subprocess.run(render_command(source, out, *options), capture_output=True, text=True, cwd=ROOT, env=ENV)


def render_in_background(source: Path, out: Path, *options) -> subprocess.Popen:
    return subprocess.Popen(render_command(source, out, *options), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, env=ENV)


NOVEL_ARGS = ("--chapters", ",".join(map(str, sorted(NOVEL_CHAPTERS))))


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """The sample and the novel's chapters rendered here, without a cluster: the bytes to match."""
    out = tmp_path_factory.mktemp("local")
    assert render(SAMPLE, out, "-q").returncode == 0
    found = {"sample": checksums(out / "the-lamplighters")}
    if NOVEL.is_file():
        assert render(NOVEL, out, "-q", *NOVEL_ARGS).returncode == 0
        found["novel"] = checksums(out / "the-sport-of-the-gods")
    return found


def novel_or_skip():
    if not NOVEL.is_file():
        pytest.skip(f"{NOVEL} is absent")


def wait_until(condition, what: str, limit: float = 120.0):
    """Poll until ``condition()`` is true (a wait for an event, not a measure of speed)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"never saw {what}")
        time.sleep(0.05)


def test_the_sample_renders_to_the_same_bytes_on_the_cluster(dask_cluster, local, tmp_path):
    done = render(SAMPLE, tmp_path, "--cluster", dask_cluster[0], "-q")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert checksums(tmp_path / "the-lamplighters") == local["sample"]


def test_a_worker_killed_mid_render_changes_nothing(dask_cluster, local, tmp_path):
    novel_or_skip()
    address, monitor, _scheduler, workers = dask_cluster
    client = render_in_background(NOVEL, tmp_path, "--cluster", address, "-q", *NOVEL_ARGS)
    wait_until(lambda: all(monitor.processing().values()), "both workers speaking a block")
    worker_pid = next(iter(monitor.run(os.getpid).values()))
    kill_group(next(w for w in workers if os.getpgid(worker_pid) == w.pid))
    _out, err = client.communicate()
    assert (client.returncode, err) == (0, "")
    assert checksums(tmp_path / "the-sport-of-the-gods") == local["novel"]
    assert len(monitor.scheduler_info()["workers"]) == 1


def test_a_worker_without_the_engine_or_voice_refuses_its_block(dask_cluster, engine):
    monitor = dask_cluster[1]
    host, identity = socket.gethostname(), engine.identity  # the workers run on this machine
    sequence = (("k", "Hello.", VoiceSettings("gmw/en-us"), True),)
    with pytest.raises(BlockFailed) as failed:
        monitor.submit(synth_block, EngineSpec(DEFAULT_ENGINE, "espeak-ng 0.1"), sequence, pure=False).result()
    assert str(failed.value) == (f"worker {host} has {identity}, the client espeak-ng 0.1; "
                                 "install the same engine version on every worker")
    joe = "piper:en_US-joe-medium"  # a Piper voice is checked by its model file's hash
    with pytest.raises(BlockFailed) as failed:
        monitor.submit(synth_block, EngineSpec(DEFAULT_ENGINE, identity, {joe: "ab" * 32}), sequence,
                       pure=False).result()
    from audiobook.render.engines import Engines

    assert str(failed.value) == (f"worker {host} has another voice '{joe}' (sha256 {Engines().voice_digest(joe)[:12]}, "
                                 "the client abababababab); install the same voice files on every worker")
    with pytest.raises(BlockFailed) as failed:
        monitor.submit(synth_block, EngineSpec(DEFAULT_ENGINE, identity, {"piper:en_GB-nobody-low": "ab" * 32}),
                       sequence, pure=False).result()
    assert str(failed.value) == (f"worker {host} has no voice 'piper:en_GB-nobody-low'; install the same voices on "
                                 "every worker")
    made = monitor.submit(synth_block, EngineSpec(DEFAULT_ENGINE, identity), sequence, pure=False).result()
    assert [(key, rate) for key, _pcm, rate in made] == [("k", 22050)] and len(made[0][1]) > 1000


def test_a_folder_of_books_on_the_cluster(dask_cluster, local, tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "lamplighters.txt").write_bytes(SAMPLE.read_bytes())
    (library / "quay.txt").write_text('The Quay\n\nChapter 1\n\n"Hold it," said Mara.\n', encoding="utf-8")
    done = render(library, tmp_path / "out", "--cluster", dask_cluster[0], "--books-at-once", "2")
    assert (done.returncode, done.stdout) == (0, "2 books: 2 written, 0 skipped (up to date), 0 failed\n")
    assert checksums(tmp_path / "out" / "the-lamplighters") == local["sample"]
    assert [p.name for p in (tmp_path / "out" / "the-quay").glob("*.mp3")] == ["01 - Chapter 1.mp3"]


def test_a_stopped_scheduler_is_one_line_and_a_rerun_resumes(dask_cluster, local, tmp_path):
    """Last: it stops the scheduler."""
    novel_or_skip()
    address, _monitor, scheduler, _workers = dask_cluster
    blocks = tmp_path / ".audiobook-cache" / "blocks"  # a marker per block started and not yet finished
    client = render_in_background(NOVEL, tmp_path, "--cluster", address, *NOVEL_ARGS)
    wait_until(lambda: blocks.is_dir() and len(list(blocks.iterdir())) == len(NOVEL_CHAPTERS), "the blocks sent")
    wait_until(lambda: len(list(blocks.iterdir())) < len(NOVEL_CHAPTERS), "a block's clips back in the cache")
    kill_group(scheduler, signal.SIGTERM)
    _out, err = client.communicate()
    assert client.returncode == 1
    assert err.splitlines()[-1] == (f"Error: lost the Dask scheduler at {address}; what was made is in the cache: "
                                    "run the same command again to resume")
    again = render(NOVEL, tmp_path, *NOVEL_ARGS)
    first_clips, rerun_clips = (int(text.splitlines()[0].split()[0]) for text in (err, again.stderr))
    assert 0 < rerun_clips < first_clips
    assert checksums(tmp_path / "the-sport-of-the-gods") == local["novel"]


def test_a_scheduler_out_of_reach_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    address = f"tcp://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path), "--cluster", address])
    assert (result.exit_code, result.output) == (
        1, f"Error: cannot reach the Dask scheduler at {address}; start one with `dask scheduler` or check the "
           "address\n")
    assert list(tmp_path.iterdir()) == []


def test_without_dask_installed_the_cluster_option_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "Client", None)
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path), "--cluster", "tcp://h:8786"])
    assert (result.exit_code, result.output) == (
        1, "Error: --cluster needs Dask on this machine: pip install 'audiobook[dask]'\n")


def test_a_local_render_does_not_import_dask(tmp_path):
    code = ("import sys\nfrom audiobook.cli import main\n"
            f"main(['render', {str(SAMPLE)!r}, '-o', {str(tmp_path)!r}, '--chapters', '1', '-q'], "
            "standalone_mode=False)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'audiobook.render.cluster')"
            " or m == 'audiobook.render.cluster'))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"
    assert len(list((tmp_path / "the-lamplighters").glob("*.mp3"))) == 1
