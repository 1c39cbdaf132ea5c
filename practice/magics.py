"""Exercise mode in a notebook: ``%load_ext practice`` adds two magics to the workbench's.

    %integration_exercise 04-tracing-commands   write into the learner's package from here on
    %integration_catch_up 03-skeleton           put the guide's solution up to a chapter in it

While the learner's package is open, a NotImplementedError raised by it (a starter not
filled in yet) is shown as one line naming the function to write, not as a traceback.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from IPython.core.error import UsageError
from IPython.core.magic import Magics, line_magic, magics_class

import workbench
from practice import learner
from practice.chapters import library_of, walk
from workbench.bench import WorkbenchError
from workbench.units import parse_units


def not_written_message(error: BaseException, package: Path) -> str:
    """One line for a starter that was called before it was written."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if Path(frame.filename).resolve().is_relative_to(package)]
    if not frames:
        return f"NotImplementedError: {error}"
    frame = frames[-1]
    where = f"{Path(frame.filename).name} line {frame.lineno}"
    return (f"✍️ not written yet: {frame.name}() ({where}). Write it in its cell above, run that "
            "cell, then run this one again.")


def _show_not_written(shell, etype, value, tb, tb_offset=None):
    package = workbench.bench().package_dir
    message = not_written_message(value, package)
    if message.startswith("NotImplementedError"):
        return shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    return [message]


def guide_versions_to_change(chapter) -> dict[tuple[str, object], set[str]]:
    """(file, unit key) -> the chapter's starters that hand over the guide's earlier version
    of a definition to change (normalized): run unchanged, they keep the learner's own."""
    starters = {}
    for exercise in chapter.exercises:
        if exercise.variant:  # a variant is a copy: the learner's package is not touched
            continue
        for task in exercise.cell.tasks:
            if task.rewrites:
                (unit,) = parse_units(task.starter)
                starters.setdefault((exercise.file, task.key), set()).add(unit.normalized())
    return starters


@magics_class
class PracticeMagics(Magics):
    @line_magic
    def integration_exercise(self, line: str):
        """Open the learner's package for this chapter; say what earlier chapters left unwritten."""
        stem = line.strip()
        chapters = walk()
        stems = [chapter.stem for chapter in chapters]
        if stem not in stems:
            raise UsageError(f"name this chapter, e.g. %integration_exercise {stems[3]}")
        directory = learner.package_dir()
        created = learner.create_package(directory, library_of(chapters))
        try:
            bench = workbench.open_package(directory)
        except WorkbenchError as error:
            raise UsageError(str(error)) from None
        self.shell.set_custom_exc((NotImplementedError,), _show_not_written)
        bench.starters = guide_versions_to_change(chapters[stems.index(stem)])
        print(f"your package: {directory}" + (" (new, from the template)" if created else ""))
        earlier = [c for c in chapters[:stems.index(stem)] if c.has_exercises]
        for chapter_status in learner.status(bench.files, earlier):
            print(" ", chapter_status)

    @line_magic
    def integration_catch_up(self, line: str):
        """Put the guide's solution of the chapters up to the one named into the package."""
        stem = line.strip()
        if not stem:
            raise UsageError("name the chapter to catch up to, e.g. %integration_catch_up 03-skeleton")
        bench = workbench.bench()
        if not bench.kept:
            raise UsageError("catching up needs the learner's package: run %integration_exercise first.")
        try:
            saved = learner.catch_up(bench, walk(), stem)
        except (ValueError, WorkbenchError) as error:
            raise UsageError(str(error)) from None
        print(f"your package now holds the guide's solution up to {stem}.")
        print(f"your files as they were: {saved}")
