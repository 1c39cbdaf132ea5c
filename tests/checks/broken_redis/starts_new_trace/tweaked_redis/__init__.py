"""ddtrace's redis integration run with a fresh, empty context: each command starts a trace
of its own, whatever the application traces. Switch it on with patch()."""

from ddtrace.trace import Context, tracer

from tests.checks.broken_redis.tweak import _supported_versions, get_version  # noqa: F401
from tests.checks.broken_redis.tweak import tweaked


def _detached(wrapped, instance, args, kwargs):
    before = tracer.context_provider.active()
    tracer.context_provider.activate(Context())  # the defect: the application's span is forgotten
    try:
        return wrapped(*args, **kwargs)
    finally:
        tracer.context_provider.activate(before)


patch, unpatch = tweaked(_detached, inside_span=False)
