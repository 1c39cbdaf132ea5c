"""Each data command once, then each alias, each in its own window, on state prepared for it to succeed."""

from __future__ import annotations

from checks.probe.steps import run_each


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    k = context.key
    try:
        client.set(k("counter"), "10", noreply=False)  # set-up, outside any window
    except Exception:
        pass  # e.g. a stub in the wrapper: the set, incr and decr cases show it
    tokens = {}

    steps = (
        ("set", lambda: client.set(k("a"), "1", noreply=False)),
        ("set_many", lambda: client.set_many({k("b"): "2", k("c"): "3"}, noreply=False)),
        ("add", lambda: client.add(k("d"), "4", noreply=False)),
        ("replace", lambda: client.replace(k("a"), "5", noreply=False)),
        ("append", lambda: client.append(k("a"), "x", noreply=False)),
        ("prepend", lambda: client.prepend(k("a"), "y", noreply=False)),
        ("get", lambda: client.get(k("a"))),
        ("get_many", lambda: client.get_many([k("a"), k("b")])),
        ("gets", lambda: tokens.setdefault("cas", client.gets(k("a"))[1])),
        ("cas", lambda: client.cas(k("a"), "z", tokens.get("cas") or b"0", noreply=False)),
        ("gets_many", lambda: client.gets_many([k("a"), k("b")])),
        ("incr", lambda: client.incr(k("counter"), 2)),
        ("decr", lambda: client.decr(k("counter"), 1)),
        ("touch", lambda: client.touch(k("a"), 60, noreply=False)),
        ("delete", lambda: client.delete(k("b"), noreply=False)),
        ("delete_many", lambda: client.delete_many([k("c"), k("d")], noreply=False)),
        # pymemcache's aliases (the profile's aliases): each must be traced, as its command
        ("set_multi", lambda: client.set_multi({k("e"): "5", k("f"): "6"}, noreply=False)),
        ("get_multi", lambda: client.get_multi([k("e"), k("f")])),
        ("delete_multi", lambda: client.delete_multi([k("e"), k("f")], noreply=False)),
    )
    found = run_each(context, steps)
    client.close()
    return found
