"""Broken: DD_MEMCACHED_SERVICE is ignored; the schema alone decides the service."""

import importlib
from ddtrace.internal.schema import schematize_service_name

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")

good._service_name = lambda: schematize_service_name(good.DEFAULT_SERVICE)
