"""Probes forked from a zygote (checks/probe/zygote.py) are the probes a fresh process makes.

The same request, run once through the launcher (a fork of the zygote that imported ddtrace
under the probe's environment) and once as ``python -P -m checks.probe`` in a process of its
own, gives the same spans and the same result; each goes to its own agent session; and a
zygote that cannot import ddtrace costs nothing but speed.
"""

from __future__ import annotations

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from checks import launcher
from checks.probe.protocol import decode
from checks.profiles import get_profile
from checks.runner import ROOT, probe_env, probe_request, python_executable
from checks.target import load_target
from tests.checks.conftest import GUIDE, REPO

# Differ between any two runs of a workload, however started; the rest must be equal.
_PER_RUN = {"trace_id", "span_id", "parent_id", "start", "duration"}
_PER_RUN_TAGS = {"runtime-id", "process_id", "_dd.p.tid", "network.destination.port"}


def _request(services, workload: str) -> dict:
    return probe_request(services, load_target(str(REPO / GUIDE)), get_profile("pymemcache"), workload)


def _environment(services, session, extra: dict | None = None) -> dict:
    return probe_env(load_target(str(REPO / GUIDE)), get_profile("pymemcache"), session.env(), extra)


def _forked(services, request: dict, extra: dict | None = None) -> tuple[dict, list[dict], str]:
    session = services.agent_client.session().start()
    probe = launcher.launch(python_executable(), _environment(services, session, extra), json.dumps(request))
    assert probe.wait(60) == 0
    stdout, stderr = probe.output()
    return decode(stdout), session.wait_for_spans(1), stderr


def _fresh(services, request: dict, extra: dict | None = None, spans: int = 1) -> tuple[dict, list[dict], str]:
    session = services.agent_client.session().start()
    done = subprocess.run([python_executable(), "-P", "-m", "checks.probe"], input=json.dumps(request),
                          env=_environment(services, session, extra), cwd=launcher._working_directory(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return decode(done.stdout), session.wait_for_spans(spans), done.stderr


def _comparable(spans: list[dict]) -> list[dict]:
    def strip(span):
        kept = {field: value for field, value in span.items() if field not in _PER_RUN}
        for part in ("meta", "metrics"):
            kept[part] = {tag: value for tag, value in span.get(part, {}).items() if tag not in _PER_RUN_TAGS}
        return kept
    return [strip(span) for span in sorted(spans, key=lambda span: span["start"])]


def _without_timing(payload: dict) -> dict:
    return {**payload, "windows": [window["label"] for window in payload.get("windows", [])]}


@pytest.mark.parametrize("extra", [None, {"DD_TRACE_SPAN_ATTRIBUTE_SCHEMA": "v1"},
                                   {"DD_TRACE_SPAN_ATTRIBUTE_SCHEMA": "v9"}],
                         ids=["default", "v1 schema", "a schema ddtrace warns of at import"])
def test_a_forked_probe_makes_what_a_fresh_process_makes(shared_services, extra):
    request = _request(shared_services, "span_shape")
    forked_payload, forked_spans, forked_stderr = _forked(shared_services, request, extra)
    fresh_payload, fresh_spans, fresh_stderr = _fresh(shared_services, request, extra)
    assert _without_timing(forked_payload) == _without_timing(fresh_payload)
    assert _comparable(forked_spans) == _comparable(fresh_spans)
    # What ddtrace printed when the zygote imported it is in the probe's own stderr.
    assert forked_stderr == fresh_stderr
    assert ("invalid span attribute schema version: 'v9'" in forked_stderr) == ("v9" in str(extra))
    # ddtrace's process tags come from the working directory and sys.argv: the zygote had
    # the probe's own when it imported ddtrace.
    assert any("_dd.tags.process" in span["meta"] for span in forked_spans)


def test_probes_of_one_zygote_send_to_their_own_sessions(shared_services):
    request = _request(shared_services, "span_shape")
    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = list(pool.map(lambda _: _forked(shared_services, request), range(3)))
    counts = {len(spans) for _, spans, _ in runs}
    assert len(counts) == 1, counts  # each session holds one probe's spans, not a share of all
    assert len({span["meta"]["runtime-id"] for _, spans, _ in runs for span in spans}) == 3


def test_a_setting_ddtrace_cannot_import_under_is_reported_as_a_fresh_process_reports_it(shared_services):
    # No zygote can import ddtrace here: the probes are forked by the server, import it
    # themselves, and fail as a fresh process fails: the target does not load.
    broken_setting = {"DD_TRACE_PARTIAL_FLUSH_MIN_SPANS": "not a number"}
    request = _request(shared_services, "span_shape")
    for _ in range(2):  # the second goes straight to the server: the zygote was refused
        session = shared_services.agent_client.session().start()
        probe = launcher.launch(python_executable(), _environment(shared_services, session, broken_setting),
                                json.dumps(request))
        assert probe.wait(60) == 0
        stdout, _ = probe.output()
        payload = decode(stdout)
        fresh_payload, _, _ = _fresh(shared_services, request, broken_setting, spans=0)
        assert payload == fresh_payload
        assert "invalid literal for int()" in json.dumps(payload)


_MANY_ENVIRONMENTS = """
import sys, time
import psutil
from checks import launcher
from checks.probe.router import MAX_ZYGOTES
from checks.runner import python_executable
from harness.tracing import child_env

statuses = []
for n in range(MAX_ZYGOTES + 3):  # each its own environment, so its own zygote
    probe = launcher.launch(python_executable(), child_env({"GUIDE_ENVIRONMENT": str(n)}), "not a request")
    statuses.append(probe.wait(60))
server = psutil.Process(launcher.server(python_executable()).pid)
deadline = time.monotonic() + 30  # a retired zygote ends on its own, once it read its stdin's end
while len(server.children()) > MAX_ZYGOTES and time.monotonic() < deadline:
    time.sleep(0.05)
print(MAX_ZYGOTES, len(server.children()), sorted(set(statuses)))
"""


def test_no_more_zygotes_are_kept_than_the_cap():
    # In a process of its own: the probes of this one's other tests would count too.
    done = subprocess.run([python_executable(), "-c", _MANY_ENVIRONMENTS], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    cap, kept, statuses = done.stdout.split(maxsplit=2)
    assert int(kept) == int(cap), done.stdout  # the oldest idle ones ended, the newest are kept
    assert statuses.strip() == "[1]", "every probe ran (and failed on its bad request, as it should)"
