"""The committed reference snapshots and how spans are compared with them.

The references were recorded through the test agent from ddtrace's own pymemcache
integration running the snapshot workload (checks/probe/workloads/snapshot.py). Re-record
them after changing that workload or upgrading ddtrace:

    .venv/bin/python -m checks.record_reference
"""

from __future__ import annotations

import json
from pathlib import Path

from harness import VOLATILE_SNAPSHOT_FIELDS

REFERENCE_DIR = Path(__file__).resolve().parent / "reference_snapshots"
SCHEMA = "DD_TRACE_SPAN_ATTRIBUTE_SCHEMA"

# (case, environment of the traced process). The file of a case is <case>.json.
CASES = (
    ("default", {}),
    ("v1", {SCHEMA: "v1"}),
)

# Fields that name the integration rather than describe the call: they differ between
# ddtrace's integration (component 'pymemcache') and any other by design.
NAMING_FIELDS = ("meta.component", "meta._dd.svc_src")
IGNORES = tuple(VOLATILE_SNAPSHOT_FIELDS) + NAMING_FIELDS


def reference_path(case: str, directory: Path = REFERENCE_DIR) -> Path:
    return directory / f"{case}.json"


# Also volatile, and ignored by the test agent on its own: zeroed or dropped in the file.
AGENT_IGNORED_FIELDS = ("meta._dd.p.tid",)
ZEROED_FIELDS = ("start", "duration")


def without_volatile(snapshot: list) -> list:
    """A recorded snapshot minus the volatile fields, so the committed file is the same on every run."""
    drop = {"meta": set(), "metrics": set()}
    for field in VOLATILE_SNAPSHOT_FIELDS + AGENT_IGNORED_FIELDS:
        section, _, key = field.partition(".")
        if section in drop:
            drop[section].add(key)
    for trace in snapshot:
        for span in trace:
            for section, keys in drop.items():
                for key in keys & set(span.get(section, {})):
                    del span[section][key]
            for field in ZEROED_FIELDS:
                span[field] = 0
    return snapshot


def write_reference(case: str, recorded_file: Path, directory: Path = REFERENCE_DIR) -> Path:
    snapshot = without_volatile(json.loads(recorded_file.read_text()))
    path = reference_path(case, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(snapshot, indent=1, sort_keys=False) + "\n")
    return path
