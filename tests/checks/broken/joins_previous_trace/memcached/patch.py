"""Broken: with no span active, a command continues the trace of the previous command, "to keep
the client's traffic together", so unrelated commands end up in one trace."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")
tracer = good.tracer


class _ContinuesThePreviousTrace:
    """What the wrapper's `tracer.trace(...)` becomes: the active span's child, as it should,
    or else the child of the last span made, kept in a variable every command shares."""

    previous = None

    @property
    def enabled(self) -> bool:
        return tracer.enabled

    def trace(self, name, **kwargs):
        parent = tracer.context_provider.active() or self.previous
        span = tracer.start_span(name, child_of=parent, activate=True, **kwargs)
        _ContinuesThePreviousTrace.previous = span.context
        return span


good.tracer = _ContinuesThePreviousTrace()
