"""Re-record the reference snapshots from ddtrace's own pymemcache integration.

    .venv/bin/python -m checks.record_reference

Runs the snapshot workload (checks/probe/workloads/snapshot.py) through
ddtrace.contrib.internal.pymemcache for each case of checks.snapshots.CASES, lets the test
agent write the snapshot of what it received, drops the volatile fields, and writes
checks/reference_snapshots/<case>.json. Do this after changing the workload or ddtrace.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from harness import Services

from checks.runner import run_probe
from checks.snapshots import CASES, IGNORES, REFERENCE_DIR, write_reference
from checks.target import load_target

BUILTIN = "ddtrace.contrib.internal.pymemcache"


def record(out_dir: Path = REFERENCE_DIR) -> list[Path]:
    """Record every case into ``out_dir``; return the files written."""
    target = load_target(BUILTIN, "pymemcache")
    written = []
    with tempfile.TemporaryDirectory(prefix="checks-reference-") as scratch, \
            Services(memcached=True, redis=False, agent=True, snapshot_dir=scratch) as services:
        directory = Path(scratch)
        for case, env in CASES:
            probe = run_probe(services, target, "snapshot", extra_env=env)
            if probe.payload is None or "result" not in probe.payload or not probe.spans:
                raise SystemExit(f"recording {case} failed: {probe.payload or probe.stderr_tail}")
            recorded = directory / case
            outcome = probe.session.snapshot(ignores=IGNORES, file=str(recorded))
            if not outcome.matched:
                raise SystemExit(f"the test agent did not write {case}: {outcome.message}")
            written.append(write_reference(case, Path(f"{recorded}.json"), out_dir))
            print(f"{case}: {len(probe.spans)} spans -> {written[-1]}")
    return written


def main() -> int:
    record()
    return 0


if __name__ == "__main__":
    sys.exit(main())
