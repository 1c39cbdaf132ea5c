"""Each committed snapshot is really compared, by exactly the test that owns it.

For every file in tests/snapshots, one attribute is deleted or changed in a TEMPORARY
copy of the directory (the committed files are never touched), and every snapshot test
runs against that copy in CI mode, in a child pytest session. Half of the files are
mutated at a time: the tests that fail must be exactly the owners of the mutated files,
each failing on the mutated attribute, while every other snapshot test passes. Then the
files are restored in the copy, and their tests pass again.

Three runs of the snapshot tests in all, instead of two per file: a test only ever reads
its own file (the plugin derives the file from the test's id, and the ownership test
below shows no two tests share one), so mutating several files at once loses nothing.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from agent_snapshots import NOT_STORED
from harness.child_pytest import ChildRun, run_pytest
from harness.tracing import VOLATILE_SNAPSHOT_FIELDS
from tests.snapshot_plugin.mutations import Mutation, choose, ownership_problems, round_problems

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


def _mutate(directory: Path, entries: list[dict], first_index: int, used: Counter) -> dict[str, Mutation]:
    """Mutate each entry's file in ``directory``; return node id -> mutation."""
    mutations = {}
    for index, entry in enumerate(entries, start=first_index):
        path = directory / Path(entry["file"]).name
        traces = json.loads(path.read_text())
        ignored = {*VOLATILE_SNAPSHOT_FIELDS, *NOT_STORED, *entry["ignores"]}
        mutation = choose(traces, ignored, index, used)
        mutation.apply(traces)
        path.write_text(json.dumps(traces, indent=2))
        mutations[entry["nodeid"]] = mutation
    return mutations


def _restore(directory: Path, entries: list[dict]) -> None:
    for entry in entries:
        name = Path(entry["file"]).name
        shutil.copyfile(COMMITTED / name, directory / name)


def _run(directory: Path, nodeids) -> ChildRun:
    return run_pytest("--snapshot-ci", f"--snapshot-dir={directory}", *nodeids, cwd=REPO)


def test_changing_any_snapshot_fails_exactly_its_test(manifest, tmp_path):
    entries = sorted(manifest, key=lambda entry: entry["token"])
    everyone = [entry["nodeid"] for entry in entries]
    first, second = entries[0::2], entries[1::2]
    copy = tmp_path / "snapshots"
    shutil.copytree(COMMITTED, copy)
    used = Counter()  # spreads the mutations over the candidate fields

    # Round 1: half of the files mutated.
    mutations = _mutate(copy, first, 0, used)
    problems = round_problems(_run(copy, everyone), mutations, everyone)
    # Round 2: those restored (their tests must pass again), the other half mutated.
    _restore(copy, first)
    mutations = _mutate(copy, second, len(first), used)
    problems += round_problems(_run(copy, everyone), mutations, everyone)
    # Round 3: the second half restored.
    _restore(copy, second)
    restored = _run(copy, mutations)
    if restored.passed() != set(mutations):
        problems.append(f"still failing after restoring their files: {sorted(restored.failed())}\n"
                        f"{restored.output[-2000:]}")
    assert problems == [], "\n\n".join(problems)
