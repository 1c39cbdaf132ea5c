"""Write the exercise notebooks and the learner's package into a folder (``make exercises``).

    .venv/bin/python -m practice [DEST] [--force]

Existing notebooks and the package are kept as they are: the learner's edits are never
overwritten. With --force they are replaced by fresh copies, after a copy of each has been
saved under DEST/.saved/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jupytext
import nbformat

from practice import learner
from practice.chapters import INTEGRATION, Chapter, library_of, walk
from practice.notebooks import exercise_notebook

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEST = REPO / "exercises"


def notebook_paths(dest: Path, chapter: Chapter) -> tuple[Path, Path]:
    return dest / f"{chapter.stem}.md", dest / f"{chapter.stem}.ipynb"


def write_notebook(dest: Path, chapter: Chapter, previous: Chapter | None) -> None:
    """One chapter's exercise notebook as a paired .md (MyST) and .ipynb."""
    notebook = exercise_notebook(chapter, previous)
    markdown, ipynb = notebook_paths(dest, chapter)
    jupytext.write(notebook, markdown, fmt="md:myst")
    nbformat.write(notebook, ipynb)


def exercise_chapters(chapters: list[Chapter]) -> list[tuple[Chapter, Chapter | None]]:
    """(chapter, the exercise chapter before it) for every chapter with exercises."""
    with_exercises = [chapter for chapter in chapters if chapter.has_exercises]
    return list(zip(with_exercises, [None] + with_exercises[:-1]))


def write_notebooks(dest: Path) -> list[Path]:
    """Every exercise notebook, overwriting (for the site's downloads, not a learner's folder)."""
    dest.mkdir(parents=True, exist_ok=True)
    for chapter, previous in exercise_chapters(walk()):
        write_notebook(dest, chapter, previous)
    return sorted(dest.iterdir())


def write_exercises(dest: Path = DEFAULT_DEST, force: bool = False) -> list[str]:
    """Write what is missing (everything, with force). Returns one line per file or folder."""
    chapters = walk()
    dest.mkdir(parents=True, exist_ok=True)
    lines = []
    package = dest / INTEGRATION
    if force and package.exists():
        lines.append(f"saved    {learner.save_copy(package, 'before-fresh-copy').relative_to(dest)}")
        shutil.rmtree(package)
    if learner.create_package(package, library_of(chapters)):
        lines.append(f"created  {package.relative_to(dest)}/ (from the template)")
    else:
        lines.append(f"kept     {package.relative_to(dest)}/ (yours)")
    for chapter, previous in exercise_chapters(chapters):
        paths = notebook_paths(dest, chapter)
        if all(path.exists() for path in paths) and not force:
            lines.append(f"kept     {paths[0].name}, {paths[1].name} (yours)")
            continue
        for path in paths:
            if path.exists():
                lines.append(f"saved    {learner.save_copy(path, 'before-fresh-copy').relative_to(dest)}")
        write_notebook(dest, chapter, previous)
        lines.append(f"wrote    {paths[0].name}, {paths[1].name}")
    return lines
