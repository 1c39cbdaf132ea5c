"""ddtrace's version-support policy for an integrated library, as a function.

The policy (dd-trace-py's docs/contributing-integrations.rst, "What versions of a given
library should an integration support?"), evaluated on a given day:

1. the oldest and the latest minor version of the latest major version, among minors
   released in the last two years;
2. the latest minor version of every earlier major version released in the last two years;
3. when nothing was released in the last two years, the latest release.

The current text states the two-year window in rule 2 only. Read without it, rule 1 would
always pick the newest release and rule 3 would add nothing, so rule 1 keeps the window
here, as that earlier text spelled out.

A "minor version" is tested as its latest patch release (4.0 -> 4.0.x, the newest x
released by that day). Everything is computed as of an explicit date, so the answer does
not change with the day the code runs.

An earlier text of the how-to, from when ddtrace still ran on Python 2.7, 3.5 and 3.6
(ddtrace 1.x and before), had a fourth rule: for each of those legacy Pythons, test the latest minor
known to support it. The current text has no such rule, and ddtrace 4.x requires Python
3.9 or newer, so the policy applied here does not have it either.

``declared_range(tested)`` turns the versions a matrix tests into the specifier an
integration's ``_supported_versions()`` declares; ``untested_claims`` and
``unclaimed_tests`` say how a declaration and a matrix disagree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

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
    classifiers: tuple[str, ...]  # e.g. ("3.8", "3.9"), from "Programming Language :: Python :: X.Y"


@dataclass(frozen=True)
class Reason:
    rule: str  # which part of the policy chose the version


@dataclass(frozen=True)
class Pick:
    version: Version
    released: date
    reasons: tuple[Reason, ...]


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


def select(history: ReleaseHistory, as_of: date | None = None) -> list[Pick]:
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

    released = {r.version: r.released for r in known}
    return [Pick(version, released[version], tuple(dict.fromkeys(reasons)))
            for version, reasons in sorted(chosen.items(), reverse=True)]


def versions_for_python(history: ReleaseHistory, picks: list[Pick], python: str) -> list[Version]:
    """The picks a test matrix runs on ``python``: not those whose metadata rules that
    Python out (classifiers lag behind, so only Requires-Python can rule one out)."""
    def allowed(pick: Pick) -> bool:
        support = history.python_support.get((pick.version.major, pick.version.minor))
        return not (support and support.requires_python
                    and not SpecifierSet(support.requires_python).contains(python))
    return [pick.version for pick in picks if allowed(pick)]


def declared_range(tested: Iterable[Version]) -> str:
    """The specifier to declare in ``_supported_versions()`` for a matrix that tests ``tested``:
    from the oldest tested version up.

    No release older than the oldest tested one is claimed. Above it, the declaration
    follows the policy's own design: it tests the two ends of the latest major (the newest
    release among them) and trusts the minors between; a release newer than the data is
    tested once the data is refreshed."""
    versions = list(tested)
    if not versions:
        raise ValueError("no tested version: nothing can be declared")
    return f">={min(versions)}"


def untested_claims(history: ReleaseHistory, specifier: str, tested: Iterable[Version],
                    as_of: date | None = None) -> list[Version]:
    """Releases (up to ``as_of``) that ``specifier`` admits below the oldest tested version:
    claimed, never tested."""
    as_of = as_of or history.retrieved
    oldest = min(tested)
    admitted = SpecifierSet(specifier)
    return sorted(r.version for r in history.releases
                  if r.released <= as_of and r.version < oldest and r.version in admitted)


def unclaimed_tests(specifier: str, tested: Iterable[Version]) -> list[Version]:
    """Tested versions that ``specifier`` does not admit: tested, never claimed."""
    admitted = SpecifierSet(specifier)
    return sorted(version for version in tested if version not in admitted)


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
