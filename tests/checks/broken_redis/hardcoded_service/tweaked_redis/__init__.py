"""ddtrace's redis integration with its service fixed to 'redis', whatever the schema.
Switch it on with patch()."""

from ddtrace import config
from ddtrace.contrib.internal.redis.patch import get_version, unpatch  # noqa: F401
from ddtrace.contrib.internal.redis.patch import patch as _patch


def patch():
    _patch()
    config.redis.service = "redis"  # the defect: v1 and DD_REDIS_SERVICE are ignored


def _supported_versions():
    return {"redis": ">=4.0"}
