"""Re-record a profile's reference snapshots from ddtrace's own integration of its library.

    .venv/bin/python -m checks.record_reference [--library redis]

Runs the profile's snapshot workload through its built-in integration (for pymemcache,
ddtrace.contrib.internal.pymemcache) for each case of checks.snapshots.CASES, and lets
the test agent write <reference_dir>/<case>.json through agent_snapshots, leaving out the
fields it ignores. Do this after changing the workload or ddtrace, and review the diff.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from harness import Services

from checks import workload_ids
from checks.profiles import DEFAULT, get_profile, profiles
from checks.runner import run_probe
from checks.snapshots import CASES, record
from checks.target import load_target


def record_profile(name: str = DEFAULT, out_dir: Path | None = None) -> list[Path]:
    """Record every case of profile ``name`` into ``out_dir`` (default: the profile's
    reference directory); return the files written."""
    profile = get_profile(name)
    target = load_target(profile.builtin, profile.builtin.rsplit(".", 1)[-1])
    written = []
    with Services(memcached=profile.server == "memcached", redis=profile.server == "redis", agent=True) as services:
        for case, env in CASES:
            probe = run_probe(services, target, profile, workload_ids.SNAPSHOT, extra_env=env, token=case)
            if probe.payload is None or "result" not in probe.payload or not probe.spans:
                raise SystemExit(f"recording {case} failed: {probe.payload or probe.stderr_tail}")
            written.append(record(probe.session, out_dir or profile.reference_dir, probe.result["namespace"]))
            print(f"{case}: {len(probe.spans)} spans -> {written[-1]}")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.record_reference")
    parser.add_argument("--library", choices=list(profiles()), default=DEFAULT)
    record_profile(parser.parse_args(argv).library)
    return 0


if __name__ == "__main__":
    sys.exit(main())
