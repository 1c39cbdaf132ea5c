"""ddtrace's version-support policy for an integrated library, as a function.

The policy (from the integration how-to), evaluated on a given day:

1. the oldest and the latest minor version of the latest major version, among minors
   released in the last two years;
2. the latest minor version of every earlier major version released in the last two years;
3. when nothing was released in the last two years, the latest release;
4. for each legacy Python (2.7, 3.5, 3.6), the latest minor version known to support it.

A "minor version" is tested as its latest patch release (4.0 -> 4.0.x, the newest x
released by that day). Everything is computed as of an explicit date, so the answer does
not change with the day the code runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

LEGACY_PYTHONS = ("2.7", "3.5", "3.6")
WINDOW_YEARS = 2


@dataclass(frozen=True)
class Release:
    version: Version
    released: date

    @property
    def series(self) -> tuple[int, int]:
        return (self.version.major, self.version.minor)


@dataclass(frozen=True)
class PythonSupport:
    """What one minor series declares about Python (from its latest release's metadata)."""

    requires_python: str | None
    classifiers: tuple[str, ...]  # e.g. ("2.7", "3.6"), from "Programming Language :: Python :: X"

    def supports(self, python: str) -> bool | None:
        """True/False when the metadata says, None when it says nothing about ``python``."""
        if self.requires_python:
            return SpecifierSet(self.requires_python).contains(python)
        if self.classifiers:
            return python in self.classifiers
        return None


@dataclass(frozen=True)
class Reason:
    rule: str                   # which part of the policy chose the version
    python: str | None = None   # set for the legacy-Python rule


@dataclass(frozen=True)
class Pick:
    version: Version
    released: date
    reasons: tuple[Reason, ...]

    @property
    def legacy_only(self) -> bool:
        return all(reason.python for reason in self.reasons)


@dataclass(frozen=True)
class ReleaseHistory:
    package: str
    retrieved: date
    source: str
    releases: tuple[Release, ...]
    python_support: dict[tuple[int, int], PythonSupport]


def two_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - WINDOW_YEARS)
    except ValueError:  # 29 February
        return day.replace(year=day.year - WINDOW_YEARS, day=28)


def select(history: ReleaseHistory, as_of: date | None = None,
           legacy_pythons: tuple[str, ...] = LEGACY_PYTHONS) -> list[Pick]:
    """The versions to test, newest first, each with the rules that chose it."""
    as_of = as_of or history.retrieved
    known = [r for r in history.releases if r.released <= as_of and not r.version.is_prerelease]
    if not known:
        raise ValueError(f"{history.package} had no release on or before {as_of.isoformat()}")
    window_start = two_years_before(as_of)
    recent = [r for r in known if r.released >= window_start]
    chosen: dict[Version, list[Reason]] = {}

    def choose(release: Release, reason: Reason) -> None:
        chosen.setdefault(release.version, []).append(reason)

    def latest_in(releases) -> Release:
        return max(releases, key=lambda r: r.version)

    if not recent:
        choose(latest_in(known), Reason("nothing released in the last two years: the latest release"))
    else:
        latest_major = max(r.version.major for r in known)
        recent_series = sorted({r.series for r in recent})
        major_series = [s for s in recent_series if s[0] == latest_major]
        if major_series:
            oldest, newest = major_series[0], major_series[-1]
            choose(latest_in(r for r in known if r.series == oldest),
                   Reason(f"oldest minor of the latest major ({latest_major}.x) in the last two years"))
            choose(latest_in(r for r in known if r.series == newest),
                   Reason(f"latest minor of the latest major ({latest_major}.x)"))
        for major in sorted({s[0] for s in recent_series if s[0] != latest_major}, reverse=True):
            choose(latest_in(r for r in known if r.version.major == major),
                   Reason(f"latest minor of an earlier major ({major}.x) released in the last two years"))

    for python in legacy_pythons:
        supporting = [r for r in known if _series_supports(history, r.series, python)]
        if supporting:
            newest_series = max(r.series for r in supporting)
            choose(latest_in(r for r in known if r.series == newest_series),
                   Reason(f"latest minor known to support Python {python}", python=python))

    released = {r.version: r.released for r in known}
    return [Pick(version, released[version], tuple(dict.fromkeys(reasons)))
            for version, reasons in sorted(chosen.items(), reverse=True)]


def _series_supports(history: ReleaseHistory, series: tuple[int, int], python: str) -> bool:
    support = history.python_support.get(series)
    return bool(support and support.supports(python))


def versions_for_python(history: ReleaseHistory, picks: list[Pick], python: str) -> list[Version]:
    """The picks a test matrix runs on a current ``python``: not the legacy-only ones, and
    not those whose metadata rules that Python out (classifiers lag behind, so only
    Requires-Python can rule one out)."""
    def allowed(pick: Pick) -> bool:
        support = history.python_support.get((pick.version.major, pick.version.minor))
        return not (support and support.requires_python
                    and not SpecifierSet(support.requires_python).contains(python))
    return [pick.version for pick in picks if not pick.legacy_only and allowed(pick)]


def load(path: str | Path) -> ReleaseHistory:
    """Read a release history written by library_support/fetch_releases.py."""
    try:
        data = json.loads(Path(path).read_text())
        releases = tuple(Release(Version(version), date.fromisoformat(day))
                         for version, day in data["releases"].items())
        support = {}
        for series, entry in data["python_support"].items():
            major, minor = (int(part) for part in series.split("."))
            support[(major, minor)] = PythonSupport(entry.get("requires_python"),
                                                    tuple(entry.get("classifiers", ())))
        return ReleaseHistory(data["package"], date.fromisoformat(data["retrieved"]),
                              data["source"], releases, support)
    except (OSError, KeyError, ValueError, InvalidVersion) as error:
        raise ValueError(f"{path}: not a release history ({type(error).__name__}: {error})") from None
