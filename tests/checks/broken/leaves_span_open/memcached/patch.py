"""Broken: when the command fails, the span is never finished (and stays active)."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _traced_command(command):
    def traced(wrapped, instance, args, kwargs):
        if not good.tracer.enabled:  # tracing off: only the call, as the guide's wrapper
            return wrapped(*args, **kwargs)
        span = good.tracer.trace(good.OPERATION_NAME, resource=command, span_type=good.SpanTypes.CACHE)
        good._set_service(span)
        good._tag_request(span, instance)
        good._tag_command(span, command, args, kwargs)
        result = wrapped(*args, **kwargs)  # raises past span.finish()
        good._tag_response(span, command, result, args, kwargs)
        span.finish()
        return result

    return traced


good._traced_command = _traced_command
