"""The fixed workload behind the reference snapshots (checks/reference_snapshots/).

Changing it means re-recording the references: .venv/bin/python -m checks.record_reference
"""

from __future__ import annotations

from checks.probe import describe_error


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    k = context.key
    with context.window("workload"):
        client.set(k("a"), "alpha", noreply=False)          # writes
        client.set_many({k("b"): "beta", k("n"): "10"}, noreply=False)
        client.get(k("a"))                                  # a hit
        client.get(k("missing"))                            # a miss
        client.get_many([k("a"), k("b"), k("missing")])     # a multi-key read: 2 of 3 found
        client.gets(k("a"))
        client.incr(k("n"), 5)                              # counters
        client.decr(k("n"), 2)
        client.delete(k("b"), noreply=False)                # deletes
        client.delete_many([k("a"), k("n")], noreply=False)
        client.set(k("text"), "abc", noreply=False)
        try:
            client.incr(k("text"), 1)                       # fails: not a number
        except Exception as error:
            failure = describe_error(error)
        else:
            failure = None
    client.close()
    return {"failure": failure, "namespace": k("")}
