"""Span shape: the name, type and tags that make a client span readable and comparable."""

from __future__ import annotations

from checks import workload_ids
from checks.cases import no_spans_case
from checks.check import Check
from checks.report import Case
from traceview.spans import tag

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


def _judge(context, probe, setting) -> list[Case]:
    spans = probe.spans_in("commands")
    if not spans:
        return [no_spans_case(context.profile)]
    host, port = probe.result["host"], probe.result["port"]
    name, profile = context.target.name, context.profile
    cases = [
        _case("operation name", spans, "name", profile.operation_name,
              f"name the span schematize_cache_operation({profile.operation_name!r}, "
              f"cache_provider={profile.cache_provider!r})"),
        _case("span type", spans, "type", profile.span_type,
              f"pass span_type=SpanTypes.{profile.span_type_constant} (from ddtrace.ext) to tracer.trace()"),
        _case("span.kind", spans, "span.kind", profile.span_kind,
              "set the tag SPAN_KIND (ddtrace.constants) to SpanKind.CLIENT: a call out to a server"),
        _case("db.system", spans, "db.system", profile.db_system,
              f"set the tag db.SYSTEM (ddtrace.ext.db) to {profile.db_system!r}"),
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
    cases += [_row_count_case(spans, label, expected, profile.row_count_rule)
              for label, expected in probe.result["reads"] if (spans := probe.spans_in(f"read: {label}"))]
    return cases


def _row_count_case(spans, label: str, expected: int, hint: str) -> Case:
    values = _values(spans, "db.row_count")
    observed = ", ".join(MISSING if v == MISSING else f"{v:g}" for v in values) or "no span"
    return Case(f"db.row_count, {label}", values == [expected], observed=observed,
                expected=str(expected),
                hint=f"set the metric db.ROWCOUNT (ddtrace.ext.db) after a read: {hint}")


CHECK = Check(
    id="span_shape", title="Span shape", chapter="04-tracing-commands", workload=workload_ids.SPAN_SHAPE,
    promise=lambda profile: (
        f"each span is a {profile.operation_name} of type {profile.span_type}, a client span with db.system, "
        "component and the address of the server actually used; reads report db.row_count"),
    summary="Operation name, span type, span.kind, db.system, component and server address tags.",
    judge=_judge)
