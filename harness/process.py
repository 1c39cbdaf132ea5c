"""One real server process on a loopback port, built on mirakuru.

mirakuru starts the process in its own session, waits until the port accepts TCP
connections, and stops the whole process group. We add three things it leaves to us:
the child dies with its parent even on SIGKILL (Linux parent-death signal), output goes
to a log file (a pipe nobody reads would block a chatty server), and every failure is
turned into a ServiceError that names the cause and the fix.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from mirakuru import TCPExecutor
from mirakuru.exceptions import AlreadyRunning, ProcessExitedWithError, TimeoutExpired

from harness.errors import ServiceError

LOOPBACK = "127.0.0.1"
# How long a server may take to answer after it starts. The test agent answers in about
# 1 s on a quiet machine, but took over 10 s on a 2-core CI machine saturated by two test
# workers each running probes and kernels. A server that dies is reported at once (its exit
# is watched); this bound only catches one that hangs, so it can afford to be generous.
START_TIMEOUT = 60.0
_PR_SET_PDEATHSIG = 1


# Looked up now: between fork and exec in a threaded parent (a notebook kernel), loading
# a library could deadlock. Note that the signal fires when the *thread* that started the
# server ends: start services from a thread that lives as long as they should.
_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None


def _die_with_parent() -> None:
    """Runs in the child between fork and exec: new session, SIGTERM when the parent dies."""
    os.setsid()
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class ServerExitedError(ServiceError):
    """The server process ended during start-up (bad arguments, or its port was taken)."""


class PortInUseError(ServiceError):
    """Something already answers on the port the server was to use."""


class _ServerExecutor(TCPExecutor):
    def __init__(self, *args, drop_env_prefixes: tuple[str, ...] = (), ports: tuple[int, ...] = (),
                 **kwargs):
        super().__init__(*args, **kwargs)
        self._drop_env_prefixes = drop_env_prefixes
        self._ports = set(ports) | {self.port}

    @property
    def envvars(self):
        return {key: value for key, value in super().envvars.items()
                if not key.startswith(self._drop_env_prefixes)}

    @property
    def _popen_kwargs(self):
        kwargs = super()._popen_kwargs
        kwargs["preexec_fn"] = _die_with_parent
        return kwargs

    def after_start_check(self) -> bool:
        # An answer on the port is not enough: a process that bound the port between
        # mirakuru's free-port check and our server's bind would answer too, and two
        # kernels would share one test agent. Ours is up only when *it* listens there;
        # otherwise it fails to bind and exits, and the caller retries on another port.
        # And on every port it was given: the test agent binds its main port a moment before
        # its OTLP ports, and exits if one of those is taken, after answering on the first.
        return super().after_start_check() and self._listens_on_all_ports()

    def _listens_on_all_ports(self) -> bool:
        try:
            root = psutil.Process(self.process.pid)
            tree = [root, *root.children(recursive=True)]
        except (psutil.Error, AttributeError):
            return False
        listening = set()
        for proc in tree:
            try:
                sockets = proc.net_connections(kind="tcp")
            except psutil.Error:
                continue
            listening.update(s.laddr.port for s in sockets if s.status == psutil.CONN_LISTEN)
        return self._ports <= listening


@dataclass
class ServerSpec:
    """How to run one kind of server: its binary, its arguments, how to install it."""

    name: str
    binary: str
    install_hint: str
    # Environment variables the server must not inherit (e.g. a tracer's settings).
    drop_env_prefixes: tuple[str, ...] = ()

    def other_ports(self) -> tuple[int, ...]:
        """Ports the server listens on besides its main one: it is up when it listens on all."""
        return ()

    def find_binary(self) -> str | None:
        return shutil.which(self.binary)

    def argv(self, binary_path: str, port: int, workdir: Path) -> list[str]:
        raise NotImplementedError


class RunningServer:
    """A started server: its address, its log, and how to stop it."""

    def __init__(self, spec: ServerSpec, port: int, executor: _ServerExecutor,
                 log_path: Path, workdir: Path, startup_seconds: float):
        self.spec = spec
        self.host = LOOPBACK
        self.port = port
        self.log_path = log_path
        self.workdir = workdir
        self.startup_seconds = startup_seconds
        self._executor = executor

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def address(self) -> tuple[str, int]:
        return (self.host, self.port)

    @property
    def pid(self) -> int | None:
        process = self._executor.process
        return process.pid if process else None

    def running(self) -> bool:
        return self._executor.running()

    def exit_note(self) -> str:
        """'' while it runs; once it has exited, its status and the end of its log."""
        if self.running():
            return ""
        process = self._executor.process  # None once stopped by us
        status = f" (status {process.returncode})" if process else ""
        return (f"{self.name} on port {self.port} has exited{status}; the end of its log:\n    "
                f"{_log_tail(self.log_path) or '(nothing)'}")

    def stop(self) -> None:
        # Any exit status is fine on the way down; what matters is that it is gone.
        self._executor.kill()

    def __repr__(self) -> str:
        state = "running" if self.running() else "stopped"
        return f"<{self.name} {self.host}:{self.port} {state}>"


def _log_tail(path: Path, lines: int = 8) -> str:
    try:
        text = path.read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return "\n    ".join(text[-lines:])


def start_server(spec: ServerSpec, port: int, workdir: Path, timeout: float = START_TIMEOUT) -> RunningServer:
    """Start ``spec`` on ``port`` (127.0.0.1) and wait until it accepts connections."""
    binary_path = spec.find_binary()
    if binary_path is None:
        raise ServiceError(
            f"{spec.name}: the program '{spec.binary}' is not installed (not found on PATH).",
            spec.install_hint,
        )
    workdir.mkdir(parents=True, exist_ok=True)
    log_path = Path(tempfile.mkstemp(prefix=f"{spec.name}-", suffix=".log", dir=workdir)[1])
    log_file = open(log_path, "w")
    executor = _ServerExecutor(
        spec.argv(binary_path, port, workdir), host=LOOPBACK, port=port, timeout=timeout,
        sleep=0.02, stdin=None, stdout=log_file, stderr=log_file,
        drop_env_prefixes=spec.drop_env_prefixes, ports=spec.other_ports(),
    )
    began = time.perf_counter()
    try:
        executor.start()
    except AlreadyRunning:
        raise PortInUseError(
            f"{spec.name}: port {port} on {LOOPBACK} is already in use by another process.",
            "let the harness pick a free port (port=None), or stop the process "
            f"listening there (`ss -ltnp 'sport = :{port}'` shows it).",
        ) from None
    except ProcessExitedWithError:
        executor.kill()
        raise ServerExitedError(
            f"{spec.name}: the server exited during start-up. Its last output:\n    "
            f"{_log_tail(log_path) or '(nothing)'}",
            f"read the full log at {log_path}; a port taken at the same moment is retried "
            "automatically when the harness chose it.",
        ) from None
    except TimeoutExpired:
        others = f" (and not listening on its other ports {spec.other_ports()})" if spec.other_ports() else ""
        raise ServiceError(
            f"{spec.name}: no answer on {LOOPBACK}:{port}{others} within {timeout:.0f} s.",
            f"read its log at {log_path}; on a loaded machine raise the timeout.",
        ) from None
    finally:
        log_file.close()
    return RunningServer(spec, port, executor, log_path, workdir, time.perf_counter() - began)
