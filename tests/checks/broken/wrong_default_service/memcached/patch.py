"""Broken: the default service is 'pymemcache-cache', not the integration's name."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")

good.DEFAULT_SERVICE = "pymemcache-cache"
