"""Run checks on one target: start the services once, run the checks side by side, stop.

Used by the notebook API and the command line alike. It never raises on a failing or
uncheckable integration: everything that goes wrong ends up in the Report.
"""

from __future__ import annotations

import traceback
from concurrent.futures import ThreadPoolExecutor

from harness import ServiceError, Services

from checks.families import FAMILIES, ORDER
from checks.families.common import CheckContext, blame_stubs
from checks.report import CheckResult, Report
from checks.runner import DEFAULT_TIMEOUT
from checks.target import Target, TargetError, load_target


def _run_one(family: str, services: Services | None, target: Target, timeout: float) -> CheckResult:
    module = FAMILIES[family]
    context = CheckContext(services, target, timeout)  # one per check: it keeps that check's probes
    try:
        result = module.run(context)
        blame_stubs(result, context.runs)
    except ServiceError as error:
        result = CheckResult(check=family, title=module.TITLE, promise=module.PROMISE,
                             error=f"a service stopped answering during the check: {error.cause}",
                             error_hint=error.fix)
    except Exception as error:  # a defect of the kit itself: report it, never raise
        result = CheckResult(check=family, title=module.TITLE, promise=module.PROMISE,
                             error=f"the check kit failed: {type(error).__name__}: {error}",
                             error_hint="this is a bug of checks/, not of the integration: please report it",
                             detail=traceback.format_exc(limit=-4))
    result.chapter = module.CHAPTER
    return result


def needs_services(checks: tuple[str, ...]) -> bool:
    return any(getattr(FAMILIES[check], "NEEDS_SERVICES", True) for check in checks)


def start_services() -> Services:
    """memcached and the test agent, as the checks need them (no redis; a missing reference
    snapshot is an error, never written)."""
    return Services(memcached=True, redis=False, agent=True, snapshot_ci_mode=True).start()


def run_checks(target: str, checks: tuple[str, ...] = ORDER, name: str | None = None,
               timeout: float = DEFAULT_TIMEOUT, services: Services | None = None) -> Report:
    """Run ``checks`` on ``target``. With ``services`` (from start_services()), use those and
    leave them running; otherwise start services for this run and stop them at the end."""
    unknown = [check for check in checks if check not in FAMILIES]
    if unknown:
        raise ValueError(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(ORDER)}")
    try:
        resolved = load_target(target, name)
    except TargetError as error:
        return Report(target=str(target), name=name or "", error=str(error))
    report = Report(target=resolved.spec, name=resolved.name)
    own_services = services is None and needs_services(checks)
    try:
        services = start_services() if own_services else services
    except ServiceError as error:
        report.error = f"could not start the services: {error.cause} ({error.fix})"
        return report
    except Exception as error:
        report.error = f"could not start the services: {type(error).__name__}: {error}"
        return report
    try:
        # All of a run's probes (14 for every check) start together: a cap did not make a run
        # faster on 2 cores, and without one a hung integration costs a single timeout.
        with ThreadPoolExecutor(max_workers=len(checks)) as pool:
            report.checks = list(pool.map(lambda check: _run_one(check, services, resolved, timeout), checks))
    finally:
        if own_services:
            services.stop()
    return report
