"""The same sequence of redis commands without and with the integration, compared call by call.

What reaches the library is what ``Redis.execute_command`` receives (the recorder's
layer): the integration must pass it on exactly as redis-py's method did without it.
"""

from __future__ import annotations

from checks.keys import scrub
from checks.probe import describe_error
from checks.probe.workloads.invisible import _call_text, _same_arguments


def _steps(k):
    """(method, positional arguments, keyword arguments) in order."""
    return (
        ("delete", (k("a"), k("b"), k("c")), {}),
        ("set", (k("a"), "alpha"), {"ex": 60}),
        ("mset", ({k("b"): "beta", k("c"): "3"},), {}),
        ("set", (k("a"), "again"), {"nx": True}),
        ("append", (k("a"), "+"), {}),
        ("get", (k("a"),), {}),
        ("get", (k("missing"),), {}),
        ("mget", ([k("a"), k("b"), k("missing")],), {}),
        ("incrby", (k("c"), 5), {}),
        ("decr", (k("c"), 2), {}),
        ("exists", (k("a"), k("b")), {}),
        ("expire", (k("a"), 30), {}),
        ("hset", (k("h"),), {"mapping": {"f": "v", "g": "w"}}),
        ("hgetall", (k("h"),), {}),
        ("lpush", (k("l"), "x", "y"), {}),
        ("lrange", (k("l"), 0, -1), {}),
        ("incr", (k("a"),), {}),  # fails: not a number
        ("delete", (k("a"), k("b"), k("c"), k("h"), k("l")), {}),
    )


def _run_steps(context) -> list[dict]:
    client = context.new_client()
    steps = []
    for method, args, kwargs in _steps(context.key):
        mark = len(context.recorder.calls)
        try:
            value, error = getattr(client, method)(*args, **kwargs), None
        except Exception as exc:
            value, error = None, exc
        calls = context.recorder.since(mark)
        steps.append({
            "call": _call_text(method, args, kwargs),
            "library_calls": [c.command for c in calls],
            "outcome": scrub(describe_error(error) if error else f"{type(value).__name__} {value!r}"),
            "sent": calls[0] if calls else None,  # compared with the untraced run's below
            "same_object": error is None and len(calls) == 1 and calls[0].result is value,
            "not_written": context.stubs.origin(error),
        })
    client.close()
    return steps


def _compared(plain: dict, traced: dict) -> dict:
    """``traced`` with what the integration did to the arguments, told against the untraced call."""
    mine, theirs = traced.pop("sent"), plain.pop("sent", None)
    positional = mine is not None and theirs is not None and _same_arguments(theirs.args, mine.args)
    keywords = mine is not None and theirs is not None and mine.kwargs.keys() == theirs.kwargs.keys() and \
        _same_arguments(tuple(theirs.kwargs.values()), tuple(mine.kwargs[key] for key in theirs.kwargs))
    return {**traced, "positional_unchanged": positional, "keywords_unchanged": keywords,
            "library_saw": _call_text("execute_command", mine.args, mine.kwargs) if mine else None}


def run(context) -> dict:
    uninstrumented = _run_steps(context)
    context.patch()
    instrumented = [_compared(plain, traced) for plain, traced in zip(uninstrumented, _run_steps(context))]
    for step in uninstrumented:
        step.pop("sent", None)
    try:
        context.integration.unpatch()
    except Exception:
        pass  # the patching check reports a broken unpatch()
    return {"uninstrumented": uninstrumented, "instrumented": instrumented}
