"""After any run, passing, failing, interrupted or killed, no server it started is left."""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest

from harness import Services
from tests.processes import running

SCRIPT = textwrap.dedent("""
    import json, signal, sys, time
    # Ctrl-C interrupts, as in a terminal: a suite run as a background job (no job control)
    # hands its children SIGINT ignored, and the SIGINT case would wait out its timeout.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from harness import Services
    services = Services().start()
    print(json.dumps({"pids": services.pids(),
                      "ports": [s.port for s in services.servers()]}), flush=True)
    ending = sys.argv[1]
    if ending == "raise":
        raise RuntimeError("the reader's code failed")
    if ending == "return":
        sys.exit(0)
    time.sleep(60)  # wait to be interrupted or killed
""")


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _start_parent(ending: str, tmp_path) -> subprocess.Popen:
    # Its own TMPDIR: what a killed run leaves behind stays in this test's folder.
    return subprocess.Popen([sys.executable, "-c", SCRIPT, ending],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(tmp_path)})


@pytest.mark.parametrize("ending", ["return", "raise", "SIGINT", "SIGTERM", "SIGKILL"])
def test_no_server_survives_its_parent(ending, tmp_path):
    parent = _start_parent(ending, tmp_path)
    started = json.loads(parent.stdout.readline())
    assert len(started["pids"]) == 3
    if ending.startswith("SIG"):
        parent.send_signal(getattr(signal, ending))
    parent.wait(timeout=30)

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not any(map(running, started["pids"])) and all(map(_port_free, started["ports"])):
            break
        time.sleep(0.1)
    assert not [pid for pid in started["pids"] if running(pid)], f"orphans after {ending}"
    assert all(map(_port_free, started["ports"])), f"stale ports after {ending}"


def test_a_killed_runs_folder_is_removed_by_the_next_run(tmp_path, monkeypatch):
    parent = _start_parent("SIGKILL", tmp_path)
    parent.stdout.readline()  # started
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=30)
    left = list(tmp_path.glob("guide-services-*"))
    assert left, "a killed run cannot clean up after itself"

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    with Services(memcached=False, redis=False, agent=False) as services:
        assert not any(path.exists() for path in left)
        assert [p.name for p in tmp_path.glob("guide-services-*")] == [services._workdir.name]
    assert not list(tmp_path.glob("guide-services-*"))
