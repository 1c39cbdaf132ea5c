"""The checks as one-line notebook cells.

    from checks import notebook as check
    check.span_shape("../integrations/memcached")
    check.all("ddtrace.contrib.internal.redis", library="redis")

The first call that needs them starts the services (memcached, or redis-server for
``library="redis"``, and a test agent) and keeps them for the kernel's life, as the command
line keeps them for one run: a chapter calls a check a dozen times, and each start cost about
a CPU-second. They stop when the kernel exits (and die with it when it is killed). Each call
runs its checks in fresh processes and returns a Report: a table in Jupyter and on the site,
plain deterministic text elsewhere; ``report.passed`` is a bool. A failing or broken
integration never raises here and never touches the kernel's own tracer.

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
from checks.suite import run_checks, start_services

_kept = {}  # server name -> the Services the kernel's check calls share


def _run(target, checks: tuple[str, ...] | None, name, timeout, library) -> Report:
    # The kernel's shared services, asked for only if a check needs them; a failure to start
    # them is reported like any other (run_checks).
    return run_checks(target, checks, name, timeout, services=_shared_services, library=library)


def _shared_services(profile):
    services = _kept.get(profile.server)
    # (not all(...): this module defines its own all(), the check.all of the notebooks)
    if services is None or any(not server.running() for server in services.servers()):
        if services is not None:
            services.stop()  # one of them died: start the set again
        services = _kept[profile.server] = start_services(profile.name)
    return services


def _function(check: Check):
    def run(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT, library: str | None = None) -> Report:
        return _run(target, (check.id,), name, timeout, library)

    run.__name__ = run.__qualname__ = check.id
    run.__doc__ = check.summary
    return run


globals().update({check_id: _function(check) for check_id, check in CHECKS.items()})


def progress(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT, library: str | None = None) -> Progress:
    """Every check, shown as one row per promise: its status, chapter and passing cases."""
    return Progress(_run(target, None, name, timeout, library))


def all(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT, library: str | None = None) -> Report:  # noqa: A001
    """Every check that applies to the library, in one run."""
    return _run(target, None, name, timeout, library)


__all__ = sorted([*CHECKS, "all", "progress"])
