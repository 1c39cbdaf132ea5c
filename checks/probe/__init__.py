"""The code that runs inside a check's subprocess: the traced application.

The parent (checks.runner) starts it as ``python -m checks.probe`` would run, forked from
the server of forkserver.py, with a JSON request on stdin and the test agent's session in
the environment. The probe records the library's
own calls (recorder), imports the integration (loader), runs one family's workload
(workloads/<family>.py) and prints one JSON line with what it saw. Spans travel the
real way: ddtrace sends them to the test agent, where the parent reads them.

Import-light: what every probe module shares (the fork server imports it before any fork).
"""

import ctypes
import signal
import sys


def describe_error(error: BaseException) -> str:
    """How every report names an exception: its class and its message."""
    return f"{type(error).__name__}: {error}"


def die_with_parent() -> None:
    """SIGKILL this process when its parent dies: a hung probe must not outlive the notebook
    kernel or command line that started it (nor the fork server, which exits with them)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
