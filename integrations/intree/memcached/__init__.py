"""
The memcached integration traces the commands a ``pymemcache`` client sends.


Enabling
~~~~~~~~

The integration is off by default. Enable it with ``DD_TRACE_MEMCACHED_ENABLED=true``
when using ``ddtrace-run`` or ``import ddtrace.auto``, or with :func:`patch()<ddtrace.patch>`::

    from ddtrace import patch
    patch(memcached=True)

Every command of ``pymemcache.client.base.Client`` (and of ``PooledClient`` and
``HashClient``, which use it) becomes one ``memcached.command`` span. Turn ddtrace's
pymemcache integration off (``DD_TRACE_PYMEMCACHE_ENABLED=false``): both trace that client.


Configuration
~~~~~~~~~~~~~

.. py:data:: ddtrace.config.memcached["service"]

   The service name of memcached spans. Also set with ``DD_MEMCACHED_SERVICE``.

   Default: ``"memcached"`` (the application's service on the v1 naming schema)


.. py:data:: ddtrace.config.memcached["command_enabled"]

   Add the command and its keys, never the values, to each span as ``memcached.query``.
   Also set with ``DD_TRACE_MEMCACHED_COMMAND_ENABLED``.

   Default: ``False``


.. py:data:: ddtrace.config.memcached["cmd_max_length"]

   How many characters of command and keys ``memcached.query`` keeps; the rest is
   replaced with ``"..."``. Also set with ``DD_MEMCACHED_CMD_MAX_LENGTH``.

   Default: ``1000``
"""

# The one line with no upstream counterpart: it does at run time what editing ddtrace's own
# files does for an in-tree integration (see _outside_ddtrace.py).
from integrations.intree.memcached import _outside_ddtrace  # noqa: F401,E402
