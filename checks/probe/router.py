"""The fork server's loop: each probe request goes to the zygote of its environment.

A zygote (zygote.py) is started on the first request of an environment and kept (at most
MAX_ZYGOTES); its answers are passed on to the launcher as they come. A request whose
zygote could not start is forked here, and the probe imports ddtrace itself.
"""

from __future__ import annotations

import json
import os
import select
import signal
import traceback
from dataclasses import dataclass, field

from checks.probe import forking, zygote


class _InChild(Exception):
    """Raised in a child the router forked, to leave the router's loop with the request of
    the probe it is (forked by the router, or by a zygote)."""

    def __init__(self, request: dict):
        super().__init__()
        self.request = request


@dataclass(eq=False)  # each one is itself: found by identity
class _Zygote:
    key: str       # the environment it serves (zygote.key)
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
        self.wake = forking.wakeup_pipe()
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
                forking.reap(self.direct)  # zygotes are reaped there too; their answers say the rest
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
                    forking.wait_for(found.pid)
                return
            lines, pending = forking.split_lines(pending, data)
            for line in lines:
                self._dispatch(json.loads(line))

    def _own_fds(self) -> list[int]:
        return [*self.wake, *(fd for zygote in self.zygotes.values() for fd in (zygote.requests, zygote.answers)),
                *(zygote.answers for zygote in self.retiring)]

    def _fork(self) -> int:
        """forking.fork_tied(); in the child (0), what belongs to the router is closed."""
        pid = forking.fork_tied()
        if pid == 0:
            for fd in self._own_fds():
                os.close(fd)
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
            forking.send(request, found.requests)
        except BrokenPipeError:  # it ended: _ended forks its waiting requests here
            self._ended(found)

    def _fork_probe(self, request: dict) -> None:
        pid = self._fork()
        if pid == 0:
            raise _InChild(request)
        self.direct[pid] = request["id"]
        forking.send({"id": request["id"], "pid": pid})

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
            try:
                zygote.become_zygote(request)
            except BaseException:  # its probes are forked by the server instead
                traceback.print_exc()
                os._exit(1)
            request = forking.serve()
            if request is None:  # the server is gone or done; a zygote never traced: nothing to flush
                os._exit(0)
            raise _InChild(request)
        os.close(requests_read)
        os.close(answers_write)
        return _Zygote(key, pid, requests_write, answers_read)

    def _retire_one_if_full(self) -> None:
        """With MAX_ZYGOTES kept, end the least recently used one that runs nothing (its
        stdin closes; it exits, and its answers' end is read as any other's)."""
        if len(self.zygotes) < MAX_ZYGOTES:
            return
        for found in self.zygotes.values():
            if not found.waiting and not found.running:
                del self.zygotes[found.key]
                os.close(found.requests)
                self.retiring.append(found)
                return

    def _relay(self, found: _Zygote) -> None:
        data = os.read(found.answers, 65536)
        if not data and found in self.retiring:
            self.retiring.remove(found)
            os.close(found.answers)
            return forking.wait_for(found.pid)
        if not data:
            return self._ended(found)
        lines, found.pending = forking.split_lines(found.pending, data)
        for line in lines:
            message = json.loads(line)
            if "pid" in message:
                found.waiting.pop(message["id"], None)
                found.running.add(message["id"])
                found.started_any = True
            else:
                found.running.discard(message["id"])
            forking.send(message)

    def _ended(self, found: _Zygote) -> None:
        """A zygote ended: its probes died with it; the requests it had not started yet are
        forked here, and if it never started one, its key never gets a zygote again."""
        del self.zygotes[found.key]
        for fd in (found.requests, found.answers):
            os.close(fd)
        forking.wait_for(found.pid)
        if not found.started_any:
            self.refused.add(found.key)
        for request_id in found.running:
            forking.send({"id": request_id, "exit": -signal.SIGKILL})
        for request in found.waiting.values():
            self._fork_probe(request)
