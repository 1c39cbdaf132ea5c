"""Helpers over spans as the test agent returns them (dicts with meta and metrics)."""

from __future__ import annotations

from typing import Iterable


def flatten(traces_or_spans: Iterable) -> list[dict]:
    """Accept a list of traces (lists of spans) or a flat list of spans."""
    spans: list[dict] = []
    for item in traces_or_spans:
        spans.extend(item if isinstance(item, list) else [item])
    return spans


def tree_order(spans: list[dict]) -> list[tuple[int, dict]]:
    """Spans as (depth, span), parents before children, siblings by start time."""
    by_id = {span["span_id"]: span for span in spans}
    children: dict[int | None, list[dict]] = {}
    for span in spans:
        parent = span.get("parent_id") or None
        children.setdefault(parent if parent in by_id else None, []).append(span)
    ordered: list[tuple[int, dict]] = []

    def visit(parent, depth):
        for span in sorted(children.get(parent, []), key=lambda s: (s["start"], s["span_id"])):
            ordered.append((depth, span))
            visit(span["span_id"], depth + 1)

    visit(None, 0)
    return ordered


def tag(span: dict, key: str):
    """A tag from meta or metrics, or the top-level field of that name."""
    if key in span.get("meta", {}):
        return span["meta"][key]
    if key in span.get("metrics", {}):
        value = span["metrics"][key]
        return int(value) if float(value).is_integer() else value
    return span.get(key)
