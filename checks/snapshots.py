"""The committed reference snapshots: recorded and compared through agent_snapshots.

Each profile's references were recorded through the test agent from ddtrace's own
integration of its library running the profile's snapshot workload. Re-record them after
changing that workload or upgrading ddtrace:

    .venv/bin/python -m checks.record_reference [--library redis]

As for every snapshot of the guide, the agent is told what to ignore (the volatile fields
of harness.tracing) and leaves those out of the files it writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from agent_snapshots import SnapshotMismatch
from agent_snapshots import check as agent_check

SCHEMA = "DD_TRACE_SPAN_ATTRIBUTE_SCHEMA"

# (case, environment of the traced process). The file of a case is <case>.json.
CASES = (
    ("default", {}),
    ("v1", {SCHEMA: "v1"}),
)

# Fields that name the integration rather than describe the call: they differ between
# ddtrace's integration (component 'pymemcache') and any other by design. They are
# compared all the same, with the integration's own name where the reference has the
# built-in's (reference_for).
NAMING_FIELDS = ("meta.component", "meta._dd.svc_src")

# A probe's keys carry a random namespace (checks.keys); a reference that shows keys (redis's
# raw command) holds this in its place, and each comparison puts the probe's own back.
KEY_NAMESPACE = "checks-namespace-"


def reference_path(profile, case: str) -> Path:
    return profile.reference_dir / f"{case}.json"


def reference_for(profile, case: str, name: str, namespace: str) -> list:
    """The reference of ``case`` as integration ``name`` should produce it with keys of
    ``namespace``: its naming fields carry ``name`` where the built-in's spans carry the
    built-in's own name."""
    builtin_name = profile.builtin.rsplit(".", 1)[-1]
    traces = json.loads(reference_path(profile, case).read_text().replace(KEY_NAMESPACE, namespace))
    for span in (span for trace in traces for span in trace):
        for field in NAMING_FIELDS:
            section, _, key = field.partition(".")
            if span.get(section, {}).get(key) == builtin_name:
                span[section][key] = name
    return traces


def compare(session, profile, case: str, name: str, namespace: str, scratch: Path) -> str | None:
    """None when the session's spans match the reference of ``case`` for integration
    ``name`` (its keys in ``namespace``); else the agent's explanation. The agent compares
    with a copy in ``scratch``: the committed file is never written."""
    copy = scratch / f"{session.token}.json"
    copy.write_text(json.dumps(reference_for(profile, case, name, namespace), indent=1))
    try:
        agent_check(session, scratch, refuse_missing=True)
    except SnapshotMismatch as mismatch:
        return mismatch.agent_report or str(mismatch)
    finally:  # shared services serve many runs: do not let the copies pile up
        copy.unlink(missing_ok=True)
    return None


def record(session, directory: Path, namespace: str) -> Path:
    """Write ``<directory>/<token>.json``, the reference of the session's case (its token),
    from the spans it received; keys of ``namespace`` are written with KEY_NAMESPACE."""
    path = agent_check(session, directory, update=True).path
    path.write_text(path.read_text().replace(namespace, KEY_NAMESPACE))
    return path
