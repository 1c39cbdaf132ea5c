"""The helpers of the committed-snapshot test, on small hand-made inputs, both ways."""

from pathlib import Path

import pytest

from harness.child_pytest import ChildRun
from tests.snapshot_plugin.mutations import (
    CANDIDATES, Mutation, choose, ownership_problems, round_problems,
)


def span(**fields):
    base = {"name": "memcached.command", "service": "memcached", "resource": "get",
            "type": "cache", "error": 0, "trace_id": 0, "span_id": 1, "parent_id": 0,
            "meta": {"component": "memcached", "span.kind": "client", "out.host": "127.0.0.1",
                     "db.system": "memcached"},
            "metrics": {"_dd.measured": 1.0, "db.row_count": 1.0}}
    base.update(fields)
    return base


def test_mutations_rotate_through_fields_and_change_the_span():
    traces = [[span()], [span(resource="set")]]
    chosen = [choose(traces, set(), index) for index in range(len(CANDIDATES))]
    assert len({m.field for m in chosen}) > 5, chosen
    for mutation in chosen:
        mutated = [[dict(s, meta=dict(s["meta"]), metrics=dict(s["metrics"])) for s in t] for t in traces]
        mutation.apply(mutated)
        assert mutated != traces, mutation


def test_ignored_and_absent_fields_are_never_chosen():
    traces = [[span()]]
    everything_but_resource = {field for _, field in CANDIDATES} - {"resource"}
    assert choose(traces, everything_but_resource, 0).field == "resource"
    with pytest.raises(ValueError):
        choose(traces, {field for _, field in CANDIDATES}, 0)


def test_deleting_a_field_the_agent_defaults_is_not_chosen():
    # "type" deleted from a span whose type is "" would look unchanged to the agent.
    index = [field for _, field in CANDIDATES].index("type")
    assert choose([[span(type="")]], set(), index).field != "type"
    assert choose([[span()]], set(), index).field == "type"


def test_ownership_both_ways():
    manifest = [{"nodeid": "t.py::test_a", "file": "/x/a.json"},
                {"nodeid": "t.py::test_b", "file": "/x/b.json"}]
    assert ownership_problems(manifest, [Path("a.json"), Path("b.json")]) == []
    problems = ownership_problems(manifest + [{"nodeid": "t.py::test_c", "file": "/x/a.json"}],
                                  [Path("a.json"), Path("orphan.json")])
    assert any(p.startswith("orphan.json: no test") for p in problems)
    assert any(p.startswith("b.json: missing") for p in problems)
    assert any(p.startswith("a.json: shared by") for p in problems)


def test_round_problems_both_ways():
    mutation = Mutation("change", "meta.out.host", 0, 0)
    everyone = ["t.py::test_a", "t.py::test_b"]

    def run(outcomes, message):
        return ChildRun(1, "", outcomes, {"t.py::test_a": message})

    good = run({"t.py::test_a": "failed", "t.py::test_b": "passed"}, "meta mismatch on 'out.host'")
    assert round_problems(good, {"t.py::test_a": mutation}, everyone) == []
    nothing_failed = run({"t.py::test_a": "passed", "t.py::test_b": "passed"}, "")
    assert round_problems(nothing_failed, {"t.py::test_a": mutation}, everyone)
    neighbour_failed = run({"t.py::test_a": "failed", "t.py::test_b": "failed"}, "'out.host'")
    assert round_problems(neighbour_failed, {"t.py::test_a": mutation}, everyone)
    wrong_reason = run({"t.py::test_a": "failed", "t.py::test_b": "passed"}, "no traces received")
    assert round_problems(wrong_reason, {"t.py::test_a": mutation}, everyone)
    missing = run({"t.py::test_a": "failed"}, "'out.host'")
    assert round_problems(missing, {"t.py::test_a": mutation}, everyone)
