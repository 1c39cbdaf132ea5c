"""ddtrace's redis integration that re-tags each span's command from a module-level variable.
Switch it on with patch()."""

from ddtrace.trace import tracer

from tests.checks.broken_redis.tweak import _supported_versions, get_version  # noqa: F401
from tests.checks.broken_redis.tweak import tweaked

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


patch, unpatch = tweaked(_inner, inside_span=True)
