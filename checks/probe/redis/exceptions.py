"""Three ways a redis command fails, each in its own window: input redis-py refuses to
encode, a command the server refuses, and a server that is not there."""

from __future__ import annotations

import socket

from checks.probe.workloads import exceptions


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    client.set(context.key("text"), "abc")
    # A bound but not listening socket: connecting to it is refused at once.
    closed = socket.socket()
    closed.bind((context.server[0], 0))
    unreachable = context.new_client(server=closed.getsockname())
    failures = (
        ("bad input", lambda: client.set(context.key("k"), {"not": "encodable"})),
        ("server error", lambda: client.incr(context.key("text"))),
        ("no server", lambda: unreachable.get(context.key("k"))),
    )
    try:
        return {"outcomes": [exceptions.outcome(context, label, call) for label, call in failures]}
    finally:
        closed.close()
        client.close()
