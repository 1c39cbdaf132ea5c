"""Broken: unpatch() forgets to unwrap, it only resets the flag."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def unpatch():
    good._patched = False
