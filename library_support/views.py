"""The policy's answer for people: a table of picks, and a release timeline drawn as SVG.

Both render as HTML/SVG in Jupyter and the site, and as deterministic plain text for the
notebook tests (no plotting library needed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from library_support.policy import Pick, ReleaseHistory, two_years_before
from traceview.tables import Table

_PICK = "#632ca6"       # chosen by the policy
_RELEASE = "#94a3b8"
_WINDOW = "#f3f0fa"


def picks_table(picks: list[Pick], title: str = "") -> Table:
    rows = [[str(p.version), p.released.isoformat(), "\n".join(r.rule for r in p.reasons)]
            for p in picks]
    return Table(["version", "released", "why"], rows, title)


def matrix_table(answers: dict[str, list[str]], title: str = "") -> Table:
    """One row per date: the versions the matrix tests, and the range to declare for them."""
    return Table(["as of", "versions tested", "range to declare"],
                 [[day, *columns] for day, columns in answers.items()], title)


_LEFT, _RIGHT, _ROW, _TOP = 60, 16, 26, 34


@dataclass
class Timeline:
    history: ReleaseHistory
    picks: list[Pick]
    as_of: date
    width: int = 820

    def __repr__(self) -> str:
        window = two_years_before(self.as_of)
        inside = [r for r in self.history.releases if window <= r.released <= self.as_of]
        lines = [f"{self.history.package}: {len(self.history.releases)} releases, "
                 f"{self.history.releases[0].released.year}-{self.as_of.year}",
                 f"two-year window {window.isoformat()} .. {self.as_of.isoformat()}: "
                 f"{len(inside)} release(s)"]
        lines += [f"  picked {p.version} ({p.released.isoformat()})" for p in self.picks]
        return "\n".join(lines)

    def _x(self, day: date, first: date, last: date) -> float:
        span = max((last - first).days, 1)
        return _LEFT + (self.width - _LEFT - _RIGHT) * (day - first).days / span

    def _repr_svg_(self) -> str:
        releases = [r for r in self.history.releases if r.released <= self.as_of]
        first, last = date(releases[0].released.year, 1, 1), date(self.as_of.year + 1, 1, 1)
        majors = sorted({r.version.major for r in releases}, reverse=True)
        height = _TOP + _ROW * len(majors) + 30
        x = lambda day: self._x(day, first, last)  # noqa: E731
        window = max(two_years_before(self.as_of), first)
        picked = {p.version: p for p in self.picks}
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{height}" '
                 f'font-family="ui-monospace, SFMono-Regular, Menlo, monospace" font-size="11">',
                 f'<rect x="{x(window):.1f}" y="{_TOP - 8}" width="{x(self.as_of) - x(window):.1f}" '
                 f'height="{_ROW * len(majors) + 4}" fill="{_WINDOW}"><title>the last two years '
                 f'before {self.as_of.isoformat()}</title></rect>',
                 f'<text x="{x(self.as_of):.1f}" y="14" text-anchor="end" fill="#444">'
                 f'as of {self.as_of.isoformat()}; shaded: the two years before</text>',
                 f'<line x1="{x(self.as_of):.1f}" x2="{x(self.as_of):.1f}" y1="18" '
                 f'y2="{_TOP + _ROW * len(majors) - 4}" stroke="#632ca6" stroke-dasharray="3,2"/>']
        left = 8  # the legend; a monospace character is about 7 px wide at this size
        for color, label in ((_PICK, "tested"), (_RELEASE, "release")):
            parts.append(f'<circle cx="{left}" cy="10" r="4" fill="{color}"/>'
                         f'<text x="{left + 8}" y="14" fill="#444">{label}</text>')
            left += 24 + 7 * len(label)
        axis_y = _TOP + _ROW * len(majors)
        for year in range(first.year, last.year + 1):
            tick = x(date(year, 1, 1))
            parts.append(f'<line x1="{tick:.1f}" x2="{tick:.1f}" y1="{axis_y - 6}" y2="{axis_y}" '
                         f'stroke="#999"/>')
            if year < last.year and (year - first.year) % 2 == 0:
                parts.append(f'<text x="{tick + 2:.1f}" y="{axis_y + 14}" fill="#666">{year}</text>')
        for row, major in enumerate(majors):
            y = _TOP + _ROW * row + 6
            parts.append(f'<text x="4" y="{y + 4}" fill="#444">{major}.x</text>')
            parts.append(f'<line x1="{_LEFT}" x2="{self.width - _RIGHT}" y1="{y}" y2="{y}" '
                         f'stroke="#e5e7eb"/>')
            for release in (r for r in releases if r.version.major == major):
                pick = picked.get(release.version)
                color = _RELEASE if pick is None else _PICK
                radius = 3 if pick is None else 6
                parts.append(f'<circle cx="{x(release.released):.1f}" cy="{y}" r="{radius}" fill="{color}">'
                             f'<title>{release.version} ({release.released.isoformat()})</title></circle>')
                if pick is not None:
                    parts.append(f'<text x="{x(release.released):.1f}" y="{y - 9}" text-anchor="middle" '
                                 f'fill="{color}" font-weight="bold">{release.version}</text>')
        parts.append("</svg>")
        return "".join(parts)


def timeline(history: ReleaseHistory, picks: list[Pick], as_of: date | None = None) -> Timeline:
    return Timeline(history, picks, as_of or history.retrieved)
