"""Which cells of which chapters are exercises, found by replaying the chapters in order.

Walking every chapter's workbench cells in order gives, for each cell, what its file held
just before it: the template after ``%integration_scaffold``, then each cell merged in. A
cell's starter depends on that state (a redefinition starts from the earlier version), so
the walk always covers all chapters, even when one chapter is wanted.

Variant cells write a throwaway copy: they are given as written, except a second cell for
the same variant within a chapter (the fix of a broken variant), whose starter is the
broken version.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from practice.starters import StarterCell, starter_cell
from workbench import replay
from workbench.scaffold import render_template
from workbench.units import Unit, merge, parse_units

INTEGRATION = "memcached"


@dataclass(frozen=True)
class ExerciseCell:
    index: int          # the cell's position in the chapter's notebook
    file: str
    variant: str | None
    cell: StarterCell


@dataclass(frozen=True)
class Chapter:
    stem: str
    path: Path
    exercises: tuple[ExerciseCell, ...]
    library: str | None  # set on the chapter that scaffolds the package

    @property
    def has_exercises(self) -> bool:
        return bool(self.exercises)


def _workbench_cells(notebook) -> list[tuple[int, str, str]]:
    """(cell index, magic line, body) of each workbench cell, in order."""
    found = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        lines = cell.source.splitlines()
        if lines and lines[0].startswith(replay.FILE_MAGIC + " "):
            found.append((index, lines[0], "\n".join(lines[1:])))
        else:
            found.extend((index, line, "") for line in lines if line.startswith(replay.SCAFFOLD_MAGIC))
    return found


def walk(notebook_dir: Path = replay.NOTEBOOK_DIR) -> list[Chapter]:
    import jupytext  # slow to import; only building exercises needs it

    files: dict[str, list[Unit]] = {}
    chapters = []
    library = None
    for path in sorted(notebook_dir.glob("*.md")):
        exercises = []
        variants: dict[str, dict[str, list[Unit]]] = {}
        scaffolds = None
        for index, magic, body in _workbench_cells(jupytext.read(path)):
            if magic.startswith(replay.SCAFFOLD_MAGIC):
                scaffolds = replay.parse_scaffold_args(magic[len(replay.SCAFFOLD_MAGIC):]).library
                library = scaffolds
                files = {name: parse_units(text)
                         for name, text in render_template(INTEGRATION, library or INTEGRATION).items()}
                continue
            args = replay.parse_file_args(magic[len(replay.FILE_MAGIC):])
            if args.variant is None:
                cell = starter_cell(body, files.get(args.file, []))
                files[args.file] = merge(files.get(args.file, []), parse_units(body))[0]
            elif args.variant in variants:
                variant_files = variants[args.variant]
                cell = starter_cell(body, variant_files.get(args.file, []))
                variant_files[args.file] = merge(variant_files.get(args.file, []), parse_units(body))[0]
            else:
                variants[args.variant] = {**files, args.file: merge(files.get(args.file, []),
                                                                   parse_units(body))[0]}
                continue
            if cell.is_exercise:
                exercises.append(ExerciseCell(index, args.file, args.variant, cell))
        chapters.append(Chapter(path.stem, path, tuple(exercises), scaffolds))
    return chapters


def library_of(chapters: list[Chapter]) -> str:
    return next((c.library for c in chapters if c.library), INTEGRATION)
