"""One memcached workload, traced four ways: the guide's integration on both ddtrace naming
schemas, and OpenTelemetry's pymemcache instrumentation with and without the newer
database semantic conventions. Each way runs in its own process (settings are read once,
at start-up), one after the other: the workload deletes a key another run would read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswalk.otel_run import run_with_opentelemetry
from harness.traced_run import run_traced

SERVICE = "shop"
WORKLOAD = """
from pymemcache.client.base import Client

client = Client({address!r})
client.set("cart:42", "3 items")
client.get("cart:42")
client.get("cart:404")
client.get_many(["cart:42", "cart:404"])
client.incr("visits", 1)
client.delete("cart:42")
try:
    client.get("two words")  # a key with a space: pymemcache refuses it
except Exception:
    pass
"""
COMMANDS = 7
_GUIDE_INTEGRATION = "from integrations.memcached import patch\npatch()\n"


@dataclass(frozen=True)
class TracingWay:
    label: str
    tracer: str                     # "ddtrace" or "opentelemetry"
    env: dict = field(default_factory=dict)


WAYS = (
    TracingWay("ddtrace v0", "ddtrace", {"DD_SERVICE": SERVICE}),
    TracingWay("ddtrace v1", "ddtrace", {"DD_SERVICE": SERVICE, "DD_TRACE_SPAN_ATTRIBUTE_SCHEMA": "v1"}),
    TracingWay("OTel default", "opentelemetry"),
    TracingWay("OTel database", "opentelemetry", {"OTEL_SEMCONV_STABILITY_OPT_IN": "database"}),
)


def trace_every_way(services, ways=WAYS) -> dict:
    """label -> the spans of that way: ddtrace spans as dicts, OpenTelemetry ones as OtelSpan."""
    workload = WORKLOAD.format(address=services.memcached.address)
    spans = {}
    for way in ways:
        if way.tracer == "ddtrace":
            run = run_traced(services, _GUIDE_INTEGRATION + workload, env=way.env, label=way.label,
                             spans=COMMANDS)
        else:
            run = run_with_opentelemetry(services, workload, service=SERVICE, env=way.env,
                                         label=way.label, spans=COMMANDS)
        if run.returncode != 0 or len(run.spans) != COMMANDS:
            raise RuntimeError(f"{run!r} (expected {COMMANDS} spans)\n{run.stderr[-2000:]}")
        spans[way.label] = run.spans
    return spans
