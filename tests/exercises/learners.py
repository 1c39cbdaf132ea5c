"""A learner's package in a given state, built the way the notebooks build it."""

from __future__ import annotations

import re
from pathlib import Path

from practice.chapters import Chapter, walk
from workbench import replay
from workbench.bench import Workbench

CHAPTERS = walk()
EXERCISE_CHAPTERS = [chapter for chapter in CHAPTERS if chapter.has_exercises]
_CHECK_CALL = re.compile(r"check\.(\w+)\((TARGET|workbench\.target\(\)|workbench\.variant\(\"([\w-]+)\"\))")


def previous_exercise_chapter(chapter: Chapter) -> Chapter | None:
    index = EXERCISE_CHAPTERS.index(chapter)
    return EXERCISE_CHAPTERS[index - 1] if index else None


def bench_caught_up_before(chapter: Chapter, package: Path) -> Workbench:
    """The package as a learner who solved every chapter before this one has it."""
    bench = Workbench("memcached", package_dir=package)
    replay.replay(bench, replay.steps_through(chapter.stem, chapter.path.parent, including_last=False),
                  load=False)
    if not bench.files:  # the first exercise chapter starts from the template
        bench.scaffold(chapter.library, load=False)
    return bench


def checks_of(chapter: Chapter) -> list[tuple[str, str | None]]:
    """(check family, variant or None) of every check cell in the chapter, in order."""
    from checks.families import ORDER

    found = []
    for match in _CHECK_CALL.finditer(chapter.path.read_text()):
        families = ORDER if match[1] == "all" else (match[1],)
        found += [(family, match[3]) for family in families]
    return found
