"""What tracing costs: the latency each mode adds to a command, measured in this one process.

Four modes take turns on the same real server (memcached; redis for the redis profile,
checks/probe/redis/overhead.py): the untraced client, the integration under
check, ddtrace's own integration of the library, and a bare ``tracer.trace`` span with the same
tags around the untraced client (the tracer's floor: what any integration pays). Each round
times one block of ``get`` and one of ``set`` per mode, the modes in a rotating order, with
patch() and unpatch() between blocks; a mode's figure is its best block, the one the other
processes of a busy machine disturbed least.

Why one process: an untraced ``get`` on loopback took 63-74 µs in a process without ddtrace
and 21 µs in one with ddtrace loaded, so figures from different processes do not subtract.

``measure()`` is also what ``make bench`` runs (benchmarks/integration_cost.py), with more
rounds and more modes.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass
from typing import Callable

from checks.probe.loader import load_integration

COMMANDS = ("get", "set")
# Blocks per mode and command at most; the best one counts. Five, not nine: the verdict is for
# gross costs (checks/families/overhead.py), and the probe runs in every full check run
# (0.18 CPU-seconds per probe instead of 0.34); `make bench` measures precisely.
ROUNDS = 5
PER_BLOCK = 20          # commands per block: short blocks, so that some escape the load
# A check shares the machine with every other check's probe: after MIN_ROUNDS, rounds stop
# once BUDGET_S seconds have passed, so that a loaded machine costs figures, not a timeout.
MIN_ROUNDS, BUDGET_S = 3, 4.0
UNTRACED, TARGET, BUILTIN, BARE_SPAN = "untraced", "target", "built-in", "bare span"
VALUE = "x" * 32

# Three clocks per block: the wall clock (the latency the application sees), the process's CPU
# time (all its threads, the tracer's writer included; it grows far less than the wall clock
# while other processes hold the CPU) and the main thread's CPU time.
CLOCKS = {"wall": time.perf_counter_ns, "cpu": time.process_time_ns, "main": time.thread_time_ns}


@dataclass
class Mode:
    """One way of running a command: ``enter``/``leave`` around its block (patch, unpatch);
    ``call(client, command, key)`` makes the zero-argument callable the block times."""
    name: str
    enter: Callable[[], object] = lambda: None
    leave: Callable[[], object] = lambda: None
    call: Callable | None = None  # None: the client's own method (traced or not by patching)


def plain_call(client, command: str, key: str) -> Callable[[], object]:
    if command == "get":
        return lambda: client.get(key)
    return lambda: client.set(key, VALUE, noreply=False)  # a round trip, as a get is


def memcached_address(client) -> tuple[str, int]:
    return client.server


def bare_span_call(profile, plain=plain_call, address=memcached_address) -> Callable:
    """``call`` for a mode that runs the command inside a span with the tags a span of the
    profile's library carries, set in the plainest public way: no wrapper, no settings, no helpers."""
    from ddtrace.trace import tracer  # here: the check's parent process imports this module, not ddtrace

    def make(client, command: str, key: str) -> Callable[[], object]:
        run = plain(client, command, key)
        host, port = address(client)
        meta = {"component": profile.default_service, "span.kind": profile.span_kind,
                "db.system": profile.db_system, "out.host": host, "server.address": host}
        metrics = {"network.destination.port": port, "_dd.measured": 1}
        resource = profile.resource(command)

        def call():
            with tracer.trace(profile.operation_name, service=profile.default_service, resource=resource,
                              span_type=profile.span_type) as span:
                span.set_tags(meta)
                span.set_metrics(metrics)
                result = run()
                if command == "get":
                    span.set_metric("db.row_count", 0 if result is None else 1)
                return result

        return call

    return make


def yardsticks(profile, plain=plain_call, address=memcached_address) -> list[Mode]:
    """ddtrace's own integration of the library, and the bare span."""
    builtin = load_integration(profile.builtin, None)
    return [Mode(BUILTIN, builtin.patch, builtin.unpatch), Mode(BARE_SPAN, call=bare_span_call(profile, plain, address))]


def time_block(call: Callable[[], object], count: int) -> dict[str, float]:
    """Microseconds per call by each clock, over ``count`` calls in a row."""
    began = {clock: read() for clock, read in CLOCKS.items()}
    for _ in range(count):
        call()
    ended = {clock: read() for clock, read in CLOCKS.items()}
    return {clock: (ended[clock] - began[clock]) / count / 1000 for clock in CLOCKS}


def measure(modes: list[Mode], new_client: Callable[[], object], key: str, rounds: int = ROUNDS,
            per_block: int = PER_BLOCK, budget_s: float | None = None,
            plain: Callable = plain_call) -> dict[str, dict[str, dict[str, list[float]]]]:
    """{mode: {command: {clock: [µs per command, one per block]}}}, the modes interleaved
    round by round; with ``budget_s``, no new round starts after that many seconds (once
    MIN_ROUNDS are done)."""
    samples = {mode.name: {command: {clock: [] for clock in CLOCKS} for command in COMMANDS} for mode in modes}
    deadline = time.monotonic() + budget_s if budget_s is not None else None
    for round_number in range(rounds):
        if deadline is not None and round_number >= MIN_ROUNDS and time.monotonic() > deadline:
            break
        shift = round_number % len(modes)  # no mode always runs first, or right after another
        for mode in modes[shift:] + modes[:shift]:
            mode.enter()
            try:
                client = new_client()  # after patch(): an integration may replace the class
                for command in COMMANDS:
                    call = (mode.call or plain)(client, command, key)
                    call()  # connects, and fills the caches of this path
                    for clock, figure in time_block(call, per_block).items():
                        samples[mode.name][command][clock].append(figure)
                client.close()
            finally:
                mode.leave()
    return samples


def best(samples: dict, pick: Callable[[list[float]], float] = min) -> dict[str, dict[str, dict[str, float]]]:
    """Each mode's best block (or, with ``pick=statistics.median``, its typical one), by each
    clock: {mode: {command: {clock: µs}}}."""
    return {mode: {command: {clock: pick(values) for clock, values in clocks.items()}
                   for command, clocks in by_command.items()}
            for mode, by_command in samples.items()}


def run(context, plain: Callable = plain_call, address: Callable = memcached_address) -> dict:
    """The pymemcache workload; another library's passes its own ``plain`` (a get and a set
    with its client) and ``address`` (the client's server host and port)."""
    key = context.key("overhead")
    # The first patch() and commands run with the starter-stub watch on, as in every workload:
    # an unwritten function is reported, not timed.
    context.patch()
    client = context.new_client()
    for command in COMMANDS:
        plain(client, command, key)()
    client.close()
    context.integration.unpatch()
    watch = sys.gettrace()
    sys.settrace(None)  # the watch's trace function would slow every call (88 -> 166 µs per get)
    try:
        modes = [Mode(UNTRACED), Mode(TARGET, context.integration.patch, context.integration.unpatch),
                 *yardsticks(context.profile, plain, address)]
        samples = measure(modes, context.new_client, key, budget_s=BUDGET_S, plain=plain)
    finally:
        sys.settrace(watch)
    return {"best": best(samples), "typical": best(samples, statistics.median)}
