"""Threads issuing redis commands at once, each inside an application span of its own
(as checks/probe/workloads/concurrency.py: the same threads, plans and result)."""

from __future__ import annotations

from checks.probe.workloads import concurrency

# The command redis receives -> how a thread sends it
_CALLS = {
    "get": lambda client, args: client.get(*args),
    "mget": lambda client, args: client.mget(*args),
    "set": lambda client, args: client.set(*args),
    "del": lambda client, args: client.delete(*args),
}
# pymemcache's plan, in redis's commands
_RENAMED = {"get": "get", "get_many": "mget", "set": "set", "delete": "del"}


def plan(thread: int, key) -> list[dict]:
    return [{**step, "command": _RENAMED[step["command"]]} for step in concurrency.plan(thread, key)]


def _set_up(client, keys: dict) -> None:
    client.mset(keys)


def run(context) -> dict:
    return concurrency.run(context, plan=plan, call=lambda client, step: _CALLS[step["command"]](client, step["args"]),
                           set_up=_set_up, commands=["get", "mget", "set", "del"])
