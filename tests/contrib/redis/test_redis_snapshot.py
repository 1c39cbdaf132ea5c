"""Snapshot tests of ddtrace's own redis integration: the reference to compare against.

The same shape as tests/contrib/memcached: app.py runs each scenario in its own process,
and the plugin compares the spans with tests/snapshots/<test id>.json.
"""

from pathlib import Path

import pytest

from tests.contrib.app_runner import inferred_service, run_app

APP = Path(__file__).with_name("app.py")
APP_SERVICE = "hello-cache"  # set explicitly: otherwise inferred from the app's directory


@pytest.fixture
def run(redis_server, snapshot_session):
    def run_scenario(scenario, **settings):
        settings.setdefault("DD_SERVICE", APP_SERVICE)
        return run_app(APP, scenario, snapshot_session,
                       REDIS_ADDRESS="%s:%d" % redis_server.address, **settings)
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


# redis-py's message names the port it tried, a new one on every run.
@pytest.mark.snapshot(ignores=["meta.error.message"])
def test_server_down(run):
    run("server_down")


@pytest.mark.snapshot
def test_pipeline(run):
    run("pipeline")


@pytest.mark.snapshot
def test_service_naming_default(run):
    run("naming")


@pytest.mark.snapshot
def test_service_naming_v0(run):
    run("naming", DD_TRACE_SPAN_ATTRIBUTE_SCHEMA="v0")


@pytest.mark.snapshot
def test_service_naming_v1_with_dd_service(run):
    run("naming", DD_TRACE_SPAN_ATTRIBUTE_SCHEMA="v1")


@pytest.mark.snapshot(ignores=["service"])
def test_service_naming_v1_without_dd_service(run, snapshot_session):
    run("naming", DD_TRACE_SPAN_ATTRIBUTE_SCHEMA="v1", DD_SERVICE=None)
    spans = snapshot_session.wait_for_spans(2)
    inferred = {inferred_service(span) for span in spans}
    assert len(inferred) == 1 and None not in inferred, inferred
    assert {span["service"] for span in spans} == inferred
