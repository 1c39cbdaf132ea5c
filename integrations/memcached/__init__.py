"""Tracing for the pymemcache memcached client, written outside ddtrace.

Call ``patch()`` once at start-up, before or after creating clients::

    from integrations.memcached import patch
    patch()

Every command a ``pymemcache`` client sends (``Client``, and ``PooledClient`` and
``HashClient``, which use it) becomes a ``memcached.command`` span.

Settings (environment variables, read each time a span is created):

``DD_MEMCACHED_SERVICE``
    The service name of the spans. Default: ``memcached`` on the v0 naming schema, the
    application's ``DD_SERVICE`` on v1.

Turn ddtrace's own pymemcache integration off (``DD_TRACE_PYMEMCACHE_ENABLED=false``) when
using this one: both instrument the same client.
"""

from integrations.memcached.patch import get_version, patch, unpatch

__all__ = ["get_version", "patch", "unpatch"]
