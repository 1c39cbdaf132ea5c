"""Workload steps that are the same for every library: only the commands differ, and each
profile's workload (checks/probe/workloads, checks/probe/redis) passes its own."""

from __future__ import annotations

from typing import Callable

from checks.probe.plans import APP_SPAN, INSIDE, OUTSIDE, describe_span
from checks.probe import describe_error


def run_each(context, steps) -> dict:
    """Run each ``(command, call)`` in a window of its own; what raised, and which raised
    from a starter not written yet."""
    errors, not_written = {}, {}
    for command, call in steps:
        with context.window(command):
            try:
                call()
            except Exception as error:
                errors[command] = describe_error(error)
                stub = context.stubs.origin(error)
                if stub:
                    not_written[command] = stub
    return {"errors": errors, "not_written": not_written}


def active_span_after_commands(context, read: Callable[[str], object], fail: Callable[[], object],
                               seen_by_library: Callable[[], object]) -> dict:
    """Trace continuity: ``read("present")`` (succeeds) and ``fail()`` (a command that fails),
    each inside an application span of its own, then ``read`` of a present and an absent key
    outside any span; after each command inside, is the application's span still active?
    And while the succeeding read ran, which span did the library's own code see active?
    (``seen_by_library()``: the span a callback of the library's noted, such as a serializer.)"""
    from ddtrace.trace import tracer  # here, not at the top: run_each's workloads never load it

    active_after, active_during = {}, None
    for label, fails in INSIDE:
        with context.window(label, commands=1):
            with tracer.trace(APP_SPAN, resource=label) as application:
                try:
                    fail() if fails else read("present")
                except Exception as error:
                    if not fails or context.stubs.origin(error):
                        raise  # not the failure this step makes: the probe reports it
                if not fails:
                    seen = seen_by_library()
                    active_during = {"span_id": seen.span_id if seen else None, "active": describe_span(seen)}
                current = tracer.current_span()
                active_after[label] = {"same": current is application, "active": describe_span(current)}
    with context.window(OUTSIDE, commands=2):
        read("present")
        read("absent")
    return {"active_after": active_after, "active_during": active_during}
