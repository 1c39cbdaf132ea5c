"""What the learner's kernel does beyond writing the package: it answers the frontend.

A "change X" starter holds the guide's version from before the chapter. Run unchanged over
a package with the learner's own version, it keeps theirs (tests/exercises/test_practice.py)
and asks the frontend, in the execute reply, to put theirs in the cell instead of the
starter: the ``set_next_input`` payload with ``replace``, which JupyterLab applies to the
cell that ran. The test runs the cell in a real kernel and reads the reply.
"""

from __future__ import annotations

import nbformat

from practice.magics import guide_versions_to_change
from tests.exercises.execute import errors, execute_in_turn
from tests.exercises.learners import EXERCISE_CHAPTERS, bench_caught_up_before
from workbench.units import parse_units

CHAPTER = next(chapter for chapter in EXERCISE_CHAPTERS if chapter.stem == "05-service-naming")


def test_a_kept_version_is_handed_back_to_the_cell(tmp_path):
    package = tmp_path / "memcached"
    bench = bench_caught_up_before(CHAPTER, package)
    own = bench.definition("_traced_command").replace("span_type=SpanTypes.CACHE", "span_type='cache'")
    bench.write("patch.py", own, load=False)
    bench.close()
    exercise = next(exercise for exercise in CHAPTER.exercises
                    if ("patch.py", ("def", "_traced_command")) in guide_versions_to_change(CHAPTER)
                    and any(task.label == "_traced_command()" and task.rewrites for task in exercise.cell.tasks))
    starter = exercise.cell.source
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("%load_ext practice"),
        nbformat.v4.new_code_cell(f"%integration_exercise {CHAPTER.stem}"),
        nbformat.v4.new_code_cell(f"%%integration_file patch.py\n{starter}"),
    ])
    replies = {}

    def keep_reply(cell, cell_index, execute_reply):
        replies[cell_index] = execute_reply["content"]

    (ran,) = execute_in_turn(package, [(notebook, lambda cell: False)], on_cell_executed=keep_reply)

    assert errors(ran) == []
    payloads = [p for p in replies[2].get("payload", []) if p.get("source") == "set_next_input"]
    assert len(payloads) == 1, replies[2]
    kept = next(unit.source for unit in parse_units(starter) if unit.label == "_traced_command()")
    assert payloads[0]["replace"] is True
    assert payloads[0]["text"] == f"%%integration_file patch.py\n{starter.replace(kept, own)}"
    assert "span_type='cache'" in (package / "patch.py").read_text()  # the package keeps theirs
    # A cell that writes something else asks for nothing.
    assert not [p for p in replies[1].get("payload", []) if p.get("source") == "set_next_input"]
