"""pytest plugin: ``@pytest.mark.snapshot`` backed by the real APM test agent.

Register it with ``pytest_plugins = ["agent_snapshots.pytest_plugin"]`` in a conftest.py
(or ``-p agent_snapshots.pytest_plugin``). Then::

    @pytest.mark.snapshot                       # token derived from the test's node id
    def test_get(snapshot_session):
        run_app(env=snapshot_session.env())      # traced code sends spans under the token

    @pytest.mark.snapshot(ignores=["meta.peer.service"], token="my-token")
    def test_other(snapshot_session): ...

One test agent serves the whole pytest session. Each marked test gets its own agent
session; when the test body has passed, the agent compares what it received with
``<snapshot dir>/<token>.json`` and the test fails with the agent's explanation on a
difference. A missing file is written, except in CI mode (``--snapshot-ci`` or the
environment variable ``CI=true``), where it fails: snapshots are recorded on purpose,
reviewed and committed, never created by CI.

Options: ``--snapshot-dir`` (default ``<rootdir>/tests/snapshots``), ``--snapshot-ci``,
``--snapshot-update`` (re-record the files of the tests that run), ``--snapshot-manifest``
(write the marked tests, their tokens, files and ignores as JSON), ``--snapshot-agent-url``
(use a test agent that is already running, as dd-trace-py's CI does with its
docker-compose ``testagent``, instead of starting one).

Code that is not a whole test uses the ``agent_snapshot`` fixture, a context manager::

    def test_two_parts(agent_snapshot):
        with agent_snapshot("part-one") as session: ...
"""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from agent_snapshots.snapshots import SnapshotMismatch, check, snapshot_path, token_for, validated_ignores
from harness import ServiceError, Services, TestAgentClient
from harness.tracing import flush_tracer

_SESSION = pytest.StashKey()   # item -> (AgentSession, ignores)
_WRITTEN = pytest.StashKey()   # config -> list of files recorded in this run
_MARKER_KWARGS = {"ignores", "token"}


def pytest_addoption(parser):
    group = parser.getgroup("agent snapshots", "snapshot tests through the APM test agent")
    group.addoption("--snapshot-dir", default=None,
                    help="directory of the snapshot files (default: <rootdir>/tests/snapshots)")
    group.addoption("--snapshot-ci", action="store_true", default=False,
                    help="fail when a snapshot file is missing instead of writing it "
                         "(also on when the environment has CI=true)")
    group.addoption("--snapshot-update", action="store_true", default=False,
                    help="re-record the snapshot files of the tests that run")
    group.addoption("--snapshot-manifest", default=None, metavar="PATH",
                    help="write the collected snapshot tests (node id, token, file, ignores) as JSON")
    group.addoption("--snapshot-agent-url", default=None, metavar="URL",
                    help="use the test agent already running at URL instead of starting one "
                         "(it must see the snapshot directory)")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "snapshot(ignores=(), token=None): compare the test's traces with "
        "tests/snapshots/<token>.json through the APM test agent (agent_snapshots)")
    config.stash[_WRITTEN] = []
    if config.getoption("snapshot_update") and ci_mode(config):
        raise pytest.UsageError("--snapshot-update records files, CI mode refuses to: "
                                "unset CI (or drop --snapshot-ci) to re-record snapshots.")


def ci_mode(config) -> bool:
    return bool(config.getoption("snapshot_ci")) or \
        os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def snapshot_dir(config) -> Path:
    chosen = config.getoption("snapshot_dir")
    return Path(chosen).resolve() if chosen else config.rootpath / "tests" / "snapshots"


def _marker_settings(item) -> tuple[str, tuple[str, ...]] | None:
    marker = item.get_closest_marker("snapshot")
    if marker is None:
        return None
    unknown = set(marker.kwargs) - _MARKER_KWARGS
    if marker.args or unknown:
        raise pytest.UsageError(
            f"{item.nodeid}: @pytest.mark.snapshot takes only the keywords ignores= and "
            f"token=, got {', '.join(map(repr, marker.args)) or ''}{', '.join(sorted(unknown))}")
    token = marker.kwargs.get("token") or token_for(item.nodeid)
    try:
        ignores = validated_ignores(marker.kwargs.get("ignores", ()))
    except TypeError as error:
        raise pytest.UsageError(f"{item.nodeid}: {error}") from None
    return token, ignores


def pytest_collection_modifyitems(config, items):
    owners: dict[str, str] = {}
    manifest = []
    for item in items:
        settings = _marker_settings(item)
        if settings is None:
            continue
        token, ignores = settings
        if token in owners:
            raise pytest.UsageError(f"two snapshot tests would share the file {token}.json: "
                                    f"{owners[token]} and {item.nodeid}; give one a token=.")
        owners[token] = item.nodeid
        manifest.append({"nodeid": item.nodeid, "token": token, "ignores": list(ignores),
                         "file": str(snapshot_path(snapshot_dir(config), token))})
    path = config.getoption("snapshot_manifest")
    if path:
        Path(path).write_text(json.dumps(manifest, indent=1))


@pytest.fixture(scope="session")
def snapshot_agent(pytestconfig) -> TestAgentClient:
    """The pytest session's one test agent (started on first use), as a client."""
    directory = snapshot_dir(pytestconfig)
    directory.mkdir(parents=True, exist_ok=True)
    url = pytestconfig.getoption("snapshot_agent_url")
    if url:
        client = TestAgentClient(url)
        try:
            answered = bool(client.info())
        except ServiceError:
            answered = False
        if not answered:
            raise pytest.UsageError(f"--snapshot-agent-url: no test agent answers at {url}")
        with _reported_to(client):
            yield client
        return
    with Services(memcached=False, redis=False, agent=True, snapshot_dir=directory,
                  snapshot_ci_mode=ci_mode(pytestconfig)) as services:
        with _reported_to(services.agent_client):
            yield services.agent_client


@contextmanager
def _reported_to(client: TestAgentClient):
    """A tracer imported later in this process reports to ``client`` (one imported earlier
    keeps its URL). Only while the agent runs, and only if nothing else was configured."""
    added = "DD_TRACE_AGENT_URL" not in os.environ
    if added:
        os.environ["DD_TRACE_AGENT_URL"] = client.url
    try:
        yield
    finally:
        if added:
            os.environ.pop("DD_TRACE_AGENT_URL", None)


@pytest.fixture(autouse=True)
def _agent_snapshot_session(request):
    settings = _marker_settings(request.node)
    if settings is None:
        yield None
        return
    token, ignores = settings
    client = request.getfixturevalue("snapshot_agent")
    session = client.session(token).start()
    request.node.stash[_SESSION] = (session, ignores)
    yield session


@pytest.fixture
def snapshot_session(request):
    """The agent session of a ``@pytest.mark.snapshot`` test: pass ``.env()`` to subprocesses."""
    if _SESSION not in request.node.stash:
        raise pytest.UsageError(f"{request.node.nodeid} uses snapshot_session but is not "
                                "marked @pytest.mark.snapshot")
    return request.node.stash[_SESSION][0]


@pytest.fixture
def agent_snapshot(request, snapshot_agent):
    """``agent_snapshot(token, ignores=())``: a context manager comparing on exit."""
    config = request.config

    @contextmanager
    def compare_on_exit(token: str, ignores=()):
        ignores = validated_ignores(ignores)
        session = snapshot_agent.session(token).start()
        yield session
        _compare(config, session, ignores)

    return compare_on_exit


def _compare(config, session, ignores) -> None:
    flush_tracer()
    # An agent we started enforces CI mode itself; one started elsewhere may not.
    external = bool(config.getoption("snapshot_agent_url"))
    outcome = check(session, snapshot_dir(config), ignores,
                    update=config.getoption("snapshot_update"),
                    refuse_missing=external and ci_mode(config))
    if outcome.written:
        config.stash[_WRITTEN].append(outcome.path)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield  # a failing test body raises here: nothing left to compare
    if _SESSION in item.stash:
        session, ignores = item.stash[_SESSION]
        try:
            _compare(item.config, session, ignores)
            failure = None
        except SnapshotMismatch as mismatch:
            failure = str(mismatch)
        if failure:  # failed outside the except block: the report shows no chained traceback
            pytest.fail(failure, pytrace=False)
    return result


def pytest_terminal_summary(terminalreporter, config):
    written = config.stash.get(_WRITTEN, [])
    if written:
        terminalreporter.section("agent snapshots")
        terminalreporter.write_line(f"{len(written)} snapshot file(s) recorded; review and commit:")
        for path in written:
            terminalreporter.write_line(f"  {path}")
