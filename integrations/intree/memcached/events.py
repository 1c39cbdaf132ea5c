"""The event the integration emits for each command: the data, and no span.

Upstream this is ddtrace/contrib/_events/memcached.py. A ``TracingEvent`` names the span
to open (operation, type, kind, component, service, resource); its own fields carry what
the subscriber turns into tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ddtrace._trace.events import TracingEvent
from ddtrace.ext import SpanKind, SpanTypes
from ddtrace.internal.core.events import event_field
from ddtrace.internal.schema import schematize_cache_operation


@dataclass
class MemcachedCommandEvent(TracingEvent):
    """One pymemcache command, from the call to its result."""

    event_name = "memcached.command"
    span_kind = SpanKind.CLIENT
    span_type = SpanTypes.CACHE

    server: Optional[tuple] = event_field(default=None)    # (host, port); None for a unix socket
    keys: Optional[list] = event_field(default=None)       # only when the command text is on
    row_count: Optional[int] = event_field(default=None)   # set after the call, for reads

    def __post_init__(self):
        self.operation_name = schematize_cache_operation("memcached.command", cache_provider="memcached")
