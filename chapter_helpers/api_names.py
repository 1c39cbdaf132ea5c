"""Every ddtrace name the walkthrough's text relies on, in one place.

tests/walkthrough/test_api_names.py resolves each one against the installed ddtrace, and
checks that each name the chapters mention is listed here. So when a ddtrace upgrade
moves or removes something, a test names it, instead of the prose quietly going stale.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

# Names that must exist (modules, or attributes reached from a module).
API_NAMES = (
    # the tracer and switching integrations on
    "ddtrace.trace.tracer",
    "ddtrace.trace.tracer.trace",
    "ddtrace.patch",
    "ddtrace.auto",
    "ddtrace.config",
    "ddtrace.config.redis",
    "ddtrace._monkey.patch",
    "ddtrace._monkey.PATCH_MODULES",
    "ddtrace._monkey.check_module_compatibility",
    "ddtrace._monkey.IncompatibleModuleException",
    "ddtrace._trace.pin.Pin",
    "ddtrace.trace.Span",
    "ddtrace.internal.settings._config.INTEGRATION_CONFIGS",
    # constants and tag names
    "ddtrace.constants.SPAN_KIND",
    "ddtrace.ext.SpanKind",
    "ddtrace.ext.SpanTypes",
    "ddtrace.ext.db",
    "ddtrace.ext.net",
    "ddtrace.ext.redis",
    "ddtrace.ext.memcached",
    # helpers an integration uses
    "ddtrace.contrib.trace_utils.unwrap",
    "ddtrace.contrib.internal.trace_utils",
    "ddtrace.contrib.internal.trace_utils.is_tracing_enabled",
    "ddtrace.contrib.trace_utils.ext_service",
    "ddtrace.internal.schema.schematize_service_name",
    "ddtrace.internal.schema.schematize_cache_operation",
    "ddtrace.internal.schema.SCHEMA_VERSION",
    "ddtrace.internal.schema.span_attribute_schema",
    "ddtrace.internal.utils.formats.stringify_cache_args",
    "ddtrace.ext.memcached.QUERY",
    "ddtrace.internal.peer_service.processor.PeerServiceProcessor",
    "ddtrace.internal.settings.peer_service.PeerServiceConfig",
    "ddtrace.internal.core.context_with_data",
    "ddtrace.internal.core.on",
    "ddtrace.contrib._events",
    # the in-tree chapter (08): typed events, subscribers, registration
    "ddtrace.internal.core.context_with_event",
    "ddtrace.internal.core.has_listeners",
    "ddtrace._trace.events.TracingEvent",
    "ddtrace._trace.subscribers",
    "ddtrace._trace.subscribers._base._start_span",
    "ddtrace._trace.subscribers._base.TracingSubscriber",
    "ddtrace._trace.subscribers.http_client.HttpClientTracingSubscriber",
    "ddtrace.contrib._events.http_client.HttpClientRequestEvent",
    "ddtrace.internal.span_bus.span_from_context",
    "ddtrace.internal.settings._supported_configurations.SUPPORTED_CONFIGURATIONS",
    "ddtrace._monkey._MODULES_FOR_CONTRIB",
    # service source (chapter 5) and what else an author may need (chapters 6 and 12)
    "ddtrace.contrib.internal.trace_utils.set_service_and_source",
    "ddtrace.contrib.trace_utils.int_service",
    "ddtrace.contrib.trace_utils.set_flattened_tags",
    "ddtrace.trace.Span.record_exception",
    "ddtrace.trace.tracer.start_span",
    "ddtrace._trace.trace_handlers",
    "ddtrace._trace.processor.TraceProcessor",
    # the redis reference
    "ddtrace.contrib.internal.redis",
    "ddtrace.contrib.internal.redis.patch",
    "ddtrace.contrib.internal.redis.patch.patch",
    "ddtrace.contrib.internal.redis.patch.unpatch",
    "ddtrace.contrib.internal.redis.patch.get_version",
    "ddtrace.contrib.internal.redis.patch._supported_versions",
    "ddtrace.contrib.internal.redis.patch._run_redis_command",
    "ddtrace.contrib.internal.redis_utils",
    "ddtrace.contrib.internal.redis_utils._instrument_redis_cmd",
    "ddtrace.contrib.internal.redis_utils._build_tags",
    "ddtrace.contrib.internal.redis_utils.determine_row_count",
    "ddtrace.contrib.internal.redis_utils.ROW_RETURNING_COMMANDS",
    # ddtrace's own pymemcache integration
    "ddtrace.contrib.internal.pymemcache",
    "ddtrace.contrib.internal.pymemcache.patch",
    "ddtrace.contrib.internal.pymemcache.patch.patch",
    "ddtrace.contrib.internal.pymemcache.patch._supported_versions",
    "ddtrace.contrib.internal.pymemcache.client.WrappedClient",
    # OpenTelemetry (chapter 9): ddtrace as the OpenTelemetry SDK, and the schema functions
    "ddtrace.opentelemetry",
    "ddtrace.opentelemetry.TracerProvider",
    "ddtrace.internal.opentelemetry.span.Span",
    "ddtrace.internal.opentelemetry.span.Span._datadog_operation_name",
    "ddtrace.internal.opentelemetry.span.Span.kind",
    "ddtrace.internal.schema.span_attribute_schema._SPAN_ATTRIBUTE_TO_FUNCTION",
    "ddtrace.internal.schema.span_attribute_schema.SpanDirection",
)

# Names the text says are gone since ddtrace 1.x. If one comes back, the text is wrong.
REMOVED_NAMES = (
    "ddtrace.Pin",
    "ddtrace.pin",
    "ddtrace.trace.Pin",
    "ddtrace.contrib.redis",
    "ddtrace.contrib.pymemcache",
    "ddtrace.vendor.wrapt",
    # not gone but never there: what ddtrace's import hook looks for a module named memcached
    "ddtrace.contrib.internal.memcached",
)


# Importing these changes the process: ddtrace.auto patches every library it can, and
# importing ddtrace's pymemcache integration alters pymemcache (chapter 2). They are
# looked up in the source instead of imported.
NOT_IMPORTED = ("ddtrace.auto", "ddtrace.contrib.internal.pymemcache")


def _defined_at_top_level(source: str) -> set[str]:
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _resolve_statically(name: str):
    """The module's spec when the name is a module, or when the module defines it at top
    level; found without importing anything but the packages on the way."""
    parts = name.split(".")
    spec, cut = None, 0
    # Walk down packages only: finding a.b.c imports a.b, which must not be a module.
    while cut < len(parts) and (spec is None or spec.submodule_search_locations is not None):
        found = importlib.util.find_spec(".".join(parts[:cut + 1]))
        if found is None:
            break
        spec, cut = found, cut + 1
    if spec is None:
        raise ImportError(f"{name}: no such module")
    rest = parts[cut:]
    if not rest:
        return spec
    if len(rest) == 1 and spec.origin and rest[0] in _defined_at_top_level(Path(spec.origin).read_text()):
        return spec
    raise AttributeError(f"{name}: {spec.name} defines no {'.'.join(rest)}")


def resolve(name: str):
    """Import the longest importable module prefix of a dotted name, then get attributes.

    Raises ImportError (or AttributeError) naming the part that is missing.
    """
    if name.startswith(NOT_IMPORTED):
        return _resolve_statically(name)
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        module_name = ".".join(parts[:cut])
        try:
            obj = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and not module_name.startswith(error.name):
                raise  # the module exists but one of its own imports failed
            continue
        for attribute in parts[cut:]:
            obj = getattr(obj, attribute)
        return obj
    raise ImportError(f"{name}: no importable module in this name")


def exists(name: str) -> bool:
    try:
        resolve(name)
    except (ImportError, AttributeError):
        return False
    return True
