"""The learner's package: where it is, what is written so far, catching up, keeping copies.

The package is a real folder (``exercises/memcached/`` by default, next to the exercise
notebooks) that survives kernels and sessions. Nothing the learner wrote is ever deleted:
before the guide's solution or a fresh template replaces it, a copy goes to ``.saved/``
beside the package.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from practice.chapters import INTEGRATION, Chapter
from practice.starters import is_unwritten
from workbench import replay
from workbench.scaffold import scaffold
from workbench.units import Unit, parse_units

# The tests point exercise notebooks at a package of their own with this variable.
PACKAGE_ENV = "GUIDE_EXERCISE_PACKAGE"


def package_dir(cwd: Path | None = None) -> Path:
    """The learner's package: $GUIDE_EXERCISE_PACKAGE, or memcached/ next to the notebook."""
    configured = os.environ.get(PACKAGE_ENV)
    return Path(configured) if configured else (cwd or Path.cwd()) / INTEGRATION


def create_package(directory: Path, library: str) -> bool:
    """Start the package from the template unless it exists. Returns whether it was created."""
    if (directory / "__init__.py").exists():
        return False
    directory.parent.mkdir(parents=True, exist_ok=True)
    if directory.exists() and not any(directory.iterdir()):
        directory.rmdir()
    scaffold(directory.name, directory.parent, library)
    return True


def save_copy(path: Path, reason: str) -> Path:
    """Copy a file or folder to .saved/<time>-<reason>/ beside it; returns the copy."""
    saved_root = path.parent / ".saved"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    destination = saved_root / f"{stamp}-{reason}"
    suffix = 1
    while destination.exists():
        suffix += 1
        destination = saved_root / f"{stamp}-{reason}-{suffix}"
    destination.mkdir(parents=True)
    if path.is_dir():
        shutil.copytree(path, destination / path.name, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        shutil.copy2(path, destination / path.name)
    return destination / path.name


def catch_up(bench, chapters: list[Chapter], upto: str) -> Path:
    """Put the guide's solution of every chapter up to ``upto`` into the learner's package."""
    stems = [chapter.stem for chapter in chapters]
    if upto not in stems:
        raise ValueError(f"no chapter {upto!r}; chapters with exercises: "
                         f"{', '.join(c.stem for c in chapters if c.has_exercises)}.")
    saved = save_copy(bench.package_dir, f"before-catch-up-to-{upto}")
    steps = replay.steps_through(upto, chapters[0].path.parent)
    bench.reset()
    replay.replay(bench, steps)
    return saved


@dataclass(frozen=True)
class ChapterStatus:
    chapter: str
    unwritten: tuple[str, ...]   # labels of tasks still as their starter (or missing)
    tasks: int

    def __str__(self) -> str:
        if not self.unwritten:
            return f"{self.chapter}: all {self.tasks} tasks written"
        return (f"{self.chapter}: not written yet: {', '.join(self.unwritten)} "
                f"(or: %integration_catch_up {self.chapter})")


def _still_starter(current: Unit | None, task) -> bool:
    if current is None or is_unwritten(current):
        return True
    starter = parse_units(task.starter)[0]
    return current.normalized() == starter.normalized()


def status(files: dict[str, list[Unit]], chapters: list[Chapter]) -> list[ChapterStatus]:
    """For each chapter given, which of its tasks the package holds written."""
    statuses = []
    for chapter in chapters:
        unwritten, count = [], 0
        for exercise in chapter.exercises:
            if exercise.variant:
                continue  # a variant is a throwaway copy: nothing of it stays in the package
            units = {unit.key: unit for unit in files.get(exercise.file, [])}
            for task in exercise.cell.tasks:
                count += 1
                if _still_starter(units.get(task.key), task):
                    unwritten.append(task.label)
        statuses.append(ChapterStatus(chapter.stem, tuple(unwritten), count))
    return statuses
