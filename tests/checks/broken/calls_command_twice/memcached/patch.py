"""Broken: every command is sent twice (a 'retry' that always runs)."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")
_good_traced_command = good._traced_command


def _traced_command(command):
    traced = _good_traced_command(command)

    def twice(wrapped, instance, args, kwargs):
        def run_twice(*args, **kwargs):
            wrapped(*args, **kwargs)
            return wrapped(*args, **kwargs)

        return traced(run_twice, instance, args, kwargs)  # one span around both calls

    return twice


good._traced_command = _traced_command
