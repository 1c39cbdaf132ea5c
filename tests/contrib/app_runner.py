"""Run a small traced application in its own process, reporting to a test-agent session.

Each run is a fresh interpreter: ddtrace reads its settings (the naming schema above all)
once, at import, so every configuration under test gets its own process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from harness import AgentSession
from harness.notebook import TRACER_DEFAULTS

APP_TIMEOUT = 60  # seconds; an app that hangs fails its test instead of blocking the run
# A deterministic baseline: the developer's own DD_* settings must not leak into a snapshot.
_DROPPED_PREFIXES = ("DD_", "_DD_", "OTEL_")


def app_env(session: AgentSession, **settings: str | None) -> dict[str, str]:
    """The app's environment: a clean base, the session's, then ``settings`` (None unsets)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(_DROPPED_PREFIXES)}
    env.update(TRACER_DEFAULTS)
    env["DD_TRACE_STATS_COMPUTATION_ENABLED"] = "false"  # on by default from Python 3.14
    env.update(session.env())
    env.update(settings)
    return {key: value for key, value in env.items() if value is not None}


def run_app(app: Path, scenario: str, session: AgentSession, **settings: str | None) -> str:
    """Run ``python app SCENARIO`` with the session's environment; return its stdout."""
    try:
        done = subprocess.run([sys.executable, str(app), scenario], env=app_env(session, **settings),
                              capture_output=True, text=True, timeout=APP_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{app.name} {scenario} did not finish within {APP_TIMEOUT} s") from None
    if done.returncode != 0:
        raise AssertionError(f"{app.name} {scenario} exited with status {done.returncode}:\n"
                             f"{done.stderr.strip()[-3000:]}")
    return done.stdout


def inferred_service(span: dict) -> str | None:
    """The service ddtrace inferred for the app (it records it in the process tags, svc.auto:)."""
    for item in span["meta"].get("_dd.tags.process", "").split(","):
        if item.startswith("svc.auto:"):
            return item.partition(":")[2]
    return None
