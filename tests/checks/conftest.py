"""Reports of whole check runs, computed once per test session and in parallel.

Tests ask for ``check_report(target, name, library)``; the first request starts the checks
for every target that the collected tests will ask for, in the order they ask (two at a
time), so a selection with -k runs only what it needs and each test waits only for its own
report. Under pytest-xdist a worker computes only the reports its own tests ask for, one
at a time: every worker collects every test but runs only some, so computing ahead for all
of them would run each report on both workers (and each run already starts a dozen
processes, enough to keep both cores busy).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from checks.suite import run_checks, start_services

HERE = Path(__file__).parent
BROKEN = HERE / "broken"
BROKEN_REDIS = HERE / "broken_redis"
GUIDE = "integrations/memcached"
BUILTIN = "ddtrace.contrib.internal.pymemcache"
REDIS_BUILTIN = "ddtrace.contrib.internal.redis"
REPO = HERE.parent.parent


def broken(variant: str) -> str:
    return str(BROKEN / variant / "memcached")


def broken_redis(variant: str) -> str:
    return str(BROKEN_REDIS / variant / "tweaked_redis")


def _target_of(item) -> tuple[str, str | None, str | None] | None:
    marker = item.get_closest_marker("check_target")
    return (marker.args[0], marker.kwargs.get("name"), marker.kwargs.get("library")) if marker else None


def pytest_configure(config):
    config.addinivalue_line("markers", "check_target(target, name=None, library=None): the test reads "
                                       "the report of a full check run on that target")


@pytest.fixture(scope="session")
def shared_services():
    services = start_services("pymemcache", "redis")
    yield services
    services.stop()


@pytest.fixture(scope="session")
def check_report(request, shared_services):
    reports: dict = {}  # key -> the future of its report
    lock = threading.Lock()
    under_xdist = bool(os.environ.get("PYTEST_XDIST_WORKER"))
    pool = ThreadPoolExecutor(max_workers=1 if under_xdist else 2)

    def compute(key):
        target, name, library = key
        path = str(REPO / target) if not target.startswith(("/", "ddtrace")) else target
        # A generous timeout: on a loaded 2-core CI machine a correct probe must not count as hung.
        return run_checks(path, name=name, services=shared_services, timeout=60, library=library)

    def get(target: str, name: str | None = None, library: str | None = None):
        key = (target, name, library)
        with lock:
            if key not in reports:
                # Every report the collected tests will ask for, in the order they ask: each
                # test waits for its own (under its own timeout), not for the whole batch.
                ahead = [] if under_xdist else [k for k in map(_target_of, request.session.items) if k]
                wanted = [key] + ahead
                for k in dict.fromkeys(wanted):
                    if k not in reports:
                        reports[k] = pool.submit(compute, k)
        return reports[key].result()

    yield get
    pool.shutdown(cancel_futures=True)
