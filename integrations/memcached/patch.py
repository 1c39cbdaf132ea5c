"""Patch pymemcache's Client so that each command is traced as one span."""

from __future__ import annotations

import logging
import os
from importlib.metadata import version as _distribution_version

import wrapt
from ddtrace.constants import SPAN_KIND
from ddtrace.contrib.internal.trace_utils import set_service_and_source
from ddtrace.contrib.trace_utils import unwrap
from ddtrace.ext import SpanKind, SpanTypes, db, memcached as memcachedx, net
from ddtrace.internal.schema import schematize_cache_operation, schematize_service_name
from ddtrace.internal.utils.formats import stringify_cache_args
from ddtrace.trace import tracer
from pymemcache.client.base import Client

INTEGRATION_NAME = "memcached"
DEFAULT_SERVICE = "memcached"
OPERATION_NAME = "memcached.command"

# The client's data commands, and the canonical name each one is reported under.
# pymemcache defines the *_multi names as aliases of the *_many methods: the same function
# stored under a second attribute, so each attribute is wrapped, with one resource name.
COMMANDS = {
    "set": "set", "set_many": "set_many", "set_multi": "set_many",
    "add": "add", "replace": "replace", "append": "append", "prepend": "prepend",
    "cas": "cas",
    "get": "get", "get_many": "get_many", "get_multi": "get_many",
    "gets": "gets", "gets_many": "gets_many",
    "delete": "delete", "delete_many": "delete_many", "delete_multi": "delete_many",
    "incr": "incr", "decr": "decr", "touch": "touch",
    "stats": "stats", "version": "version", "flush_all": "flush_all",
    "cache_memlimit": "cache_memlimit", "raw_command": "raw_command", "quit": "quit",
}

# The commands whose first argument is a key, or (the *_many ones) a list of keys or a dict
# of keys to values. Only their keys go into the command text: the other commands take no
# key, or, like raw_command, a whole protocol line that can hold a value.
KEYED_COMMANDS = {
    "set", "set_many", "add", "replace", "append", "prepend", "cas",
    "get", "get_many", "gets", "gets_many", "delete", "delete_many", "incr", "decr", "touch",
}
CMD_MAX_LENGTH = 1000  # the longest command text, as DD_REDIS_CMD_MAX_LENGTH's default

_patched = False
log = logging.getLogger(__name__)


def get_version() -> str:
    """The version of the instrumented library, as installed."""
    return _distribution_version("pymemcache")


def _supported_versions() -> dict[str, str]:
    """The library versions this integration is tested against: from the oldest version its
    test matrix runs up (the library-support chapter derives it from ddtrace's policy)."""
    return {"pymemcache": ">=4.0.0"}


def _service_name() -> str:
    # Read on every span: DD_MEMCACHED_SERVICE wins; otherwise the naming schema decides
    # (v0: "memcached", v1: the application's DD_SERVICE).
    return os.environ.get("DD_MEMCACHED_SERVICE") or schematize_service_name(DEFAULT_SERVICE)


def _set_service(span) -> None:
    """Give the span its service and record where the name came from (_dd.svc_src) as
    ddtrace's built-ins do: our name when it is the default, a DD_SERVICE_MAPPING rename as
    such, and a name the user chose as 'm' (if the application sets its own DD_SERVICE)."""
    source = {"integration_name": INTEGRATION_NAME, "_default_service": schematize_service_name(DEFAULT_SERVICE)}
    set_service_and_source(span, _service_name(), source)


def _server_tags(client: Client) -> dict:
    server = getattr(client, "server", None)
    if isinstance(server, tuple) and len(server) == 2:
        host, port = server
        return {net.TARGET_HOST: host, net.SERVER_ADDRESS: host, net.TARGET_PORT: port}
    return {}  # a unix socket path has no host or port


def _rows_returned(command: str, result, default) -> int | None:
    """db.row_count for read commands: how many keys were found."""
    if command == "get":
        return 0 if result is default else 1
    if command == "gets":
        return 0 if result[0] is default else 1
    if command in ("get_many", "gets_many"):
        return len(result)
    return None


def _tag_request(span, client: Client) -> None:
    # Our own bookkeeping must never break the application's call: errors here are logged.
    try:
        # As ddtrace's own integrations tag: _set_attribute stores a string as a tag and a
        # number as a metric, without set_tag()'s checks for the few keys with side effects,
        # at a third of the cost. Two are ours: set_tag() would store _dd.measured as a
        # metric and turn the port into a number; both are numbers already.
        span._set_attribute("component", INTEGRATION_NAME)
        span._set_attribute(SPAN_KIND, SpanKind.CLIENT)
        span._set_attribute(db.SYSTEM, "memcached")
        span._set_attribute("_dd.measured", 1)  # compute APM stats (hits, errors, latency) for it
        for key, value in _server_tags(client).items():
            span._set_attribute(key, value)
    except Exception:
        log.debug("could not tag the memcached span", exc_info=True)


def _tag_response(span, command: str, result, args, kwargs) -> None:
    try:
        # get(key, default) and gets(key, default, cas_default) both take the default second.
        default = kwargs.get("default", args[1] if command in ("get", "gets") and len(args) > 1 else None)
        rows = _rows_returned(command, result, default)
        if rows is not None:
            span._set_attribute(db.ROWCOUNT, rows)
    except Exception:
        log.debug("could not tag the memcached response", exc_info=True)


def _command_enabled() -> bool:
    """Whether the user asked for the command text: DD_TRACE_MEMCACHED_COMMAND_ENABLED is
    true or 1. Unset, or any other value, is off."""
    return os.environ.get("DD_TRACE_MEMCACHED_COMMAND_ENABLED", "").strip().lower() in ("true", "1")


def _command_max_length() -> int:
    """How many characters of the command and its keys the command text keeps (the spaces
    between them not counted): DD_MEMCACHED_CMD_MAX_LENGTH, or CMD_MAX_LENGTH when it is
    unset or not a whole number."""
    try:
        return max(0, int(os.environ.get("DD_MEMCACHED_CMD_MAX_LENGTH", CMD_MAX_LENGTH)))
    except ValueError:
        return CMD_MAX_LENGTH


def _keys_of(command: str, args, kwargs) -> list:
    """The keys a command names, never its values: the first argument of a keyed command
    (a key, a list of keys, or the keys of a dict of keys to values)."""
    if command not in KEYED_COMMANDS:
        return []
    first = args[0] if args else kwargs.get("key", kwargs.get("keys", kwargs.get("values")))
    if isinstance(first, (str, bytes)):
        return [first]
    if isinstance(first, (list, tuple, dict)):
        return list(first)  # of a dict, its keys
    return []  # an iterator would be used up before the library reads it


def _tag_command(span, command: str, args, kwargs) -> None:
    """Only when the user asked for it, tag memcached.query with the command and its keys
    ("get cart:42"), cut after _command_max_length() characters as redis cuts its own."""
    try:
        if _command_enabled():
            text = stringify_cache_args([command, *_keys_of(command, args, kwargs)],
                                        cmd_max_len=_command_max_length())
            span.set_tag(memcachedx.QUERY, text)
    except Exception:
        log.debug("could not tag the memcached command", exc_info=True)


def _traced_command(command: str):
    def traced(wrapped, instance, args, kwargs):
        if not tracer.enabled:  # DD_TRACE_ENABLED=false: no span, no tagging, only the call
            return wrapped(*args, **kwargs)
        with tracer.trace(
            schematize_cache_operation(OPERATION_NAME, cache_provider="memcached"),
            resource=command,
            span_type=SpanTypes.CACHE,
        ) as span:
            _set_service(span)
            _tag_request(span, instance)
            _tag_command(span, command, args, kwargs)
            # The library's own exceptions leave this block unchanged: the span records
            # them (error, error.type, error.message) and they reach the caller as raised.
            result = wrapped(*args, **kwargs)
            _tag_response(span, command, result, args, kwargs)
            return result

    return traced


def _traceable_commands() -> dict[str, str]:
    """The commands of COMMANDS that the installed client has (raw_command came in 4.0)."""
    return {attribute: command for attribute, command in COMMANDS.items() if hasattr(Client, attribute)}


def patch() -> None:
    """Trace every pymemcache command. Calling it again changes nothing."""
    global _patched
    if _patched:
        return
    for attribute, command in _traceable_commands().items():
        wrapt.wrap_function_wrapper(Client, attribute, _traced_command(command))
    _patched = True


def unpatch() -> None:
    """Put the library back exactly as it was."""
    global _patched
    if not _patched:
        return
    for attribute in _traceable_commands():
        unwrap(Client, attribute)
    _patched = False
