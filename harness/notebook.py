"""Services for a notebook kernel.

A kernel imports ddtrace once, and ddtrace reads the agent's address at import. So a
notebook starts its services before importing ddtrace, and when it is re-run top to
bottom in the same kernel, the agent comes back on the port the tracer already knows.
Each kernel has its own ports and temporary files: notebooks can run in parallel.
"""

from __future__ import annotations

import os

from harness.stack import Services
from harness.tracing import TRACER_DEFAULTS

_current: Services | None = None
_agent_port: int | None = None


def start_services(**options) -> Services:
    """Start (or keep) this kernel's services and point a not-yet-imported tracer at them."""
    global _current, _agent_port
    if _current is not None and all(s.running() for s in _current.servers()):
        return _current
    if _current is not None:
        _current.stop()
    _current = Services(agent_port=_agent_port, **options).start()
    _agent_port = _current.agent.port
    os.environ["DD_TRACE_AGENT_URL"] = _current.agent_url
    for key, value in TRACER_DEFAULTS.items():
        os.environ.setdefault(key, value)
    return _current


def stop_services() -> None:
    global _current
    if _current is not None:
        _current.stop()
        _current = None
