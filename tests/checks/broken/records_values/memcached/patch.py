"""Broken: with the command text on, every argument goes into it, as the redis reference
writes `SET key value`: the values stored travel to the trace with their keys."""

import importlib

from ddtrace.internal.utils.formats import stringify_cache_args

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _tag_command(span, command, args, kwargs):
    if good._command_enabled():
        text = stringify_cache_args([command, *args], cmd_max_len=good._command_max_length())
        span.set_tag(good.memcachedx.QUERY, text)


good._tag_command = _tag_command
