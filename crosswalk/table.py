"""The crosswalk: one row per idea (span name, service, server address, ...), one column per
way of tracing, each cell computed from that way's live spans.

Which key means what on each side is declared once (CONCEPTS); everything else is read
from the spans: which keys are there, their values, on how many spans. Keys a side has
that no concept names get a row of their own, so nothing either side sends goes unseen.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosswalk.otel_spans import OtelSpan
from traceview.tables import Table


@dataclass(frozen=True)
class Concept:
    label: str
    ddtrace_keys: tuple[str, ...]
    otel_keys: tuple[str, ...]
    from_error_span: bool = False  # read the value on the failing command's span


CONCEPTS = (
    Concept("span name", ("name",), ("name",)),
    Concept("span kind", ("span.kind",), ("kind",)),
    Concept("service", ("service",), ("resource:service.name",)),
    Concept("command", ("resource",), ("db.operation.name", "db.operation")),
    Concept("database system", ("db.system",), ("db.system", "db.system.name")),
    Concept("server address", ("out.host", "server.address"), ("net.peer.name", "server.address")),
    Concept("server port", ("network.destination.port",), ("net.peer.port", "server.port")),
    Concept("transport", (), ("net.transport", "network.transport")),
    Concept("command text", ("memcached.query",), ("db.statement", "db.query.text")),
    Concept("rows returned", ("db.row_count",), ("db.response.returned_rows",)),
    Concept("peer service", ("peer.service", "_dd.peer.service.source"), ("peer.service",)),
    Concept("instrumentation", ("component",), ("scope:name",)),
    Concept("span type", ("type",), ()),
    Concept("error", ("error",), ("status:code",), from_error_span=True),
    Concept("error type", ("error.type",), ("event:exception.type",), from_error_span=True),
    Concept("error message", ("error.message",), ("status:message", "event:exception.message"),
            from_error_span=True),
    Concept("exception escaped", (), ("event:exception.escaped",), from_error_span=True),
)
PORT_KEYS = frozenset({"network.destination.port", "net.peer.port", "server.port"})
# Differ on every run, or say nothing about the call: never shown.
HIDDEN_KEYS = frozenset({"runtime-id", "process_id", "error.stack", "event:exception.stacktrace"})


def ddtrace_fields(span: dict) -> dict:
    """A Datadog span (as the test agent returns it) as one flat mapping of key -> value."""
    fields = {key: span.get(key) for key in ("name", "service", "resource", "type", "error")}
    fields.update(span.get("meta", {}))
    fields.update({k: int(v) if float(v).is_integer() else v for k, v in span.get("metrics", {}).items()})
    return fields


def otel_fields(span: OtelSpan) -> dict:
    """An OpenTelemetry span as one flat mapping; where a value lives is a key prefix."""
    fields = {"name": span.name, "kind": span.kind, "scope:name": span.scope,
              "resource:service.name": span.resource.get("service.name"), "status:code": span.status}
    if span.status_message:
        fields["status:message"] = span.status_message
    fields.update(span.attributes)
    for event_name, attributes in span.events:
        fields.update({f"event:{key}": value for key, value in attributes.items()})
    return fields


@dataclass
class Way:
    """One way of tracing: its column header, its spans' fields and which concept keys it uses."""

    header: str
    fields: list[dict]
    tracer: str  # "ddtrace" or "opentelemetry"

    @property
    def error_index(self) -> int:
        key, failed = ("error", 1) if self.tracer == "ddtrace" else ("status:code", "error")
        return next((i for i, f in enumerate(self.fields) if f.get(key) == failed), 0)

    def keys_of(self, concept: Concept) -> tuple[str, ...]:
        return concept.ddtrace_keys if self.tracer == "ddtrace" else concept.otel_keys


def _shown(key: str, value) -> str:
    return "<free port>" if key in PORT_KEYS else str(value)


def cell(way: Way, keys: tuple[str, ...], sample: int) -> str:
    """``key = value`` for each key the spans carry (value from span ``sample`` when it has it)."""
    lines = []
    for key in keys:
        carrying = [f for f in way.fields if key in f]
        if not carrying:
            continue
        value = way.fields[sample][key] if key in way.fields[sample] else carrying[0][key]
        coverage = "" if len(carrying) == len(way.fields) else f"  ({len(carrying)} of {len(way.fields)} spans)"
        lines.append(f"{key} = {_shown(key, value)}{coverage}")
    return "\n".join(lines) or "-"


def _who_has_it(cells: list[str], ways: list[Way]) -> str:
    has = {way.tracer for way, text in zip(ways, cells) if text != "-"}
    return {frozenset({"ddtrace", "opentelemetry"}): "both", frozenset({"ddtrace"}): "ddtrace only",
            frozenset({"opentelemetry"}): "OTel only"}.get(frozenset(has), "neither")


def _unmapped_keys(ways: list[Way]) -> list[str]:
    named = {key for concept in CONCEPTS for key in (*concept.ddtrace_keys, *concept.otel_keys)}
    seen = {key for way in ways for fields in way.fields for key in fields}
    return sorted(key for key in seen - named - HIDDEN_KEYS if not key.startswith("_"))


def _sample_index(way: Way) -> int:
    """The span whose values a cell shows: the first successful ``get`` (a cache hit in the workload)."""
    command_key = "resource" if way.tracer == "ddtrace" else "name"
    return next((i for i, f in enumerate(way.fields)
                 if f.get(command_key) == "get" and i != way.error_index), 0)


def crosswalk(ways: list[Way], title: str = "") -> Table:
    """The table: a row per concept, then a row per key no concept names."""
    ordinary = {way.header: _sample_index(way) for way in ways}
    rows = []
    for concept in CONCEPTS:
        cells = [cell(way, way.keys_of(concept), way.error_index if concept.from_error_span
                      else ordinary[way.header]) for way in ways]
        rows.append([concept.label, *cells, _who_has_it(cells, ways)])
    for key in _unmapped_keys(ways):
        cells = [cell(way, (key,), ordinary[way.header]) for way in ways]
        rows.append([f"other: {key}", *cells, _who_has_it(cells, ways)])
    return Table(["concept", *(way.header for way in ways), "who has it"], rows, title, monospace=True)


def ways_from_runs(spans_by_label: dict) -> list[Way]:
    """Ways from trace_every_way(): ddtrace spans are dicts, OpenTelemetry spans OtelSpan records."""
    ways = []
    for label, spans in spans_by_label.items():
        if spans and isinstance(spans[0], OtelSpan):
            schemas = sorted({s.schema_url.rsplit("/", 1)[-1] for s in spans if s.schema_url})
            header = f"{label}\n(schema {', '.join(schemas) or 'none'})"
            ways.append(Way(header, [otel_fields(s) for s in spans], "opentelemetry"))
        else:
            ways.append(Way(label, [ddtrace_fields(s) for s in spans], "ddtrace"))
    return ways
