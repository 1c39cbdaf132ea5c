"""Broken: the span of "the command in progress" is kept in one module-level variable, so when
threads overlap, a command's keys and result are tagged on another thread's span."""

import importlib
import time

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")
tag_request, tag_command, tag_response = good._tag_request, good._tag_command, good._tag_response
_in_progress = {}  # shared by every thread


def _overlap():
    time.sleep(0.0005)  # widens the window in which another thread takes the variable over


def _tag_request_and_remember(span, client):
    _in_progress["span"] = span
    tag_request(span, client)


def _tag_command_of_remembered(span, command, args, kwargs):
    _overlap()
    tag_command(_in_progress["span"], command, args, kwargs)


def _tag_response_of_remembered(span, command, result, args, kwargs):
    _overlap()
    tag_response(_in_progress["span"], command, result, args, kwargs)


good._tag_request = _tag_request_and_remember
good._tag_command = _tag_command_of_remembered
good._tag_response = _tag_response_of_remembered
