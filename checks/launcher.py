"""Launch probes through one fork server per process (checks/probe/forkserver.py).

``launch(env, stdin_text)`` starts a probe and returns a LaunchedProbe: its pid (its own
process group), ``wait(timeout)`` for its exit status, ``output()`` for what it printed.
The server starts on the first launch and again if it died. It exits when this process
does (its stdin, our pipe, closes), and its probes with it.
"""

from __future__ import annotations

import atexit
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from harness.scratch import owned_scratch_dir
from harness.tracing import child_env

ROOT = Path(__file__).resolve().parent.parent
# Seconds to wait for the server to fork a probe once asked: it forks at once, but on a
# loaded machine the server itself may wait for a core.
FORK_TIMEOUT = 60.0


class LauncherError(RuntimeError):
    """The fork server stopped, or did not start a probe."""


@dataclass
class LaunchedProbe:
    id: int
    folder: Path
    started: threading.Event = field(default_factory=threading.Event)
    ended: threading.Event = field(default_factory=threading.Event)
    pid: int | None = None
    exit: int | None = None
    failure: str | None = None  # the server stopped before the probe ended

    def wait(self, timeout: float) -> int | None:
        """The exit status; raises TimeoutError if the probe is still running after ``timeout``."""
        if not self.ended.wait(timeout):
            raise TimeoutError(f"probe {self.pid} still running after {timeout:g} s")
        if self.failure:
            raise LauncherError(self.failure)
        return self.exit

    def output(self) -> tuple[str, str]:
        """(stdout, stderr), then the probe's files are removed."""
        texts = tuple((self.folder / name).read_text(errors="replace") if (self.folder / name).exists() else ""
                      for name in ("stdout", "stderr"))
        shutil.rmtree(self.folder, ignore_errors=True)
        return texts


def _working_directory() -> str:
    """Ours, which the probe inherits as a started process would; the repository if ours
    was removed (a scratch folder), where a process started there would not care either."""
    try:
        return os.getcwd()
    except FileNotFoundError:
        return str(ROOT)


@dataclass
class _Running:
    """One fork server process and the probes it was asked for (a replacement has its own)."""
    process: subprocess.Popen
    probes: dict[int, LaunchedProbe] = field(default_factory=dict)


class ForkServer:
    def __init__(self, python: str):
        self._python = python
        self._lock = threading.Lock()
        self._running: _Running | None = None
        self._ids = itertools.count(1)
        # The probes' request and output files; a later run removes it if we are killed outright.
        self._scratch = owned_scratch_dir("checks-probes-")
        atexit.register(self._stop)

    def _stop(self) -> None:
        """At exit: end the server (its stdin closes) and reap it, then remove the probes' files."""
        running = self._running
        if running and running.process.poll() is None:
            running.process.stdin.close()
            try:
                running.process.wait(5)
            except subprocess.TimeoutExpired:
                running.process.kill()
        shutil.rmtree(self._scratch, ignore_errors=True)

    @property
    def pid(self) -> int | None:
        """The server's pid while it runs (tests tell it from a leftover process)."""
        running = self._running
        return running.process.pid if running and running.process.poll() is None else None

    def launch(self, env: dict[str, str], stdin_text: str) -> LaunchedProbe:
        probe = LaunchedProbe(id=next(self._ids), folder=Path(tempfile.mkdtemp(dir=self._scratch)))
        (probe.folder / "stdin").write_text(stdin_text)
        request = {"id": probe.id, "env": env, "cwd": _working_directory(),
                   **{name: str(probe.folder / name) for name in ("stdin", "stdout", "stderr")}}
        with self._lock:
            running = self._server()
            running.probes[probe.id] = probe
            try:
                running.process.stdin.write(json.dumps(request) + "\n")
                running.process.stdin.flush()
            except OSError as error:  # it stopped before reading: say why, once it has said so
                running.probes.pop(probe.id, None)
                try:
                    running.process.wait(5)
                except subprocess.TimeoutExpired:
                    pass
                raise LauncherError(f"the probe fork server stopped: {error}{self._log_tail()}") from error
        if not probe.started.wait(FORK_TIMEOUT) or probe.pid is None:
            raise LauncherError(probe.failure or f"the fork server did not start a probe in {FORK_TIMEOUT:g} s")
        return probe

    def _server(self) -> _Running:
        """The running server; started (again) if there is none."""
        if self._running is None or self._running.process.poll() is not None:
            try:
                # -P: the working directory stays off sys.path, as for `python -P -m checks.probe`.
                with (self._scratch / "server.log").open("a") as log:  # why it stopped, if it does
                    process = subprocess.Popen([self._python, "-P", "-m", "checks.probe.forkserver"],
                                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                               stderr=log, text=True, cwd=ROOT, env=child_env())
            except OSError as error:
                raise LauncherError(f"the probe fork server could not start: {error}") from error
            self._running = _Running(process)
            threading.Thread(target=self._read_answers, args=(self._running,), daemon=True,
                             name="probe-fork-server").start()
        return self._running

    def _log_tail(self) -> str:
        try:
            lines = (self._scratch / "server.log").read_text(errors="replace").strip().splitlines()
        except FileNotFoundError:  # removed at exit, while the server was ending
            return ""
        return f": {lines[-1]}" if lines else ""

    def _read_answers(self, running: _Running) -> None:
        """Hand each answer to its probe until the server exits; then fail those still waiting."""
        for line in running.process.stdout:
            message = json.loads(line)
            probe = running.probes.get(message["id"])
            if probe is None:
                continue
            if "pid" in message:
                probe.pid = message["pid"]
                probe.started.set()
            else:
                probe.exit = message["exit"]
                running.probes.pop(probe.id, None)
                probe.ended.set()
        running.process.wait()
        failure = f"the probe fork server stopped (exit status {running.process.returncode}){self._log_tail()}"
        with self._lock:
            for probe in running.probes.values():
                probe.failure = failure
                probe.started.set()
                probe.ended.set()
            running.probes.clear()


_servers: dict[str, ForkServer] = {}
_servers_lock = threading.Lock()


def server(python: str) -> ForkServer:
    """This process's fork server for that interpreter."""
    with _servers_lock:
        if python not in _servers:
            _servers[python] = ForkServer(python)
        return _servers[python]


def launch(python: str, env: dict[str, str], stdin_text: str) -> LaunchedProbe:
    return server(python).launch(env, stdin_text)


def server_pids() -> set[int]:
    return {pid for fork_server in _servers.values() if (pid := fork_server.pid)}

