"""The redis twin of tests/contrib/memcached/app.py, traced by ddtrace's own redis integration.

    REDIS_ADDRESS=127.0.0.1:6379 python app.py SCENARIO

The same scenarios as the memcached app where redis has the same idea, so the two
integrations' snapshots can be read side by side; plus a pipeline, which memcached lacks.
"""

import os
import socket
import sys

import ddtrace

ddtrace.patch(redis=True)  # ddtrace's built-in integration, switched on in code

import redis  # noqa: E402
from redis.backoff import NoBackoff  # noqa: E402
from redis.retry import Retry  # noqa: E402

host, port = os.environ["REDIS_ADDRESS"].rsplit(":", 1)
TIMEOUT = 5  # seconds, for connecting and for each reply


def client(port_number=int(port)) -> redis.Redis:
    # No retries: a failed command fails once, the same on every run.
    return redis.Redis(host=host, port=port_number, socket_timeout=TIMEOUT,
                       socket_connect_timeout=TIMEOUT, retry=Retry(NoBackoff(), 0))


def happy_path():
    """Store a greeting, read it back, edit it in place, and clean up."""
    cache = client()
    assert cache.set("greeting", "hello") is True
    assert cache.get("greeting") == b"hello"
    assert cache.set("visitor", "ada", nx=True) is True
    assert cache.set("visitor", "grace", xx=True) is True
    assert cache.append("greeting", ", world") == 12
    assert cache.expire("greeting", 60) is True
    assert cache.delete("greeting", "visitor") == 2


def misses():
    """Look for what is not there: every read comes back empty, nothing raises."""
    cache = client()
    assert cache.get("absent") is None
    assert cache.mget(["absent-1", "absent-2"]) == [None, None]
    assert cache.delete("absent") == 0
    assert cache.expire("absent", 60) is False


def multi_key():
    """Several keys in one round trip."""
    cache = client()
    assert cache.mset({"user:1": "ada", "user:2": "grace"}) is True
    assert cache.mget(["user:1", "user:2", "user:3"]) == [b"ada", b"grace", None]
    assert cache.delete("user:1", "user:2") == 2


def counters():
    """A page-view counter: increments, decrements, an absent counter (redis starts it at 0)."""
    cache = client()
    cache.set("views", "10")
    assert cache.incrby("views", 5) == 15
    assert cache.decrby("views", 20) == -5
    assert cache.incr("no-such-counter") == 1
    cache.delete("views", "no-such-counter")


def failing_commands():
    """Errors an application meets: the server refuses a command, the wrong type of value."""
    cache = client()
    cache.set("name", "ada")
    try:
        cache.incr("name")
    except redis.ResponseError as error:
        assert "not an integer" in str(error)
    else:
        raise AssertionError("incr on text should have failed")
    try:
        cache.lpush("name", "x")
    except redis.ResponseError as error:
        assert str(error).startswith("WRONGTYPE")
    else:
        raise AssertionError("a list command on a string should have failed")
    cache.delete("name")


def server_down():
    """The cache server is unreachable: the error reaches the application unchanged."""
    try:
        client(_closed_port()).get("anything")
    except redis.ConnectionError:
        pass
    else:
        raise AssertionError("a closed port should refuse the connection")


def pipeline():
    """Several commands sent together: one span for the whole pipeline."""
    cache = client()
    with cache.pipeline() as batch:
        batch.set("views", "1").incr("views").get("views").delete("views")
        assert batch.execute() == [True, 2, b"2", 1]


def naming():
    """The workload of the service-naming tests: one write, one read."""
    cache = client()
    cache.set("greeting", "hello")
    assert cache.get("greeting") == b"hello"


def _closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SCENARIOS = {function.__name__: function for function in (
    happy_path, misses, multi_key, counters, failing_commands, server_down, pipeline, naming)}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.exit(f"usage: app.py {{{','.join(SCENARIOS)}}}")
    SCENARIOS[sys.argv[1]]()
