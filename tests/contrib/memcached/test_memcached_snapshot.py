"""Snapshot tests of the guide's memcached integration, through the real APM test agent.

Each test runs the small application in app.py in its own process, with the test's agent
session in its environment; the plugin (agent_snapshots) then compares the spans with
tests/snapshots/<test id>.json. Record new or changed snapshots with `make snapshots`.
"""

from pathlib import Path

import pytest

from tests.contrib.app_runner import inferred_service, run_app

APP = Path(__file__).with_name("app.py")
# A fixed application name keeps every span deterministic; ddtrace would otherwise infer
# one from the script's directory. One naming test below leaves it unset on purpose.
APP_SERVICE = "hello-cache"


@pytest.fixture
def run(memcached_server, snapshot_session):
    def run_scenario(scenario, **settings):
        settings.setdefault("DD_SERVICE", APP_SERVICE)
        return run_app(APP, scenario, snapshot_session,
                       MEMCACHED_ADDRESS="%s:%d" % memcached_server.address,
                       DD_TRACE_PYMEMCACHE_ENABLED="false",  # ddtrace's own would trace too
                       **settings)
    return run_scenario


@pytest.mark.snapshot
def test_happy_path(run):
    run("happy_path")


@pytest.mark.snapshot
def test_misses(run):
    run("misses")


@pytest.mark.snapshot
def test_multi_key(run):
    run("multi_key")


@pytest.mark.snapshot
def test_counters(run):
    run("counters")


@pytest.mark.snapshot
def test_failing_commands(run):
    run("failing_commands")


# The message names the operating system's error number (111 on Linux, 61 on macOS).
@pytest.mark.snapshot(ignores=["meta.error.message"])
def test_server_down(run):
    run("server_down")


@pytest.mark.snapshot
def test_pooled_client(run):
    run("pooled_client")


@pytest.mark.snapshot
def test_hash_client(run):
    run("hash_client")


# What a span may carry: the command and its keys on request, cut at the guide's cap; the
# values stored and read, never.
@pytest.mark.snapshot
def test_command_text_off(run):
    run("command_text")


@pytest.mark.snapshot
def test_command_text_on(run):
    run("command_text", DD_TRACE_MEMCACHED_COMMAND_ENABLED="true")


@pytest.mark.snapshot
def test_command_text_capped(run):
    run("command_text", DD_TRACE_MEMCACHED_COMMAND_ENABLED="true", DD_MEMCACHED_CMD_MAX_LENGTH="16")


# Service naming: the schema is read once, at import, so each variant is its own process.
@pytest.mark.snapshot
def test_service_naming_default(run):
    run("naming")


@pytest.mark.snapshot
def test_service_naming_v0(run):
    run("naming", DD_TRACE_SPAN_ATTRIBUTE_SCHEMA="v0")


@pytest.mark.snapshot
def test_service_naming_v1_with_dd_service(run):
    run("naming", DD_TRACE_SPAN_ATTRIBUTE_SCHEMA="v1")


# Without DD_SERVICE, ddtrace infers the service from where the app lives (a directory
# name that differs between checkouts), so the snapshot ignores the service, and the test
# asserts instead that v1 put the inferred application service on the spans.
@pytest.mark.snapshot(ignores=["service"])
def test_service_naming_v1_without_dd_service(run, snapshot_session):
    run("naming", DD_TRACE_SPAN_ATTRIBUTE_SCHEMA="v1", DD_SERVICE=None)
    spans = snapshot_session.wait_for_spans(2)
    inferred = {inferred_service(span) for span in spans}
    assert len(inferred) == 1 and None not in inferred, inferred
    assert {span["service"] for span in spans} == inferred
