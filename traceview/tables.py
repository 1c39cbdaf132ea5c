"""A table that renders twice: HTML for people, deterministic plain text for tests.

Span tables, check-free tables in the chapters and the library-support picks all use it.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table as RichTable


def plain_text(headers, rows, title: str = "") -> str:
    table = RichTable(title=title or None, box=box.SIMPLE_HEAD, pad_edge=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*row)
    # force_jupyter=False: inside a kernel rich would display the table a second time.
    console = Console(width=400, record=True, color_system=None, file=io.StringIO(),
                      force_jupyter=False)
    console.print(table)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip("\n")


def html_table(headers, rows, title: str = "", monospace: bool = False) -> str:
    def cell(text: str) -> str:
        escaped = html.escape(text).replace("\n", "<br>")
        return f"<td><code>{escaped}</code></td>" if monospace else f"<td>{escaped}</td>"

    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in rows)
    caption = f"<caption>{html.escape(title)}</caption>" if title else ""
    return (f'<table class="traceview-table">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


@dataclass
class Table:
    """A plain table: headers and rows of strings."""

    headers: list[str]
    rows: list[list[str]]
    title: str = ""
    monospace: bool = False

    def __repr__(self) -> str:
        return plain_text(self.headers, self.rows, self.title)

    def _repr_html_(self) -> str:
        return html_table(self.headers, self.rows, self.title, self.monospace)
