"""Broken: spans have no span.kind tag."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _tag_request(span, client):
    span.set_tag("component", good.INTEGRATION_NAME)
    span.set_tag(good.db.SYSTEM, "memcached")
    span.set_metric("_dd.measured", 1)
    span.set_tags(good._server_tags(client))


good._tag_request = _tag_request
