"""A small application that caches with pymemcache, traced by the guide's integration.

    MEMCACHED_ADDRESS=127.0.0.1:11211 python app.py SCENARIO

Each scenario is one thing an application does with its cache, written the way an
application would write it. The app checks its own results, so a run that "succeeds"
with wrong answers cannot pass: an integration must never change them.
"""

import os
import socket
import sys

from integrations.memcached import patch

patch()  # at start-up, before any client is created

from pymemcache.client.base import Client, PooledClient  # noqa: E402
from pymemcache.client.hash import HashClient  # noqa: E402
from pymemcache.exceptions import MemcacheClientError, MemcacheIllegalInputError  # noqa: E402

host, port = os.environ["MEMCACHED_ADDRESS"].rsplit(":", 1)
SERVER = (host, int(port))
TIMEOUT = 5  # seconds, for connecting and for each reply


def client() -> Client:
    return Client(SERVER, connect_timeout=TIMEOUT, timeout=TIMEOUT)


def happy_path():
    """Store a greeting, read it back, edit it in place, and clean up."""
    cache = client()
    cache.set("greeting", "hello")
    assert cache.get("greeting") == b"hello"
    assert cache.add("visitor", "ada", noreply=False) is True
    assert cache.replace("visitor", "grace", noreply=False) is True
    cache.append("greeting", ", world")
    cache.prepend("greeting", ">> ")
    value, token = cache.gets("greeting")
    assert value == b">> hello, world"
    assert cache.cas("greeting", "hi", token, noreply=False) is True
    assert cache.touch("greeting", expire=60, noreply=False) is True
    assert cache.delete("greeting", noreply=False) is True
    cache.delete("visitor")


def misses():
    """Look for what is not there: every read comes back empty, nothing raises."""
    cache = client()
    assert cache.get("absent") is None
    assert cache.get("absent", default="fallback") == "fallback"
    assert cache.gets("absent") == (None, None)
    assert cache.get_many(["absent-1", "absent-2"]) == {}
    assert cache.delete("absent", noreply=False) is False
    assert cache.touch("absent", noreply=False) is False


def multi_key():
    """Several keys in one round trip (the *_multi names are aliases of *_many)."""
    cache = client()
    assert cache.set_many({"user:1": "ada", "user:2": "grace"}, noreply=False) == []
    assert cache.get_many(["user:1", "user:2", "user:3"]) == {"user:1": b"ada", "user:2": b"grace"}
    assert set(cache.gets_many(["user:1", "user:3"])) == {"user:1"}
    assert cache.get_multi(["user:2"]) == {"user:2": b"grace"}
    assert cache.delete_many(["user:1", "user:2"], noreply=False) is True


def counters():
    """A page-view counter: increments, a decrement that stops at zero, an absent counter."""
    cache = client()
    cache.set("views", "10")
    assert cache.incr("views", 5) == 15
    assert cache.decr("views", 20) == 0
    assert cache.incr("no-such-counter", 1) is None
    cache.delete("views")


def failing_commands():
    """Errors an application meets: the server refuses a command, a key is invalid."""
    cache = client()
    cache.set("name", "ada")
    try:
        cache.incr("name", 1)
    except MemcacheClientError as error:
        assert b"non-numeric" in error.args[0]
    else:
        raise AssertionError("incr on text should have failed")
    try:
        cache.get("key with spaces")
    except MemcacheIllegalInputError:
        pass
    else:
        raise AssertionError("a key with spaces should have been refused")
    cache.delete("name")


def server_down():
    """The cache server is unreachable: the error reaches the application unchanged."""
    down = Client(("127.0.0.1", _closed_port()), connect_timeout=TIMEOUT, timeout=TIMEOUT)
    try:
        down.get("anything")
    except ConnectionRefusedError:
        pass
    else:
        raise AssertionError("a closed port should refuse the connection")


def pooled_client():
    """PooledClient, for threaded applications: each command borrows a base Client."""
    cache = PooledClient(SERVER, connect_timeout=TIMEOUT, timeout=TIMEOUT, max_pool_size=2)
    cache.set("greeting", "hello")
    assert cache.get("greeting") == b"hello"
    assert cache.get_many(["greeting", "absent"]) == {"greeting": b"hello"}
    cache.delete("greeting")


def hash_client():
    """HashClient spreads keys over servers (one here); each server gets a base Client."""
    cache = HashClient([SERVER], connect_timeout=TIMEOUT, timeout=TIMEOUT)
    cache.set("greeting", "hello")
    assert cache.get("greeting") == b"hello"
    assert cache.get_many(["greeting", "absent"]) == {"greeting": b"hello"}
    cache.delete("greeting")


def naming():
    """The workload of the service-naming tests: one write, one read."""
    cache = client()
    cache.set("greeting", "hello")
    assert cache.get("greeting") == b"hello"


def command_text():
    """Carts in the cache: the spans name the keys only when DD_TRACE_MEMCACHED_COMMAND_ENABLED
    asks for them, and never the contents."""
    cache = client()
    cache.set("cart:42", "3 items")
    assert cache.get("cart:42") == b"3 items"
    assert cache.set_many({"cart:7": "1 item", "cart:8": "2 items"}, noreply=False) == []
    assert cache.get_many(["cart:7", "cart:8", "cart:404"]) == {"cart:7": b"1 item", "cart:8": b"2 items"}
    assert cache.delete_many(["cart:42", "cart:7", "cart:8"], noreply=False) is True


def _closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SCENARIOS = {function.__name__: function for function in (
    happy_path, misses, multi_key, counters, failing_commands, server_down, pooled_client,
    hash_client, naming, command_text)}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.exit(f"usage: app.py {{{','.join(SCENARIOS)}}}")
    SCENARIOS[sys.argv[1]]()
