"""Patch pymemcache's Client so that each command emits a memcached event.

Upstream this is ddtrace/contrib/internal/memcached/patch.py. It never touches a span:
it says what happened, in a ``MemcachedCommandEvent``, and the subscriber makes the span.
What it knows about pymemcache (the commands, which take keys, what a read returns) is the
out-of-tree integration's, imported so that both say the same.
"""

from __future__ import annotations

import pymemcache
import wrapt
from ddtrace.contrib import trace_utils
from ddtrace.contrib.internal.trace_utils import is_tracing_enabled
from ddtrace.ext import memcached as memcachedx
from ddtrace.internal import core
from ddtrace.internal.logger import get_logger
from ddtrace.internal.schema import schematize_service_name
from ddtrace.internal.settings import env
from ddtrace.internal.settings._config import config
from ddtrace.internal.utils.formats import asbool
from pymemcache.client.base import Client

from integrations.intree.memcached.events import MemcachedCommandEvent
from integrations.memcached.patch import CMD_MAX_LENGTH, COMMANDS, _keys_of, _rows_returned

log = get_logger(__name__)


def _cmd_max_length() -> int:
    try:
        return max(0, int(env.get("DD_MEMCACHED_CMD_MAX_LENGTH", default=CMD_MAX_LENGTH)))
    except ValueError:
        return CMD_MAX_LENGTH


# ddtrace.config.memcached: the service (DD_MEMCACHED_SERVICE is read by ddtrace itself),
# the command text switch and its cap. Settings are read once, at import.
config._add(
    "memcached",
    dict(
        _default_service=schematize_service_name(memcachedx.SERVICE),
        command_enabled=asbool(env.get("DD_TRACE_MEMCACHED_COMMAND_ENABLED", default=False)),
        cmd_max_length=_cmd_max_length(),
    ),
)


def get_version() -> str:
    return getattr(pymemcache, "__version__", "")


def _supported_versions() -> dict[str, str]:
    return {"pymemcache": ">=4.0.0"}


def _row_count(command: str, result, args, kwargs):
    try:
        default = kwargs.get("default", args[1] if command in ("get", "gets") and len(args) > 1 else None)
        return _rows_returned(command, result, default)
    except Exception:
        log.debug("could not count the rows of a memcached %s", command, exc_info=True)
        return None


def _traced_command(command: str):
    def traced(wrapped, instance, args, kwargs):
        if not is_tracing_enabled():
            return wrapped(*args, **kwargs)
        server = getattr(instance, "server", None)
        event = MemcachedCommandEvent(
            component=config.memcached.integration_name,
            integration_config=config.memcached,
            service=trace_utils.ext_service(None, config.memcached),
            resource=command,
            server=server if isinstance(server, tuple) and len(server) == 2 else None,
            keys=_keys_of(command, args, kwargs) if config.memcached.command_enabled else None,
        )
        with core.context_with_event(event):
            result = wrapped(*args, **kwargs)
            event.row_count = _row_count(command, result, args, kwargs)
            return result

    return traced


def _traceable_commands() -> dict[str, str]:
    return {attribute: command for attribute, command in COMMANDS.items() if hasattr(Client, attribute)}


def patch() -> None:
    if getattr(pymemcache, "_datadog_patch", False):
        return
    pymemcache._datadog_patch = True
    for attribute, command in _traceable_commands().items():
        wrapt.wrap_function_wrapper(Client, attribute, _traced_command(command))


def unpatch() -> None:
    if not getattr(pymemcache, "_datadog_patch", False):
        return
    pymemcache._datadog_patch = False
    for attribute in _traceable_commands():
        trace_utils.unwrap(Client, attribute)
