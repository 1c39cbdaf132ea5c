"""Broken: the library's exception reaches the application wrapped in a RuntimeError."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")

_good_traced_command = good._traced_command


def _traced_command(command):
    traced = _good_traced_command(command)  # the span records the original error...

    def translating(wrapped, instance, args, kwargs):
        try:
            return traced(wrapped, instance, args, kwargs)
        except Exception as error:  # ...but the application gets another one
            raise RuntimeError(f"memcached {command} failed") from error

    return translating


good._traced_command = _traced_command
