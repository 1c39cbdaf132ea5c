"""Broken: every command blocks forever (the checks must time out, not wait)."""

import importlib
import threading

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _traced_command(command):
    def traced(wrapped, instance, args, kwargs):
        threading.Event().wait()  # never set

    return traced


good._traced_command = _traced_command
