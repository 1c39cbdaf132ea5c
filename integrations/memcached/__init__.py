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

``DD_TRACE_MEMCACHED_COMMAND_ENABLED``
    ``true`` (or ``1``) adds the command and its keys to each span, as the tag
    ``memcached.query`` (``get cart:42``), like ddtrace's own pymemcache integration. Off by
    default: keys can hold personal data or secrets, and a trace leaves the application.
    The values stored or read are never recorded, whatever the settings.

``DD_MEMCACHED_CMD_MAX_LENGTH``
    How many characters of command and keys ``memcached.query`` keeps (the spaces between
    them not counted); the rest is cut and marked ``...``, as redis cuts its command text at
    ``DD_REDIS_CMD_MAX_LENGTH``. Each key is also cut at 100. Default: ``1000``.

Turn ddtrace's own pymemcache integration off (``DD_TRACE_PYMEMCACHE_ENABLED=false``) when
using this one: both instrument the same client.
"""

from integrations.memcached.patch import get_version, patch, unpatch

__all__ = ["get_version", "patch", "unpatch"]
