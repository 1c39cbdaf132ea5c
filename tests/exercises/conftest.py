"""The check services of tests/checks (a test agent, memcached and redis-server, one set per
session) for the tests of this folder that run checks in the test process: each run has
agent sessions of its own."""

from __future__ import annotations

import pytest

from tests.checks.conftest import shared_services  # noqa: F401  (the session fixture itself)


@pytest.fixture
def check_services(shared_services):  # noqa: F811
    yield shared_services
    # A server that died would fail checks with an error: a starter's check must not
    # count that as the starter being judged.
    stopped = [server.name for server in shared_services.servers() if not server.running()]
    assert not stopped, f"the shared check services stopped during the test: {stopped}"
