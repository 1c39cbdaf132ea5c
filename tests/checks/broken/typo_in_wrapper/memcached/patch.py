"""Broken: the wrapper names a constant that does not exist (a typo), so every command raises
NameError before the library runs."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")

del good.OPERATION_NAME  # as if the wrapper had said OPERATION_NAM
