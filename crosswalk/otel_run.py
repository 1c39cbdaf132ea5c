"""Run a workload under OpenTelemetry in its own process; read its spans from the test agent.

The child installs the OpenTelemetry SDK, instruments pymemcache with OpenTelemetry's own
instrumentation and sends each span over OTLP/HTTP to the test agent's OTLP port, under an
agent session of its own: runs can go in parallel, and nothing is written to disk.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
import urllib.request
from dataclasses import dataclass, field

from crosswalk.otel_spans import OtelSpan, flatten_otlp
from harness.tracing import child_env

_PREAMBLE = """
from crosswalk.otlp_export import install_tracer_provider
install_tracer_provider({endpoint!r}, {token!r}, {service!r})
from opentelemetry.instrumentation.pymemcache import PymemcacheInstrumentor
PymemcacheInstrumentor().instrument()
"""


@dataclass
class OtelRun:
    label: str
    returncode: int
    stderr: str
    spans: list[OtelSpan] = field(default_factory=list)

    def __repr__(self) -> str:
        status = "ok" if self.returncode == 0 else f"exit {self.returncode}: {self.stderr.strip()[-300:]}"
        return f"{self.label}: {status}; {len(self.spans)} span(s)"


def otlp_endpoint(services) -> str:
    """The test agent's OTLP/HTTP address (the harness gives each agent its own port)."""
    http_port, _grpc_port = services.agent.spec.otlp_ports
    return f"http://{services.agent.host}:{http_port}"


def otlp_payloads(endpoint: str, token: str, timeout: float = 10.0) -> list[dict]:
    """The OTLP export requests the agent received in one session, decoded to JSON."""
    url = f"{endpoint}/test/session/traces?test_session_token={token}"
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


def run_with_opentelemetry(services, workload: str, service: str = "shop", env: dict | None = None,
                           label: str = "OpenTelemetry", spans: int = 0, timeout: float = 60.0) -> OtelRun:
    """Run ``workload`` (Python source) with OpenTelemetry's pymemcache instrumentation on."""
    session = services.agent_client.session().start()
    endpoint = otlp_endpoint(services)
    program = _PREAMBLE.format(endpoint=endpoint, token=session.token, service=service) + textwrap.dedent(workload)
    try:
        done = subprocess.run([sys.executable, "-c", program], env=child_env(env or {}),
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return OtelRun(label, -1, f"timed out after {timeout:.0f} s")
    # Spans are posted as they end, so they are there; polling covers a slow agent.
    deadline = time.monotonic() + 5.0
    received = flatten_otlp(otlp_payloads(endpoint, session.token))
    while len(received) < spans and time.monotonic() < deadline:
        time.sleep(0.1)
        received = flatten_otlp(otlp_payloads(endpoint, session.token))
    return OtelRun(label, done.returncode, done.stderr, received)
