"""The helpers of the committed-snapshot test, on small hand-made inputs, both ways."""

from pathlib import Path

import pytest

from harness.child_pytest import ChildRun
from tests.snapshot_plugin.mutations import (
    CANDIDATES, Mutation, choose, ownership_problems, run_problems,
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


def test_changed_values_name_their_file():
    # Two files given the same change still get different values: a verdict names one file.
    index = [field for _, field in CANDIDATES].index("resource")
    first, second = (choose([[span()]], set(), i) for i in (index, index + len(CANDIDATES)))
    assert (first.field, second.field) == ("resource", "resource") and first.value != second.value
    measured = choose([[span()]], set(), [field for _, field in CANDIDATES].index("metrics._dd.measured"))
    assert measured.value != 1.0
    traces = [[span()]]
    first.apply(traces)
    assert traces[0][0]["resource"] == first.value


def failed_on(path, verdict):
    return f"snapshot check failed for {path}\nThe test agent says: {verdict}\nAt trace 'x' (1 spans):"


def test_run_problems_both_ways():
    change = Mutation("change", "resource", 0, 0, "get-mutated-2")
    delete = Mutation("delete", "meta.out.host", 0, 0)
    mutations = {"t.py::test_a": change, "t.py::test_b": delete}
    files = {"t.py::test_a": Path("/s/a.json"), "t.py::test_b": Path("/s/b.json")}
    on_a = failed_on("/s/a.json", "span mismatch on 'resource': got 'get' which does not match "
                                  "expected 'get-mutated-2'.")
    on_b = failed_on("/s/b.json", "Span meta value 'out.host' in received span but is not in the expected span.")
    both_failed = {"t.py::test_a": "failed", "t.py::test_b": "failed"}

    def problems(outcomes, messages):
        return run_problems(ChildRun(1, "", outcomes, messages), mutations, files)

    assert problems(both_failed, {"t.py::test_a": on_a, "t.py::test_b": on_b}) == []
    assert problems({**both_failed, "t.py::test_b": "passed"}, {"t.py::test_a": on_a})  # not compared
    assert problems({"t.py::test_a": "failed"}, {"t.py::test_a": on_a})  # did not run
    swapped_files = {"t.py::test_a": on_b.replace("b.json", "a.json"), "t.py::test_b": on_a}
    assert len(problems(both_failed, swapped_files)) == 2  # each on the other's change
    other_value = on_a.replace("get-mutated-2", "get-mutated-3")  # another file's change
    assert problems(both_failed, {"t.py::test_a": other_value, "t.py::test_b": on_b})
    wrong_file = on_a.replace("/s/a.json", "/s/b.json")
    assert problems(both_failed, {"t.py::test_a": wrong_file, "t.py::test_b": on_b})
    no_traces = "the test agent received no traces under token 'a', so there is nothing to compare"
    assert problems(both_failed, {"t.py::test_a": no_traces, "t.py::test_b": on_b})


def test_deleting_a_defaulted_field_is_read_back_as_the_default():
    # The agent reports a top-level field missing from the file as its default value.
    verdict = "span mismatch on 'type': got 'cache' which does not match expected ''."
    assert all(phrase in verdict for phrase in Mutation("delete", "type", 0, 0).evidence)
    assert not all(phrase in verdict for phrase in Mutation("delete", "meta.out.host", 0, 0).evidence)
