"""Commands inside and outside an application's own span, and what stays active afterwards.

- inside: a command that succeeds, and one that fails (a key with a space, refused by
  pymemcache), each inside an application span of its own;
- outside: two commands with no span active, each of which must start a trace of its own.

The spans are judged by the parent; here we note, after each command, whether the span the
application had active before it is still the active one.
"""

from __future__ import annotations

from checks.probe.steps import active_span_after_commands


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    client.set(context.key("present"), "v", noreply=False)
    found = active_span_after_commands(
        context, read=lambda name: client.get(context.key(name)),
        fail=lambda: client.get(context.key("has space")))
    client.close()
    return found
