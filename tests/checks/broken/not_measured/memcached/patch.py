"""Broken: spans lack _dd.measured, so APM computes no stats for them (only the snapshot can tell)."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

good = importlib.import_module("integrations.memcached.patch")
_tag_request = good._tag_request


def _tag_request_unmeasured(span, client):
    _tag_request(span, client)
    span.set_metric("_dd.measured", 0)  # the metric is there, switched off: APM skips the span


good._tag_request = _tag_request_unmeasured
