"""Client for the APM test agent's session API (the HTTP endpoints under /test/session/).

A session groups the traces of one piece of work under a token. Traces sent without a
token are attributed to the most recently started session, which is how an in-process
tracer (one that cannot add the token header) takes part.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass

from harness.errors import ServiceError
from harness.tracing import VOLATILE_SNAPSHOT_FIELDS


@dataclass(frozen=True)
class SnapshotResult:
    matched: bool
    message: str  # the agent's own explanation on a mismatch


class TestAgentClient:
    __test__ = False  # not a pytest test class

    def __init__(self, url: str, timeout: float = 10.0):
        self.url = url.rstrip("/")
        self.timeout = timeout

    def _get(self, path: str, **params) -> tuple[int, bytes]:
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        request_url = f"{self.url}{path}?{query}" if query else f"{self.url}{path}"
        try:
            with urllib.request.urlopen(request_url, timeout=self.timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise ServiceError(
                f"test agent at {self.url} did not answer {path}: {error}",
                "is it still running? Start the services again (harness.Services).",
            ) from None

    def session(self, token: str | None = None) -> "AgentSession":
        return AgentSession(self, token or f"guide-{uuid.uuid4().hex[:12]}")

    def info(self) -> dict:
        status, body = self._get("/info")
        return json.loads(body) if status == 200 else {}


class AgentSession:
    """One test session: start it, do traced work, then read its traces or snapshot them."""

    def __init__(self, client: TestAgentClient, token: str):
        self.client = client
        self.token = token

    def _ask(self, path: str, failure: str) -> bytes:
        """The body of the agent's answer for this session; ServiceError unless it is 200 OK."""
        status, body = self.client._get(path, test_session_token=self.token)
        if status != 200:
            raise ServiceError(f"test agent {failure}: {body[:300]!r}",
                               "read the agent's log (Services.agent.log_path).")
        return body

    def start(self) -> "AgentSession":
        self._ask("/test/session/start", f"refused to start session {self.token}")
        return self

    def env(self) -> dict[str, str]:
        """Environment for a traced subprocess: where the agent is, and this session's token."""
        return {
            "DD_TRACE_AGENT_URL": self.client.url,
            "_DD_TRACE_WRITER_ADDITIONAL_HEADERS": f"X-Datadog-Test-Session-Token:{self.token}",
        }

    def traces(self) -> list[list[dict]]:
        return json.loads(self._ask("/test/session/traces", "could not list traces"))

    def wait_for_spans(self, count: int, timeout: float = 5.0) -> list[dict]:
        """Poll until at least ``count`` spans arrived; return all spans, oldest first."""
        deadline = time.monotonic() + timeout
        while True:
            spans = [span for trace in self.traces() for span in trace]
            if len(spans) >= count or time.monotonic() > deadline:
                return sorted(spans, key=lambda span: span["start"])
            time.sleep(0.05)

    def snapshot(self, ignores: tuple[str, ...] = VOLATILE_SNAPSHOT_FIELDS,
                 file: str | None = None, removes: tuple[str, ...] = ()) -> SnapshotResult:
        """Compare the session's traces with its snapshot file (written when missing).

        ``removes``: fields left out of a newly written file (e.g. the ignored ones, so that
        re-recording an unchanged workload gives a byte-identical file).
        """
        status, body = self.client._get(
            "/test/session/snapshot", test_session_token=self.token,
            ignores=",".join(ignores), file=file, removes=",".join(removes) or None)
        return SnapshotResult(matched=status == 200, message=body.decode(errors="replace"))
