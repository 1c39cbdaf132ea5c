"""The same sequence of commands without and with the integration, compared call by call.

What only this process can tell: whether the value the application got is the very object
the library returned, whether the arguments the library got are the ones the application
passed (positional stay positional, keywords stay keywords), and how many times the
library ran for one call.
"""

from __future__ import annotations

from checks.profiles.pymemcache import PROFILE

ALIASES = PROFILE.aliases
from checks.keys import scrub
from checks.probe import describe_error


def _steps(k):
    """(method, arguments) in order; arguments may depend on earlier results (the cas token)."""
    return (
        ("delete_many", lambda r: (([k("a"), k("b"), k("c")],), {"noreply": False})),
        ("set", lambda r: ((k("a"), "alpha"), {"expire": 60, "noreply": False})),
        ("set_many", lambda r: (({k("b"): "beta", k("c"): "3"},), {"noreply": False})),
        ("add", lambda r: ((k("a"), "again"), {"noreply": False})),
        ("replace", lambda r: ((k("b"), "BETA"), {"noreply": False})),
        ("append", lambda r: ((k("a"), "+"), {"noreply": False})),
        ("prepend", lambda r: ((k("a"), "-"), {"noreply": False})),
        ("get", lambda r: ((k("a"),), {})),
        ("get", lambda r: ((k("missing"), "fallback"), {})),
        ("get", lambda r: ((k("missing"),), {"default": "keyword-fallback"})),
        ("get_many", lambda r: (([k("a"), k("b"), k("missing")],), {})),
        ("get_multi", lambda r: (([k("a")],), {})),
        ("gets", lambda r: ((k("a"),), {})),
        # the token of the gets above (b"0" when that call failed: the cas fails as well)
        ("cas", lambda r: ((k("a"), "swapped", r["gets"][1] if r["gets"] else b"0"), {"noreply": False})),
        ("gets_many", lambda r: (([k("a"), k("b")],), {})),
        ("incr", lambda r: ((k("c"), 5), {})),
        ("decr", lambda r: ((k("c"), 2), {})),
        ("incr", lambda r: ((k("missing"), 1), {})),
        ("touch", lambda r: ((k("a"),), {"expire": 30, "noreply": False})),
        ("delete", lambda r: ((k("b"),), {"noreply": False})),
        ("delete", lambda r: ((k("b"),), {"noreply": False})),
        ("delete_many", lambda r: (([k("a"), k("c")],), {"noreply": False})),
    )


def _comparable(command: str, value):
    """A description of a result that is equal across two correct runs (cas tokens differ)."""
    if command == "gets" and isinstance(value, tuple) and len(value) == 2:
        value = (value[0], "<cas token>" if value[1] is not None else None)
    elif command == "gets_many" and isinstance(value, dict):
        value = {key: (v[0], "<cas token>") if isinstance(v, tuple) else v for key, v in value.items()}
    return f"{type(value).__name__} {value!r}"


def _same_arguments(expected: tuple, got: tuple) -> bool:
    return len(expected) == len(got) and all(type(a) is type(b) and a == b for a, b in zip(expected, got))


def _call_text(method: str, args: tuple, kwargs: dict) -> str:
    shown = [repr(a) for a in args] + [f"{key}={value!r}" for key, value in kwargs.items()]
    text = scrub(f"{method}({', '.join(shown)})")  # keys lose the probe's namespace
    return text if len(text) < 90 else text[:87] + "..."


def _run_steps(context) -> list[dict]:
    client = context.new_client()
    results: dict[str, object] = {}
    steps = []
    for method, arguments in _steps(context.key):
        args, kwargs = arguments(results)
        canonical = ALIASES.get(method, method)
        mark = len(context.recorder.calls)
        try:
            value, error = getattr(client, method)(*args, **kwargs), None
        except Exception as exc:
            value, error = None, exc
        results[method] = value
        calls = context.recorder.since(mark)
        own = [c for c in calls if c.command == canonical]
        first = own[0] if own else None
        steps.append({
            "call": _call_text(method, args, kwargs),
            "library_calls": [c.command for c in calls],
            "outcome": scrub(describe_error(error) if error else _comparable(canonical, value)),
            "positional_unchanged": first is not None and _same_arguments(args, first.args),
            "keywords_unchanged": first is not None and kwargs.keys() == first.kwargs.keys()
            and _same_arguments(tuple(kwargs.values()), tuple(first.kwargs[key] for key in kwargs)),
            "library_saw": _call_text(method, first.args, first.kwargs) if first else None,
            "same_object": error is None and len(own) == 1 and own[0].result is value,
            "not_written": context.stubs.origin(error),
        })
    client.close()
    return steps


def run(context) -> dict:
    uninstrumented = _run_steps(context)
    context.patch()
    instrumented = _run_steps(context)
    try:
        context.integration.unpatch()
    except Exception:
        pass  # the patching check reports a broken unpatch()
    return {"uninstrumented": uninstrumented, "instrumented": instrumented}
