"""The code that runs inside a check's subprocess: the traced application.

The parent (checks.runner) starts it as ``python -m checks.probe`` would run, forked from
a zygote of the fork server (forkserver.py), with a JSON request on stdin and the test
agent's session in the environment. The probe records the library's
own calls (recorder), imports the integration (loader), runs one family's workload
(workloads/<family>.py) and prints one JSON line with what it saw. Spans travel the
real way: ddtrace sends them to the test agent, where the parent reads them.

Import-light: what every probe module shares (the fork server imports it before any fork).
"""

import ctypes
import os
import signal
import sys


def describe_error(error: BaseException) -> str:
    """How every report names an exception: its class and its message."""
    return f"{type(error).__name__}: {error}"


def die_with_parent(parent: int) -> None:
    """SIGKILL this process when its parent (pid ``parent``, which forked it) dies: a hung
    probe must not outlive the notebook kernel or command line that started it, nor the
    fork server and zygote between them, which exit with it. Called first thing after the
    fork: a parent that died before the call is seen at once."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before the signal was asked for: die as if sent
        os.kill(os.getpid(), signal.SIGKILL)
