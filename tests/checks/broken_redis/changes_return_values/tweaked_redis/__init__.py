"""ddtrace's redis integration with a wrapper around it that decodes the bytes redis returns.
Switch it on with patch()."""

import redis
import wrapt
from ddtrace.contrib.internal.redis.patch import get_version  # noqa: F401
from ddtrace.contrib.internal.redis.patch import patch as _patch
from ddtrace.contrib.internal.redis.patch import unpatch as _unpatch
from ddtrace.contrib.internal.trace_utils import unwrap


def _decoded(wrapped, instance, args, kwargs):
    result = wrapped(*args, **kwargs)
    return result.decode() if isinstance(result, bytes) else result  # the defect: str, not bytes


def patch():
    if getattr(redis, "_tweaked", False):
        return
    _patch()
    wrapt.wrap_function_wrapper(redis.Redis, "execute_command", _decoded)
    redis._tweaked = True


def unpatch():
    if getattr(redis, "_tweaked", False):
        unwrap(redis.Redis, "execute_command")
        _unpatch()
        redis._tweaked = False


def _supported_versions():
    return {"redis": ">=4.0"}
