"""Start probes by forking processes that have already imported what they import.

A probe is a fresh Python process, and nearly all of its CPU goes into imports: about a
third of a CPU-second, half of it the standard library and ddtrace's dependencies, half
ddtrace. This server imports the first half once. ddtrace it never imports: ddtrace reads
its settings (naming schema, service, agent URL) from the environment when it is imported,
and probes differ in those. Instead, for each environment its requests name (less the test
agent session) it forks a zygote (zygote.py) that imports ddtrace under that environment
and then forks the probes of that environment (router.py routes the requests, forking.py
is the loop a zygote runs). Each probe goes on exactly as ``python -P -m checks.probe``
would (become_probe): same sys.path, its own environment, session and process group, the
interpreter's exit but for the teardown of its modules (end_without_teardown).

Protocol, one JSON object per line. The parent (checks.launcher) writes requests on our
stdin: {"id", "env", "cwd", "stdin", "stdout", "stderr"} (the last three: paths of files).
We answer on stdout {"id", "pid"} once the probe runs, and {"id", "exit"} when it ended
(the exit status; minus the signal's number if a signal killed it). A zygote speaks the
same protocol to us over two pipes, and we pass its answers on. Our stdin closing means
the parent is gone: we close the zygotes' stdin, wait for them and exit; every probe still
running is killed with its zygote.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import os
import runpy
import sys
import threading

from checks.probe import zygote
from checks.probe.router import Router

# Imported by every probe, never reading a DD_* setting: the standard library's heavier
# modules, ddtrace's dependencies, the profiles' client libraries and the probe's own code.
PRELOAD = (
    "asyncio", "base64", "bz2", "calendar", "concurrent.futures", "csv", "ctypes", "dataclasses",
    "datetime", "dis", "email.message", "email.parser", "email.utils", "gzip", "hashlib", "http.client",
    "importlib.metadata", "inspect", "ipaddress", "json", "logging", "lzma", "pickle", "platform",
    "queue", "random", "shutil", "socket", "ssl", "subprocess", "tempfile", "textwrap", "tokenize",
    "typing", "unicodedata", "urllib.parse", "urllib.request", "uuid", "zipfile", "encodings.idna",
    "bytecode", "envier", "wrapt", "pymemcache.client.base", "pymemcache.client.hash", "redis",
    "checks.keys", "checks.probe.context", "checks.probe.protocol", "checks.profiles", "harness.tracing",
)


def _preload() -> None:
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # a client library this environment does not have
            pass
    # What is loaded now stays out of every garbage collection: a collection in a probe would
    # otherwise walk (and so copy, page by page) the objects it shares with this process.
    gc.collect()
    gc.freeze()


@contextlib.contextmanager
def end_without_teardown():
    """End the process as Python ends it, but for the final teardown of every module.

    At exit Python prints an uncaught exception, joins the threads, runs the atexit hooks
    (ddtrace's among them) and flushes the standard streams; then it frees every module and
    object, which in a fork means copying the pages shared with this server: about a fifth
    of a probe's CPU, for nothing a check reads. This does the first steps, in that order,
    and then ends the process with the status Python would have given. (``threading._shutdown``
    and ``atexit._run_exitfuncs`` are the very functions Python's own exit calls.)
    """
    status = 0
    try:
        yield
    except SystemExit as exit:
        if exit.code is None or isinstance(exit.code, int):
            status = exit.code or 0
        else:  # sys.exit("message"): Python prints the message and exits with 1
            print(exit.code, file=sys.stderr)
            status = 1
    except BaseException:
        sys.excepthook(*sys.exc_info())
        status = 1
    threading._shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed, or its file is gone: nothing to flush
            pass
    os._exit(status)


def become_probe(request: dict) -> None:
    """In the forked child (fork_tied has reset its signals): the probe's own session, files
    and environment."""
    os.setsid()  # its own process group: a hung probe is killed with everything it started
    for fd, path, flags in ((0, request["stdin"], os.O_RDONLY),
                            (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                            (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
        opened = os.open(path, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])


if __name__ == "__main__":
    _preload()
    probe_request = Router().run()
    if probe_request is None:  # our parent is gone or done
        sys.exit(0)
    become_probe(probe_request)
    zygote.replay_startup_output()
    # As `python -m checks.probe` runs it: sys.argv and __main__ are the probe's, and its
    # sys.exit() ends this process the normal way (threads joined, atexit hooks, streams
    # flushed), all but the teardown of the modules (end_without_teardown).
    with end_without_teardown():
        runpy.run_module("checks.probe", run_name="__main__", alter_sys=True)
