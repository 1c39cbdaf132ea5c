"""Broken: reads a DD_* variable that the package's docstring never names."""

import importlib
import os

from ddtrace.internal.schema import schematize_service_name

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _service_name() -> str:
    return os.environ.get("DD_MEMCACHED_SERVICE") or schematize_service_name(good.DEFAULT_SERVICE)


good._service_name = _service_name
