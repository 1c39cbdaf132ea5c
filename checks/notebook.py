"""The checks as one-line notebook cells.

    from checks import notebook as check
    check.span_shape("../integrations/memcached")

Each call starts its own memcached and test agent, runs the check in fresh processes,
stops the services, and returns a Report: a table in Jupyter and on the site, plain
deterministic text elsewhere; ``report.passed`` is a bool. A failing or broken
integration never raises here and never touches the kernel's own tracer.

``check.progress(target)`` runs every check and shows one row per promise: kept, broken,
or not written yet (a starter function still raises NotImplementedError), with the
chapter that teaches it.
"""

from __future__ import annotations

from checks.families import ORDER
from checks.report import Progress, Report
from checks.runner import DEFAULT_TIMEOUT
from checks.suite import run_checks

__all__ = ["all", "concurrency", "continuity", "coverage", "data_exposure", "documented", "exceptions", "invisible", "patching",
           "progress", "schema", "snapshot", "span_shape"]


def patching(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """patch() traces once, a second patch() changes nothing, unpatch() restores the library;
    _supported_versions() declares a real version range."""
    return run_checks(target, ("patching",), name, timeout)


def coverage(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """Every data command and alias is traced, with the command as the span's resource."""
    return run_checks(target, ("coverage",), name, timeout)


def span_shape(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """Operation name, span type, span.kind, db.system, component and server address tags."""
    return run_checks(target, ("span_shape",), name, timeout)


def schema(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """The service under each naming schema and DD_<NAME>_SERVICE, side by side."""
    return run_checks(target, ("schema",), name, timeout)


def exceptions(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """The library's errors reach the application unchanged and are recorded on the span."""
    return run_checks(target, ("exceptions",), name, timeout)


def continuity(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """A command in an application span is its child, outside any span a root; the active span stays."""
    return run_checks(target, ("continuity",), name, timeout)


def invisible(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """Same return values and arguments as without the integration; each command runs once."""
    return run_checks(target, ("invisible",), name, timeout)


def concurrency(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """Threads at once: each command one span, with its own resource, row count and keys, in its
    thread's trace."""
    return run_checks(target, ("concurrency",), name, timeout)


def data_exposure(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """No key and no stored value in any span, unless DD_TRACE_MEMCACHED_COMMAND_ENABLED asks for
    the command and its keys in memcached.query; stored values never."""
    return run_checks(target, ("data_exposure",), name, timeout)


def snapshot(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """The spans of a fixed workload match the reference from ddtrace's own integration."""
    return run_checks(target, ("snapshot",), name, timeout)


def documented(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    """The package's docstring shows patch() and names every DD_* variable it reads (static: no services)."""
    return run_checks(target, ("documented",), name, timeout)


def progress(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Progress:
    """Every check, shown as one row per promise: its status, chapter and passing cases."""
    return Progress(run_checks(target, ORDER, name, timeout))


def all(target, name: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Report:  # noqa: A001
    """Every check, in one run."""
    return run_checks(target, ORDER, name, timeout)
