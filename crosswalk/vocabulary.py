"""Every attribute key either side sent, looked up in the installed semantic conventions."""

from __future__ import annotations

from crosswalk.semconv import attribute_status, newest_schema
from crosswalk.table import HIDDEN_KEYS, Way
from traceview.tables import Table

# Span fields that are not attributes: the Datadog span's own columns, OpenTelemetry's
# span name, kind and status, and the instrumentation scope.
NOT_ATTRIBUTES = frozenset({"name", "service", "resource", "type", "error", "kind", "status:code",
                            "status:message", "scope:name"})


def attribute_name(key: str) -> str | None:
    """The attribute a field key stands for (``event:exception.type`` -> ``exception.type``)."""
    if key in NOT_ATTRIBUTES or key in HIDDEN_KEYS or key.startswith("_"):
        return None
    return key.partition(":")[2] if ":" in key else key


def vocabulary(ways: list[Way]) -> Table:
    senders: dict[str, list[str]] = {}
    for way in ways:
        for key in sorted({key for fields in way.fields for key in fields}):
            name = attribute_name(key)
            if name is not None and way.header.splitlines()[0] not in senders.setdefault(name, []):
                senders[name].append(way.header.splitlines()[0])
    rows = [[name, ", ".join(sent_by), attribute_status(name)] for name, sent_by in sorted(senders.items())]
    return Table(["attribute", "sent by", f"in semantic conventions {newest_schema()}"], rows, monospace=True)
