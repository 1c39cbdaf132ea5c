"""Reports of whole check runs, computed once per test session and in parallel.

Tests ask for ``check_report(target)``; the first request runs the checks for every
target that the collected tests will ask for (two at a time: each run already starts a
dozen processes), so a selection with -k runs only what it needs.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from checks.suite import run_checks, start_services

HERE = Path(__file__).parent
BROKEN = HERE / "broken"
GUIDE = "integrations/memcached"
BUILTIN = "ddtrace.contrib.internal.pymemcache"
REPO = HERE.parent.parent


def broken(variant: str) -> str:
    return str(BROKEN / variant / "memcached")


def _target_of(item) -> tuple[str, str | None] | None:
    marker = item.get_closest_marker("check_target")
    return (marker.args[0], marker.kwargs.get("name")) if marker else None


def pytest_configure(config):
    config.addinivalue_line("markers", "check_target(target, name=None): the test reads the "
                                       "report of a full check run on that target")


@pytest.fixture(scope="session")
def shared_services():
    services = start_services()
    yield services
    services.stop()


@pytest.fixture(scope="session")
def check_report(request, shared_services):
    reports: dict = {}
    lock = threading.Lock()

    def compute(key):
        target, name = key
        path = str(REPO / target) if not target.startswith(("/", "ddtrace")) else target
        # A generous timeout: on a loaded 2-core CI machine a correct probe must not count as hung.
        return key, run_checks(path, name=name, services=shared_services, timeout=60)

    def get(target: str, name: str | None = None):
        key = (target, name)
        with lock:
            if key not in reports:
                wanted = {k for k in map(_target_of, request.session.items) if k} - set(reports)
                wanted.add(key)
                with ThreadPoolExecutor(max_workers=2) as pool:
                    reports.update(pool.map(compute, sorted(wanted, key=str)))
            return reports[key]

    return get
