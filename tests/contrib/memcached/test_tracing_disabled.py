"""With DD_TRACE_ENABLED=false the integration does no tracing work: no span, no tagging."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from harness.tracing import child_env

SCRIPT = textwrap.dedent("""
    import importlib
    import sys
    from pymemcache.client.base import Client
    # the module: the package's `patch` attribute is the patch() function
    integration = importlib.import_module("integrations.memcached.patch")

    calls = []
    integration._tag_request = lambda span, client: calls.append("tagged")
    integration.patch()
    client = Client(("127.0.0.1", int(sys.argv[1])))
    client.set("k", "v", noreply=False)
    print(client.get("k"), calls)
""")


def test_disabled_tracer_means_the_wrapper_only_makes_the_call(memcached_server, snapshot_agent):
    for enabled, tagged, spans in (("false", [], 0), ("true", ["tagged", "tagged"], 2)):
        # A real agent session: the enabled run's spans have somewhere to go (an unreachable
        # agent would keep the process retrying for seconds at exit), and are counted.
        session = snapshot_agent.session().start()
        env = child_env(session.env(), {"DD_TRACE_ENABLED": enabled})
        result = subprocess.run([sys.executable, "-c", SCRIPT, str(memcached_server.port)], env=env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().split(maxsplit=1) == ["b'v'", str(tagged)], (enabled, result.stdout)
        assert len([span for trace in session.traces() for span in trace]) == spans, enabled
