"""ddtrace's redis integration that adds a tag of its own to every span.
Switch it on with patch()."""

from ddtrace.trace import tracer

from tests.checks.broken_redis.tweak import _supported_versions, get_version  # noqa: F401
from tests.checks.broken_redis.tweak import tweaked


def _inner(wrapped, instance, args, kwargs):
    # Runs inside ddtrace's span: the span is the active one.
    span = tracer.current_span()
    if span is not None:
        span.set_tag("redis.client", "redis-py")  # the defect: a tag the reference does not have
    return wrapped(*args, **kwargs)


patch, unpatch = tweaked(_inner, inside_span=True)
