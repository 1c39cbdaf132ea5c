"""Half written: _tag_request(), which the wrapper calls for every command, is still the
starter stub of exercise mode. Not a defect: the checks say "not written yet" and name it."""

import importlib

from integrations.memcached.patch import _supported_versions, get_version, patch, unpatch  # noqa: F401

# The module itself: `integrations.memcached.patch` as an attribute is the patch() function.
good = importlib.import_module("integrations.memcached.patch")


def _tag_request(span, client) -> None:
    """Tag the span with what the request is about: component, span.kind, the server."""
    # TODO: write _tag_request() as the chapter describes.
    raise NotImplementedError("_tag_request() is not written yet")


good._tag_request = _tag_request
