"""Patch __library__ so that each operation worth tracing becomes one span."""

from __future__ import annotations

from importlib.metadata import version as _distribution_version

import wrapt
from ddtrace.contrib.trace_utils import unwrap
from ddtrace.trace import tracer

INTEGRATION_NAME = "__integration__"

_patched = False


def get_version() -> str:
    """The version of the instrumented library, as installed."""
    return _distribution_version("__library__")


def _supported_versions() -> dict[str, str]:
    """The library versions this integration is tested against (see the library-support chapter)."""
    return {"__library__": "*"}


def patch() -> None:
    """Trace the library's operations. Calling it again changes nothing."""
    global _patched
    if _patched:
        return
    # Wrap each operation here, e.g.
    #     wrapt.wrap_function_wrapper(SomeClient, "some_method", _traced(...))
    _patched = True


def unpatch() -> None:
    """Put the library back exactly as it was."""
    global _patched
    if not _patched:
        return
    # Undo everything patch() did, e.g.
    #     unwrap(SomeClient, "some_method")
    _patched = False
