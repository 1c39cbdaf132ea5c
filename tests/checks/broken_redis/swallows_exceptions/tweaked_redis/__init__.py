"""ddtrace's redis integration with a wrapper around it that swallows redis's errors.
Switch it on with patch()."""

import redis
import wrapt
from ddtrace.contrib.internal.redis.patch import get_version  # noqa: F401
from ddtrace.contrib.internal.redis.patch import patch as _patch
from ddtrace.contrib.internal.redis.patch import unpatch as _unpatch
from ddtrace.contrib.internal.trace_utils import unwrap


def _swallow(wrapped, instance, args, kwargs):
    try:
        return wrapped(*args, **kwargs)
    except Exception:
        return None  # the defect: the application never hears of the failure


def patch():
    if getattr(redis, "_tweaked", False):
        return
    _patch()
    wrapt.wrap_function_wrapper(redis.Redis, "execute_command", _swallow)
    redis._tweaked = True


def unpatch():
    if getattr(redis, "_tweaked", False):
        unwrap(redis.Redis, "execute_command")
        _unpatch()
        redis._tweaked = False


def _supported_versions():
    return {"redis": ">=4.0"}
