"""What a second run of a notebook, in the kernel that already ran it, may differ in."""

from __future__ import annotations

import re

import nbformat

from tests.notebooks.normalize import DIFF_REPLACE

# What a re-run may add, and why: IPython says so when an extension is loaded twice.
EXPECTED_ON_RERUN = re.compile(r"The workbench extension is already loaded\. To reload it, use:\n"
                               r"\s*%reload_ext workbench\n")


def _plain(outputs) -> str:
    text = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "") + "\n"
                   for o in outputs)
    for _path, pattern, replacement in DIFF_REPLACE:
        text = re.sub(pattern, replacement, text)
    return EXPECTED_ON_RERUN.sub("", text)


def _code_cells(notebook: nbformat.NotebookNode) -> list:
    return [cell for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip()]


def differences(first: nbformat.NotebookNode, second: nbformat.NotebookNode) -> list[str]:
    """Why the second run is not the first again: a new kernel, or a cell printing otherwise."""
    before, after = _code_cells(first), _code_cells(second)
    problems = []
    # A kernel counts executions from 1: a count that went on proves it is the same kernel.
    if before and after and after[0].execution_count <= before[-1].execution_count:
        problems.append(f"the second run did not continue the first run's kernel (execution "
                        f"count {after[0].execution_count} after {before[-1].execution_count})")
    for index, (a, b) in enumerate(zip(before, after)):
        if _plain(a.outputs) != _plain(b.outputs):
            problems.append(f"code cell {index}, run again in the same kernel:\n--- first run\n"
                            f"{_plain(a.outputs)}\n--- second run\n{_plain(b.outputs)}")
    return problems
