"""patch() traces, a second patch() changes nothing, unpatch() restores, patch() again works."""

from __future__ import annotations

import redis
import redis.client
import redis.cluster

from checks.probe.workloads import patching

_MODULES = (redis, redis.client, redis.cluster)


def _commands(context, label: str) -> None:
    client = context.new_client()
    with context.window(label, commands=2):
        client.set(context.key("k"), "v")
        client.get(context.key("k"))
    client.close()


def run(context) -> dict:
    return patching.run(context, commands=_commands, modules=_MODULES, prefix="redis")
