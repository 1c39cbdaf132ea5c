"""ddtrace's redis integration, reading a setting this docstring never names.

Switch it on with patch().
"""

import os

from ddtrace.contrib.internal.redis.patch import get_version, unpatch  # noqa: F401
from ddtrace.contrib.internal.redis.patch import patch as _patch


def patch():
    if os.environ.get("DD_TWEAKED_REDIS_ENABLED", "true") == "true":  # the defect: not documented
        _patch()


def _supported_versions():
    return {"redis": ">=4.0"}
