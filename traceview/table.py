"""A span table: one row per span, the columns a reviewer of an integration looks at."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field

from rich import box
from rich.console import Console
from rich.table import Table

from traceview.spans import flatten, tag, tree_order

DEFAULT_COLUMNS = ("name", "service", "resource", "type", "error")
# Ports, ids and durations differ on every run; they never appear in the text form.
VOLATILE_TAGS = frozenset({"network.destination.port", "out.port", "process_id", "runtime-id",
                           "_dd.p.tid", "_dd.tags.process", "_dd.base_service", "error.stack"})


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
        table = Table(title=self.title or None, box=box.SIMPLE_HEAD, pad_edge=False)
        for header in self.headers:
            table.add_column(header, overflow="fold")
        for row in self.rows:
            table.add_row(*row)
        # force_jupyter=False: inside a kernel rich would display the table a second time.
        console = Console(width=400, record=True, color_system=None, file=io.StringIO(),
                          force_jupyter=False)
        console.print(table)
        return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip("\n")

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td><code>{html.escape(c)}</code></td>" for c in row) + "</tr>"
            for row in self.rows)
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return (f'<table class="traceview-table">{caption}<thead><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table>")


def span_table(traces_or_spans, tags=(), columns=DEFAULT_COLUMNS, title="", all_tags=False) -> SpanTable:
    """Tabulate spans. ``tags`` adds meta/metrics columns; ``all_tags`` adds every stable tag."""
    spans = flatten(traces_or_spans)
    if all_tags:
        keys = sorted({k for s in spans for k in (*s.get("meta", {}), *s.get("metrics", {}))
                       if k not in VOLATILE_TAGS and not k.startswith("_dd.p.")})
        tags = tuple(tags) + tuple(k for k in keys if k not in tags)
    return SpanTable(spans, tuple(columns), tuple(tags), title)
