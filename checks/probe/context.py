"""What a workload gets: the integration, the server, fresh clients, and time windows.

A window marks when a group of commands ran (wall-clock nanoseconds, the clock ddtrace
stamps span starts with). The parent sorts the spans it reads from the test agent into
windows by their start time, so every span is tied to the commands that made it without
adding anything to the spans themselves.
"""

from __future__ import annotations

import contextlib
import time
from typing import Callable

from checks.keys import new_namespace
from checks.probe import describe_error
from checks.probe.loader import Integration, TargetError
from checks.probe.stubs import StubWatch


class ProbeContext:
    def __init__(self, integration: Integration, server: tuple[str, int],
                 recorder, client_factory: Callable, profile=None):
        self.integration = integration
        self.profile = profile  # checks.profiles.Profile: the library the workload drives
        self.server = server
        self._client_factory = client_factory  # the profile's: new_client(server, **kwargs)
        self.recorder = recorder
        self.windows: list[dict] = []
        # Parallel probes share one memcached: each uses keys of its own.
        self._namespace = new_namespace()
        self._patched_once = False
        self.stubs = StubWatch(integration.root)
        # What the workload was doing, to say where a stub stopped it.
        self.stage = "the workload"
        # What a workload learned that stays true if a stub stops it later.
        self.facts: dict = {}

    def count_spans_started(self) -> None:
        """From now on, facts["spans_started"] counts every span the tracer starts, sent or
        not: with DD_TRACE_ENABLED=false none is sent, and an integration that honours the
        setting starts none either. Only the workloads that read it ask: the listener runs on
        every span, and the overhead workload times spans."""
        from ddtrace.internal import core  # here: the fork server preloads this module, not ddtrace

        self.facts["spans_started"] = 0
        core.on("trace.span_start", self._span_started)

    def _span_started(self, span) -> None:
        self.facts["spans_started"] += 1

    def key(self, name: str) -> str:
        return f"{self._namespace}{name}"

    def new_client(self, server: tuple[str, int] | None = None, **kwargs):
        return self._client_factory(tuple(server or self.server), **kwargs)

    def patch(self) -> None:
        """The first patch() of a workload: if it raises, the integration cannot be checked,
        unless it is a stub, which the probe reports as not written yet."""
        if self._patched_once:
            self.integration.patch()
            return
        self.stage = "patch()"
        try:
            self.integration.patch()
        except Exception as error:
            if self.stubs.origin(error):
                raise
            raise TargetError(f"patch() raised {describe_error(error)}") from None
        self.stage = "a command"
        self._patched_once = True

    @contextlib.contextmanager
    def window(self, label: str, **details):
        entry = {"label": label, "begin": time.time_ns(), **details}
        self.windows.append(entry)
        try:
            yield entry
        finally:
            entry["end"] = time.time_ns()
