"""Facts about a client library, computed from its code (chapter 2 shows how)."""

from __future__ import annotations

import inspect
import re

# pymemcache's Client sends every command through one of these private helpers.
SEND_HELPERS = {"_store_cmd": "store", "_fetch_cmd": "fetch", "_misc_cmd": "misc"}


def sends_via(function) -> str:
    """Which helper a method sends its command through ('' when it sends nothing)."""
    called = re.findall(r"self\.(_\w+_cmd)\(", inspect.getsource(function))
    return next((SEND_HELPERS[name] for name in called if name in SEND_HELPERS), "")


def public_methods(cls) -> dict[str, object]:
    return {name: function for name, function in inspect.getmembers(cls, inspect.isfunction)
            if not name.startswith("_")}


def command_surface(cls) -> dict[str, str]:
    """{method name: helper kind} for every public method that talks to the server."""
    return {name: via for name, function in public_methods(cls).items() if (via := sends_via(function))}


def aliases(cls) -> dict[str, list[str]]:
    """{canonical name: [other names]} for methods that are the same function."""
    by_function: dict[object, list[str]] = {}
    for name, function in public_methods(cls).items():
        by_function.setdefault(function, []).append(name)
    # The canonical name is the function's own __name__ (get_many, not get_multi).
    return {function.__name__: sorted(n for n in names if n != function.__name__)
            for function, names in by_function.items() if len(names) > 1}
