"""Broken: each span starts a trace of its own, floating free of the application's span."""

import importlib
from contextlib import contextmanager

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")
tracer = good.tracer


class _NewTraceEachTime:
    """What the wrapper's `tracer.trace(...)` becomes: a span with no parent, active while the
    command runs, and the application's active span given back afterwards: only its
    parentage is wrong."""

    @property
    def enabled(self) -> bool:
        return tracer.enabled

    @contextmanager
    def trace(self, name, **kwargs):
        previous = tracer.context_provider.active()
        try:
            with tracer.start_span(name, child_of=None, activate=True, **kwargs) as span:
                yield span
        finally:
            tracer.context_provider.activate(previous)


good.tracer = _NewTraceEachTime()
