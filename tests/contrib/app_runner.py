"""Run a small traced application in its own process, reporting to a test-agent session.

Each run is a fresh interpreter: ddtrace reads its settings (the naming schema above all)
once, at import, so every configuration under test gets its own process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from harness import AgentSession
from harness.tracing import child_env

APP_TIMEOUT = 60  # seconds; an app that hangs fails its test instead of blocking the run


def app_env(session: AgentSession, **settings: str | None) -> dict[str, str]:
    """The app's environment: a clean base (none of the developer's DD_* settings may leak
    into a snapshot), the session's, then ``settings`` (None unsets)."""
    return child_env(session.env(), settings)


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
