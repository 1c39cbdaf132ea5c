"""Broken: a failing command is recorded on the span, then swallowed (the call returns None)."""

import importlib
import sys

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _traced_command(command):
    def traced(wrapped, instance, args, kwargs):
        if not good.tracer.enabled:  # tracing off: only the call, as the guide's wrapper
            return wrapped(*args, **kwargs)
        with good.tracer.trace(good.OPERATION_NAME, resource=command, span_type=good.SpanTypes.CACHE) as span:
            good._set_service(span)
            good._tag_request(span, instance)
            good._tag_command(span, command, args, kwargs)
            try:
                result = wrapped(*args, **kwargs)
            except Exception:
                span.set_exc_info(*sys.exc_info())
                return None
            good._tag_response(span, command, result, args, kwargs)
            return result

    return traced


good._traced_command = _traced_command
