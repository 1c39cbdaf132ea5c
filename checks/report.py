"""Results of checks: one Case per promise, one CheckResult per check, one Report per call.

A Report renders as an HTML table in Jupyter and on the site, and as deterministic plain
text (no ports, ids or durations) for the terminal and the notebook tests: render.py draws
both, reading the results without importing this module.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from checks import render
from checks.status import BROKEN, KEPT, NOT_WRITTEN

__all__ = ["BROKEN", "KEPT", "NOT_WRITTEN", "Case", "CheckResult", "Progress", "Report"]


@dataclass
class Case:
    name: str
    passed: bool
    observed: str = ""
    expected: str = ""
    hint: str = ""      # how to fix it; shown only when the case fails
    setting: str = ""   # the configuration the case ran under (the schema matrix)

    @property
    def not_written(self) -> bool:
        return not self.passed and self.observed.startswith(NOT_WRITTEN)


@dataclass
class CheckResult:
    check: str                      # the check's id, e.g. "span_shape"
    title: str                      # e.g. "Span shape"
    promise: str                    # one sentence: what the check guards
    cases: list[Case] = field(default_factory=list)
    error: str | None = None        # the check could not run (bad target, hang, crash)
    error_hint: str = ""
    target_error: bool = False      # the error is the target's: nothing can be checked
    detail: str = ""                # evidence, the same on every run (shown everywhere)
    raw_detail: str = ""            # full evidence with ids and timings (HTML and JSON only)
    chapter: str = ""               # the guide's chapter that teaches it, e.g. "03-skeleton"

    @property
    def passed(self) -> bool:
        return self.error is None and bool(self.cases) and all(case.passed for case in self.cases)

    @property
    def failures(self) -> list[Case]:
        return [case for case in self.cases if not case.passed]

    @property
    def status(self) -> str:
        """kept, broken, or not written yet (a failing case is a stub still to write)."""
        if self.passed:
            return KEPT
        return NOT_WRITTEN if any(case.not_written for case in self.failures) else BROKEN

    @property
    def reason(self) -> str:
        """One line: why the check failed ('' when it passed)."""
        if self.error:
            return self.error
        if not self.cases:
            return "no case ran"
        failed = self.failures
        if not failed:
            return ""
        first = failed[0]
        where = f" [{first.setting}]" if first.setting else ""
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        if first.not_written:
            return f"{first.name}{where}: {first.observed}{more}"
        return f"{first.name}{where}: observed {first.observed or '(nothing)'}, expected {first.expected}{more}"

    @property
    def hint(self) -> str:
        if self.error:
            return self.error_hint
        failed = self.failures
        return failed[0].hint if failed else ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data.update(passed=self.passed, status=self.status, reason=self.reason, hint=self.hint)
        return data


@dataclass
class Report:
    target: str                     # the target as given
    name: str                       # the integration's name (component, DD_<NAME>_SERVICE)
    library: str = "pymemcache"     # the library profile it was checked against
    checks: list[CheckResult] = field(default_factory=list)
    error: str | None = None        # nothing could be checked (bad target, no services)

    @property
    def passed(self) -> bool:
        return self.error is None and bool(self.checks) and all(check.passed for check in self.checks)

    @property
    def target_error(self) -> str | None:
        """Why the target cannot be checked at all, if that is the case."""
        if self.error:
            return self.error
        errors = [check.error for check in self.checks if check.target_error]
        return errors[0] if errors else None

    def __getitem__(self, check: str) -> CheckResult:
        for result in self.checks:
            if result.check == check:
                return result
        raise KeyError(check)

    def to_dict(self) -> dict:
        return {"target": self.target, "name": self.name, "library": self.library, "passed": self.passed,
                "error": self.target_error, "checks": [check.to_dict() for check in self.checks]}

    def __repr__(self) -> str:
        return render.as_text(self)

    def _repr_html_(self) -> str:
        return render.as_html(self)


@dataclass
class Progress:
    """Every check of a report as one row: the promise, its status, the chapter that
    teaches it and how many of its cases pass (checks.notebook.progress)."""
    report: Report

    @property
    def rows(self) -> list[dict]:
        return [{"check": check.check, "title": check.title, "promise": check.promise,
                 "status": check.status, "chapter": check.chapter,
                 "passing": len(check.cases) - len(check.failures), "cases": len(check.cases)}
                for check in self.report.checks]

    def __repr__(self) -> str:
        return render.progress_text(self)

    def _repr_html_(self) -> str:
        return render.progress_html(self)
