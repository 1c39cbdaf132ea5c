"""Real services for the guide: memcached, redis-server and the APM test agent.

Used by the notebooks, the tests and the checks CLI alike. See harness.stack.Services.
What every traced process shares (volatile span fields, tracer defaults, a child's
environment, the flush) is in harness.tracing; runners of traced child processes are
harness.traced_run (a program) and harness.child_pytest (a pytest session).

The names below are loaded on first use, so that ``import harness.tracing`` stays light
(the check kit's probe imports it in every process it starts).
"""

from __future__ import annotations

import importlib

_HOMES = {
    "AgentSession": "harness.agent", "SnapshotResult": "harness.agent",
    "TestAgentClient": "harness.agent", "ServiceError": "harness.errors",
    "Services": "harness.stack", "free_port": "harness.stack",
    "VOLATILE_SNAPSHOT_FIELDS": "harness.tracing",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'harness' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
