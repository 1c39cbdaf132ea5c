"""Run a small traced program in its own Python process and collect its spans.

Some things can only be seen in a fresh process: ddtrace reads the naming schema and
DD_SERVICE once, at import, and ``import ddtrace.auto`` patches what it finds. Each run
gets its own test-agent session (its spans are tagged with the session's token), so runs
can go in parallel, and a clean environment (harness.tracing.child_env): the caller's own
tracer settings never leak into the program's spans.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from harness.tracing import child_env

# "SomeError: message" or "package.module.SomeException: message", as a traceback ends.
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b")
# Appended to every program: send the spans before the process ends.
_FLUSH = "\nfrom harness.tracing import flush_tracer as _flush_tracer\n_flush_tracer()\n"


@dataclass
class TracedRun:
    label: str
    returncode: int
    stdout: str
    stderr: str
    spans: list[dict] = field(default_factory=list)

    @property
    def last_error_line(self) -> str:
        """The exception that ended the program (other log lines may follow it on stderr)."""
        lines = [line for line in self.stderr.strip().splitlines() if _EXCEPTION_LINE.match(line)]
        return lines[-1] if lines else ""

    def __repr__(self) -> str:
        status = "ok" if self.returncode == 0 else f"exit {self.returncode}: {self.last_error_line}"
        return f"{self.label}: {status}; {len(self.spans)} span(s)"


def run_traced(services, code: str, env: dict[str, str | None] | None = None, label: str = "run",
               spans: int = 0, timeout: float = 30.0) -> TracedRun:
    """Run ``code`` with ``python -c`` under its own agent session; wait for ``spans`` spans."""
    session = services.agent_client.session().start()
    full_env = child_env(session.env(), env or {})  # a None value in env removes the variable
    try:
        done = subprocess.run([sys.executable, "-c", textwrap.dedent(code) + _FLUSH], env=full_env,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return TracedRun(label, -1, "", f"timed out after {timeout:.0f} s")
    # A program that failed may never make the spans asked for, and need not be waited on:
    # what it did make is at the agent already (ddtrace sends its spans at interpreter exit).
    received = session.wait_for_spans(spans, timeout=3.0) if spans and done.returncode == 0 else \
        [s for trace in session.traces() for s in trace]
    return TracedRun(label, done.returncode, done.stdout, done.stderr,
                     sorted(received, key=lambda s: s["start"]))


def run_traced_many(services, runs: list[dict]) -> list[TracedRun]:
    """Several run_traced(...) calls, as many at once as there are cores; each dict holds its
    keyword arguments. Each run's timeout is its own: with ten started together on two busy
    cores, every one of them waits for all ten imports of ddtrace (CI saw them time out)."""
    with ThreadPoolExecutor(max_workers=max(1, min(len(runs), len(os.sched_getaffinity(0))))) as pool:
        return list(pool.map(lambda kwargs: run_traced(services, **kwargs), runs))
