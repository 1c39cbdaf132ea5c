"""Each data command once, then the alias, each in its own window, on state prepared for it to succeed."""

from __future__ import annotations

from checks.probe.steps import run_each


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    k = context.key
    try:
        client.set(k("counter"), "10")  # set-up, outside any window
    except Exception:
        pass  # e.g. a stub in the wrapper: the counter cases show it

    steps = (  # (the command redis receives, the call that sends it)
        ("set", lambda: client.set(k("a"), "1")),
        ("get", lambda: client.get(k("a"))),
        ("mset", lambda: client.mset({k("b"): "2", k("c"): "3"})),
        ("mget", lambda: client.mget([k("a"), k("b")])),
        ("append", lambda: client.append(k("a"), "x")),
        ("incrby", lambda: client.incrby(k("counter"), 2)),
        ("decrby", lambda: client.decrby(k("counter"), 1)),
        ("exists", lambda: client.exists(k("a"), k("b"))),
        ("expire", lambda: client.expire(k("a"), 60)),
        ("hset", lambda: client.hset(k("h"), "field", "v")),
        ("hget", lambda: client.hget(k("h"), "field")),
        ("lpush", lambda: client.lpush(k("l"), "x", "y")),
        ("lrange", lambda: client.lrange(k("l"), 0, -1)),
        ("del", lambda: client.delete(k("b"), k("c"), k("h"), k("l"))),
        # redis-py's alias (the profile's aliases): traced as the command it sends
        ("decr", lambda: client.decr(k("counter"), 1)),
    )
    found = run_each(context, steps)
    client.delete(k("a"), k("counter"))
    client.close()
    return found
