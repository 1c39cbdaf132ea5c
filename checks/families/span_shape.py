"""Span shape: the name, type and tags that make a memcached span readable and comparable."""

from __future__ import annotations

from checks.expectations import DB_SYSTEM, OPERATION_NAME, SPAN_KIND, SPAN_TYPE
from checks.families.common import new_result, no_spans_case, record_probe_failure
from checks.probe.workloads.span_shape import READS
from checks.report import Case
from traceview.spans import tag

ID = "span_shape"
TITLE = "Span shape"
CHAPTER = "04-tracing-commands"
PROMISE = ("each span is a memcached.command of type cache, a client span with db.system, "
           "component and the address of the server actually used; reads report db.row_count")

MISSING = "(missing)"


def _values(spans, key) -> list:
    values = []
    for span in spans:
        value = tag(span, key)
        value = MISSING if value in (None, "") else value
        if value not in values:
            values.append(value)
    return values


def _case(name, spans, key, expected, hint, show=repr) -> Case:
    values = _values(spans, key)
    observed = ", ".join(MISSING if v == MISSING else show(v) for v in values)
    return Case(name, values == [expected], observed=observed, expected=show(expected), hint=hint)


def run(context):
    result = new_result(ID, TITLE, PROMISE)
    probe = context.probe("span_shape")
    if record_probe_failure(probe, result, context.timeout):
        return result
    spans = probe.spans_in("commands")
    if not spans:
        result.cases.append(no_spans_case())
        return result
    host, port = probe.result["host"], probe.result["port"]
    name = context.target.name
    result.cases += [
        _case("operation name", spans, "name", OPERATION_NAME,
              "name the span schematize_cache_operation('memcached.command', cache_provider='memcached')"),
        _case("span type", spans, "type", SPAN_TYPE,
              "pass span_type=SpanTypes.CACHE (from ddtrace.ext) to tracer.trace()"),
        _case("span.kind", spans, "span.kind", SPAN_KIND,
              "set the tag SPAN_KIND (ddtrace.constants) to SpanKind.CLIENT: a call out to a server"),
        _case("db.system", spans, "db.system", DB_SYSTEM,
              "set the tag db.SYSTEM (ddtrace.ext.db) to 'memcached'"),
        _case("component", spans, "component", name,
              f"set the tag 'component' to the integration's name, {name!r}"),
        _case("out.host", spans, "out.host", host,
              "tag net.TARGET_HOST (ddtrace.ext.net) with the host of the client's server"),
        _case("server.address", spans, "server.address", host,
              "tag net.SERVER_ADDRESS (ddtrace.ext.net) with the host of the client's server"),
        _case("network.destination.port", spans, "network.destination.port", port,
              "tag net.TARGET_PORT (ddtrace.ext.net) with the port of the client's server, as a number",
              show=lambda v: "the server's port" if v == port else f"a different port ({type(v).__name__})"),
    ]
    # A read without a span is the coverage check's to report, not a row count to judge.
    result.cases += [_row_count_case(spans, label, expected) for label, *_, expected in READS
                     if (spans := probe.spans_in(f"read: {label}"))]
    return result


def _row_count_case(spans, label: str, expected: int) -> Case:
    values = _values(spans, "db.row_count")
    observed = ", ".join(MISSING if v == MISSING else f"{v:g}" for v in values) or "no span"
    return Case(f"db.row_count, {label}", values == [expected], observed=observed,
                expected=str(expected),
                hint="set the metric db.ROWCOUNT (ddtrace.ext.db) after a read: 1 when the key was "
                     "found, 0 when the call returned the caller's default; the default is the "
                     "second positional argument of get and gets, or the keyword default=")
