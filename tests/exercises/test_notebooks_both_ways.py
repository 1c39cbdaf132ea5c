"""Each exercise notebook, run as a learner's kernel runs it: untouched, then solved.

Untouched (the package as the previous chapter's solution left it, the starters as they
are), the notebook runs to the end and its checks fail, only this chapter's. Then, in the
same kernel and on the same package, as a learner re-runs it after typing the solutions in:
with the solution cells put back, every check the chapter runs on the package passes.

The kernel's check cells share one set of services (checks.notebook keeps them). The
untouched run leaves out the check cells whose report no test reads: the progress view
(every check, 14 probes: the largest cell) and a broken variant shown failing on purpose.
Both run in the solved run, and the progress of starters is tested in tests/checks.
"""

from __future__ import annotations

import re

import pytest

from practice.notebooks import EXERCISE_TAG, exercise_notebook
from tests.exercises.execute import errors, execute_in_turn, text_of
from tests.exercises.learners import EXERCISE_CHAPTERS, bench_caught_up_before, previous_exercise_chapter

_VERDICT = re.compile(r"^(?P<title>[^\n:]+): (?P<mark>✓ pass|✗ FAIL) for ", re.MULTILINE)
_SUMMARY = re.compile(r"^Checks of [^\n]*: (?P<passed>\d+) of (?P<total>\d+) pass", re.MULTILINE)
_VARIANT = re.compile(r"workbench\.variant\(\"([\w-]+)\"\)")
_UNREAD = object()  # the key of a check cell whose report no test reads


def _is_check_cell(cell) -> bool:
    return cell.cell_type == "code" and "check." in cell.source


def _read_as(chapter, cell) -> str | None | object:
    """What a check cell's verdicts are filed under: None for the package, the name of a
    variant the learner fixes; _UNREAD for the progress view (a table, not a verdict) and a
    broken variant shown failing on purpose."""
    if "check.progress(" in cell.source:
        return _UNREAD
    variant = _VARIANT.search(cell.source)
    if variant is None:
        return None
    exercised = {exercise.variant for exercise in chapter.exercises if exercise.variant}
    return variant[1] if variant[1] in exercised else _UNREAD


def _verdicts(chapter, notebook) -> dict[tuple[str, str | None], bool]:
    """{(check, variant): passed} from the last report of each check the chapter judges by:
    those on the package, and those on a variant the learner fixes."""
    found = {}
    for cell in filter(_is_check_cell, notebook.cells):
        key = _read_as(chapter, cell)
        if key is _UNREAD:
            continue
        text = text_of(cell)
        for match in _VERDICT.finditer(text):
            found[(match["title"], key)] = match["mark"] == "✓ pass"
        for match in _SUMMARY.finditer(text):
            found[("all checks", key)] = match["passed"] == match["total"]
    return found


def _untouched_then_solved(chapter, tmp_path):
    package = tmp_path / "memcached"
    bench_caught_up_before(chapter, package).close()
    previous = previous_exercise_chapter(chapter)
    untouched = exercise_notebook(chapter, previous, solutions=False)
    solved = exercise_notebook(chapter, previous, solutions=True)

    def unread(cell) -> bool:
        return _is_check_cell(cell) and _read_as(chapter, cell) is _UNREAD

    return execute_in_turn(package, [(untouched, unread), (solved, lambda cell: False)])


@pytest.mark.parametrize("chapter", EXERCISE_CHAPTERS, ids=[c.stem for c in EXERCISE_CHAPTERS])
def test_untouched_its_checks_fail_then_solved_they_pass(chapter, tmp_path):
    untouched, solved = _untouched_then_solved(chapter, tmp_path)

    assert errors(untouched) == [], f"{chapter.stem} untouched raised: {errors(untouched)}"
    verdicts = _verdicts(chapter, untouched)
    assert verdicts and not all(verdicts.values()), (
        f"{chapter.stem}: every check passes on the untouched starters: {verdicts}")
    starters = [cell for cell in untouched.cells if EXERCISE_TAG in cell.metadata.get("tags", [])]
    assert starters, f"{chapter.stem}: no starter cell"

    assert errors(solved) == [], f"{chapter.stem} solved (after the untouched run) raised: {errors(solved)}"
    verdicts = _verdicts(chapter, solved)
    assert verdicts and all(verdicts.values()), f"{chapter.stem} solved (after the untouched run): {verdicts}"
