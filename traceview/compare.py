"""Spans side by side: how two integrations describe the same call.

Renders as HTML for people and as deterministic plain text for the notebook tests.
"""

from __future__ import annotations

from harness.tracing import VOLATILE_TAGS
from traceview.spans import tag
from traceview.tables import Table


def _placeholder(field: str) -> str:
    """What the text form shows for a value that changes from run to run."""
    return "(port)" if field.endswith("port") else "(varies)"


def _text(value) -> str:
    return "" if value is None else str(value)


def compare_spans(spans: dict[str, dict], fields: list[str], title: str = "") -> Table:
    """One row per field, one column per span: how two integrations describe a call.

    A row whose values differ is marked with ≠. Values that change from run to run are
    shown as a placeholder: the port differs by design (each server has its own), so it
    is shown as "(port)".
    """
    rows = []
    for field in fields:
        values = []
        for span in spans.values():
            value = tag(span, field)
            values.append(_placeholder(field) if field in VOLATILE_TAGS and value is not None
                          else _text(value))
        mark = "" if len(set(values)) == 1 else "≠"
        rows.append([field, *values, mark])
    return Table(["field", *spans, ""], rows, title)
