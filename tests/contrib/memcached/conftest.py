import pytest

from harness import Services


@pytest.fixture(scope="session")
def memcached_server():
    with Services(memcached=True, redis=False, agent=False) as services:
        yield services.memcached
