"""Broken: the wrapper never asks whether tracing is on, so with DD_TRACE_ENABLED=false it
still opens (and tags) a span that is never sent."""

import importlib

from ddtrace.trace import tracer

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


class _AlwaysOn:
    """The tracer as a wrapper without the `tracer.enabled` test sees it: always on."""

    enabled = True

    def __getattr__(self, name):
        return getattr(tracer, name)


good.tracer = _AlwaysOn()
