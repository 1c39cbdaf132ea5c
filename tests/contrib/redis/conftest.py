import pytest

from harness import Services


@pytest.fixture(scope="session")
def redis_server():
    with Services(memcached=False, redis=True, agent=False) as services:
        yield services.redis
