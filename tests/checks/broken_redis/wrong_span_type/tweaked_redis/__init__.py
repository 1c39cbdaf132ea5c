"""ddtrace's redis integration that marks its spans as of type cache.
Switch it on with patch()."""

from ddtrace.trace import tracer

from tests.checks.broken_redis.tweak import _supported_versions, get_version  # noqa: F401
from tests.checks.broken_redis.tweak import tweaked


def _inner(wrapped, instance, args, kwargs):
    # Runs inside ddtrace's span: the span is the active one.
    span = tracer.current_span()
    if span is not None:
        span.span_type = "cache"  # the defect: ddtrace types redis spans 'redis'
    return wrapped(*args, **kwargs)


patch, unpatch = tweaked(_inner, inside_span=True)
