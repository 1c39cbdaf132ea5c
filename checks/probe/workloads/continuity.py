"""Commands inside and outside an application's own span, and what stays active afterwards.

- inside: a command that succeeds, and one that fails (a key with a space, refused by
  pymemcache), each inside an application span of its own;
- outside: two commands with no span active, each of which must start a trace of its own.

The spans are judged by the parent; here we note, after each command, whether the span the
application had active before it is still the active one.
"""

from __future__ import annotations

from ddtrace.trace import tracer

from checks.probe.plans import APP_SPAN, INSIDE, OUTSIDE
from checks.probe.plans import describe_span as _describe


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    client.set(context.key("present"), "v", noreply=False)
    active_after = {}
    for label, fails in INSIDE:
        key = context.key("has space" if fails else "present")
        with context.window(label, commands=1):
            with tracer.trace(APP_SPAN, resource=label) as application:
                try:
                    client.get(key)
                except Exception as error:
                    if not fails or context.stubs.origin(error):
                        raise  # not the failure this step makes: the probe reports it
                current = tracer.current_span()
                active_after[label] = {"same": current is application, "active": _describe(current)}
    with context.window(OUTSIDE, commands=2):
        client.get(context.key("present"))
        client.get(context.key("absent"))
    client.close()
    return {"active_after": active_after}
