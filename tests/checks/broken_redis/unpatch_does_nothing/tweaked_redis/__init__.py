"""ddtrace's redis integration whose unpatch() does nothing. Switch it on with patch()."""

from ddtrace.contrib.internal.redis.patch import get_version, patch  # noqa: F401


def unpatch():
    pass  # the defect: the wrappers stay


def _supported_versions():
    return {"redis": ">=4.0"}
