"""What every traced process of the guide shares, in one place.

- which span fields change from run to run (and so are never compared or shown);
- the quiet tracer settings a notebook kernel, a test app, a probe or a child pytest runs with;
- the environment of a traced child process: none of the parent's tracer settings;
- sending what an in-process tracer still holds.

Import-light on purpose (standard library only, ddtrace only when it is already loaded):
the check kit's probe imports it in every short-lived process it starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

# Fields that differ between two runs of the same workload, beyond those the agent
# already ignores (AGENT_IGNORED_FIELDS). Every snapshot comparison tells the agent to ignore them.
VOLATILE_SNAPSHOT_FIELDS = (
    "meta._dd.tags.process",   # derived from the script path and working directory
    "meta.error.stack",        # file paths and line numbers
    "meta._dd.base_service",   # inferred from the entry point when DD_SERVICE is unset
    "meta.runtime-id",
    "metrics.process_id",
    "metrics.network.destination.port",  # the harness picks a free port each run
)

# Volatile too, and ignored by the test agent on every comparison (its
# --snapshot-ignored-attrs default) among the fields ddtrace puts on spans.
# tests/snapshot_plugin checks that each one really is among the agent's defaults.
AGENT_IGNORED_FIELDS = (
    "start", "duration",
    "meta._dd.p.tid", "meta.runtime-id",
    "metrics.process_id", "metrics._dd.tracer_kr",
)

# The same fields as tag names (meta/metrics keys): what a span table leaves out.
VOLATILE_TAGS = frozenset(field.partition(".")[2]
                          for field in (*VOLATILE_SNAPSHOT_FIELDS, *AGENT_IGNORED_FIELDS)
                          if field.startswith(("meta.", "metrics.")))

# Quiet, deterministic tracer output; a notebook sets them before ddtrace is imported.
TRACER_DEFAULTS = {
    "DD_TRACE_STARTUP_LOGS": "false",
    "DD_INSTRUMENTATION_TELEMETRY_ENABLED": "false",
    "DD_REMOTE_CONFIGURATION_ENABLED": "false",
    "DD_TRACE_PYMEMCACHE_ENABLED": "false",  # the guide writes its own; see chapter 2
}
# A child process also leaves out client-side stats (on by default from Python 3.14):
# stats payloads are not what any test or check compares.
CHILD_DEFAULTS = {**TRACER_DEFAULTS, "DD_TRACE_STATS_COMPUTATION_ENABLED": "false"}

# Settings of the parent's tracer (a notebook kernel's, a developer's shell) that a child
# must not inherit: they would leak into what the child's spans look like.
NOT_INHERITED = ("DD_", "_DD_", "OTEL_")


def child_env(*settings: Mapping[str, str | None], parent: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a traced child process.

    The parent's environment (``os.environ`` unless given) without its tracer settings,
    then CHILD_DEFAULTS, then each mapping of ``settings`` in order; a value of None
    removes the variable.
    """
    env: dict[str, str | None] = {key: value for key, value in (os.environ if parent is None else parent).items()
                                  if not key.startswith(NOT_INHERITED)}
    env.update(CHILD_DEFAULTS)
    for layer in settings:
        env.update(layer)
    return {key: value for key, value in env.items() if value is not None}


def flush_tracer() -> None:
    """Send every finished span this process's tracer holds (nothing when ddtrace is not loaded).

    A child process flushes when it exits; a process that checks the agent right after
    its own traced work (a kernel, a probe about to report) calls this first.
    """
    if "ddtrace" in sys.modules:
        from ddtrace.trace import tracer

        tracer.flush()
