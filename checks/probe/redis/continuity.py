"""Commands inside and outside an application's own span, and what stays active afterwards
(as checks/probe/workloads/continuity.py, the failing command an INCR of text)."""

from __future__ import annotations

from checks.probe.steps import active_span_after_commands


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    client.set(context.key("present"), "v")
    found = active_span_after_commands(
        context, read=lambda name: client.get(context.key(name)),
        fail=lambda: client.incr(context.key("present")))
    client.delete(context.key("present"))
    client.close()
    return found
