"""A span table: one row per span, the columns a reviewer of an integration looks at."""

from __future__ import annotations

from dataclasses import dataclass, field

from harness.tracing import VOLATILE_TAGS
from traceview.spans import flatten, tag, tree_order
from traceview.tables import html_table, plain_text

DEFAULT_COLUMNS = ("name", "service", "resource", "type", "error")


def _cell(value) -> str:
    return "" if value is None else str(value)


@dataclass
class SpanTable:
    spans: list[dict]
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    tags: tuple[str, ...] = ()
    title: str = ""
    rows: list[list[str]] = field(init=False)

    def __post_init__(self):
        self.rows = [[("  " * depth) + _cell(tag(span, self.columns[0]))]
                     + [_cell(tag(span, c)) for c in self.columns[1:]]
                     + [_cell(tag(span, t)) for t in self.tags]
                     for depth, span in tree_order(self.spans)]

    @property
    def headers(self) -> list[str]:
        return list(self.columns) + list(self.tags)

    def __repr__(self) -> str:
        return plain_text(self.headers, self.rows, self.title)

    def _repr_html_(self) -> str:
        return html_table(self.headers, self.rows, self.title, monospace=True)


def span_table(traces_or_spans, tags=(), columns=DEFAULT_COLUMNS, title="", all_tags=False) -> SpanTable:
    """Tabulate spans. ``tags`` adds meta/metrics columns; ``all_tags`` adds every stable tag
    (ports, ids and other values that differ on every run are left out)."""
    spans = flatten(traces_or_spans)
    if all_tags:
        keys = sorted({k for s in spans for k in (*s.get("meta", {}), *s.get("metrics", {}))
                       if k not in VOLATILE_TAGS and not k.startswith("_dd.p.")})
        tags = tuple(tags) + tuple(k for k in keys if k not in tags)
    return SpanTable(spans, tuple(columns), tuple(tags), title)
