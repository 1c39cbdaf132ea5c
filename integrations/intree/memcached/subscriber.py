"""Turns memcached events into spans, as ddtrace's own subscribers do.

Upstream this is ddtrace/_trace/subscribers/memcached.py, imported by that package's
``__init__``. ``TracingSubscriber`` opens the span when the event's context starts
(name, service and its source, resource, type, kind, component, measured) and finishes
it when the context ends, recording the exception if there was one; this class adds the
memcached tags.
"""

from __future__ import annotations

from ddtrace._trace.subscribers._base import TracingSubscriber
from ddtrace.ext import db, memcached as memcachedx, net
from ddtrace.internal.logger import get_logger
from ddtrace.internal.span_bus import span_from_context
from ddtrace.internal.utils.formats import stringify_cache_args

from integrations.intree.memcached.events import MemcachedCommandEvent

log = get_logger(__name__)


class MemcachedTracingSubscriber(TracingSubscriber):
    event_names = (MemcachedCommandEvent.event_name,)

    @classmethod
    def on_started(cls, ctx) -> None:
        event: MemcachedCommandEvent = ctx.event
        try:  # tagging must never break the application's call
            span = span_from_context(ctx)
            span.set_tag(db.SYSTEM, memcachedx.DBMS_NAME)
            if event.server:
                host, port = event.server
                span.set_tags({net.TARGET_HOST: host, net.SERVER_ADDRESS: host, net.TARGET_PORT: port})
            if event.keys is not None:
                text = stringify_cache_args([event.resource, *event.keys],
                                            cmd_max_len=event.integration_config.cmd_max_length)
                span.set_tag(memcachedx.QUERY, text)
        except Exception:
            log.debug("could not tag the memcached span", exc_info=True)

    @classmethod
    def on_ended(cls, ctx, exc_info) -> None:
        event: MemcachedCommandEvent = ctx.event
        if event.row_count is not None:
            span_from_context(ctx).set_metric(db.ROWCOUNT, event.row_count)
