"""The probes' fork server (checks/launcher.py, checks/probe/forkserver.py): a probe's exit
status and output come back, a server that died is replaced, and killing the process that
started it leaves neither the server nor a probe behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from checks import launcher
from checks.runner import python_executable
from harness.tracing import child_env
from tests.checks.conftest import REPO, broken
from tests.processes import running


def test_a_probe_that_crashes_reports_its_exit_status_and_what_it_printed():
    probe = launcher.launch(python_executable(), child_env(), "not a request")
    assert probe.wait(60) == 1
    stdout, stderr = probe.output()
    assert stdout == ""
    assert "JSONDecodeError" in stderr
    assert not probe.folder.exists()


def test_a_server_that_died_is_started_again():
    launcher.launch(python_executable(), child_env(), "not a request").wait(60)
    first = launcher.server(python_executable()).pid
    os.kill(first, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while running(first) and time.monotonic() < deadline:
        time.sleep(0.05)
    probe = launcher.launch(python_executable(), child_env(), "not a request")
    assert probe.wait(60) == 1
    assert launcher.server(python_executable()).pid not in (None, first)


KILLED_MID_CHECK = textwrap.dedent(f"""
    import json, threading, time
    from checks import launcher
    from checks.suite import run_checks
    from tests.processes import running_children

    threading.Thread(target=run_checks, args=({broken("hangs")!r},),
                     kwargs={{"checks": ("coverage",), "timeout": 120}}, daemon=True).start()
    while True:  # until the probe runs: a child of one of the server's zygotes
        servers = launcher.server_pids()
        zygotes = running_children(*servers)
        probes = running_children(*zygotes)
        if probes:
            print(json.dumps({{"server": sorted(servers), "zygotes": zygotes, "probes": probes}}), flush=True)
            time.sleep(120)
        time.sleep(0.05)
""")


def test_killing_the_process_that_started_it_leaves_no_server_zygote_or_probe(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", KILLED_MID_CHECK], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(tmp_path)})
    try:
        started = json.loads(parent.stdout.readline() or "null")
        assert started, parent.stderr.read()
    finally:
        parent.kill()
        parent.wait(30)
    pids = started["server"] + started["zygotes"] + started["probes"]
    deadline = time.monotonic() + 10
    while any(map(running, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in pids if running(pid)] == []


def test_a_server_that_cannot_start_says_why(tmp_path):
    # A Python whose import of the server fails: its error reaches the probe's caller.
    broken_python = tmp_path / "python"
    broken_python.write_text(f"#!/bin/sh\nexec {python_executable()} -c 'raise SystemExit(\"no fork server here\")'\n")
    broken_python.chmod(0o755)
    with pytest.raises(launcher.LauncherError, match="no fork server here"):
        launcher.launch(str(broken_python), child_env(), "not a request")


_ENDING = textwrap.dedent("""
    import atexit, sys, threading, time
    from checks.probe.forkserver import end_without_teardown

    class Torn:
        def __del__(self):
            print("torn down")

    kept = Torn()  # a module global: only the teardown of the modules would free it
    atexit.register(lambda: print("atexit hook ran"))
    threading.Thread(target=lambda: (time.sleep(0.2), print("thread joined"))).start()
    with end_without_teardown():
        print("unflushed", end="")
        {ending}
""")


@pytest.mark.parametrize("ending, status, stderr", [
    ("pass", 0, ""), ("sys.exit(3)", 3, ""), ("sys.exit('bad request')", 1, "bad request"),
    ("raise ValueError('broken')", 1, "ValueError: broken")])
def test_a_probe_ends_as_python_ends_it_but_for_the_teardown(ending, status, stderr):
    done = subprocess.run([sys.executable, "-c", _ENDING.format(ending=ending)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == status, done.stderr
    # The thread joined, then the atexit hook ran, then the streams were flushed, as at any
    # exit; but no module was torn down (a plain exit would print "torn down" last).
    assert done.stdout == "unflushedthread joined\natexit hook ran\n"
    assert stderr in done.stderr


@pytest.mark.parametrize("parent, survives", [("os.getppid()", True), ("os.getppid() + 1", False)],
                         ids=["its parent lives", "its parent died before it asked"])
def test_a_forked_process_dies_with_its_parent_even_one_gone_already(parent, survives):
    # A zygote can exit just after forking a probe, before the probe asks to die with it:
    # the probe then finds another parent (init) and ends as the signal would have ended it.
    done = subprocess.run([sys.executable, "-c", f"import os\nfrom checks.probe import die_with_parent\n"
                           f"die_with_parent({parent})\nprint('alive')"], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == ((0, "alive") if survives else (-signal.SIGKILL, ""))
