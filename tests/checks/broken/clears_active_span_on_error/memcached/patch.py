"""Broken: when a command fails, it activates nothing, "to leave nothing behind", and so takes
the application's own span away from it."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")
traced_properly = good._traced_command


def _traced_command(command):
    traced = traced_properly(command)

    def clearing(wrapped, instance, args, kwargs):
        try:
            return traced(wrapped, instance, args, kwargs)
        except Exception:
            good.tracer.context_provider.activate(None)
            raise

    return clearing


good._traced_command = _traced_command
