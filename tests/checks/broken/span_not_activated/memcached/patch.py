"""Broken: the span is opened without being activated: the right parent, finished on every
path, but while the command runs the application's span stays the active one."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")
tracer = good.tracer


class _NotActivated:
    """What the wrapper's `tracer.trace(...)` becomes: a child of the active span, never made
    active itself (a few microseconds cheaper, and the library's own code sees the wrong span)."""

    @property
    def enabled(self) -> bool:
        return tracer.enabled

    def trace(self, name, **kwargs):
        return tracer.start_span(name, child_of=tracer.context_provider.active(), activate=False, **kwargs)


good.tracer = _NotActivated()
