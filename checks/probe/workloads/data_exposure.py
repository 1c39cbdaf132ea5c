"""Values that carry markers, stored under keys that carry other markers.

Every command that sends a value or reads one back runs once, each in its own window:
writes (set, set_many, add, append, cas), reads that hit (get, gets, get_many,
gets_many), a counter on a numeric value (incr), deletes, raw_command with a whole
protocol line, value included, and last a command the server refuses (incr on text),
whose error an integration could be tempted to explain with the key. The markers are
random, so a marker found in a span can only have come from the workload; the parent
searches every field of every span for them, under the setting in this process's
environment.
"""

from __future__ import annotations

import secrets


def _marker(kind: str) -> str:
    return f"{kind}{secrets.token_hex(6)}"


def _number() -> str:
    """A numeric value for the counter: 13 random digits, no leading zero."""
    return str(10**12 + secrets.randbelow(9 * 10**12))


def run(context) -> dict:
    context.patch()
    client = context.new_client()
    key = {name: context.key(_marker("keymark")) for name in ("a", "b", "c", "d", "n", "t", "r")}
    value = {name: _marker("valuemark") for name in ("a", "b", "c", "d", "more", "cas", "t", "r")}
    value["n"] = _number()
    value["n+1"] = str(int(value["n"]) + 1)  # what incr stores, and returns
    tokens = {}
    raw_line = f"set {key['r']} 0 0 {len(value['r'])}\r\n{value['r']}"

    # (window label, the command's canonical name, its keys, the values it sends or reads, call)
    steps = [
        ("set", "set", ["a"], ["a"], lambda: client.set(key["a"], value["a"], noreply=False)),
        ("set_many", "set_many", ["b", "c"], ["b", "c"],
         lambda: client.set_many({key["b"]: value["b"], key["c"]: value["c"]}, noreply=False)),
        ("add", "add", ["d"], ["d"], lambda: client.add(key["d"], value["d"], noreply=False)),
        ("append", "append", ["a"], ["more"], lambda: client.append(key["a"], value["more"], noreply=False)),
        ("get", "get", ["a"], ["a", "more"], lambda: client.get(key["a"])),
        ("gets", "gets", ["a"], ["a", "more"], lambda: tokens.setdefault("cas", client.gets(key["a"])[1])),
        ("cas", "cas", ["a"], ["cas"],
         lambda: client.cas(key["a"], value["cas"], tokens.get("cas") or b"0", noreply=False)),
        ("get_many", "get_many", ["b", "c"], ["b", "c"], lambda: client.get_many([key["b"], key["c"]])),
        ("gets_many", "gets_many", ["b", "d"], ["b", "d"], lambda: client.gets_many([key["b"], key["d"]])),
        ("set, a number", "set", ["n"], ["n"], lambda: client.set(key["n"], value["n"], noreply=False)),
        ("incr", "incr", ["n"], ["n", "n+1"], lambda: client.incr(key["n"], 1)),
        ("delete_many", "delete_many", ["b", "c", "d"], [],
         lambda: client.delete_many([key["b"], key["c"], key["d"]], noreply=False)),
        ("set, text", "set", ["t"], ["t"], lambda: client.set(key["t"], value["t"], noreply=False)),
    ]
    if hasattr(client, "raw_command"):  # pymemcache 4.0 and later
        steps.append(("raw_command", "raw_command", [], ["r"], lambda: client.raw_command(raw_line)))
    # Late: the server refuses it (CLIENT_ERROR, "non-numeric value"), naming neither key nor
    # value. An integration that leaves a failed span open loses the spans after it.
    steps.append(("incr, refused", "incr", ["t"], ["t"], lambda: client.incr(key["t"], 1)))
    steps.append(("clean-up", "delete_many", ["a", "n", "t", "r"], [],
                  lambda: client.delete_many([key[k] for k in ("a", "n", "t", "r")], noreply=False)))

    commands = []
    for label, command, keys, values, call in steps:
        with context.window(label, commands=1):
            try:
                call()
            except Exception as error:
                if context.stubs.origin(error):
                    raise  # not written yet: the probe reports it
        commands.append({"label": label, "command": command, "keys": [key[k] for k in keys],
                         "values": [value[v] for v in values]})
    client.close()
    return {"commands": commands, "keys": list(key.values()), "values": list(value.values())}
