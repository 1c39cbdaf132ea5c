"""Commands inside and outside an application's own span, and what stays active afterwards
(as checks/probe/workloads/continuity.py, the failing command an INCR of text). The library's
own code that runs inside a command: the response callback redis-py calls on a GET's reply."""

from __future__ import annotations

from checks.probe.steps import active_span_after_commands


def run(context) -> dict:
    from ddtrace.trace import tracer

    context.patch()
    client = context.new_client()
    seen = {}

    def note_active_span(response, **options):
        seen["span"] = tracer.current_span()
        return response

    client.set_response_callback("GET", note_active_span)
    client.set(context.key("present"), "v")
    found = active_span_after_commands(
        context, read=lambda name: client.get(context.key(name)),
        fail=lambda: client.incr(context.key("present")), seen_by_library=lambda: seen.get("span"))
    client.delete(context.key("present"))
    client.close()
    return found
