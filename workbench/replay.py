"""The integration as the notebooks write it: their workbench cells, replayed in order.

A chapter runs in a fresh kernel, so one that builds on earlier chapters replays their
workbench cells first (``%integration_resume 03-skeleton 04-tracing-commands``). The same
replay over every chapter gives the finished integration that tests/walkthrough compares
with the package in integrations/memcached: one source of truth.

Steps are read from the notebooks' code cells:

    %integration_scaffold [--library LIB]          start from templates/integration
    %%integration_file FILE                        merge the cell into FILE
    %%integration_file FILE --variant NAME         (a throwaway copy: not replayed)
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass
from pathlib import Path

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
FILE_MAGIC = "%%integration_file"
SCAFFOLD_MAGIC = "%integration_scaffold"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # a clear error instead of SystemExit inside a kernel
        raise ValueError(f"{self.prog}: {message}")


def _file_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=FILE_MAGIC, add_help=False)
    parser.add_argument("file")
    parser.add_argument("--variant", default=None)
    return parser


def _scaffold_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=SCAFFOLD_MAGIC, add_help=False)
    parser.add_argument("--library", default=None)
    return parser


def parse_file_args(line: str) -> argparse.Namespace:
    return _file_parser().parse_args(shlex.split(line))


def parse_scaffold_args(line: str) -> argparse.Namespace:
    return _scaffold_parser().parse_args(shlex.split(line))


@dataclass(frozen=True)
class Step:
    chapter: str
    kind: str          # "scaffold" or "file"
    file: str = ""
    source: str = ""
    library: str | None = None


def steps_in(notebook: Path) -> list[Step]:
    """The workbench steps of one notebook, in cell order (variants left out)."""
    import jupytext  # imported here: it takes a moment, and only replays need it

    steps = []
    for cell in jupytext.read(notebook).cells:
        if cell.cell_type != "code":
            continue
        lines = cell.source.splitlines()
        if lines and lines[0].startswith(FILE_MAGIC + " "):
            args = parse_file_args(lines[0][len(FILE_MAGIC):])
            if args.variant is None:
                steps.append(Step(notebook.stem, "file", args.file, "\n".join(lines[1:])))
            continue
        for line in lines:
            if line.startswith(SCAFFOLD_MAGIC):
                args = parse_scaffold_args(line[len(SCAFFOLD_MAGIC):])
                steps.append(Step(notebook.stem, "scaffold", library=args.library))
    return steps


def chapter_path(stem: str, notebook_dir: Path = NOTEBOOK_DIR) -> Path:
    path = notebook_dir / f"{stem}.md"
    if not path.exists():
        known = ", ".join(p.stem for p in sorted(notebook_dir.glob("*.md")))
        raise ValueError(f"no chapter {stem!r} in {notebook_dir} (chapters: {known}).")
    return path


def steps_through(last: str, notebook_dir: Path = NOTEBOOK_DIR, *, including_last: bool = True) -> list[Step]:
    """The steps of every chapter up to ``last``, in chapter order: what a reader who has
    done them all has written (catch-up, and the exercise tests' learners).
    ``including_last=False`` stops just before ``last``."""
    chapter_path(last, notebook_dir)  # an unknown chapter: an error that names the known ones
    steps = []
    for path in sorted(notebook_dir.glob("*.md")):
        if path.stem == last and not including_last:
            break
        steps += steps_in(path)
        if path.stem == last:
            break
    return steps


def all_steps(notebook_dir: Path = NOTEBOOK_DIR) -> list[Step]:
    """Every chapter's steps, chapters in order: the finished integration."""
    return [step for path in sorted(notebook_dir.glob("*.md")) for step in steps_in(path)]


def replay(bench, steps: list[Step], load: bool = True) -> None:
    """Apply steps to a workbench, then (with load) import the result once."""
    for step in steps:
        if step.kind == "scaffold":
            bench.scaffold(step.library, origin=step.chapter, load=False)
        else:
            bench.write(step.file, step.source, origin=step.chapter, load=False)
    if load:
        bench.reload()
