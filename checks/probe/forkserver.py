"""Start probes by forking processes that have already imported what they import.

A probe is a fresh Python process, and nearly all of its CPU goes into imports: about a
third of a CPU-second, half of it the standard library and ddtrace's dependencies, half
ddtrace. This server imports the first half once. ddtrace it never imports: ddtrace reads
its settings (naming schema, service, agent URL) from the environment when it is imported,
and probes differ in those. Instead, for each environment its requests name (less the test
agent session) it forks a zygote (zygote.py) that imports ddtrace under that environment
and then forks the probes of that environment (``serve``). Each probe goes on exactly as
``python -P -m checks.probe`` would: same sys.path, its own environment, session and
process group, the interpreter's exit but for the teardown of its modules.

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
import json
import os
import runpy
import select
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field

from checks.probe import die_with_parent, zygote

# Imported by every probe, never reading a DD_* setting: the standard library's heavier
# modules, ddtrace's dependencies, the profiles' client libraries and the probe's own code.
PRELOAD = (
    "asyncio", "base64", "bz2", "calendar", "concurrent.futures", "csv", "ctypes", "dataclasses",
    "datetime", "dis", "email.message", "email.parser", "email.utils", "gzip", "hashlib", "http.client",
    "importlib.metadata", "inspect", "ipaddress", "json", "logging", "lzma", "pickle", "platform",
    "queue", "random", "shutil", "socket", "ssl", "subprocess", "tempfile", "textwrap", "tokenize",
    "typing", "unicodedata", "urllib.parse", "urllib.request", "uuid", "zipfile",
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


def _send(message: dict) -> None:
    os.write(1, (json.dumps(message) + "\n").encode())


def _exit_status(status: int) -> int:
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _wakeup_pipe() -> tuple[int, int]:
    """A pipe that a SIGCHLD makes readable, so one select() hears of requests and exits."""
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler, so the wakeup fd hears of it
    return wake_read, wake_write


def _lines(pending: bytes, data: bytes) -> tuple[list[bytes], bytes]:
    *lines, pending = (pending + data).split(b"\n")
    return [line for line in lines if line], pending


def serve() -> dict | None:
    """A zygote's loop: fork a probe for each request until stdin closes (then return None).
    In a forked probe this returns its request, with the zygote's own state left behind."""
    wake_read, wake_write = _wakeup_pipe()
    running: dict[int, object] = {}  # pid -> request id
    pending = b""
    while True:
        try:
            ready, _, _ = select.select([0, wake_read], [], [])
        except InterruptedError:
            continue
        if wake_read in ready:
            os.read(wake_read, 4096)
            _reap(running)
        if 0 not in ready:
            continue
        data = os.read(0, 65536)
        if not data:  # the server is gone or done
            return None
        lines, pending = _lines(pending, data)
        for line in lines:
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                for fd in (wake_read, wake_write):
                    os.close(fd)
                return request
            running[pid] = request["id"]
            _send({"id": request["id"], "pid": pid})


def _reap(running: dict[int, object]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid in running:
            _send({"id": running.pop(pid), "exit": _exit_status(status)})


class _InChild(Exception):
    """Raised in a child the router forked, to leave the router's loop with the request of
    the probe it is (forked by the router, or by a zygote)."""

    def __init__(self, request: dict):
        super().__init__()
        self.request = request


@dataclass(eq=False)  # each one is itself: found by identity
class _Zygote:
    pid: int
    requests: int  # the pipe we write its requests to
    answers: int   # the pipe we read its answers from
    waiting: dict = field(default_factory=dict)  # id -> request, sent but not started yet
    running: set = field(default_factory=set)    # ids started, not ended
    started_any: bool = False
    pending: bytes = b""


# Zygotes kept at most, each about 18 MB of its own: a whole check run needs 8 (a target's
# environments), so two targets' runs (a chapter comparing ours with ddtrace's) keep theirs.
# Beyond this, the one used least recently and idle ends.
MAX_ZYGOTES = 16


class Router:
    """The server's loop: each request goes to the zygote of its environment (started on
    first need), whose answers are passed on as they come; a request whose zygote could not
    start is forked here, and the probe imports ddtrace itself."""

    def __init__(self):
        self.wake = _wakeup_pipe()
        self.zygotes: dict[str, _Zygote] = {}  # least recently used first
        self.retiring: list[_Zygote] = []      # told to end (stdin closed), answers still read
        self.refused: set[str] = set()  # keys whose zygote ended before starting any probe
        self.direct: dict[int, object] = {}  # pid -> request id, of the probes forked here

    def run(self) -> dict | None:
        """Route until stdin closes (then return None). In a forked child, return what it runs."""
        try:
            self._loop()
        except _InChild as child:
            return child.request
        return None

    def _loop(self) -> None:
        pending = b""
        while True:
            by_fd = {zygote.answers: zygote for zygote in (*self.zygotes.values(), *self.retiring)}
            try:
                ready, _, _ = select.select([0, self.wake[0], *by_fd], [], [])
            except InterruptedError:
                continue
            if self.wake[0] in ready:
                os.read(self.wake[0], 4096)
                _reap(self.direct)  # zygotes are reaped there too; their answers say the rest
            for fd in ready:
                if fd in by_fd:
                    self._relay(by_fd[fd])
            if 0 not in ready:
                continue
            data = os.read(0, 65536)
            if not data:  # the parent is gone or done: so are the zygotes, once their stdin closes
                for found in self.zygotes.values():
                    os.close(found.requests)
                for found in (*self.zygotes.values(), *self.retiring):
                    _wait_for(found.pid)
                return
            lines, pending = _lines(pending, data)
            for line in lines:
                self._dispatch(json.loads(line))

    def _own_fds(self) -> list[int]:
        return [*self.wake, *(fd for zygote in self.zygotes.values() for fd in (zygote.requests, zygote.answers)),
                *(zygote.answers for zygote in self.retiring)]

    def _fork(self) -> int:
        """os.fork(); in the child (0), what belongs to the router is closed."""
        pid = os.fork()
        if pid == 0:
            for fd in self._own_fds():
                os.close(fd)
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        return pid

    def _dispatch(self, request: dict) -> None:
        key = zygote.key(request)
        if key in self.refused:
            return self._fork_probe(request)
        found = self.zygotes.pop(key, None)
        if found is None:
            self._retire_one_if_full()
            found = self._start_zygote(key, request)
        self.zygotes[key] = found  # the most recently used, last
        found.waiting[request["id"]] = request
        try:
            _write_all(found.requests, (json.dumps(request) + "\n").encode())
        except BrokenPipeError:  # it ended: _ended forks its waiting requests here
            self._ended(key, found)

    def _fork_probe(self, request: dict) -> None:
        pid = self._fork()
        if pid == 0:
            raise _InChild(request)
        self.direct[pid] = request["id"]
        _send({"id": request["id"], "pid": pid})

    def _start_zygote(self, key: str, request: dict) -> _Zygote:
        requests_read, requests_write = os.pipe()
        answers_read, answers_write = os.pipe()
        pid = self._fork()
        if pid == 0:
            for fd in (requests_write, answers_read):
                os.close(fd)
            for fd, into in ((requests_read, 0), (answers_write, 1)):
                os.dup2(fd, into)
                os.close(fd)
            die_with_parent()
            try:
                zygote.become_zygote(request)
            except BaseException:  # its probes are forked by the server instead
                traceback.print_exc()
                os._exit(1)
            request = serve()
            if request is None:  # the server is gone or done; a zygote never traced: nothing to flush
                os._exit(0)
            raise _InChild(request)
        os.close(requests_read)
        os.close(answers_write)
        return _Zygote(pid, requests_write, answers_read)

    def _retire_one_if_full(self) -> None:
        """With MAX_ZYGOTES kept, end the least recently used one that runs nothing (its
        stdin closes; it exits, and its answers' end is read as any other's)."""
        if len(self.zygotes) < MAX_ZYGOTES:
            return
        for key, found in self.zygotes.items():
            if not found.waiting and not found.running:
                del self.zygotes[key]
                os.close(found.requests)
                self.retiring.append(found)
                return

    def _relay(self, found: _Zygote) -> None:
        data = os.read(found.answers, 65536)
        if not data and found in self.retiring:
            self.retiring.remove(found)
            os.close(found.answers)
            return _wait_for(found.pid)
        if not data:
            return self._ended(next(key for key, z in self.zygotes.items() if z is found), found)
        lines, found.pending = _lines(found.pending, data)
        for line in lines:
            message = json.loads(line)
            if "pid" in message:
                found.waiting.pop(message["id"], None)
                found.running.add(message["id"])
                found.started_any = True
            else:
                found.running.discard(message["id"])
            _send(message)

    def _ended(self, key: str, found: _Zygote) -> None:
        """A zygote ended: its probes died with it; the requests it had not started yet are
        forked here, and if it never started one, its key never gets a zygote again."""
        del self.zygotes[key]
        for fd in (found.requests, found.answers):
            os.close(fd)
        _wait_for(found.pid)
        if not found.started_any:
            self.refused.add(key)
        for request_id in found.running:
            _send({"id": request_id, "exit": -signal.SIGKILL})
        for request in found.waiting.values():
            self._fork_probe(request)


def _wait_for(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # already reaped
        pass


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data):]


def become_probe(request: dict) -> None:
    """In the forked child: the probe's own session, signals, files and environment."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.setsid()  # its own process group: a hung probe is killed with everything it started
    die_with_parent()  # the server exits with its parent (its stdin closes); the probe dies with it
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
