"""Broken: each span starts a trace of its own, floating free of the application's span."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")
tracer = good.tracer


class _NewTraceEachTime:
    """What the wrapper's `tracer.trace(...)` becomes: a span with no parent. Not activated,
    it leaves the application's active span alone; only its parentage is wrong."""

    @property
    def enabled(self) -> bool:
        return tracer.enabled

    def trace(self, name, **kwargs):
        return tracer.start_span(name, child_of=None, **kwargs)


good.tracer = _NewTraceEachTime()
