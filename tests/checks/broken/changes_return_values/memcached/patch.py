"""Broken: values read from memcached are returned decoded (str instead of bytes)."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")

_good_traced_command = good._traced_command


def _traced_command(command):
    traced = _good_traced_command(command)

    def decoding(wrapped, instance, args, kwargs):
        result = traced(wrapped, instance, args, kwargs)
        return result.decode() if isinstance(result, bytes) else result

    return decoding


good._traced_command = _traced_command
