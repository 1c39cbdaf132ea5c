"""What most broken redis variants share: ddtrace's redis integration plus one wrapper of
their own on ``redis.Redis.execute_command``, the method ddtrace's integration wraps."""

import redis
import wrapt
from ddtrace.contrib.internal.redis.patch import get_version  # noqa: F401 (re-exported)
from ddtrace.contrib.internal.redis.patch import patch as _patch
from ddtrace.contrib.internal.redis.patch import unpatch as _unpatch
from ddtrace.contrib.internal.trace_utils import unwrap


def tweaked(wrapper, inside_span: bool):
    """patch() and unpatch() adding ``wrapper`` to ddtrace's integration.

    ``inside_span``: ``wrapper`` is installed first, so ddtrace's wrapper ends up around it
    and its span is the active one while ``wrapper`` runs; otherwise ``wrapper`` runs around
    ddtrace's, before its span starts and after it ends.
    """
    def wrap():
        wrapt.wrap_function_wrapper(redis.Redis, "execute_command", wrapper)

    def remove():
        unwrap(redis.Redis, "execute_command")

    first, second = (wrap, _patch) if inside_span else (_patch, wrap)
    undo_first, undo_second = (remove, _unpatch) if inside_span else (_unpatch, remove)

    def patch():
        if getattr(redis, "_tweaked", False):
            return
        first()
        second()
        redis._tweaked = True

    def unpatch():
        if getattr(redis, "_tweaked", False):
            undo_second()
            undo_first()
            redis._tweaked = False

    return patch, unpatch


def _supported_versions():
    return {"redis": ">=4.0"}
