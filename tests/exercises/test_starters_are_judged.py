"""Every starter is judged: left as it is (everything else solved), a check of its chapter fails.

This is the check-that-cannot-fail rule applied to exercises: a starter that the chapter's
checks pass would let a learner move on without writing anything.
"""

from __future__ import annotations

import ast

import pytest

from checks.suite import run_checks
from tests.exercises.learners import EXERCISE_CHAPTERS, bench_caught_up_before, checks_of
from workbench import replay

TASKS = [(chapter, exercise, task) for chapter in EXERCISE_CHAPTERS
         for exercise in chapter.exercises for task in exercise.cell.tasks]


def _solve_chapter(bench, chapter, leave=None):
    """Write the chapter's solution cells; ``leave`` (exercise, task) keeps one starter.

    Returns the target the left starter is judged on: the package, or its variant."""
    replay.replay(bench, replay.steps_in(chapter.path), load=False)
    if leave is None:
        return bench.target
    exercise, task = leave
    if exercise.variant:
        # The broken variant with its fix still a starter: the starter is the broken code.
        bench.write_variant(exercise.variant, exercise.file, task.starter)
        return bench.variant_target(exercise.variant)
    bench.write(exercise.file, task.starter, origin="starter", load=False)
    return bench.target


def test_every_chapter_that_writes_code_has_exercises():
    stems = [chapter.stem for chapter in EXERCISE_CHAPTERS]
    for wanted in ("03-skeleton", "04-tracing-commands", "05-service-naming", "06-exceptions",
                   "07-putting-it-together"):
        assert wanted in stems, f"{wanted} has no exercise cell"


@pytest.mark.parametrize("chapter", EXERCISE_CHAPTERS, ids=[c.stem for c in EXERCISE_CHAPTERS])
def test_no_solution_cell_is_given_away(chapter):
    """Every function a chapter's solution cells define is a task, not given as written."""
    tasks = {task.label for exercise in chapter.exercises for task in exercise.cell.tasks}
    for step in replay.steps_in(chapter.path):
        for node in ast.parse(step.source).body:
            if isinstance(node, ast.FunctionDef):
                assert f"{node.name}()" in tasks, (
                    f"{chapter.stem}: {node.name}() is written by a solution cell but has no starter")


@pytest.mark.parametrize("chapter,exercise,task", TASKS,
                         ids=[f"{c.stem}:{t.label}" for c, _, t in TASKS])
def test_a_starter_left_in_fails_a_check_of_its_chapter(chapter, exercise, task, tmp_path, check_services):
    bench = bench_caught_up_before(chapter, tmp_path / "memcached")
    target = _solve_chapter(bench, chapter, leave=(exercise, task))
    families = sorted({family for family, variant in checks_of(chapter)
                       if (variant is not None) == (exercise.variant is not None)})
    report = run_checks(target, tuple(families), services=check_services)
    assert report.target_error is None, report.target_error
    assert not report.passed, (
        f"{chapter.stem}: with {task.label} left as its starter, {', '.join(families)} still pass: "
        "the starter is not judged")


@pytest.mark.parametrize("chapter", EXERCISE_CHAPTERS, ids=[c.stem for c in EXERCISE_CHAPTERS])
def test_the_solved_chapter_passes_its_checks(chapter, tmp_path, check_services):
    bench = bench_caught_up_before(chapter, tmp_path / "memcached")
    target = _solve_chapter(bench, chapter)
    families = sorted({family for family, variant in checks_of(chapter) if variant is None})
    report = run_checks(target, tuple(families), services=check_services)
    assert report.passed, repr(report)
    for exercise in chapter.exercises:
        if exercise.variant:  # a fixed variant passes the checks the chapter runs on it
            bench.write_variant(exercise.variant, exercise.file, exercise.cell.solution)
            fixed = run_checks(bench.variant_target(exercise.variant), tuple(
                family for family, variant in checks_of(chapter) if variant == exercise.variant),
                services=check_services)
            assert fixed.passed, repr(fixed)
