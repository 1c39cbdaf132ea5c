"""ddtrace's redis integration with a wrapper around it that swallows redis's errors.
Switch it on with patch()."""

from tests.checks.broken_redis.tweak import _supported_versions, get_version  # noqa: F401
from tests.checks.broken_redis.tweak import tweaked


def _swallow(wrapped, instance, args, kwargs):
    try:
        return wrapped(*args, **kwargs)
    except Exception:
        return None  # the defect: the application never hears of the failure


patch, unpatch = tweaked(_swallow, inside_span=False)
