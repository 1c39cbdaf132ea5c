"""Commands inside and outside an application's own span, and what stays active afterwards
(as checks/probe/workloads/continuity.py, the failing command an INCR of text)."""

from __future__ import annotations

from ddtrace.trace import tracer

from checks.probe.plans import APP_SPAN, INSIDE, OUTSIDE, describe_span


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    client.set(context.key("present"), "v")
    active_after = {}
    for label, fails in INSIDE:
        with context.window(label, commands=1):
            with tracer.trace(APP_SPAN, resource=label) as application:
                try:
                    client.incr(context.key("present")) if fails else client.get(context.key("present"))
                except Exception as error:
                    if not fails or context.stubs.origin(error):
                        raise  # not the failure this step makes: the probe reports it
                current = tracer.current_span()
                active_after[label] = {"same": current is application, "active": describe_span(current)}
    with context.window(OUTSIDE, commands=2):
        client.get(context.key("present"))
        client.get(context.key("absent"))
    client.delete(context.key("present"))
    client.close()
    return {"active_after": active_after}
