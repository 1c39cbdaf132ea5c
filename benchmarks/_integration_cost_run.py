"""One run of the integration-cost benchmark, in this one process (started by integration_cost.py).

    python -m benchmarks._integration_cost_run HOST:PORT ROUNDS PER_BLOCK   (prints one JSON line)

The modes take turns on the real memcached (checks.probe.workloads.overhead.measure): the
untraced client; a pass-through ``wrapt`` wrapper (what wrapping alone costs); a bare span
without tags, then with the tags a memcached span carries; the guide's integration;
ddtrace's own. One more mode runs the bare span with timers around its parts, to split the
span's cost into creating it, finishing it, and the writer's encoding of the finished trace.
The tracer settings come from the parent (the environment), read when ddtrace is imported.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

import pymemcache.client.base
import wrapt
from ddtrace.contrib.trace_utils import unwrap
from ddtrace.trace import tracer

import integrations.memcached as guide
from benchmarks.integration_cost import GUIDE, SPAN, SPAN_TAGS, TIMED, WRAPPER
from checks.probe.workloads import overhead
from checks.probe.workloads.overhead import COMMANDS, Mode, plain_call
from checks.profiles.pymemcache import PROFILE



def _pass_through(wrapped, instance, args, kwargs):
    return wrapped(*args, **kwargs)


def _wrap_only() -> None:
    for command in COMMANDS:
        wrapt.wrap_function_wrapper(pymemcache.client.base.Client, command, _pass_through)


def _unwrap_only() -> None:
    for command in COMMANDS:
        unwrap(pymemcache.client.base.Client, command)


def _untagged_span_call(client, command: str, key: str):
    run = plain_call(client, command, key)

    def call():
        with tracer.trace(PROFILE.operation_name, service=PROFILE.default_service, resource=command,
                          span_type=PROFILE.span_type):
            return run()

    return call


class SpanParts:
    """Nanoseconds spent creating spans, finishing them, and, within finishing, in the
    writer's ``write`` (the finished trace encoded into its buffer)."""

    def __init__(self):
        self.ns = {"creation": 0, "finishing": 0, "writer": 0}
        self.calls = 0
        self.finishing = False  # the writer serves every mode: count only this mode's traces
        writer = tracer._span_aggregator.writer
        write = writer.write

        def timed_write(*args, **kwargs):
            if not self.finishing:
                return write(*args, **kwargs)
            began = time.thread_time_ns()
            try:
                return write(*args, **kwargs)
            finally:
                self.ns["writer"] += time.thread_time_ns() - began

        writer.write = timed_write  # an instance attribute: only this process's writer

    def call(self, client, command: str, key: str):
        run = plain_call(client, command, key)
        clock, ns = time.thread_time_ns, self.ns  # CPU time: a preemption is not counted

        def call():
            self.calls += 1
            began = clock()
            span = tracer.trace(PROFILE.operation_name, service=PROFILE.default_service, resource=command,
                                span_type=PROFILE.span_type)
            created = clock()
            try:
                return run()
            finally:
                self.finishing = True
                ran = clock()
                span.finish()
                ns["finishing"] += clock() - ran
                self.finishing = False
                ns["creation"] += created - began

        return call

    def per_call_us(self) -> dict[str, float]:
        parts = {name: value / max(self.calls, 1) / 1000 for name, value in self.ns.items()}
        parts["finishing"] -= parts["writer"]  # the writer's part is reported on its own
        return parts


def other_threads(samples: dict) -> dict:
    """CPU µs per command spent outside the main thread (the writer sending traces), averaged
    over every block: the writer sends once a second, so a best block would hide it."""
    return {mode: {command: statistics.fmean(cpu - main for cpu, main in zip(clocks["cpu"], clocks["main"]))
                   for command, clocks in by_command.items()}
            for mode, by_command in samples.items()}


def main() -> None:
    host, port = sys.argv[1].rsplit(":", 1)
    rounds, per_block = int(sys.argv[2]), int(sys.argv[3])

    def new_client():
        return pymemcache.client.base.Client((host, int(port)), connect_timeout=5, timeout=5)

    parts = SpanParts()
    builtin, bare_span = overhead.yardsticks(PROFILE)
    modes = [Mode(overhead.UNTRACED), Mode(WRAPPER, _wrap_only, _unwrap_only), Mode(SPAN, call=_untagged_span_call),
             Mode(SPAN_TAGS, call=bare_span.call), Mode(GUIDE, guide.patch, guide.unpatch), builtin,
             Mode(TIMED, call=parts.call)]
    key = "bench:cost"
    new_client().set(key, overhead.VALUE, noreply=False)
    load_before = os.getloadavg()[0]
    samples = overhead.measure(modes, new_client, key, rounds=rounds, per_block=per_block)
    result = {"best": overhead.best(samples), "span_parts": parts.per_call_us(),
              "other_threads": other_threads(samples),
              "load": [load_before, os.getloadavg()[0]]}
    tracer.flush()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
