"""Send OpenTelemetry SDK spans to the APM test agent as OTLP/HTTP protobuf.

Runs inside the traced child process. The messages are opentelemetry-proto's own (the
version the test agent decodes with); this module fills them from the SDK's finished
spans and posts them with the agent session's token as a header. OpenTelemetry's
ready-made OTLP exporter cannot be installed next to ddapm-test-agent 1.69.1 and
wrapt 2 (see requirements.in), so the encoding below is the guide's own.
"""

from __future__ import annotations

import urllib.request
from collections import defaultdict
from typing import Sequence

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, ArrayValue, InstrumentationScope, KeyValue
from opentelemetry.proto.resource.v1.resource_pb2 import Resource as ResourceMessage
from opentelemetry.proto.trace.v1.trace_pb2 import ResourceSpans, ScopeSpans, Span, Status
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExporter, SpanExportResult

TRACES_PATH = "/v1/traces"
SESSION_HEADER = "X-Datadog-Test-Session-Token"


def _any_value(value) -> AnyValue:
    if isinstance(value, bool):  # before int: bool is an int in Python
        return AnyValue(bool_value=value)
    if isinstance(value, int):
        return AnyValue(int_value=value)
    if isinstance(value, float):
        return AnyValue(double_value=value)
    if isinstance(value, (list, tuple)):
        return AnyValue(array_value=ArrayValue(values=[_any_value(item) for item in value]))
    return AnyValue(string_value=str(value))


def _key_values(attributes) -> list[KeyValue]:
    return [KeyValue(key=key, value=_any_value(value)) for key, value in (attributes or {}).items()]


def _span_message(span: ReadableSpan) -> Span:
    context = span.get_span_context()
    message = Span(
        trace_id=context.trace_id.to_bytes(16, "big"), span_id=context.span_id.to_bytes(8, "big"),
        name=span.name, kind=span.kind.value + 1,  # the API counts from INTERNAL=0, OTLP from UNSPECIFIED=0
        start_time_unix_nano=span.start_time, end_time_unix_nano=span.end_time,
        attributes=_key_values(span.attributes),
        status=Status(code=span.status.status_code.value, message=span.status.description or ""),
    )
    if span.parent is not None:
        message.parent_span_id = span.parent.span_id.to_bytes(8, "big")
    for event in span.events:
        message.events.add(time_unix_nano=event.timestamp, name=event.name,
                           attributes=_key_values(event.attributes))
    return message


def encode(spans: Sequence[ReadableSpan]) -> ExportTraceServiceRequest:
    """One ResourceSpans per resource, one ScopeSpans per instrumentation scope, as OTLP nests them."""
    grouped: dict = defaultdict(lambda: defaultdict(list))
    for span in spans:
        grouped[span.resource][span.instrumentation_scope].append(span)
    request = ExportTraceServiceRequest()
    for resource, by_scope in grouped.items():
        resource_spans = ResourceSpans(resource=ResourceMessage(attributes=_key_values(resource.attributes)),
                                       schema_url=resource.schema_url or "")
        for scope, scope_spans in by_scope.items():
            resource_spans.scope_spans.append(ScopeSpans(
                scope=InstrumentationScope(name=scope.name, version=scope.version or ""),
                schema_url=scope.schema_url or "", spans=[_span_message(s) for s in scope_spans]))
        request.resource_spans.append(resource_spans)
    return request


class TestAgentOtlpExporter(SpanExporter):
    """POST each batch of spans to ``{endpoint}/v1/traces`` under one agent session."""

    __test__ = False  # not a pytest test class

    def __init__(self, endpoint: str, session_token: str, timeout: float = 10.0):
        self._url = endpoint.rstrip("/") + TRACES_PATH
        self._headers = {"Content-Type": "application/x-protobuf", SESSION_HEADER: session_token}
        self._timeout = timeout

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        body = encode(spans).SerializeToString()
        request = urllib.request.Request(self._url, data=body, headers=self._headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return SpanExportResult.SUCCESS if response.status == 200 else SpanExportResult.FAILURE
        except OSError:
            return SpanExportResult.FAILURE

    def shutdown(self) -> None:
        pass


def install_tracer_provider(endpoint: str, session_token: str, service: str) -> TracerProvider:
    """Make an SDK tracer provider that exports every span as it ends, and make it global."""
    from opentelemetry import trace

    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    # Simple, not batching: each span is sent when it ends, so nothing waits for a timer.
    provider.add_span_processor(SimpleSpanProcessor(TestAgentOtlpExporter(endpoint, session_token)))
    trace.set_tracer_provider(provider)
    return provider
