"""Start the guide's services together on free loopback ports, and always stop them.

    with Services() as services:
        services.memcached.address        # ('127.0.0.1', 41234)
        session = services.agent_client.session().start()

Stopping happens on normal exit, on an exception, on Ctrl-C (the ``with`` block unwinds),
at interpreter exit (atexit), and even when this process is killed outright: every server
gets the Linux parent-death signal (see harness.process).
"""

from __future__ import annotations

import atexit
import shutil
from pathlib import Path
from typing import Callable

import port_for

from harness.agent import TestAgentClient
from harness.errors import ServiceError
from harness.process import (START_TIMEOUT, PortInUseError, RunningServer, ServerExitedError, ServerSpec,
                             start_server)
from harness.scratch import owned_scratch_dir
from harness.servers import MEMCACHED, REDIS, TestAgentSpec

_live_stacks: "set[Services]" = set()  # stopped at interpreter exit, even if dropped unstopped
_WORKDIR_PREFIX = "guide-services-"
_PORT_ATTEMPTS = 3


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    return port_for.select_random()


class Services:
    """memcached, redis-server and the APM test agent, each on its own free port."""

    def __init__(self, memcached: bool = True, redis: bool = True, agent: bool = True,
                 snapshot_dir: str | Path | None = None, snapshot_ci_mode: bool = False,
                 agent_port: int | None = None, timeout: float = START_TIMEOUT):
        self._wanted = {"memcached": memcached, "redis": redis, "agent": agent}
        # Its logs and snapshots; a later run removes it if we are killed outright.
        self._workdir = owned_scratch_dir(_WORKDIR_PREFIX)
        self.snapshot_dir = Path(snapshot_dir) if snapshot_dir else self._workdir / "snapshots"
        self.snapshot_dir.mkdir(parents=True, exist_ok=True)
        self._snapshot_ci_mode = snapshot_ci_mode
        self._agent_port = agent_port
        self._timeout = timeout
        self.memcached: RunningServer | None = None
        self.redis: RunningServer | None = None
        self.agent: RunningServer | None = None
        self.agent_client: TestAgentClient | None = None

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> "Services":
        _live_stacks.add(self)
        try:
            # The agent first: it takes longest, and an in-process tracer needs its URL.
            if self._wanted["agent"]:
                self.agent = self._start_agent()
                self.agent_client = TestAgentClient(self.agent_url)
            if self._wanted["memcached"]:
                self.memcached = self._start_with_free_port(lambda: MEMCACHED)
            if self._wanted["redis"]:
                self.redis = self._start_with_free_port(lambda: REDIS)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for server in (self.redis, self.memcached, self.agent):
            if server is not None:
                server.stop()
        _live_stacks.discard(self)
        shutil.rmtree(self._workdir, ignore_errors=True)

    def __enter__(self) -> "Services":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # -- what callers use ----------------------------------------------------------------
    @property
    def agent_url(self) -> str:
        if self.agent is None:
            raise ServiceError("the test agent was not started by this Services.",
                               "create Services(agent=True).")
        return f"http://{self.agent.host}:{self.agent.port}"

    def servers(self) -> list[RunningServer]:
        return [s for s in (self.agent, self.memcached, self.redis) if s is not None]

    def pids(self) -> list[int]:
        return [s.pid for s in self.servers() if s.pid is not None]

    def startup_seconds(self) -> dict[str, float]:
        return {s.name: s.startup_seconds for s in self.servers()}

    def __repr__(self) -> str:
        return f"<Services {', '.join(map(repr, self.servers())) or 'stopped'}>"

    # -- starting ----------------------------------------------------------------------
    def _start_with_free_port(self, make_spec: Callable[[], ServerSpec],
                              port: int | None = None) -> RunningServer:
        """Start on ``port``, or on free ports chosen anew for each attempt."""
        if port is not None:
            return start_server(make_spec(), port, self._workdir, self._timeout)
        for attempt in range(_PORT_ATTEMPTS):
            try:
                return start_server(make_spec(), free_port(), self._workdir, self._timeout)
            except (ServerExitedError, PortInUseError):
                # Another process took a port between our choosing it and the server binding it.
                if attempt == _PORT_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def _start_agent(self) -> RunningServer:
        def spec() -> TestAgentSpec:
            return TestAgentSpec(snapshot_dir=self.snapshot_dir.resolve(),
                                 otlp_ports=(free_port(), free_port()), ci_mode=self._snapshot_ci_mode)
        return self._start_with_free_port(spec, self._agent_port)


@atexit.register
def _stop_live_stacks() -> None:
    for stack in list(_live_stacks):
        stack.stop()
