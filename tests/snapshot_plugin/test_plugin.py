"""The snapshot plugin, both ways: it records, matches, and fails when it should.

Each scenario is a real pytest session in a child process, in a throw-away project that
uses the plugin, with its own test agent; the last test uses the context manager directly.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from agent_snapshots import NOT_STORED, SnapshotMismatch, snapshot, token_for
from harness import Services
from harness.child_pytest import pytest_env, run_pytest
from harness.tracing import child_env


def run_project(*args, cwd, env=None):
    """A child pytest session of the throw-away project, with only this plugin loaded."""
    return run_pytest(*args, cwd=cwd, env=env, plugins_only=("agent_snapshots.pytest_plugin",))


INNER_TESTS = '''
import os
import subprocess
import sys

import pytest


def greet(resource="say hello", greeting="hello"):
    # In process: ddtrace is imported after the plugin started the agent, so it reports there.
    from ddtrace.trace import tracer
    with tracer.trace("greet", service="hello", resource=resource) as span:
        span.set_tag("greeting", greeting)


@pytest.mark.snapshot
def test_in_process():
    greet()


@pytest.mark.snapshot
def test_subprocess(snapshot_session):
    code = ("from ddtrace.trace import tracer\\n"
            "with tracer.trace('greet', service='hello', resource='from a child'): pass")
    subprocess.run([sys.executable, "-c", code], env={**os.environ, **snapshot_session.env()},
                   check=True, timeout=60)


@pytest.mark.snapshot(ignores=["meta.greeting"])
def test_own_ignore():
    greet(resource="ignoring the greeting")


@pytest.mark.snapshot
def test_sends_nothing():
    pass


def test_context_manager(agent_snapshot):
    with agent_snapshot("two-parts-first"):
        greet(resource="first part")


def test_session_needs_the_marker(snapshot_session):
    pass
'''

IN_PROCESS = "test_inner.py::test_in_process"
SUBPROCESS = "test_inner.py::test_subprocess"
OWN_IGNORE = "test_inner.py::test_own_ignore"
SENDS_NOTHING = "test_inner.py::test_sends_nothing"
CONTEXT_MANAGER = "test_inner.py::test_context_manager"
UNMARKED = "test_inner.py::test_session_needs_the_marker"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "test_inner.py").write_text(INNER_TESTS)
    return tmp_path


def snapshot_file(project, name):
    return project / "tests" / "snapshots" / f"{name}.json"


def edit_span(path, edit):
    traces = json.loads(path.read_text())
    edit(traces[0][0])
    path.write_text(json.dumps(traces, indent=2))


def test_record_match_and_mismatch(project):
    first = run_project(cwd=project)
    assert first.passed() == {IN_PROCESS, SUBPROCESS, OWN_IGNORE, CONTEXT_MANAGER}, first.output
    assert "received no traces" in first.messages[SENDS_NOTHING]
    assert "not marked @pytest.mark.snapshot" in first.messages[UNMARKED]
    assert "4 snapshot file(s) recorded" in first.output

    recorded = snapshot_file(project, "test_inner.test_in_process")
    span = json.loads(recorded.read_text())[0][0]
    assert (span["name"], span["resource"], span["meta"]["greeting"]) == ("greet", "say hello", "hello")
    # Per-run values are left out of the file; the tree structure stays.
    for field in NOT_STORED:
        section, _, key = field.partition(".")
        assert key not in span.get(section, {}) if key else section not in span
    assert {"trace_id", "span_id", "parent_id"} <= span.keys()

    again = run_project(cwd=project)
    assert again.passed() == first.passed(), again.output
    assert "recorded" not in again.output

    edit_span(recorded, lambda span: span["meta"].update(greeting="bonjour"))
    edit_span(snapshot_file(project, "test_inner.test_subprocess"), lambda span: span.pop("resource"))
    edit_span(snapshot_file(project, "test_inner.test_own_ignore"),
              lambda span: span["meta"].update(greeting="bonjour"))
    edit_span(snapshot_file(project, "two-parts-first"), lambda span: span.update(service="other"))
    tampered = run_project(cwd=project)
    # The same change to meta.greeting fails test_in_process and passes the test ignoring it.
    assert tampered.passed() == {OWN_IGNORE}, tampered.output
    # The agent's verdict comes first: which field, received vs expected.
    assert ("meta mismatch on 'greeting': got 'hello' which does not match expected 'bonjour'"
            in tampered.messages[IN_PROCESS])
    assert "'resource' in received span but is not in the expected span" in tampered.messages[SUBPROCESS]
    assert "mismatch on 'service': got 'hello' which does not match expected 'other'" \
        in tampered.messages[CONTEXT_MANAGER]

    updated = run_project("--snapshot-update", cwd=project)
    assert updated.passed() == first.passed(), updated.output
    assert json.loads(recorded.read_text())[0][0]["meta"]["greeting"] == "hello"


@pytest.mark.parametrize("ci_switch", ["option", "environment"])
def test_ci_mode_fails_on_a_missing_snapshot(project, ci_switch):
    args, env = (("--snapshot-ci",), pytest_env()) if ci_switch == "option" else ((), pytest_env(CI="true"))
    outcome = run_project(*args, "-k", "in_process", cwd=project, env=env)
    assert outcome.failed() == {IN_PROCESS}, outcome.output
    assert "not found" in outcome.messages[IN_PROCESS]
    assert not snapshot_file(project, "test_inner.test_in_process").exists()


@pytest.mark.parametrize("marker, complaint", [
    ('@pytest.mark.snapshot("meta.x")', "takes only the keywords"),
    ("@pytest.mark.snapshot(ignore=['meta.x'])", "takes only the keywords"),
    ("@pytest.mark.snapshot(ignores='meta.x')", "ignores must be a list"),
])
def test_bad_marker_is_a_usage_error(tmp_path, marker, complaint):
    (tmp_path / "test_bad.py").write_text(f"import pytest\n\n{marker}\ndef test_x():\n    pass\n")
    outcome = run_project(cwd=tmp_path)
    assert outcome.returncode == pytest.ExitCode.USAGE_ERROR and complaint in outcome.output, outcome.output


def test_two_tests_sharing_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "test_twins.py").write_text(textwrap.dedent("""
        import pytest

        @pytest.mark.snapshot(token="same")
        def test_one():
            pass

        @pytest.mark.snapshot(token="same")
        def test_two():
            pass
    """))
    outcome = run_project(cwd=tmp_path)
    assert outcome.returncode == pytest.ExitCode.USAGE_ERROR and "share the file same.json" in outcome.output


def test_update_refuses_ci_mode(project):
    outcome = run_project("--snapshot-update", "--snapshot-ci", cwd=project)
    assert outcome.returncode == pytest.ExitCode.USAGE_ERROR and "CI mode refuses" in outcome.output


def test_fields_left_out_of_files_are_ignored_by_the_agent():
    # Leaving a compared field out of a file would fail every comparison.
    from ddapm_test_agent.trace_snapshot import DEFAULT_SNAPSHOT_IGNORES

    assert set(NOT_STORED) <= set(DEFAULT_SNAPSHOT_IGNORES.split(","))


@pytest.mark.parametrize("nodeid, token", [
    ("tests/contrib/memcached/test_x.py::test_get", "tests.contrib.memcached.test_x.test_get"),
    ("test_x.py::test_naming[v1]", "test_x.test_naming_v1"),
    ("test_x.py::TestGroup::test_get[a b/c]", "test_x.TestGroup.test_get_a_b_c"),
])
def test_token_for(nodeid, token):
    assert token_for(nodeid) == token


def test_an_agent_started_elsewhere(project):
    # As in dd-trace-py's CI, where docker-compose runs the agent: the plugin starts none.
    with Services(memcached=False, redis=False, agent=True) as services:
        url = f"--snapshot-agent-url={services.agent_url}"
        # Its CI mode is the plugin's own rule here: the agent was started without it.
        refused = run_project(url, "--snapshot-ci", "-k", "in_process", cwd=project)
        assert refused.failed() == {IN_PROCESS} and "not found" in refused.messages[IN_PROCESS]
        recorded = run_project(url, "-k", "in_process", cwd=project)
        assert recorded.passed() == {IN_PROCESS}, recorded.output
        assert run_project(url, "--snapshot-ci", "-k", "in_process", cwd=project).passed() == {IN_PROCESS}
    gone = run_project(url, "-k", "in_process", cwd=project)
    assert "no test agent answers" in gone.messages[IN_PROCESS]


def test_the_context_manager_outside_pytest(tmp_path):
    def traced_child(session, resource):
        code = f"from ddtrace.trace import tracer\nwith tracer.trace('greet', resource={resource!r}): pass"
        subprocess.run([sys.executable, "-c", code], env=child_env(session.env()),
                       check=True, timeout=60)

    with Services(memcached=False, redis=False, agent=True) as services:
        with snapshot(services.agent_client, "standalone", tmp_path) as session:
            traced_child(session, "hello")
        assert (tmp_path / "standalone.json").exists()
        with snapshot(services.agent_client, "standalone", tmp_path) as session:
            traced_child(session, "hello")
        with pytest.raises(SnapshotMismatch, match="mismatch on 'resource'"):
            with snapshot(services.agent_client, "standalone", tmp_path) as session:
                traced_child(session, "bonjour")
        # A failing block is the caller's error, reported as such: nothing is compared.
        with pytest.raises(ZeroDivisionError):
            with snapshot(services.agent_client, "standalone", tmp_path):
                1 / 0


def test_update_that_records_nothing_keeps_the_committed_file(tmp_path):
    from agent_snapshots import check

    with Services(memcached=False, redis=False, agent=True) as services:
        committed = tmp_path / "kept.json"
        committed.write_text('[[{"name": "committed"}]]')
        session = services.agent_client.session("kept").start()  # no traced work at all
        with pytest.raises(SnapshotMismatch, match="received no traces"):
            check(session, tmp_path, update=True)
        assert committed.read_text() == '[[{"name": "committed"}]]'
        assert not list(tmp_path.glob("*.previous"))
