"""The checks as one-line notebook cells.

    from checks import notebook as check
    check.span_shape("../integrations/memcached")
    check.all("ddtrace.contrib.internal.redis", library="redis")

Each call starts its own services (memcached, or redis-server for ``library="redis"``) and
test agent, runs the check in fresh processes, stops the services, and returns a Report: a
table in Jupyter and on the site, plain deterministic text elsewhere; ``report.passed`` is
a bool. A failing or broken integration never raises here and never touches the kernel's
own tracer.

There is one function per check of checks.families, made from its declaration, and:
``check.all(target)`` runs every check that applies to the library; ``check.progress(target)``
runs them too and shows one row per promise: kept, broken, or not written yet (a starter
function still raises NotImplementedError), with the chapter that teaches it.
"""

from __future__ import annotations

from checks.check import Check
from checks.families import CHECKS
from checks.report import Progress, Report
from checks.runner import DEFAULT_TIMEOUT
from checks.suite import run_checks


def _function(check: Check):
    def run(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT, library: str | None = None) -> Report:
        return run_checks(target, (check.id,), name, timeout, library=library)

    run.__name__ = run.__qualname__ = check.id
    run.__doc__ = check.summary
    return run


globals().update({check_id: _function(check) for check_id, check in CHECKS.items()})


def progress(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT, library: str | None = None) -> Progress:
    """Every check, shown as one row per promise: its status, chapter and passing cases."""
    return Progress(run_checks(target, None, name, timeout, library=library))


def all(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT, library: str | None = None) -> Report:  # noqa: A001
    """Every check that applies to the library, in one run."""
    return run_checks(target, None, name, timeout, library=library)


__all__ = sorted([*CHECKS, "all", "progress"])
