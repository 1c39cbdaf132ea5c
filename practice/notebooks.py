"""A chapter as an exercise notebook: starters to complete, checks that judge them.

The notebook is the chapter itself, with four changes:

- the cell that replayed earlier chapters opens the learner's own package instead
  (``%integration_exercise``), so the work of the previous chapter is where this one starts;
- each solution cell holds its starter (practice.starters), tagged ``exercise``, with the
  task stated above it and a hint and the solution folded below it;
- MyST directives become Markdown every notebook front end renders (practice.markdown);
- a last section shows which promises the learner's package keeps so far.
"""

from __future__ import annotations

import nbformat

from practice.chapters import Chapter, ExerciseCell
from practice.markdown import details, to_jupyter
from practice.starters import names_used
from workbench import replay

EXERCISE_TAG = "exercise"
EXERCISE_MAGIC = "%integration_exercise"
CATCH_UP_MAGIC = "%integration_catch_up"
JUPYTEXT_FORMATS = "ipynb,md:myst"


def _intro(chapter: Chapter, previous: Chapter | None) -> str:
    catch_up = previous.stem if previous else chapter.stem
    return "\n".join([
        "> **Exercise notebook: here you write the integration.**",
        ">",
        "> - Cells marked ✍️ hold *starters*: complete them, then run them. Each one writes into",
        ">   your package, `memcached/` next to this notebook (open it in your editor too).",
        "> - Check cells judge your package: a failing case says what was observed, what was",
        ">   expected, and how to fix it.",
        "> - Each task has a hint and the guide's solution, folded below it.",
        f"> - Skipped {'the previous chapter' if previous else 'this chapter'} or lost your way? "
        f"Run `{CATCH_UP_MAGIC} {catch_up}` in any cell:",
        f">   it puts the guide's solution {'up to' if previous else 'of'} `{catch_up}` into your "
        "package, after saving your files under `.saved/`.",
    ])


_SCAFFOLD_NOTE = (
    "In this exercise notebook `%integration_exercise` takes the place of "
    "`%integration_scaffold`: the package is your own folder, `memcached/` next to this "
    "notebook, made from the same skeleton by `make exercises` (or by the cell above, if it "
    "was missing). It stays between sessions, and every later chapter builds on it.")


def _task(exercise: ExerciseCell) -> str:
    written = [f"`{t.label}`" for t in exercise.cell.tasks if not t.rewrites]
    changed = [f"`{t.label}`" for t in exercise.cell.tasks if t.rewrites]
    where = f" in variant `{exercise.variant}`" if exercise.variant else ""
    parts = []
    if written:
        parts.append(f"write {', '.join(written)}")
    if changed and exercise.variant:
        parts.append(f"fix {', '.join(changed)} (it starts as the broken version above)")
    elif changed:
        parts.append(f"change {', '.join(changed)} (it starts as the guide's version from before this "
                     "chapter; if yours differs, run the cell once as it is: it leaves yours in your "
                     "package and puts it in the cell, to change)")
    sentence = " and ".join(parts)
    return (f"✍️ **Your turn**{where}: {sentence}. Then run the cell: it writes your package "
            f"(`{exercise.file}`).")


def _help(exercise: ExerciseCell) -> str:
    hints = []
    for task in exercise.cell.tasks:
        used = names_used(task)
        if used:
            hints.append(f"- `{task.label}` uses " + ", ".join(f"`{name}`" for name in used) + ".")
    hint = "\n".join(hints) or "Re-read the explanation just above the cell."
    solution = f"```python\n{exercise.cell.solution.strip()}\n```"
    return details("Hint", hint) + "\n\n" + details("Solution", solution)


def _introduces_replay(cells, index: int) -> bool:
    """The sentence before ``%integration_resume``, which is not true in exercise mode."""
    following = cells[index + 1] if index + 1 < len(cells) else None
    return (cells[index].cell_type == "markdown" and following is not None
            and "%integration_resume" in following.source and "replay" in cells[index].source
            and len(cells[index].source) < 400)


def _setup_line(line: str, chapter: Chapter) -> str:
    if line.startswith(("%integration_resume", replay.SCAFFOLD_MAGIC)):
        return f"{EXERCISE_MAGIC} {chapter.stem}"
    if line.strip() == "%load_ext workbench":
        return "%load_ext practice"
    return line


def exercise_notebook(chapter: Chapter, previous: Chapter | None = None,
                      solutions: bool = False) -> nbformat.NotebookNode:
    """The exercise notebook of one chapter (with ``solutions``, its solved twin)."""
    import jupytext

    source = jupytext.read(chapter.path)
    exercises = {exercise.index: exercise for exercise in chapter.exercises}
    cells = []
    for index, cell in enumerate(source.cells):
        if _introduces_replay(source.cells, index):
            cells.append(nbformat.v4.new_markdown_cell(
                "This kernel writes into your own package, which starts as you left it:"))
            continue
        if cell.cell_type == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(to_jupyter(cell.source)))
            if index == 0:
                cells.append(nbformat.v4.new_markdown_cell(_intro(chapter, previous)))
            continue
        exercise = exercises.get(index)
        if exercise is None:
            text = "\n".join(_setup_line(line, chapter) for line in cell.source.splitlines())
            cells.append(nbformat.v4.new_code_cell(text, metadata=dict(cell.metadata)))
            if replay.SCAFFOLD_MAGIC in cell.source:
                cells.append(nbformat.v4.new_markdown_cell(_SCAFFOLD_NOTE))
            continue
        magic = cell.source.splitlines()[0]
        body = exercise.cell.solution if solutions else exercise.cell.source
        cells.append(nbformat.v4.new_markdown_cell(_task(exercise)))
        cells.append(nbformat.v4.new_code_cell(f"{magic}\n{body}", metadata={"tags": [EXERCISE_TAG]}))
        cells.append(nbformat.v4.new_markdown_cell(_help(exercise)))
    cells += [
        nbformat.v4.new_markdown_cell(
            "## Your progress\n\nEvery promise the finished integration keeps, judged on your "
            "package as it is now:"),
        nbformat.v4.new_code_cell("import workbench\nfrom checks import notebook as check\n\n"
                                  "check.progress(workbench.target())"),
    ]
    metadata = {"kernelspec": dict(source.metadata["kernelspec"]),
                "jupytext": {"formats": JUPYTEXT_FORMATS, "default_lexer": "ipython3",
                             "text_representation": {"extension": ".md", "format_name": "myst"}}}
    return nbformat.v4.new_notebook(cells=cells, metadata=metadata)
