"""The harness starts real servers on loopback, reports what it started, and stops them."""

import json
import socket
import subprocess
import sys
import textwrap
import urllib.request

import redis
from pymemcache.client.base import Client

from harness.tracing import child_env


def test_every_service_answers(services):
    memcached = Client(services.memcached.address, connect_timeout=2, timeout=2)
    memcached.set("k", "v")
    assert memcached.get("k") == b"v"
    assert redis.Redis(*services.redis.address, socket_timeout=2).ping()
    with urllib.request.urlopen(services.agent_url + "/info", timeout=5) as response:
        assert response.status == 200


def test_services_bind_loopback_only(services):
    for server in services.servers():
        assert server.host == "127.0.0.1"
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{server.port}"],
                                   capture_output=True, text=True).stdout
        local_addresses = {line.split()[3].rsplit(":", 1)[0] for line in listening.splitlines()}
        assert local_addresses <= {"127.0.0.1"}, f"{server.name} listens on {local_addresses}"


def test_each_service_has_its_own_port(services):
    ports = [server.port for server in services.servers()]
    assert len(set(ports)) == len(ports) == 3


def test_session_collects_traces_from_a_subprocess(services):
    session = services.agent_client.session().start()
    code = textwrap.dedent("""
        from ddtrace.trace import tracer
        with tracer.trace("guide.work", service="guide", resource="subprocess"):
            pass
    """)
    subprocess.run([sys.executable, "-c", code], env=child_env(session.env()), check=True, timeout=60)
    spans = session.wait_for_spans(1)
    assert [(s["name"], s["resource"]) for s in spans] == [("guide.work", "subprocess")]


def test_snapshot_written_then_matched_then_mismatch_explained(services, tmp_path):
    def traced_run(resource):
        session = services.agent_client.session(f"snapshot-{tmp_path.name}").start()
        code = ("from ddtrace.trace import tracer\n"
                f"with tracer.trace('guide.work', service='guide', resource={resource!r}): pass\n")
        subprocess.run([sys.executable, "-c", code], env=child_env(session.env()), check=True, timeout=60)
        session.wait_for_spans(1)
        return session.snapshot()

    first = traced_run("one")
    assert first.matched, first.message
    snapshot_file = services.snapshot_dir / f"snapshot-{tmp_path.name}.json"
    assert json.loads(snapshot_file.read_text())[0][0]["resource"] == "one"
    assert traced_run("one").matched
    mismatch = traced_run("two")
    assert not mismatch.matched
    assert "resource" in mismatch.message and "one" in mismatch.message and "two" in mismatch.message
