"""Three ways a command fails in the library, and what the application sees each time.

- bad input: a key with a space, refused by pymemcache before anything is sent;
- a server error: a value larger than memcached accepts (SERVER_ERROR);
- no server: connecting to a port where nothing listens.
"""

from __future__ import annotations

import socket

from ddtrace.trace import tracer

from checks.keys import scrub
from checks.probe import describe_error

TOO_LARGE = 2 * 1024 * 1024  # memcached's default item size limit is 1 MB


def _qualified(error_type: type) -> str:
    return f"{error_type.__module__}.{error_type.__qualname__}"


def outcome(context, label: str, call) -> dict:
    """Run ``call`` (a command that fails) in a window; what the library raised, what the
    application caught, and what is active afterwards."""
    mark = len(context.recorder.calls)
    with context.window(label, commands=1):
        try:
            call()
            caught = None
        except BaseException as error:  # the integration may turn it into anything
            caught = error
    raised = [c.error for c in context.recorder.since(mark) if c.error is not None]
    library_error = raised[-1] if raised else None
    active = tracer.current_span()
    return {
        "label": label,
        "library_error_type": _qualified(type(library_error)) if library_error else None,
        "library_error_message": scrub(str(library_error)) if library_error else None,
        "caught": scrub(describe_error(caught)) if caught else None,
        "caught_type": _qualified(type(caught)) if caught else None,
        "same_object": caught is not None and caught is library_error,
        "active_span_after": f"{active.name} (resource {active.resource})" if active else None,
        # a stub raised, not the library: nothing here says how errors are handled yet
        "not_written": context.stubs.origin(caught),
    }


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    # A bound but not listening socket: connecting to it is refused at once.
    closed = socket.socket()
    closed.bind((context.server[0], 0))
    unreachable = context.new_client(server=closed.getsockname())

    failures = (
        ("bad input", lambda: client.get(context.key("has space"))),
        ("server error", lambda: client.set(context.key("big"), b"x" * TOO_LARGE, noreply=False)),
        ("no server", lambda: unreachable.get(context.key("k"))),
    )
    outcomes = [outcome(context, label, call) for label, call in failures]
    closed.close()
    client.close()
    return {"outcomes": outcomes}
