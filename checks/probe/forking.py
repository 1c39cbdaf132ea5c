"""The fork-per-request loop and its pipe plumbing, shared by the fork server's router and
every zygote (the protocol: checks/probe/forkserver.py)."""

from __future__ import annotations

import json
import os
import select
import signal

from checks.probe import die_with_parent


def send(message: dict, fd: int = 1) -> None:
    """One message, a JSON line (the protocol's framing, here only): an answer on stdout, to
    the launcher or from a zygote to the router; or a request from the router to a zygote."""
    write_all(fd, (json.dumps(message) + "\n").encode())


def exit_status(status: int) -> int:
    """A waitpid() status as the protocol says it: the exit code, or minus the signal's number."""
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def wakeup_pipe() -> tuple[int, int]:
    """A pipe that a SIGCHLD makes readable, so one select() hears of requests and exits."""
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler, so the wakeup fd hears of it
    return wake_read, wake_write


def split_lines(pending: bytes, data: bytes) -> tuple[list[bytes], bytes]:
    *lines, pending = (pending + data).split(b"\n")
    return [line for line in lines if line], pending


def fork_tied() -> int:
    """os.fork(), the child dying with this process (die_with_parent) and, unlike this loop,
    handling SIGCHLD the default way with no wakeup pipe."""
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        die_with_parent(parent)
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    return pid


def serve() -> dict | None:
    """A zygote's loop: fork a probe for each request until stdin closes (then return None).
    In a forked probe this returns its request, with the zygote's own state left behind."""
    wake_read, wake_write = wakeup_pipe()
    running: dict[int, object] = {}  # pid -> request id
    pending = b""
    while True:
        try:
            ready, _, _ = select.select([0, wake_read], [], [])
        except InterruptedError:
            continue
        if wake_read in ready:
            os.read(wake_read, 4096)
            reap(running)
        if 0 not in ready:
            continue
        data = os.read(0, 65536)
        if not data:  # the server is gone or done
            return None
        lines, pending = split_lines(pending, data)
        for line in lines:
            request = json.loads(line)
            pid = fork_tied()
            if pid == 0:
                for fd in (wake_read, wake_write):
                    os.close(fd)
                return request
            running[pid] = request["id"]
            send({"id": request["id"], "pid": pid})


def reap(running: dict[int, object]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid in running:
            send({"id": running.pop(pid), "exit": exit_status(status)})


def wait_for(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # already reaped
        pass


def write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data):]
