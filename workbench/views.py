"""Small views the chapters need beyond traceview: spans side by side, plain tables.

Each renders as HTML for people and as deterministic plain text for the notebook tests.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table as RichTable

from traceview.spans import tag

# Tags whose value changes from run to run: shown as a placeholder in the text form.
_VOLATILE = {"network.destination.port", "out.port", "_dd.base_service", "runtime-id"}


def _text(value) -> str:
    return "" if value is None else str(value)


@dataclass
class Table:
    """A plain table: headers and rows of strings."""
    headers: list[str]
    rows: list[list[str]]
    title: str = ""

    def __repr__(self) -> str:
        table = RichTable(title=self.title or None, box=box.SIMPLE_HEAD, pad_edge=False)
        for header in self.headers:
            table.add_column(header, overflow="fold")
        for row in self.rows:
            table.add_row(*row)
        console = Console(width=400, record=True, color_system=None, file=io.StringIO(),
                          force_jupyter=False)
        console.print(table)
        return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip("\n")

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.headers)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                       for row in self.rows)
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return (f'<table class="traceview-table">{caption}<thead><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table>")


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
