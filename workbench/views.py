"""Small views the chapters need beyond traceview: spans side by side, plain tables.

Each renders as HTML for people and as deterministic plain text for the notebook tests.
"""

from __future__ import annotations

from traceview.spans import tag
from traceview.tables import Table

# Tags whose value changes from run to run: shown as a placeholder in the text form.
_VOLATILE = {"network.destination.port", "out.port", "_dd.base_service", "runtime-id"}


def _text(value) -> str:
    return "" if value is None else str(value)


def compare_spans(spans: dict[str, dict], fields: list[str], title: str = "") -> Table:
    """One row per field, one column per span: how two integrations describe a call.

    A row whose values differ is marked with ≠ (the port differs by design: each server has
    its own, so it is shown as "(port)").
    """
    rows = []
    for field in fields:
        values = []
        for span in spans.values():
            value = tag(span, field)
            values.append("(port)" if field in _VOLATILE and value is not None else _text(value))
        mark = "" if len(set(values)) == 1 else "≠"
        rows.append([field, *values, mark])
    return Table(["field", *spans, ""], rows, title)
