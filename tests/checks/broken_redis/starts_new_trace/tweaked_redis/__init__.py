"""ddtrace's redis integration run with a fresh, empty context: each command starts a trace
of its own, whatever the application traces. Switch it on with patch()."""

import redis
import wrapt
from ddtrace.contrib.internal.redis.patch import get_version  # noqa: F401
from ddtrace.contrib.internal.redis.patch import patch as _patch
from ddtrace.contrib.internal.redis.patch import unpatch as _unpatch
from ddtrace.contrib.internal.trace_utils import unwrap
from ddtrace.trace import Context, tracer


def _detached(wrapped, instance, args, kwargs):
    before = tracer.context_provider.active()
    tracer.context_provider.activate(Context())  # the defect: the application's span is forgotten
    try:
        return wrapped(*args, **kwargs)
    finally:
        tracer.context_provider.activate(before)


def patch():
    if getattr(redis, "_tweaked", False):
        return
    _patch()
    wrapt.wrap_function_wrapper(redis.Redis, "execute_command", _detached)
    redis._tweaked = True


def unpatch():
    if getattr(redis, "_tweaked", False):
        unwrap(redis.Redis, "execute_command")
        _unpatch()
        redis._tweaked = False


def _supported_versions():
    return {"redis": ">=4.0"}
