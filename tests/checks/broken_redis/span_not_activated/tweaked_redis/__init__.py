"""ddtrace's redis integration, its span not the active one while redis-py runs: the
command's caller's span is (as with start_span(..., activate=False)). Switch it on with patch()."""

from ddtrace.trace import tracer

from tests.checks.broken_redis.tweak import _supported_versions, get_version  # noqa: F401
from tests.checks.broken_redis.tweak import tweaked


def _caller_active(wrapped, instance, args, kwargs):
    command_span = tracer.current_span()
    tracer.context_provider.activate(command_span._parent)  # the defect: the caller's span (or none)
    try:
        return wrapped(*args, **kwargs)
    finally:
        tracer.context_provider.activate(command_span)


patch, unpatch = tweaked(_caller_active, inside_span=True)
