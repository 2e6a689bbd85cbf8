"""Worker processes under the supervisor: reports, results, failures, hung and killed workers."""
from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from audiobook.errors import OutputError
from audiobook.model import VoiceSettings
from audiobook.render import workers
from audiobook.render.cache import ClipCache
from audiobook.render.workers import EncodeTask, Supervisor, SynthTask

V = VoiceSettings("gmw/en-us")
FAKE = "fakes:FakeEngine"


def until_ended(supervisor: Supervisor, limit: float = 60.0) -> list:
    ended, deadline = [], time.monotonic() + limit
    while supervisor.running and time.monotonic() < deadline:
        ended += supervisor.poll(0.2)
    assert not supervisor.running, "a worker did not end in time"
    return ended


def test_workers_start_from_a_fork_server_never_a_plain_fork():
    assert workers.context().get_start_method() == "forkserver"


#: A program run as a script, as the `audiobook` command is: a spy notes every worker that
#: imports the CLI itself, then the script imports the CLI and runs one output task.
CLI_SCRIPT = """
import os, sys

class Spy:
    def find_spec(self, name, path=None, target=None):
        if name == "audiobook.cli" and __name__ == "__mp_main__":
            with open(os.environ["SPY_LOG"], "a") as log:
                log.write(f"{os.getpid()}\\n")
        return None

sys.meta_path.insert(0, Spy())
import audiobook.cli  # what the command's script does


class Job:
    def write(self, cache_root):
        return "written"

    def partial_files(self, cache_root):
        return []


if __name__ == "__main__":
    import time
    from pathlib import Path
    from audiobook.render.workers import EncodeTask, Supervisor

    supervisor = Supervisor(2, Path(sys.argv[1]))
    for name in "abc":
        supervisor.start(EncodeTask(name, Job()))
    ended, deadline = [], time.monotonic() + 60
    while supervisor.running and time.monotonic() < deadline:
        ended += supervisor.poll(0.2)
    print(sorted(run.result for run in ended))
"""


def test_workers_of_the_command_find_the_cli_imported_already(tmp_path):
    # Each worker runs the program's script again; the fork server has to hold the CLI already
    # (regression: every worker imported it anew, 180 ms of CPU each).
    import subprocess

    script, log = tmp_path / "command.py", tmp_path / "imports.log"
    script.write_text(CLI_SCRIPT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True,
                          env={**os.environ, "SPY_LOG": str(log)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['written', 'written', 'written']"
    assert not log.exists(), f"workers imported the CLI themselves: {log.read_text()}"


def test_a_program_that_does_not_use_the_cli_does_not_preload_it(monkeypatch):
    import types

    monkeypatch.delitem(sys.modules, "audiobook.cli", raising=False)
    assert "audiobook.cli" not in workers.preloaded()
    monkeypatch.setitem(sys.modules, "audiobook.cli", types.ModuleType("audiobook.cli"))
    monkeypatch.setitem(sys.modules, "__main__", types.SimpleNamespace(__spec__=None))
    assert workers.preloaded()[0] == "audiobook.cli"
    # run as `python -m audiobook`, the workers skip the main module: nothing to gain
    as_module = types.SimpleNamespace(__spec__=types.SimpleNamespace(name="audiobook.__main__"))
    monkeypatch.setitem(sys.modules, "__main__", as_module)
    assert "audiobook.cli" not in workers.preloaded()


def test_a_synthesis_task_stores_the_clips_it_is_told_to_and_reports_each(tmp_path):
    events = []
    supervisor = Supervisor(2, tmp_path, FAKE, on_event=lambda kind, run, detail: events.append((kind, detail)))
    supervisor.start(SynthTask(0, (("k1", "one", V, True), ("k2", "two", V, False), ("k3", "three", V, True))))
    [run] = until_ended(supervisor)
    assert run.finished and run.error is None and run.position == 3
    assert events == [("done", 0), ("done", 1), ("done", 2)]
    cache = ClipCache(tmp_path)
    assert cache.has("k1") and not cache.has("k2") and cache.has("k3")


def test_a_failing_clip_is_reported_with_its_position(tmp_path):
    supervisor = Supervisor(1, tmp_path, FAKE)
    supervisor.start(SynthTask(0, (("k1", "fine", V, True), ("k2", "FAIL", V, True))))
    [run] = until_ended(supervisor)
    assert not run.finished and run.position == 1 and run.error == "fake failure"


def test_a_hung_worker_is_stopped_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "STALL_BASE", 1.0)
    supervisor = Supervisor(1, tmp_path, FAKE)
    supervisor.start(SynthTask(0, (("k1", "HANG", V, True),)))
    [run] = until_ended(supervisor, 30)
    assert run.error.startswith("the worker made no progress for 1 s and was stopped")
    assert not run.process.is_alive()


def test_a_killed_worker_is_reported(tmp_path):
    supervisor = Supervisor(1, tmp_path, FAKE)
    run = supervisor.start(SynthTask(0, (("k1", "HANG", V, True),)))
    time.sleep(0.5)
    os.kill(run.process.pid, signal.SIGKILL)
    [ended] = until_ended(supervisor, 30)
    assert ended.error == "the worker stopped unexpectedly (exit code -9)"


@dataclass(frozen=True)
class SlowJob:
    """An output job that leaves a temporary file and hangs, or fails as told."""

    path: Path
    mode: str

    def write(self, cache_root: Path):
        if self.mode == "ok":
            return "written"
        if self.mode == "disk":
            raise OutputError("disk full")
        self.partial_files(cache_root)[0].write_bytes(b"half")
        time.sleep(3600)

    def partial_files(self, cache_root: Path) -> list[Path]:
        return [cache_root / f"{self.path.name}.part"]


def test_an_output_task_returns_its_result_and_a_domain_error_is_fatal(tmp_path):
    supervisor = Supervisor(2, tmp_path, FAKE)
    supervisor.start(EncodeTask("a", SlowJob(tmp_path / "a.mp3", "ok")))
    supervisor.start(EncodeTask("b", SlowJob(tmp_path / "b.mp3", "disk")))
    ended = {run.task.name: run for run in until_ended(supervisor)}
    assert ended["a"].finished and ended["a"].result == "written"
    assert ended["b"].fatal == "OutputError" and ended["b"].error == "disk full"


def test_a_stopped_output_task_leaves_no_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "STALL_BASE", 0.2)  # output tasks get ten times this
    supervisor = Supervisor(1, tmp_path, FAKE)
    job = SlowJob(tmp_path / "c.mp3", "hang")
    supervisor.start(EncodeTask("c", job))
    deadline = time.monotonic() + 20
    while not job.partial_files(tmp_path)[0].exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert job.partial_files(tmp_path)[0].exists()
    [run] = until_ended(supervisor, 30)
    assert run.error.startswith("the worker made no progress")
    assert not job.partial_files(tmp_path)[0].exists()
