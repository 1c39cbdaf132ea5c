"""OpenTelemetry spans as the test agent returns them (OTLP decoded to JSON), made flat.

The agent keeps OTLP's nesting (resource, then instrumentation scope, then spans) and
its typed values (``{"int_value": "11211"}``). A crosswalk wants one record per span with
plain attribute values, and the resource and scope it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def plain_value(any_value: dict):
    """An OTLP AnyValue (as JSON) as a Python value; 64-bit ints arrive as strings."""
    if "int_value" in any_value:
        return int(any_value["int_value"])
    if "array_value" in any_value:
        return [plain_value(v) for v in any_value["array_value"].get("values", [])]
    for kind in ("string_value", "bool_value", "double_value"):
        if kind in any_value:
            return any_value[kind]
    return None


def plain_attributes(key_values: list[dict] | None) -> dict:
    return {kv["key"]: plain_value(kv.get("value", {})) for kv in key_values or []}


@dataclass
class OtelSpan:
    name: str
    kind: str                  # "client", "server", "internal", ...
    attributes: dict
    status: str                # "unset", "ok" or "error"
    status_message: str
    events: list[tuple[str, dict]]
    scope: str                 # instrumentation scope "name version"
    schema_url: str
    resource: dict = field(default_factory=dict)
    start: int = 0


def _short(enum_name: str, prefix: str) -> str:
    return enum_name.removeprefix(prefix).lower() if enum_name else "unspecified"


def flatten_otlp(payloads: list[dict]) -> list[OtelSpan]:
    """Every span of every export request, oldest first."""
    spans = []
    for payload in payloads:
        for resource_spans in payload.get("resource_spans", []):
            resource = plain_attributes(resource_spans.get("resource", {}).get("attributes"))
            for scope_spans in resource_spans.get("scope_spans", []):
                scope = scope_spans.get("scope", {})
                scope_name = f"{scope.get('name', '')} {scope.get('version', '')}".strip()
                schema_url = scope_spans.get("schema_url") or resource_spans.get("schema_url", "")
                for span in scope_spans.get("spans", []):
                    status = span.get("status", {})
                    spans.append(OtelSpan(
                        name=span.get("name", ""), kind=_short(span.get("kind", ""), "SPAN_KIND_"),
                        attributes=plain_attributes(span.get("attributes")),
                        status=_short(status.get("code", "STATUS_CODE_UNSET"), "STATUS_CODE_"),
                        status_message=status.get("message", ""),
                        events=[(e.get("name", ""), plain_attributes(e.get("attributes")))
                                for e in span.get("events", [])],
                        scope=scope_name, schema_url=schema_url, resource=resource,
                        start=int(span.get("start_time_unix_nano", 0))))
    return sorted(spans, key=lambda s: s.start)
