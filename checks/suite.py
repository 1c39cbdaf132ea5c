"""Run checks on one target: start the services once, run the checks side by side, stop.

Used by the notebook API and the command line alike. It never raises on a failing or
uncheckable integration: everything that goes wrong ends up in the Report.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from harness import ServiceError, Services

from checks.check import run_check
from checks.families import CHECKS, ORDER
from checks.profiles import Profile, get_profile
from checks.report import Report
from checks.runner import DEFAULT_TIMEOUT
from checks.target import TargetError, load_target


def applicable(profile: Profile, checks: tuple[str, ...] = ORDER) -> tuple[str, ...]:
    """Those of ``checks`` that apply to the profile's library (it has their workload)."""
    return tuple(check for check in checks if CHECKS[check].applies_to(profile))


def start_services(*libraries: str) -> Services:
    """The servers of the libraries' profiles (default: pymemcache's memcached) and the test
    agent, as the checks need them (a missing reference snapshot is an error, never written)."""
    servers = {get_profile(name).server for name in libraries or (None,)}
    return Services(memcached="memcached" in servers, redis="redis" in servers, agent=True,
                    snapshot_ci_mode=True).start()


def run_checks(target: str, checks: tuple[str, ...] | None = None, name: str | None = None,
               timeout: float = DEFAULT_TIMEOUT,
               services: Services | Callable[[Profile], Services] | None = None,
               library: str | None = None) -> Report:
    """Run ``checks`` (default: all that apply to the library) on ``target``, an integration
    of ``library`` (a profile name; default pymemcache). ``services``: those to use and
    leave running (from start_services()), or a function of the profile that gives them
    (asked only if a check needs services: the notebook keeps one set per kernel); by
    default, services started for this run and stopped at its end."""
    profile = get_profile(library)
    checks = applicable(profile) if checks is None else tuple(checks)
    unknown = [check for check in checks if check not in CHECKS]
    if unknown:
        raise ValueError(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(ORDER)}")
    left_out = [check for check in checks if not CHECKS[check].applies_to(profile)]
    if left_out:
        raise ValueError(f"check(s) {', '.join(left_out)} do not apply to the {profile.name} profile; "
                         f"its checks: {', '.join(applicable(profile))}")
    try:
        resolved = load_target(target, name)
    except TargetError as error:
        return Report(target=str(target), name=name or "", library=profile.name, error=str(error))
    report = Report(target=resolved.spec, name=resolved.name, library=profile.name)
    needed = any(CHECKS[check].needs_services for check in checks)
    own_services = needed and services is None
    try:
        if own_services:
            services = start_services(profile.name)
        elif needed and callable(services):
            services = services(profile)
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
            report.checks = list(pool.map(
                lambda check: run_check(CHECKS[check], services, resolved, profile, timeout), checks))
    finally:
        if own_services:
            services.stop()
    return report
