"""One set of check services (a test agent and a memcached) for the tests of this folder
that run checks in the test process: each run has agent sessions of its own."""

from __future__ import annotations

import pytest

from checks.suite import start_services


@pytest.fixture(scope="session")
def _session_check_services():
    services = start_services()
    yield services
    services.stop()


@pytest.fixture
def check_services(_session_check_services):
    services = _session_check_services
    yield services
    # A server that died would fail checks with an error: a starter's check must not
    # count that as the starter being judged.
    stopped = [server.name for server in services.servers() if not server.running()]
    assert not stopped, f"the shared check services stopped during the test: {stopped}"
