"""The fixed workload behind the redis reference snapshots (checks/reference_snapshots/redis/).

Changing it means re-recording them: .venv/bin/python -m checks.record_reference --library redis
"""

from __future__ import annotations

from checks.probe import describe_error


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    k = context.key
    with context.window("workload"):
        client.set(k("a"), "alpha")                          # writes
        client.mset({k("b"): "beta", k("n"): "10"})
        client.get(k("a"))                                   # a hit
        client.get(k("missing"))                             # a miss
        client.mget([k("a"), k("b"), k("missing")])          # a multi-key read: 2 of 3 found
        client.incrby(k("n"), 5)                             # counters
        client.decrby(k("n"), 2)
        client.delete(k("b"))                                # deletes
        client.delete(k("a"), k("n"))
        client.set(k("text"), "abc")
        try:
            client.incr(k("text"))                           # fails: not a number
        except Exception as error:
            failure = describe_error(error)
        else:
            failure = None
        client.delete(k("text"))
    client.close()
    return {"failure": failure, "namespace": k("")}
