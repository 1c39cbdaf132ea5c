"""ddtrace's redis integration that re-tags each span's command from a module-level variable.
Switch it on with patch()."""

import redis
import wrapt
from ddtrace.contrib.internal.redis.patch import get_version  # noqa: F401
from ddtrace.contrib.internal.redis.patch import patch as _patch
from ddtrace.contrib.internal.redis.patch import unpatch as _unpatch
from ddtrace.contrib.internal.trace_utils import unwrap
from ddtrace.trace import tracer

_last_command = ""


def _inner(wrapped, instance, args, kwargs):
    # Runs inside ddtrace's span: the span is the active one.
    global _last_command
    _last_command = " ".join(str(arg) for arg in args)  # the defect: shared by every thread
    result = wrapped(*args, **kwargs)
    span = tracer.current_span()
    if span is not None:
        span.set_tag("redis.raw_command", _last_command)
    return result


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
