"""Broken: the opt-in is read as "set to anything", so DD_TRACE_MEMCACHED_COMMAND_ENABLED=false,
written to keep keys out of traces, records every command's keys."""

import importlib
import os

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _command_enabled() -> bool:
    return bool(os.environ.get("DD_TRACE_MEMCACHED_COMMAND_ENABLED"))


good._command_enabled = _command_enabled
