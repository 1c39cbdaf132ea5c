"""What tracing costs on redis: the pymemcache workload's modes, clocks and rounds
(checks/probe/workloads/overhead.py), with redis-py's own get and set."""

from __future__ import annotations

from checks.probe.workloads import overhead


def plain_call(client, command: str, key: str):
    if command == "get":
        return lambda: client.get(key)
    return lambda: client.set(key, overhead.VALUE)


def address(client) -> tuple[str, int]:
    settings = client.connection_pool.connection_kwargs
    return settings["host"], settings["port"]


def run(context) -> dict:
    return overhead.run(context, plain_call, address)
