"""JupyterLab as `make lab` runs it, started and stopped through the harness.

The server is scripts/lab.sh (same settings, same root) on a free port, with a token and
no browser of its own; harness.process gives it its own session, a log file, clear
errors, and the parent-death signal. Stopping it also checks that its kernels are gone.
"""

from __future__ import annotations

import json
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from harness import free_port
from harness.process import PortInUseError, RunningServer, ServerExitedError, ServerSpec, start_server
from tests.lab.conftest import REPO

LAB_SH = REPO / "scripts" / "lab.sh"
START_TIMEOUT = 240.0   # s, server start to first answer
STOP_TIMEOUT = 60.0     # s, for the server and its kernel to be gone


@dataclass
class LabSpec(ServerSpec):
    """scripts/lab.sh, on the port the harness chose, with a token and no browser."""

    name: str = "jupyterlab"
    binary: str = str(LAB_SH)
    install_hint: str = "scripts/lab.sh is part of the repository; restore it (git checkout)."
    token: str = ""

    def argv(self, binary_path, port, workdir):
        # port_retries=0: if the port is taken after all, exit (and we retry on a fresh
        # one) instead of quietly serving on another port nobody waits for.
        return [binary_path, f"--port={port}", "--ServerApp.port_retries=0", "--no-browser",
                f"--IdentityProvider.token={self.token}"]


@dataclass
class Lab:
    server: RunningServer
    token: str
    state: Path

    @property
    def url(self) -> str:
        return f"http://{self.server.host}:{self.server.port}"

    def get(self, path: str) -> bytes:
        request = urllib.request.Request(f"{self.url}{path}",
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read()


def start_lab(spec: LabSpec, state: Path, logs: Path) -> RunningServer:
    env = {"LAB_STATE": str(state), "VENV": sys.prefix}
    with pytest.MonkeyPatch.context() as patch:  # the server's environment, and only its
        for key, value in env.items():
            patch.setenv(key, value)
        for attempt in range(3):
            try:
                return start_server(spec, free_port(), logs, timeout=START_TIMEOUT)
            except (ServerExitedError, PortInUseError):
                if attempt == 2:
                    raise


def wait_until_serving(lab: Lab) -> None:
    """The port accepts connections before the server's loop runs: wait for an answer."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            json.loads(lab.get("/api/status"))
            return
        except (OSError, ValueError) as error:
            if time.monotonic() > deadline or not lab.server.running():
                raise AssertionError(f"JupyterLab did not answer on {lab.url}: {error}; "
                                     f"its log: {lab.server.log_path}") from error
        time.sleep(0.2)


def stop_lab(lab: Lab) -> None:
    """Stop the server; then its kernels and every other process it started must be gone."""
    try:
        server = psutil.Process(lab.server.pid)
        started = [server, *server.children(recursive=True)]
    except (psutil.NoSuchProcess, TypeError):
        started = []
    lab.server.stop()
    _, alive = psutil.wait_procs(started, timeout=STOP_TIMEOUT)
    for process in alive:
        process.kill()
    assert not alive, f"left running after the lab stopped: {alive}"


def log_tail(path: Path, lines: int = 15) -> str:
    return "\n    ".join(path.read_text(errors="replace").splitlines()[-lines:])
