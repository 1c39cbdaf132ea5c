"""Commands inside and outside an application's own span, and what stays active afterwards.

- inside: a command that succeeds, and one that fails (a key with a space, refused by
  pymemcache), each inside an application span of its own;
- outside: two commands with no span active, each of which must start a trace of its own.

The spans are judged by the parent; here we note, after each command, whether the span the
application had active before it is still the active one, and, while the succeeding command
ran, which span pymemcache's own code saw active: the client's serde decodes the value it
read, inside the command.
"""

from __future__ import annotations

from checks.probe.steps import active_span_after_commands


class ActiveSpanSerde:
    """pymemcache's serializer protocol, storing str as UTF-8 and noting the span active
    when the client calls back to decode a value it read (inside the command)."""

    def __init__(self):
        self.seen = None

    def serialize(self, key, value):
        return (value.encode() if isinstance(value, str) else value), 0

    def deserialize(self, key, value, flags):
        from ddtrace.trace import tracer  # the probe's tracer, loaded by then

        self.seen = tracer.current_span()
        return value


def run(context) -> dict:
    context.patch()
    serde = ActiveSpanSerde()
    client = context.new_client(serde=serde)
    client.set(context.key("present"), "v", noreply=False)
    found = active_span_after_commands(
        context, read=lambda name: client.get(context.key(name)),
        fail=lambda: client.get(context.key("has space")), seen_by_library=lambda: serde.seen)
    client.close()
    return found
