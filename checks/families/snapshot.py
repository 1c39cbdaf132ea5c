"""Snapshot: the spans of a fixed workload match those of ddtrace's own pymemcache integration.

The test agent compares the spans it received with the committed reference snapshot, and
explains any difference in its own words; the reader sees that explanation.
"""

from __future__ import annotations

import re
import shutil
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from harness import SnapshotResult

from checks.families.common import new_result, no_spans_case, record_probe_failure
from checks.report import Case
from checks.snapshots import CASES, IGNORES, reference_path

ID = "snapshot"
TITLE = "Snapshot"
CHAPTER = "07-putting-it-together"
PROMISE = ("on the default and v1 schemas, the spans of a fixed workload (hits, misses, multi-key "
           "reads, counters, deletes, a failing command) match the reference recorded from "
           "ddtrace's own pymemcache integration, all but volatile and naming fields")

HINT = ("read the test agent's explanation: it names the span and the field that differ; make "
        "your spans carry the same names, tags and metrics as the reference (in "
        "checks/reference_snapshots/), db.row_count included")


def _explain(message: str) -> tuple[str, str]:
    """(the agent's conclusion, where it was reached): the parts of its explanation that
    are the same on every run. The full message, with the received span's ids, ports and
    timings, goes to the HTML report only."""
    lines = message.strip().splitlines()
    conclusion = " ".join(line.strip() for line in lines
                          if line.strip() and not line.startswith((" ", "\t", "At request")))
    # "'memcached.command','memcached.command',..." (one per missing trace) -> "'memcached.command' ×8"
    conclusion = re.sub(r"('[^']*')(?:,\1)+", lambda m: f"{m.group(1)} ×{m.group(0).count(m.group(1))}", conclusion)
    where = [line.strip().rstrip(":").replace("At compare of", "compared")
             for line in lines if line.strip().startswith("At compare of")]
    resources = re.findall(r"- Expected span:\s*\{.*?'resource': '([^']*)'", message, re.S)
    if resources:
        where.append(f"in the span of the {resources[-1]!r} command")
    return conclusion or message.strip(), "; ".join(where)


def _compare(context, case: str, env: dict):
    probe = context.probe("snapshot", extra_env=env)
    if probe.target_error or probe.hung or probe.crash or probe.not_written or probe.payload is None:
        return probe, None
    if not probe.spans:
        return probe, False
    if not reference_path(case).is_file():
        return probe, SnapshotResult(False, f"the reference snapshot {reference_path(case)} is missing: "
                                            "record it with `.venv/bin/python -m checks.record_reference`")
    # The agent reads the reference from a copy of its own: the committed file is never written.
    copy = context.services.snapshot_dir / f"{case}-{uuid.uuid4().hex[:8]}"
    shutil.copyfile(reference_path(case), f"{copy}.json")
    try:
        return probe, probe.session.snapshot(ignores=IGNORES, file=str(copy))
    finally:  # shared services serve many runs: do not let the copies pile up
        Path(f"{copy}.json").unlink(missing_ok=True)


def run(context):
    result = new_result(ID, TITLE, PROMISE)
    with ThreadPoolExecutor(max_workers=len(CASES)) as pool:
        outcomes = list(pool.map(lambda item: _compare(context, *item), CASES))
    details, raw = [], []
    for (case, _), (probe, comparison) in zip(CASES, outcomes):
        if record_probe_failure(probe, result, context.timeout):
            return result
        if comparison is False:
            result.cases.append(no_spans_case(f"{case} schema"))
            continue
        expected = f"matches {case}.json"
        if comparison.matched:
            result.cases.append(Case(f"{case} schema", True, observed=expected, expected=expected))
        else:
            conclusion, where = _explain(comparison.message)
            result.cases.append(Case(f"{case} schema", False, observed=f"differs: {conclusion}",
                                     expected=expected, hint=HINT))
            details.append(f"{case} schema, the test agent {where}: {conclusion}" if where
                           else f"{case} schema: {conclusion}")
            raw.append(f"--- {case} schema ---\n{comparison.message.strip()}")
    result.detail = "\n".join(details)
    result.raw_detail = "\n\n".join(raw)
    return result
