"""ddtrace's redis integration that marks its spans as of type cache.
Switch it on with patch()."""

import redis
import wrapt
from ddtrace.contrib.internal.redis.patch import get_version  # noqa: F401
from ddtrace.contrib.internal.redis.patch import patch as _patch
from ddtrace.contrib.internal.redis.patch import unpatch as _unpatch
from ddtrace.contrib.internal.trace_utils import unwrap
from ddtrace.trace import tracer


def _inner(wrapped, instance, args, kwargs):
    # Runs inside ddtrace's span: the span is the active one.
    span = tracer.current_span()
    if span is not None:
        span.span_type = "cache"  # the defect: ddtrace types redis spans 'redis'
    return wrapped(*args, **kwargs)


def patch():
    if getattr(redis, "_tweaked", False):
        return
    wrapt.wrap_function_wrapper(redis.Redis, "execute_command", _inner)  # ddtrace's wraps this one
    _patch()
    redis._tweaked = True


def unpatch():
    if getattr(redis, "_tweaked", False):
        _unpatch()
        unwrap(redis.Redis, "execute_command")
        redis._tweaked = False


def _supported_versions():
    return {"redis": ">=4.0"}
