"""IPython magics: write the integration from notebook cells.

    %load_ext workbench
    %integration_scaffold --library pymemcache      # start from templates/integration
    %%integration_file patch.py                     # merge this cell into patch.py
    %%integration_file patch.py --variant no-raise  # the same, into a throwaway copy
    %integration_resume 03-skeleton                 # replay earlier chapters' cells
"""

from __future__ import annotations

from dataclasses import dataclass

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, line_magic, magics_class

from workbench import replay
from workbench.bench import WorkbenchError


@dataclass(frozen=True)
class Resumed:
    """Which chapter wrote which definitions; printed by %integration_resume."""
    chapters: tuple[str, ...]
    by_chapter: dict[str, dict[str, list[str]]]

    def __repr__(self) -> str:
        lines = [f"Replayed {len(self.chapters)} chapter(s). The package now holds:"]
        for chapter in self.chapters:
            for file, labels in self.by_chapter.get(chapter, {}).items():
                lines.append(f"  {chapter:<22} {file:<12} {', '.join(labels)}")
        return "\n".join(lines)


def _syntax_error(error: SyntaxError) -> str:
    """The error as the cell's author reads it: lines counted from the cell's first line, the
    %%integration_file line included; nothing was written."""
    text = (error.text or "").rstrip("\n")
    indent = len(text) - len(text.lstrip())
    column = max((error.offset or 1) - 1 - indent, 0)
    shown = f"\n    {text.strip()}\n    {' ' * column}^" if text.strip() else ""
    return (f"SyntaxError in this cell, line {(error.lineno or 0) + 1}: {error.msg}{shown}\n"
            "Nothing was written: the package is as it was before this cell ran.")


def _bench():
    from workbench.kernel import bench  # the kernel's workbench, created on first use
    return bench()


@magics_class
class WorkbenchMagics(Magics):
    @cell_magic
    def integration_file(self, line: str, cell: str):
        """Merge this cell's definitions into a file of the integration package."""
        try:
            args = replay.parse_file_args(line)
            if args.variant:
                return _bench().write_variant(args.variant, args.file, cell)
            change = _bench().write(args.file, cell, origin="this chapter")
        except SyntaxError as error:  # the reader's code: their line, not the workbench's frames
            raise UsageError(_syntax_error(error)) from None
        except (WorkbenchError, ValueError) as error:
            raise UsageError(str(error)) from None
        if change.own_cell:
            # A starter run unchanged kept the learner's own version: the frontend puts that
            # version in the cell, in place of the starter (JupyterLab honours replace=True).
            cell_text = f"%%integration_file {line.strip()}\n{change.own_cell}".rstrip("\n")
            self.shell.set_next_input(cell_text, replace=True)
        return change

    @line_magic
    def integration_scaffold(self, line: str):
        """Start the integration package afresh from templates/integration."""
        try:
            args = replay.parse_scaffold_args(line)
            changes = _bench().scaffold(args.library, origin="this chapter")
        except (WorkbenchError, ValueError) as error:
            raise UsageError(str(error)) from None
        print("\n".join(repr(change) for change in changes))
        print("package:", _bench().target)

    @line_magic
    def integration_resume(self, line: str):
        """Rebuild the package from the workbench cells of the chapters named."""
        chapters = tuple(line.split())
        if not chapters:
            raise UsageError("name the chapters to replay, e.g. %integration_resume 03-skeleton")
        try:
            steps = [s for c in chapters for s in replay.steps_in(replay.chapter_path(c))]
        except ValueError as error:
            raise UsageError(str(error)) from None
        bench = _bench()
        bench.reset()
        replay.replay(bench, steps)
        by_chapter: dict[str, dict[str, list[str]]] = {}
        for file, units in bench.files.items():
            imports: dict[str, int] = {}
            for unit in units:
                chapter = bench.origins.get((file, unit.key), "?")
                if unit.is_import:
                    imports[chapter] = imports.get(chapter, 0) + 1
                else:
                    by_chapter.setdefault(chapter, {}).setdefault(file, []).append(unit.label)
            for chapter, count in imports.items():
                by_chapter.setdefault(chapter, {}).setdefault(file, []).append(
                    f"{count} import{'s' if count > 1 else ''}")
        return Resumed(chapters, by_chapter)
