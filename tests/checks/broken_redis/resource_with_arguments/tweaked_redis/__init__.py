"""ddtrace's redis integration naming each span after the whole command, arguments included.
Switch it on with patch()."""

from ddtrace import config
from ddtrace.contrib.internal.redis.patch import get_version, unpatch  # noqa: F401
from ddtrace.contrib.internal.redis.patch import patch as _patch


def patch():
    _patch()
    config.redis.resource_only_command = False  # the defect: keys and values in the resource


def _supported_versions():
    return {"redis": ">=4.0"}
