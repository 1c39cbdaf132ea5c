"""A bar chart of what tracing adds to a command, drawn as inline SVG (no plotting library).

    CostChart({"this guide's integration": {"get": 48.0, "set": 51.2}, ...}, title="...")

In a notebook it shows as the picture; its text form names the bars without their figures,
so a notebook's recorded output stays the same from run to run.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

_ROW = 22
_LABEL_WIDTH = 250
_BAR_WIDTH = 420
_COLORS = {"get": "#632ca6", "set": "#3b82f6"}
_OTHER = "#64748b"


@dataclass
class CostChart:
    figures: dict[str, dict[str, float]]  # bar group (a mode, a part) -> {series (a command): µs}
    title: str = ""
    unit: str = "µs"

    def _rows(self) -> list[tuple[str, str, float]]:
        return [(group, series, value) for group, values in self.figures.items() for series, value in values.items()]

    def __repr__(self) -> str:
        lines = [self.title] if self.title else []
        lines += [f"{group}: {', '.join(values)}" for group, values in self.figures.items()]
        return "\n".join(lines)

    def _repr_svg_(self) -> str:
        rows = self._rows()
        top = max([value for _, _, value in rows] + [1.0])
        height = _ROW * (len(rows) + 1) + 8
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LABEL_WIDTH + _BAR_WIDTH + 80}" '
                 f'height="{height}" font-family="ui-monospace, SFMono-Regular, Menlo, monospace" font-size="12">',
                 f'<text x="4" y="15" font-weight="bold">{html.escape(self.title)}</text>']
        previous = None
        for index, (group, series, value) in enumerate(rows, start=1):
            y = index * _ROW + 4
            label = f"{group if group != previous else ''}"
            previous = group
            width = max(_BAR_WIDTH * max(value, 0.0) / top, 1)
            color = _COLORS.get(series, _OTHER)
            parts.append(f'<text x="4" y="{y + 14}">{html.escape(label)}</text>')
            parts.append(f'<text x="{_LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end" fill="#666">'
                         f'{html.escape(series)}</text>')
            parts.append(f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="14" rx="3" '
                         f'fill="{color}"></rect>')
            parts.append(f'<text x="{_LABEL_WIDTH + width + 4:.1f}" y="{y + 14}" fill="#444">'
                         f'{value:.0f} {self.unit}</text>')
        parts.append("</svg>")
        return "".join(parts)
