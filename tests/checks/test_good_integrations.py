"""Every check passes on the guide's integration and on ddtrace's own pymemcache integration.

ddtrace's integration is an independent implementation of the same promises: a check
that fails on it is wrong, unless ddtrace truly breaks the promise. ddtrace 4.16 breaks
three that the checks test: its unpatch() puts pymemcache's Client where HashClient was,
its db.row_count tests the result's truth, so a miss that returns the caller's default
counts as a hit, and it leaves the delete_multi alias untraced. One more defect lies
outside what the checks cover (they test Client's data commands); it is shown here too,
and all are documented in docs/checks-reference.md. ddtrace's redis integration, judged by
the redis profile, is tested in test_profiles.py.
"""

import subprocess
import sys
import textwrap

import pytest

from checks.families import ORDER
from harness.tracing import child_env
from tests.checks.conftest import BUILTIN, GUIDE


@pytest.mark.check_target(GUIDE)
def test_guide_integration_passes_every_check(check_report):
    report = check_report(GUIDE)
    assert [check.check for check in report.checks] == list(ORDER)
    assert report.passed, repr(report)


@pytest.mark.check_target(BUILTIN, name="pymemcache")
def test_builtin_integration_passes_every_check_but_what_it_gets_wrong(check_report):
    report = check_report(BUILTIN, "pymemcache")
    failing = {check.check: [case.name for case in check.failures] for check in report.checks if not check.passed}
    assert failing == {"patching": ["unpatch() restores the library"],
                       "coverage": ["delete_multi (alias of delete_many)"],
                       "span_shape": [f"db.row_count, {read} miss, default by {how}"
                                      for read in ("get", "gets") for how in ("position", "keyword")]
                       }, repr(report)
    assert report["patching"].failures[0].observed == (
        "pymemcache.client.hash.HashClient is now pymemcache.client.base.Client")
    assert report["coverage"].failures[0].observed == "no span"  # test_builtin_leaves_delete_multi_untraced
    # Its component is its own name: --name sets what span_shape expects.
    assert all(case.passed for case in report["span_shape"].cases if "row_count" not in case.name)


def test_builtin_counts_a_miss_with_a_default_as_a_row(shared_services):
    # The defect without the check kit: `1 if result else 0` sees the caller's default.
    spans = _traced_spans(shared_services, """
        import sys
        import pymemcache.client.base
        from ddtrace.contrib.internal.pymemcache.patch import patch
        from ddtrace.trace import tracer
        patch()
        client = pymemcache.client.base.Client(("127.0.0.1", int(sys.argv[1])))
        client.get("no-such-key-for-the-row-count", "fallback")
        tracer.flush()
    """)
    assert [span["metrics"].get("db.row_count") for span in spans] == [1]


def test_builtin_unpatch_replaces_hashclient_with_client():
    # The defect without the check kit: ddtrace 4.16 saves pymemcache.client.hash.Client
    # (the plain Client imported there) as "the original HashClient", and restores that.
    script = textwrap.dedent("""
        import pymemcache.client.base, pymemcache.client.hash
        original = pymemcache.client.hash.HashClient
        from ddtrace.contrib.internal.pymemcache.patch import patch, unpatch
        patch()
        unpatch()
        print(pymemcache.client.hash.HashClient is original,
              pymemcache.client.hash.HashClient is pymemcache.client.base.Client)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "True"], result.stderr


def _traced_spans(services, script: str) -> list[dict]:
    """Run ``script`` traced (memcached's port is argv[1]); its spans, as the agent got them."""
    session = services.agent_client.session().start()
    env = child_env(session.env())
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(script), str(services.memcached.port)],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [span for trace in session.traces() for span in trace]


def _traced_resources(services, script: str) -> list[str]:
    return [span["resource"] for span in _traced_spans(services, script)]


def test_builtin_traces_hashclient_on_import_without_patch(shared_services):
    # Importing the integration sets HashClient.client_class to its traced proxy.
    assert _traced_resources(shared_services, """
        import sys
        import pymemcache.client.hash
        import ddtrace.contrib.internal.pymemcache.patch  # imported, never patched
        from ddtrace.trace import tracer
        pymemcache.client.hash.HashClient([("127.0.0.1", int(sys.argv[1]))]).get("key")
        tracer.flush()
    """) == ["get"]


def test_builtin_leaves_delete_multi_untraced(shared_services):
    # Its proxy lists each command; delete_multi, an alias of delete_many, is not listed.
    assert _traced_resources(shared_services, """
        import sys
        import pymemcache.client.base
        from ddtrace.contrib.internal.pymemcache.patch import patch
        from ddtrace.trace import tracer
        patch()
        client = pymemcache.client.base.Client(("127.0.0.1", int(sys.argv[1])))
        client.delete_multi(["a"], noreply=False)
        client.delete_many(["a"], noreply=False)
        tracer.flush()
    """) == ["delete_many"]
