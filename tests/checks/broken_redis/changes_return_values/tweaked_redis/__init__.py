"""ddtrace's redis integration with a wrapper around it that decodes the bytes redis returns.
Switch it on with patch()."""

from tests.checks.broken_redis.tweak import _supported_versions, get_version  # noqa: F401
from tests.checks.broken_redis.tweak import tweaked


def _decoded(wrapped, instance, args, kwargs):
    result = wrapped(*args, **kwargs)
    return result.decode() if isinstance(result, bytes) else result  # the defect: str, not bytes


patch, unpatch = tweaked(_decoded, inside_span=False)
