"""Each committed snapshot is really compared, by exactly the test that owns it.

For every file in tests/snapshots, one attribute is deleted or changed in a TEMPORARY
copy of the directory (the committed files are never touched), and every snapshot test
runs against that copy in CI mode, in one child pytest session. Every test must fail,
each comparing with its own file and on its own file's change: the agent's verdict names
the attribute, and a changed value carries the file's index, so no other file's change
could pass for it. That each test passes with its file intact is what the snapshot tests
themselves prove, in CI mode, on every run of the suite.

One child session for all files: a test only ever reads its own file (the plugin derives
the file from the test's id, and the ownership test below shows no two tests share one),
and each failure is checked against that file and its change.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from agent_snapshots import NOT_STORED
from harness.child_pytest import run_pytest
from harness.tracing import VOLATILE_SNAPSHOT_FIELDS
from tests.snapshot_plugin.mutations import Mutation, choose, ownership_problems, run_problems

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "tests" / "snapshots"


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> list[dict]:
    """Every @pytest.mark.snapshot test under tests/, with its file and ignores."""
    path = tmp_path_factory.mktemp("manifest") / "snapshots.json"
    collected = run_pytest("tests", "--collect-only", "-q", "--continue-on-collection-errors",
                           f"--snapshot-manifest={path}", cwd=REPO)
    assert path.exists(), collected.output
    return json.loads(path.read_text())


def test_every_committed_snapshot_has_exactly_one_test(manifest):
    assert manifest, "no snapshot tests were collected"
    assert ownership_problems(manifest, sorted(COMMITTED.glob("*.json"))) == []


def _mutate(directory: Path, entries: list[dict]) -> dict[str, Mutation]:
    """Mutate each entry's file in ``directory``; return node id -> mutation."""
    mutations = {}
    used = Counter()  # spreads the mutations over the candidate fields
    for index, entry in enumerate(entries):
        path = directory / Path(entry["file"]).name
        traces = json.loads(path.read_text())
        ignored = {*VOLATILE_SNAPSHOT_FIELDS, *NOT_STORED, *entry["ignores"]}
        mutation = choose(traces, ignored, index, used)
        mutation.apply(traces)
        path.write_text(json.dumps(traces, indent=2))
        mutations[entry["nodeid"]] = mutation
    return mutations


def test_changing_any_snapshot_fails_exactly_its_test(manifest, tmp_path):
    entries = sorted(manifest, key=lambda entry: entry["token"])
    copy = (tmp_path / "snapshots").resolve()  # as the plugin names it in its messages
    shutil.copytree(COMMITTED, copy)
    mutations = _mutate(copy, entries)
    files = {entry["nodeid"]: copy / Path(entry["file"]).name for entry in entries}
    run = run_pytest("--snapshot-ci", f"--snapshot-dir={copy}", *mutations, cwd=REPO)
    problems = run_problems(run, mutations, files)
    assert problems == [], "\n\n".join(problems)
