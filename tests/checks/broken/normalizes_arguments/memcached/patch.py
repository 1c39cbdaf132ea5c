"""Broken: arguments are 'normalized' (defaults filled in, keywords made positional) on the
way to the library: the same meaning, but not the call the application made."""

import importlib
import inspect

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")
_good_traced_command = good._traced_command


def _traced_command(command):
    traced = _good_traced_command(command)

    def normalizing(wrapped, instance, args, kwargs):
        bound = inspect.signature(wrapped).bind(*args, **kwargs)
        bound.apply_defaults()
        return traced(wrapped, instance, bound.args, bound.kwargs)

    return normalizing


good._traced_command = _traced_command
