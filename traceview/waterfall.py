"""A waterfall (timeline) picture of spans, drawn as inline SVG: no plotting library needed."""

from __future__ import annotations

import html
from dataclasses import dataclass

from traceview.spans import flatten, tree_order

_ROW = 22
_LABEL_CHARS = 44
_LABEL_WIDTH = 330
_BAR_WIDTH = 460
_ERROR = "#d9534f"
_PALETTE = ("#632ca6", "#3b82f6", "#0ea5a4", "#f59e0b", "#64748b")


@dataclass
class Waterfall:
    spans: list[dict]
    title: str = ""

    def _rows(self):
        return tree_order(self.spans)

    def __repr__(self) -> str:
        # Text form: structure without timing, so it is identical run after run.
        lines = [self.title] if self.title else []
        for depth, span in self._rows():
            mark = "  ✗ error" if span.get("error") else ""
            lines.append(f"{'  ' * depth}├─ {span['name']}  {span.get('resource', '')}{mark}")
        return "\n".join(lines) or "(no spans)"

    def _repr_svg_(self) -> str:
        rows = self._rows()
        if not rows:
            return '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="20"></svg>'
        begin = min(s["start"] for _, s in rows)
        end = max(s["start"] + s["duration"] for _, s in rows)
        total = max(end - begin, 1)
        services = sorted({s.get("service", "") for _, s in rows})
        header_rows = 2 if self.title else 1  # the title gets a row of its own above the axis
        height = _ROW * (len(rows) + header_rows) + 8
        width = _LABEL_WIDTH + _BAR_WIDTH + 90
        axis_y = _ROW * (header_rows - 1) + 15
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                 f'font-family="ui-monospace, SFMono-Regular, Menlo, monospace" font-size="12">',
                 f'<text x="4" y="15" font-weight="bold">{html.escape(self.title)}</text>',
                 f'<text x="{_LABEL_WIDTH}" y="{axis_y}" fill="#666">0 ms</text>',
                 f'<text x="{_LABEL_WIDTH + _BAR_WIDTH}" y="{axis_y}" fill="#666" text-anchor="end">'
                 f'{total / 1e6:.2f} ms</text>']
        for index, (depth, span) in enumerate(rows, start=header_rows):
            y = index * _ROW + 4
            x = _LABEL_WIDTH + _BAR_WIDTH * (span["start"] - begin) / total
            w = max(_BAR_WIDTH * span["duration"] / total, 2)
            color = _ERROR if span.get("error") else _PALETTE[services.index(span.get("service", "")) % len(_PALETTE)]
            label = f"{span['name']} {span.get('resource', '')}"
            room = _LABEL_CHARS - 2 * depth
            shown = label if len(label) <= room else label[:room - 1] + "…"
            parts.append(f'<text x="{4 + 12 * depth}" y="{y + 14}">{html.escape(shown)}</text>')
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="14" rx="3" fill="{color}">'
                         f'<title>{html.escape(label)} ({span["duration"] / 1e3:.0f} µs)</title></rect>')
            parts.append(f'<text x="{x + w + 4:.1f}" y="{y + 14}" fill="#444">'
                         f'{span["duration"] / 1e3:.0f} µs</text>')
        parts.append("</svg>")
        return "".join(parts)


def waterfall(traces_or_spans, title: str = "") -> Waterfall:
    return Waterfall(flatten(traces_or_spans), title)
